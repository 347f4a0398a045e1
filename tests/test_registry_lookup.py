"""Matching reads only the people a file names: through the store's indexes, never the whole registry.

The row counts come from the statements themselves: every SELECT that ingest sends
is counted again, in the same transaction, as SELECT count(*) over it, and summed by
the table it reads. No timer is involved.
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, insert

from cec_batch.config import Limits
from cec_batch.match import Matcher, PersonRef
from cec_batch.model import Certificant
from cec_batch.normalize import _nicknames, first_name_forms, first_names_compatible, person_keys
from cec_batch.post import Ingest
from cec_batch.readers import read_file
from cec_batch.readers.reference import read_reference
from cec_batch.store.registry import StoreLookup
from cec_batch.store.tables import certificants

from cli_helpers import cli, export
from conftest import SAMPLES

TODAY = date(2026, 11, 15)
REGISTRY_TABLES = ("certificants", "certifications", "courses", "credits")
AGGREGATE = re.compile(r"SELECT\s+(coalesce\()?(max|min|count)\(", re.IGNORECASE)
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
         "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Maria"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin"]


def sample_people() -> list[Certificant]:
    return [Certificant(r["certificant_id"], r["first_name"], r["last_name"], r["email"], r["birth_date"])
            for r in read_reference(SAMPLES / "reference" / "certificants.csv", "certificants").rows]


def load_world(db_url, tmp_path, extra: int = 3000) -> list[dict]:
    """The sample reference data plus EXTRA generated people (each with a period); the extra people."""
    rnd = random.Random(5)
    people = [{"certificant_id": str(700000 + i), "first_name": rnd.choice(FIRST), "last_name": rnd.choice(LAST),
               "email": f"x{i}@example.org"} for i in range(extra)]
    for kind in ("certificants", "certifications", "courses"):
        src = (SAMPLES / "reference" / f"{kind}.csv").read_text(encoding="utf-8")
        lines = src.rstrip("\n").split("\n")
        if kind == "certificants":
            lines += [f"{p['certificant_id']},{p['first_name']},{p['last_name']},{p['email']}," for p in people]
        elif kind == "certifications":
            lines += [f"{p['certificant_id']},Personal Trainer,2025-01-01,2026-12-31" for p in people]
        path = tmp_path / f"{kind}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cli(db_url, "load", kind, str(path))
    return people


class RowsRead:
    """Counts the rows that SELECTs on ENGINE return, by registry table (re-counted in the same transaction)."""

    def __init__(self, engine):
        self.engine, self.by_table, self.statements = engine, Counter(), []
        event.listen(engine, "after_cursor_execute", self._after)

    def _after(self, conn, cursor, statement, parameters, context, executemany):
        sql = statement.lstrip()
        if executemany or not sql[:6].upper() == "SELECT":
            return
        if AGGREGATE.match(sql):
            return  # one row whatever the table holds (the next credit ID)
        tables = [t for t in REGISTRY_TABLES if re.search(rf"\bFROM {t}\b", sql, re.IGNORECASE)]
        if not tables:
            return
        raw = conn.connection.driver_connection.cursor()
        try:
            raw.execute(f"SELECT count(*) FROM ({statement}) AS counted", parameters)
            n = raw.fetchone()[0]
        finally:
            raw.close()
        self.by_table[tables[0]] += n
        self.statements.append((tables[0], n, sql[:120]))

    def close(self):
        event.remove(self.engine, "after_cursor_execute", self._after)


def roster(tmp_path, rows: list[tuple]) -> object:
    path = tmp_path / "ten.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ACE ID", "First Name", "Last Name", "Email", "Course #", "Date Completed", "CECs"])
        w.writerows(rows)
    return path


def ingest(engine, path) -> RowsRead:
    counter = RowsRead(engine)
    try:
        with Ingest(engine, operator="clerk", today=TODAY, limits=Limits()) as run:
            report = run.apply(path)
    finally:
        counter.close()
    assert report.status == "applied", report.message
    counter.report = report
    return counter


def test_ten_row_ingest_reads_no_more_registry_rows_than_it_names(engine, db_url, tmp_path):
    people = load_world(db_url, tmp_path)
    chosen = people[100:110]
    courses = ["CA23456", "CA23458", "CA23511", "CA24102"]
    path = roster(tmp_path, [(p["certificant_id"], p["first_name"], p["last_name"], p["email"], courses[i % 4],
                              "03/05/2026", "") for i, p in enumerate(chosen)])
    read = ingest(engine, path)
    assert read.report.credits == 10, read.report.message
    # Ten people (one period each, no credits yet) and four courses, out of 3,000+ people and the catalogue.
    assert 0 < read.by_table["certificants"] <= 10, read.statements
    assert read.by_table["certifications"] <= 10, read.statements
    assert read.by_table["courses"] <= 4, read.statements
    assert read.by_table["credits"] == 0, read.statements

    # The same people again, on other courses: their ten earlier credits are read (R14), nobody else's.
    path = roster(tmp_path, [(p["certificant_id"], p["first_name"], p["last_name"], p["email"], courses[(i + 1) % 4],
                              "03/06/2026", "") for i, p in enumerate(chosen)])
    read = ingest(engine, path)
    assert read.report.credits == 10, read.report.message
    assert read.by_table["certificants"] <= 10 and read.by_table["credits"] <= 10, read.statements


def test_rows_without_ids_read_only_the_people_of_their_names(engine, db_url, tmp_path):
    people = load_world(db_url, tmp_path)
    named = [p for p in people if p["last_name"] in ("Taylor", "Moore")][:6]
    path = roster(tmp_path, [("", p["first_name"], p["last_name"], "", "CA23456", "03/05/2026", "") for p in named])
    read = ingest(engine, path)
    # At most those who share a surname and a first-name form with a row (the only people who can match).
    keys = {person_keys(p["first_name"], p["last_name"])[:2] for p in named}
    forms = {(s, f2) for s, f in keys for f2 in first_name_forms(f)}
    fitting = [p for p in people if person_keys(p["first_name"], p["last_name"])[:2] in forms]
    assert 0 < read.by_table["certificants"] <= len(fitting) < 300, read.statements
    assert sum(read.report.outcomes.values()) + read.report.credits == len(named)


def test_certificants_written_without_load_are_matched_by_name(engine, db_url, tmp_path):
    cli(db_url, "load", "courses", str(SAMPLES / "reference" / "courses.csv"))
    with engine.begin() as conn:
        conn.execute(insert(certificants).values(certificant_id="555001", first_name="Ada", last_name="Lovelace"))
    path = roster(tmp_path, [("", "Ada", "Lovelace", "", "CA23456", "03/05/2026", "")])
    ingest(engine, path)
    found = export(db_url, tmp_path, "exceptions")
    # Matched by name (she has no period, so R9 says no): not an unknown certificant.
    assert [e["kind"] for e in found] == ["outside_period"], found


def test_first_name_forms_are_exactly_the_compatible_names():
    nicks, canonicals = _nicknames()
    universe = sorted(set(nicks) | set(canonicals) | {n for v in nicks.values() for n in v} | {"zyx"})
    rnd = random.Random(3)
    for a in rnd.sample(universe, 250) + ["bob", "robert", "bill", "peggy", "zyx"]:
        forms = first_name_forms(a)
        assert forms == {b for b in universe if first_names_compatible(a, b)}, a


def store_and_memory(engine):
    people = sample_people()
    with engine.begin() as conn:
        conn.execute(insert(certificants), [dict(certificant_id=p.certificant_id, first_name=p.first_name,
                                                 last_name=p.last_name, email=p.email, birth_date=p.birth_date,
                                                 **dict(zip(("surname_key", "first_key", "sound_key", "first_sound"),
                                                            person_keys(p.first_name, p.last_name))))
                                            for p in people])
    return people


def _same(a, b):
    assert a.certificant_id == b.certificant_id
    assert a.evidence == b.evidence
    assert (a.finding is None) == (b.finding is None)
    if a.finding:
        assert (a.finding.kind, a.finding.detail, a.finding.data) == (b.finding.kind, b.finding.detail, b.finding.data)


def test_the_store_matcher_decides_every_sample_row_as_the_list_matcher_does(engine):
    people = store_and_memory(engine)
    memory = Matcher(people)
    rows = [r for p in sorted((SAMPLES / "rosters").iterdir()) if p.name != "corrupt_truncated.xlsx"
            for r in read_file(p, limits=Limits()).rows.to_dict("records")]
    refs = [PersonRef.from_row(r.get("certificant_id"), r.get("first_name"), r.get("last_name"), r.get("full_name"),
                               r.get("email")) for r in rows]
    with engine.connect() as conn:
        stored = Matcher(lookup=StoreLookup(conn))
        stored.prefetch(ids={r.certificant_id for r in refs}, emails={r.email for r in refs},
                        names=[n for r in refs for n in r.names])
        for ref in refs:
            _same(memory.match(ref), stored.match(ref))
        # Unknown people are answered too, from a look-up (not prefetched) or from the cache.
        for ref in [PersonRef(certificant_id="999999"), PersonRef(email="nobody@example.org"),
                    PersonRef(names=[(("zed",), ("nobody",))], shown="Zed Nobody")]:
            _same(memory.match(ref), stored.match(ref))
            _same(memory.match(ref), stored.match(ref))


PEOPLE = sample_people()


def typo(word: str, rnd: random.Random) -> str:
    """One edit away from WORD inside one of its words, the first letter of each word kept.

    A slip across a space or hyphen ("de la Cruz" as "d ela Cruz") re-cuts the words and can
    change the surname's first sound and initial together: no Soundex block promises to keep
    that, so it is not the typo this test is about.
    """
    if len(word) < 4:
        return word + word[-1]
    inside = [i for i in range(1, len(word) - 1)
              if word[i - 1].isalpha() and word[i].isalpha() and word[i + 1].isalpha()]
    if not inside:
        return word + word[-1]
    i = rnd.choice(inside)
    kind = rnd.choice(["swap", "drop", "double", "change"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rnd.choice("aeiouy") + word[i + 1:]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PEOPLE), st.integers(0, 10_000), st.booleans())
def test_a_typo_keeps_the_person_among_similar_names(person, seed, in_surname):
    rnd = random.Random(seed)
    first, last = person.first_name, person.last_name
    if in_surname:
        last = typo(last, rnd)
    else:
        first = typo(first, rnd)
    ref = PersonRef.from_row(None, first, last, None, None)
    m = Matcher(PEOPLE)
    if m.by_name(ref.names):
        return  # still an exact name (a nickname, or the typo made another real name)
    from rapidfuzz import fuzz

    # A full scan would find the person (score >= 75); the Soundex blocks must find them too.
    full = " ".join(sum(ref.names[0], ()))
    pf, pl = m.person_tokens(person)
    if fuzz.token_sort_ratio(full, " ".join(pf + pl)) < 75:
        return
    similar = m.similar_names(ref.names, limit=len(PEOPLE))
    assert person in similar, (first, last)
