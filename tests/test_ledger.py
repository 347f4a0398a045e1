"""The ledger through the command line: loading, posting once, reversing, provenance, exports.

Runs on a real SQLite file and on the real PostgreSQL server (the `db_url` fixture).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, select, text

from cec_batch.store import open_store
from cec_batch.store.tables import credits, exceptions, files

from cli_helpers import cli, export, write
from small_world import CERTIFICANTS, CERTIFICATIONS


COURSES = """course_number,title,provider,ceus,category,approved_from,approved_to
CA23456,Kettlebell Foundations,Acme,0.8,standard,2024-01-01,
CEP123456,Summit Conference,Summit,2.0,event,2024-01-01,
CP10001,CPR/AED Adult,Red Line,0.2,cpr,2024-01-01,
CS55555,Spin Class,Acme,0.5,activity,2024-01-01,
"""
ROSTER = """ACE ID,First Name,Last Name,Email,Course #,Date Completed,CECs
104233,Robert,Smith,bob@example.com,CA23456,03/05/2026,0.8
200001,Jose,Nunez,,CA-23456,03/05/2026,
,Maria,Garcia,,CA23456,03/05/2026,
104233,Robert,Smith,,CS55555,03/05/2026,
"""


@pytest.fixture
def world(db_url, tmp_path):
    for name, body in (("certificants", CERTIFICANTS), ("certifications", CERTIFICATIONS), ("courses", COURSES)):
        p = tmp_path / f"{name}.csv"
        p.write_text(body, encoding="utf-8")
        cli(db_url, "load", name, str(p))
    return tmp_path


def test_r1_loading_certificants_again_updates_by_id(db_url, world):
    cli(db_url, "load", "certificants", str(write(world / "c2.csv", CERTIFICANTS.replace("Robert,Smith", "Rob,Smythe"))))
    eng = open_store(db_url)
    with eng.connect() as conn:
        rows = conn.execute(text("select first_name, last_name from certificants where certificant_id='104233'")).all()
        n = conn.execute(text("select count(*) from certificants")).scalar()
    eng.dispose()
    assert rows == [("Rob", "Smythe")] and n == 4


def test_load_reports_bad_rows_with_row_numbers_and_loads_the_rest(db_url, tmp_path):
    bad = write(tmp_path / "courses.csv", COURSES + "CA2345,Bad,Acme,0.8,standard,2024-01-01,\n"
                                                   "CA99999,Bad,Acme,0.8,yoga,2024-01-01,\n"
                                                   "CA99998,Bad,Acme,0.8,standard,2024-13-01,\n")
    res = cli(db_url, "load", "courses", str(bad), ok=(1,))
    assert "courses.csv row 6: course number \"CA2345\"" in res.output
    assert "courses.csv row 7: category 'yoga' is not one of" in res.output
    assert "courses.csv row 8: approved_from '2024-13-01' is not a date" in res.output
    assert "loaded 4 rows" in res.output


def test_ingest_posts_valid_rows_and_records_exceptions(db_url, world):
    res = cli(db_url, "ingest", "--json", str(write(world / "acme.csv", ROSTER)))
    summary = json.loads(res.output)
    assert summary["credits"] == 2
    assert summary["exceptions"] == {"ambiguous_certificant": 1, "ineligible_course": 1}
    rows = export(db_url, world, "exceptions")
    assert {(r["kind"], r["source_location"]) for r in rows} == {("ambiguous_certificant", "row 4"),
                                                                   ("ineligible_course", "row 5")}


def test_r25_every_credit_and_exception_carries_its_provenance(db_url, world):
    cli(db_url, "ingest", str(write(world / "acme.csv", ROSTER)))
    credit = export(db_url, world, "credits")[0]
    assert credit["source_file"] == "acme.csv" and credit["source_location"] == "row 2"
    assert credit["operator"] == "clerk" and credit["batch_id"] and credit["posted_at"].startswith("20")
    eng = open_store(db_url)
    with eng.connect() as conn:
        f = conn.execute(select(files)).mappings().one()
        exc = conn.execute(select(exceptions)).mappings().first()
    eng.dispose()
    assert len(f["sha256"]) == 64 and f["original_name"] == "acme.csv"
    assert exc["file_id"] == f["file_id"] and exc["batch_id"] and exc["operator"] == "clerk"


def test_r26_same_bytes_under_another_name_post_nothing_the_second_time(db_url, world):
    first = write(world / "acme.csv", ROSTER)
    cli(db_url, "ingest", str(first))
    again = cli(db_url, "ingest", str(first))
    assert "already applied" in again.output
    copy = world / "copy-of-acme.csv"
    shutil.copy(first, copy)
    res = cli(db_url, "ingest", "--json", str(copy))
    s = json.loads(res.output)
    assert s["credits"] == 0 and s["files"]["already_applied"] == 1
    assert "already applied" in s["details"][0]["message"] and "acme.csv" in s["details"][0]["message"]
    assert len(export(db_url, world, "credits")) == 2


def test_r14_duplicate_across_files_names_the_standing_credit(db_url, world):
    cli(db_url, "ingest", str(write(world / "a.csv", ROSTER)))
    later = write(world / "b.csv", "ACE ID,Name,Course Number,Completion Date\n104233,Bob Smith,CA23456,06/01/2026\n")
    res = cli(db_url, "ingest", "--json", str(later))
    assert json.loads(res.output)["exceptions"] == {"duplicate": 1}
    dup = [r for r in export(db_url, world, "exceptions") if r["kind"] == "duplicate"][0]
    assert "credit 1" in dup["detail"] and "a.csv row 2" in dup["detail"]


def test_r14_the_database_itself_refuses_a_second_standing_credit(db_url, world):
    cli(db_url, "ingest", str(write(world / "a.csv", ROSTER)))
    eng = open_store(db_url)
    with eng.connect() as conn:
        first = conn.execute(select(credits)).mappings().first()
    row = dict(first)
    row.pop("credit_id")
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), eng.begin() as conn:
        conn.execute(insert(credits).values(**row))
    eng.dispose()


def test_r14_the_bulk_credit_insert_refuses_a_second_standing_credit_as_an_integrity_error(db_url, world):
    # The ingest retries on IntegrityError when another run posted the same credit meanwhile;
    # the bulk insert talks to the driver directly and must raise that same exception.
    from sqlalchemy.exc import IntegrityError

    from cec_batch.store import ledger

    cli(db_url, "ingest", str(write(world / "a.csv", ROSTER)))
    eng = open_store(db_url)
    with eng.connect() as conn:
        first = conn.execute(select(credits)).mappings().first()
    with pytest.raises(IntegrityError), ledger.write_transaction(eng) as conn:
        row = dict(first, credit_id=ledger.allocate_credit_ids(conn, 1)[0])
        ledger.insert_credits(conn, [tuple(row[c] for c in ledger.CREDIT_COLUMNS)])
    eng.dispose()


def test_r24_reversal_keeps_the_credit_and_frees_the_course_for_a_new_credit(db_url, world):
    cli(db_url, "ingest", str(write(world / "a.csv", ROSTER)))
    res = cli(db_url, "reverse", "1", "--reason", "posted to the wrong person")
    assert "reversed" in res.output
    rows = export(db_url, world, "credits")
    assert [r["reversed"] for r in rows] == ["true", "false"]
    again = cli(db_url, "reverse", "1", "--reason", "twice", ok=(1,))
    assert "already reversed" in again.output
    later = write(world / "b.csv", "ACE ID,Name,Course Number,Completion Date\n104233,Bob Smith,CA23456,06/01/2026\n")
    assert json.loads(cli(db_url, "ingest", "--json", str(later)).output)["credits"] == 1
    assert len(export(db_url, world, "credits")) == 3


def test_reverse_of_a_missing_credit_is_a_usage_error(db_url, world):
    res = cli(db_url, "reverse", "99", "--reason", "x", ok=(2,))
    assert "credit 99 does not exist" in res.output


def test_unreadable_file_is_reported_and_the_rest_is_posted(db_url, world):
    folder = world / "inbox"
    folder.mkdir()
    write(folder / "a.csv", ROSTER)
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 this is not a workbook")
    (folder / "empty.csv").write_bytes(b"")
    res = cli(db_url, "ingest", "--json", str(folder), ok=(1,))
    s = json.loads(res.output)
    assert s["credits"] == 2 and s["files"]["unreadable"] == 2
    msgs = {d["file"]: d["message"] for d in s["details"]}
    assert msgs["broken.xlsx"].startswith("broken.xlsx: ") and "\n" not in msgs["broken.xlsx"]
    kinds = [(r["kind"], r["source_file"], r["source_location"]) for r in export(db_url, world, "exceptions")]
    assert ("unreadable_file", "broken.xlsx", "") in kinds and ("unreadable_file", "empty.csv", "") in kinds


def test_an_internal_error_on_one_file_is_one_line_the_file_stays_unapplied_and_the_rest_is_posted(db_url, world):
    from datetime import date

    from cec_batch.post import Ingest
    from cec_batch.readers import read_file

    a = write(world / "a.csv", ROSTER)
    b = write(world / "b.csv", "ACE ID,Name,Course Number,Completion Date\n104233,Bob Smith,CP10001,03/06/2026\n")

    def faulty(path, **kw):  # the program's own fault while reading b.csv, whatever the file holds
        if path.name == "b.csv":
            raise RuntimeError("reader fault injected by the test")
        return read_file(path, **kw)

    eng = open_store(db_url)
    try:
        with Ingest(eng, operator="clerk", today=date(2026, 11, 15), reader=faulty,
                    fault_dir=world / "faults") as batch:
            first, second = batch.apply(a), batch.apply(b)
        assert batch.failed and (first.status, first.credits) == ("applied", 2)
        assert second.status == "failed" and second.credits == 0 and "\n" not in second.message
        assert second.message.startswith("b.csv: not processed because of an internal error "
                                          "(RuntimeError: reader fault injected by the test); nothing posted")
        details = Path(second.message.rsplit("details in ", 1)[1])
        assert details.parent == world / "faults"
        assert "Traceback" in details.read_text(encoding="utf-8")
        # Nothing of b.csv was recorded: the next run applies it.
        with Ingest(eng, operator="clerk", today=date(2026, 11, 15)) as batch:
            again = batch.apply(b)
        assert (again.status, again.credits) == ("applied", 1)
    finally:
        eng.dispose()
    assert len(export(db_url, world, "credits")) == 3


def test_header_only_roster_is_processed_with_nothing_to_post(db_url, world):
    res = cli(db_url, "ingest", "--json", str(write(world / "h.csv", ROSTER.splitlines()[0] + "\n")))
    s = json.loads(res.output)
    assert res.exit_code == 0 and s["credits"] == 0 and s["files"]["applied"] == 1


def test_dry_run_reports_everything_and_commits_nothing(db_url, world):
    res = cli(db_url, "ingest", "--dry-run", "--json", str(write(world / "a.csv", ROSTER)))
    assert json.loads(res.output)["credits"] == 2
    assert export(db_url, world, "credits") == []
    assert export(db_url, world, "exceptions") == []
    assert json.loads(cli(db_url, "ingest", "--json", str(world / "a.csv")).output)["credits"] == 2


def test_course_option_fills_a_roster_without_a_course_column(db_url, world):
    roster = write(world / "nocourse.csv", "Member ID,Full Name,Date\n104233,Robert Smith,03/05/2026\n")
    s = json.loads(cli(db_url, "ingest", "--json", "--course", "ca 23456", str(roster)).output)
    assert s["credits"] == 1


def test_exports_escape_formula_text(db_url, world):
    evil = write(world / "evil.csv", "ACE ID,Name,Course Number,Date\n=HYPERLINK(\"x\"),@SUM(A1),CA23456,03/05/2026\n")
    cli(db_url, "ingest", str(evil))
    rows = export(db_url, world, "exceptions")
    assert rows[0]["certificant_ref"].startswith("'")
    out = world / "exc.xlsx"
    cli(db_url, "export", "exceptions", "--out", str(out))
    ws = load_workbook(out)["Exceptions"]
    values = [c.value for c in ws[2]]
    assert all(not (isinstance(v, str) and v[:1] in "=+-@") for v in values)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref


def test_load_row_numbers_count_blank_lines_as_a_spreadsheet_shows_them(db_url, tmp_path):
    # A blank line is a row in a spreadsheet program; the bad row after it is named by that row.
    body = COURSES.replace("CP10001,", "\nCP10001,") + "CA2345,Bad,Acme,0.8,standard,2024-01-01,\n"
    res = cli(db_url, "load", "courses", str(write(tmp_path / "courses.csv", body)), ok=(1,))
    assert "courses.csv row 7: course number \"CA2345\"" in res.output
    assert "loaded 4 rows" in res.output


def test_first_load_and_later_upserts_leave_the_same_rows_and_every_index(db_url, tmp_path):
    # The first load into an empty table builds the indexes after the rows; later loads upsert into them.
    lines = CERTIFICANTS.strip().splitlines()
    header, people = lines[0], lines[1:]
    cli(db_url, "load", "certificants", str(write(tmp_path / "a.csv", "\n".join([header, *people[:2]]) + "\n")))
    cli(db_url, "load", "certificants", str(write(tmp_path / "b.csv", "\n".join([header, *people[1:]]) + "\n")))
    eng = open_store(db_url)
    with eng.connect() as conn:
        stepwise = conn.execute(text("select * from certificants order by certificant_id")).all()
    insp = __import__("sqlalchemy").inspect(eng)
    names = {ix["name"] for ix in insp.get_indexes("certificants")}
    eng.dispose()
    from cec_batch.store.tables import certificants as table
    assert {ix.name for ix in table.indexes} <= names
    other = tmp_path / "other.sqlite3"
    cli(f"sqlite:///{other}", "load", "certificants", str(write(tmp_path / "all.csv", CERTIFICANTS)))
    eng = open_store(f"sqlite:///{other}")
    with eng.connect() as conn:
        whole = conn.execute(text("select * from certificants order by certificant_id")).all()
    eng.dispose()
    assert [tuple(map(str, r)) for r in stepwise] == [tuple(map(str, r)) for r in whole] and len(whole) == len(people)


def test_first_load_of_periods_keeps_the_foreign_key_to_the_registry(db_url, tmp_path):
    # On PostgreSQL the first load drops the foreign key and adds it again after the rows.
    cli(db_url, "load", "certificants", str(write(tmp_path / "c.csv", CERTIFICANTS)))
    cli(db_url, "load", "certifications", str(write(tmp_path / "p.csv", CERTIFICATIONS)))
    eng = open_store(db_url)
    keys = __import__("sqlalchemy").inspect(eng).get_foreign_keys("certifications")
    eng.dispose()
    from cec_batch.store.tables import certifications as table
    assert {(k["referred_table"], tuple(k["constrained_columns"])) for k in keys} == \
        {(fk.column.table.name, (fk.parent.name,)) for fk in table.foreign_keys}


def _table_rows(url, table):
    eng = open_store(url)
    with eng.connect() as conn:
        rows = [tuple(map(str, r)) for r in conn.execute(text(f"select * from {table} order by 1, 2, 3"))]
    eng.dispose()
    return rows


def test_load_in_chunks_leaves_what_one_pass_leaves(db_url, tmp_path, monkeypatch):
    # Chunks of two rows: a key given again in a later chunk wins, as within one; bad rows keep their
    # row numbers; periods of people not in the registry are named in every chunk.
    from cec_batch.readers import reference
    people = CERTIFICANTS + "104233,Bob,Smith,bob@example.com,1980-01-02\n300001,Ann,Lee,not-an-email,\n"
    periods = CERTIFICATIONS + "999999,Personal Trainer,2025-01-01,2026-12-31\n"
    whole_url = f"sqlite:///{tmp_path / 'whole.sqlite3'}"
    outputs = {}
    for url, size in ((whole_url, 10_000), (db_url, 2)):
        monkeypatch.setattr(reference, "CHUNK_ROWS", size)
        outputs[size] = (cli(url, "load", "certificants", str(write(tmp_path / "c.csv", people)), ok=(1,)).output,
                         cli(url, "load", "certifications", str(write(tmp_path / "p.csv", periods)), ok=(1,)).output)
    assert outputs[2] == outputs[10_000]
    assert "c.csv row 7: email 'not-an-email' is not an email address" in outputs[2][0]
    assert "certificant 999999 (Personal Trainer) is not in the registry" in outputs[2][1]
    assert _table_rows(db_url, "certificants") == _table_rows(whole_url, "certificants")
    assert _table_rows(db_url, "certifications") == _table_rows(whole_url, "certifications")
    assert [r[1] for r in _table_rows(db_url, "certificants") if r[0] == "104233"] == ["Bob"]


def test_load_of_a_file_that_cannot_be_read_creates_no_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'none.sqlite3'}"
    res = cli(url, "load", "certificants", str(write(tmp_path / "c.csv", "who,what\n1,2\n")), ok=(1,))
    assert "missing column(s) certificant_id, first_name, last_name" in res.output
    assert not (tmp_path / "none.sqlite3").exists()
