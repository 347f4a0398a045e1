"""The quick screen compares a row with the blocking keys the store keeps for the person.

A person's Form (match.Form: first-name token, surname key, email) comes from the keys `load`
writes (migration 0004) and the stored email; these tests check that it is the Form worked
out from the names, on both stores (people written by other means included), and that the
quick screen over it decides every row as the rules with an in-memory registry do.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import insert, select

from cec_batch.config import Limits
from cec_batch.match import Matcher, person_form
from cec_batch.model import ROW_FIELDS, Certificant, Course
from cec_batch.prescreen import quick_screen
from cec_batch.readers import read_file
from cec_batch.readers.reference import read_reference
from cec_batch.rules import screen
from cec_batch.store import refdata
from cec_batch.store.registry import StoreLookup
from cec_batch.store.tables import certificants

from cli_helpers import cli
from conftest import SAMPLES

TODAY = date(2026, 11, 15)
ODD = [  # (id, first, last, email): people written by other means than `load`, with odd names and emails
    ("900001", "José", "Núñez", "Mailto:Jose.Nunez@Example.ORG"),
    ("900002", "Ada", "Lovelace", None),
    ("900003", "Jan", "van der Berg", "not an address"),
    ("900006", "J.", "Smith", "j.smith@example.com"),
    ("900004", "Mary-Kate", "O'Brien", "<mk@example.com>"),
    ("900005", "Dr. Li", "Wei Jr.", "li.wei@example.com"),
]


def test_the_stored_form_is_the_one_worked_out_from_the_names(engine, db_url):
    cli(db_url, "load", "certificants", str(SAMPLES / "reference" / "certificants.csv"))
    with engine.begin() as conn:
        conn.execute(insert(certificants), [dict(certificant_id=c, first_name=f, last_name=l, email=e)
                                            for c, f, l, e in ODD])  # no keys stored: worked out
        ids = [r[0] for r in conn.execute(select(certificants.c.certificant_id))]
        for fill in (False, True):  # before and after the ingest's fill of the missing keys
            if fill:
                assert refdata.fill_name_keys(conn) == len(ODD)
            matcher = Matcher(lookup=StoreLookup(conn))
            matcher.prefetch(ids=ids + ["999999"])
            forms = {cid: matcher.form(cid) for cid in ids}  # from the rows, before any Certificant is made
            for cid in ids:
                assert forms[cid] == person_form(matcher.person(cid)) == matcher.form(cid), cid
        assert forms["900001"] == ("jose", "nunez", "jose.nunez@example.org")
        assert forms["900003"] == ("jan", "vanderberg", None)  # an email that is no address: none
        assert forms["900004"] == ("mary", "obrien", "mk@example.com")
        assert forms["900006"] is None  # no first-name token: never the quick screen's case
        assert matcher.form("999999") is None and matcher.person("999999") is None
        # People kept as rows count as found, whether made into Certificants yet or not.
        fresh = Matcher(lookup=StoreLookup(conn))
        fresh.prefetch(ids=ids)
        assert fresh.form(ids[0]) is not None
        assert sorted(fresh.by_id) == sorted(ids) and len(fresh.by_id) == len(ids)


def sample_world():
    people = [Certificant(r["certificant_id"], r["first_name"], r["last_name"], r["email"], r["birth_date"])
              for r in read_reference(SAMPLES / "reference" / "certificants.csv", "certificants").rows]
    catalogue = {r["course_number"]: Course(**r)
                 for r in read_reference(SAMPLES / "reference" / "courses.csv", "courses").rows}
    return people, catalogue


def test_quick_screen_on_stored_keys_decides_every_row_as_the_rules_do(engine, db_url):
    """Sample rows, and rows made to differ from their person a little (case, accents, email, nickname)."""
    for kind in ("certificants", "courses"):
        cli(db_url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv"))
    people, catalogue = sample_world()
    rows = [r for p in sorted((SAMPLES / "rosters").iterdir()) if p.name != "corrupt_truncated.xlsx"
            for r in read_file(p, limits=Limits()).rows.to_dict("records")]
    rnd = random.Random(11)
    for i in range(400):
        p, other = rnd.choice(people), rnd.choice(people)
        rows.append({f: None for f in ROW_FIELDS} | {
            "location": f"row {i + 2}", "certificant_id": rnd.choice([p.certificant_id, other.certificant_id]),
            "first_name": rnd.choice([p.first_name, p.first_name.upper(), other.first_name, "Bob", None]),
            "last_name": rnd.choice([p.last_name, f" {p.last_name} ", other.last_name, None]),
            "full_name": rnd.choice([None, f"{p.last_name}, {p.first_name}"]),
            "email": rnd.choice([None, p.email, (p.email or "").upper(), other.email, "bad-address"]),
            "course_number": rnd.choice(sorted(catalogue)), "completion_date": "03/05/2026",
            "ceus": rnd.choice([None, "0.8", "2"])})
    columns = {f: [r.get(f) for r in rows] for f in ROW_FIELDS}
    memory = Matcher(people)
    with engine.connect() as conn:
        matcher = Matcher(lookup=StoreLookup(conn))
        matcher.prefetch(ids={r["certificant_id"] for r in rows if isinstance(r["certificant_id"], str)})
        quick = quick_screen(columns, catalogue=catalogue, matcher=matcher, today=TODAY)
        same = quick_screen(columns, catalogue=catalogue, matcher=Matcher(people), today=TODAY)
        taken = 0
        for row, q, m in zip(rows, quick, same):
            assert (q is None) == (m is None), row  # the stored keys take the rows the worked-out ones take
            if q is None:
                continue
            taken += 1
            slow = screen(row, catalogue=catalogue, matcher=memory, today=TODAY)
            assert not slow.finished and q.outcome == slow.outcome == m.outcome, row
            assert q.course == slow.course and q.stated_ceus == slow.stated_ceus
        assert taken > 100  # the test compares decisions, not only refusals
