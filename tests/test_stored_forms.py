"""Each certificant's normalised email and name key, stored (migration 0006, `load`) and used by the ingest.

The quick screen and similar_names compare a row with what the store keeps for the person;
these tests check that what is kept is what normalize would work out, on both stores, and
that a matcher reading it decides every row as the rules with an in-memory registry do.
"""

from __future__ import annotations

import random
from datetime import date

import sqlalchemy as sa
from sqlalchemy import insert, select

from cec_batch.config import Limits
from cec_batch.match import Matcher, person_form
from cec_batch.model import ROW_FIELDS, Certificant, Course
from cec_batch.normalize import normalize_email, person_name_key
from cec_batch.prescreen import quick_screen
from cec_batch.readers import read_file
from cec_batch.readers.reference import read_reference
from cec_batch.rules import screen
from cec_batch.store import db as store_db
from cec_batch.store import refdata
from cec_batch.store.registry import StoreLookup
from cec_batch.store.tables import certificants

from cli_helpers import cli
from conftest import SAMPLES

TODAY = date(2026, 11, 15)
ODD = [  # (id, first, last, email): what the fill and the load must key as normalize does
    ("900001", "José", "Núñez", "Mailto:Jose.Nunez@Example.ORG"),
    ("900002", "Ada", "Lovelace", None),
    ("900003", "J.", "van der Berg", "not an address"),
    ("900004", "Mary-Kate", "O'Brien", "<mk@example.com>"),
    ("900005", "Dr. Li", "Wei Jr.", "li.wei@example.com"),
]


def stored(conn) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in conn.execute(sa.text(
        "SELECT certificant_id, first_name, last_name, email, email_key, name_key FROM certificants"))}


def assert_keyed_as_normalize_does(rows: dict[str, tuple]) -> None:
    assert rows
    for cid, (first, last, email, email_key, name_key) in rows.items():
        assert email_key == (normalize_email(email) if email is not None else None), cid
        assert name_key == person_name_key(first, last), cid


def test_migration_0006_fills_the_keys_of_existing_certificants(db_url):
    engine = store_db.make_engine(db_url)
    store_db.upgrade(engine, "0005")
    t = sa.table("certificants", *(sa.column(c) for c in ("certificant_id", "first_name", "last_name", "email")))
    rnd = random.Random(6)
    # More than the migration's batch (20,000), so that it goes on after its first batch.
    people = [(str(100000 + i), rnd.choice(["Ann", "Bob", "Zoë"]), rnd.choice(["Kim", "Smith Jones", "Ng"]),
               rnd.choice([None, f"P{i}@Example.com"])) for i in range(20_010)] + ODD
    with engine.begin() as conn:
        conn.execute(insert(t), [dict(zip(("certificant_id", "first_name", "last_name", "email"), p))
                                 for p in people])
    store_db.upgrade(engine)
    with engine.connect() as conn:
        rows = stored(conn)
    engine.dispose()
    assert len(rows) == len(people)
    assert_keyed_as_normalize_does(rows)
    assert rows["900001"][3:] == ("jose.nunez@example.org", "jose nunez")
    assert rows["900003"][3:] == (None, "van der berg")  # no initials; an email that is no address: none
    assert rows["100000"][4] in {"ann kim", "ann smith jones", "ann ng", "bob kim", "bob smith jones", "bob ng",
                                 "zoe kim", "zoe smith jones", "zoe ng"}


def test_migration_0006_goes_down_and_up_again(db_url):
    engine = store_db.make_engine(db_url)
    store_db.upgrade(engine)
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(store_db._alembic_config(conn), "0005")
    with engine.connect() as conn:
        assert "name_key" not in {c["name"] for c in sa.inspect(conn).get_columns("certificants")}
    store_db.upgrade(engine)
    assert store_db.current_revision(engine) == store_db.head_revision()
    engine.dispose()


def test_load_stores_the_keys_and_a_second_load_keeps_them_in_step(db_url, tmp_path):
    cli(db_url, "load", "certificants", str(SAMPLES / "reference" / "certificants.csv"))
    path = tmp_path / "again.csv"
    lines = ["certificant_id,first_name,last_name,email,birth_date"]
    lines += [f"{cid},{first},{last},{email or ''}," for cid, first, last, email in ODD if email != "not an address"]
    lines.append("100128,Bill,Tran-Nguyen,BILL@example.net,1983-03-29")  # a sample person renamed
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli(db_url, "load", "certificants", str(path))
    engine = store_db.open_store(db_url)
    with engine.connect() as conn:
        rows = stored(conn)
    engine.dispose()
    assert len(rows) > 50
    assert_keyed_as_normalize_does(rows)
    assert rows["100128"][3:] == ("bill@example.net", "bill tran nguyen")


def test_certificants_written_by_other_means_get_their_keys_at_the_next_ingest(engine):
    with engine.begin() as conn:
        conn.execute(insert(certificants), [dict(certificant_id=c, first_name=f, last_name=l, email=e)
                                            for c, f, l, e in ODD])
        assert all(r[4] is None for r in stored(conn).values())  # nothing stored yet: the reader works it out
        assert refdata.fill_name_keys(conn) == len(ODD)
        assert_keyed_as_normalize_does(stored(conn))


def test_the_stored_form_is_the_one_worked_out_from_the_names(engine, db_url):
    cli(db_url, "load", "certificants", str(SAMPLES / "reference" / "certificants.csv"))
    with engine.begin() as conn:
        conn.execute(insert(certificants), [dict(certificant_id=c, first_name=f, last_name=l, email=e)
                                            for c, f, l, e in ODD])  # no keys stored: worked out
        ids = [r[0] for r in conn.execute(select(certificants.c.certificant_id))]
        matcher = Matcher(lookup=StoreLookup(conn))
        matcher.prefetch(ids=ids + ["999999"])
        for cid in ids:
            p = matcher.person(cid)
            assert matcher.form(cid) == person_form(p), cid
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
