"""Staff decisions handed back in the exceptions workbook: re-checked by the rules, posted once.

Runs on a real SQLite file and on the real PostgreSQL server (the `db_url` fixture);
exceptions come from small CSV rosters ingested through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from cec_batch.resolve import parse_decision
from cec_batch.store import ledger, open_store
from cec_batch.store.tables import batches, credits, exceptions, files, reversals

from cli_helpers import cli, export, write
from small_world import CERTIFICANTS, CERTIFICATIONS


COURSES = """course_number,title,provider,ceus,category,approved_from,approved_to
CA23456,Kettlebell Foundations,Acme,0.8,standard,2024-01-01,
CA10001,Mobility Basics,Acme,0.5,standard,2024-01-01,
CEP123456,Summit Conference,Summit,2.0,event,2024-01-01,
CS55555,Spin Class,Acme,0.5,activity,2024-01-01,
"""
# Line numbers are the rows staff see: the header is row 1.
ROSTER = """ACE ID,First Name,Last Name,Email,Course #,Date Completed,CECs
104233,Robert,Smith,bob@example.com,CA23456,03/05/2026,0.8
,Maria,Garcia,,CA23456,03/05/2026,
200001,Jose,Nunez,jose@example.com,CA23459,03/05/2026,
104233,Robert,Smith,,CA10001,02/30/2026,
104233,Robert,Smith,bob@example.com,CA23456,03/05/2026,0.8
104234,Maria,Garcia,maria1@example.com,CA1000,04/01/2026,
104235,Maria,Garcia,maria2@example.com,CA99999,04/01/2026,
104234,Maria,Garcia,maria1@example.com,CA23456,04/01/2026,0.6
"""
# What staff type, by the roster row of the exception.
DECISIONS = {
    "row 3": "certificant 104235",                  # ambiguous_certificant: the person staff name
    "row 4": "course CA23456",                      # unknown_course_number: the nearest number
    "row 5": "Date 03/05/2026",                     # invalid_date
    "row 6": "dismiss: duplicate of paper copy",    # duplicate
    "row 7": "please fix",                          # invalid_course_number: not understood
    "row 8": "course CA99998",                      # unknown_course_number: still wrong
    "row 9": "dismiss: checked with the provider",  # ceus_mismatch (warning): acknowledged
}


@pytest.fixture
def world(db_url, tmp_path):
    for name, body in (("certificants", CERTIFICANTS), ("certifications", CERTIFICATIONS), ("courses", COURSES)):
        cli(db_url, "load", name, str(write(tmp_path / f"{name}.csv", body)))
    return tmp_path


@pytest.fixture
def ingested(db_url, world):
    s = json.loads(cli(db_url, "ingest", "--json", str(write(world / "acme.csv", ROSTER)), operator="night").output)
    assert s["credits"] == 2
    assert s["exceptions"] == {"ambiguous_certificant": 1, "ceus_mismatch": 1, "duplicate": 1,
                               "invalid_course_number": 1, "invalid_date": 1, "unknown_course_number": 2}
    return world


def workbook(db_url, folder: Path, decisions: dict[str, str], name="decided.xlsx") -> Path:
    """Write the exceptions workbook and type DECISIONS (by source location) into its resolution column."""
    out = folder / "exceptions.xlsx"
    cli(db_url, "exceptions", "workbook", "--out", str(out))
    wb = load_workbook(out)
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[2]]
        loc, res = header.index("source_location") + 1, header.index("resolution") + 1
        for r in range(3, ws.max_row + 1):
            if ws.cell(r, loc).value in decisions:
                ws.cell(r, res).value = decisions[ws.cell(r, loc).value]
    wb.save(folder / name)
    return folder / name


def snapshot(db_url) -> dict:
    """Every row of the ledger and the exceptions, in key order."""
    eng = open_store(db_url)
    with eng.connect() as conn:
        snap = {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                for t in (credits, reversals, exceptions, files)}
    eng.dispose()
    return snap


def by_location(rows: list[dict], **where) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        if all(r[k] == v for k, v in where.items()):
            out.setdefault(r["source_location"], []).append(r)
    return out


# -- the grammar ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, values, reason", [
    ("certificant 104233", {"certificant": "104233"}, None),
    ("Certificant: 104233", {"certificant": "104233"}, None),
    ("COURSE CA23456; date 03/05/2026", {"course": "CA23456", "date": "03/05/2026"}, None),
    ("course number ca 23456 ;", {"course": "ca 23456"}, None),
    ("ceus=1.5", {"ceus": "1.5"}, None),
    ("id 104233; completion date March 5, 2026", {"certificant": "104233", "date": "March 5, 2026"}, None),
    ("dismiss: duplicate of paper copy", {}, "duplicate of paper copy"),
    ("Dismiss - sent twice; see email", {}, "sent twice; see email"),
])
def test_decisions_are_parsed_case_insensitively(text, values, reason):
    assert parse_decision(text) == (values, reason, None)


@pytest.mark.parametrize("text, problem", [
    ("please fix", '"please fix" is not understood'),
    ("course", '"course" gives no value'),
    ("dismiss", "dismiss needs a reason"),
    ("course CA23456; dismiss: wrong", "dismiss cannot be combined"),
    ("course CA23456; course CA10001", "two different values for course"),
])
def test_decisions_not_understood_say_why(text, problem):
    values, reason, found = parse_decision(text)
    assert values == {} and reason is None and found.startswith(problem)


# -- the round trip ----------------------------------------------------------------------------------
def test_resolve_posts_corrected_credits_and_a_second_run_changes_nothing(db_url, ingested):
    book = workbook(db_url, ingested, DECISIONS)
    res = cli(db_url, "resolve", "--json", str(book), operator="alice")
    s = json.loads(res.output)
    assert (s["decisions"], s["posted"], s["answered"], s["dismissed"], s["already_resolved"]) == (7, 3, 1, 2, 0)
    assert s["new_exceptions"] == {"unknown_course_number": 1}
    assert [(p["where"].split(" row ")[0], p["decision"]) for p in s["not_understood"]] == [
        ("sheet invalid_course_number", "please fix")]

    posted = by_location(export(db_url, ingested, "credits"), operator="alice")
    assert {loc: (c[0]["certificant_id"], c[0]["course_number"], c[0]["completion_date"], c[0]["ceus"])
            for loc, c in posted.items()} == {
        "row 3": ("104235", "CA23456", "2026-03-05", "0.8"),   # the ambiguous row, to the person staff named
        "row 4": ("200001", "CA23456", "2026-03-05", "0.8"),
        "row 5": ("104233", "CA10001", "2026-03-05", "0.5"),
    }
    assert all(c[0]["source_file"] == "acme.csv" and c[0]["batch_id"] == str(s["batch_id"])
               for c in posted.values())

    rows = export(db_url, ingested, "exceptions", "--status", "all")
    status = {(r["source_location"], r["kind"], r["status"]) for r in rows}
    assert {("row 3", "ambiguous_certificant", "resolved"), ("row 4", "unknown_course_number", "resolved"),
            ("row 5", "invalid_date", "resolved"), ("row 6", "duplicate", "dismissed"),
            ("row 7", "invalid_course_number", "open"), ("row 8", "unknown_course_number", "answered"),
            ("row 8", "unknown_course_number", "open"), ("row 9", "ceus_mismatch", "dismissed")} == status
    new = [r for r in rows if r["source_location"] == "row 8" and r["status"] == "open"][0]
    assert new["course_number"] == "CA99998" and new["source_file"] == "acme.csv"

    before = snapshot(db_url)
    again = json.loads(cli(db_url, "resolve", "--json", str(book), operator="bob").output)
    assert (again["posted"], again["answered"], again["dismissed"], again["already_resolved"]) == (0, 0, 0, 6)
    assert len(again["not_understood"]) == 1
    assert snapshot(db_url) == before


def test_resolution_records_the_operator_the_decision_and_the_provenance(db_url, ingested):
    cli(db_url, "resolve", str(workbook(db_url, ingested, DECISIONS)), operator="alice")
    eng = open_store(db_url)
    with eng.connect() as conn:
        ex = {(r["source_location"], r["status"]): r for r in conn.execute(select(exceptions)).mappings()}
        credit = conn.execute(select(credits).where(credits.c.source == "resolution",
                                                    credits.c.certificant_id == "104235")).mappings().one()
        batch = conn.execute(select(batches).where(batches.c.command == "resolve")).mappings().one()
        original = conn.execute(select(files)).mappings().one()
    eng.dispose()
    resolved = ex[("row 3", "resolved")]
    assert resolved["resolved_by"] == "alice" and resolved["resolved_at"] is not None
    assert resolved["resolution"].startswith(f"certificant 104235: posted credit {credit['credit_id']}")
    assert credit["operator"] == "alice" and credit["batch_id"] == batch["batch_id"]
    assert credit["file_id"] == original["file_id"] and credit["source_location"] == "row 3"
    assert credit["note"].startswith(f"resolves exception {resolved['exception_id']}: certificant 104235")
    assert batch["operator"] == "alice" and batch["status"] == "done"
    assert ex[("row 6", "dismissed")]["resolution"] == "dismiss: duplicate of paper copy"
    answered, new = ex[("row 8", "answered")], ex[("row 8", "open")]
    assert answered["resolution"] == f"course CA99998: re-checked: new exception {new['exception_id']} " \
                                     f"(unknown_course_number)"
    assert new["data"]["answers"] == answered["exception_id"] and new["data"]["row"]["course_number"] == "CA99998"
    assert new["data"]["row"]["first_name"] == "Maria" and new["operator"] == "alice"
    assert new["batch_id"] == batch["batch_id"] and new["file_id"] == original["file_id"]


def test_a_named_certificant_is_kept_for_the_next_decision(db_url, ingested):
    first = workbook(db_url, ingested, {"row 3": "certificant 104235; course CA99998"})
    s = json.loads(cli(db_url, "resolve", "--json", str(first)).output)
    assert s["answered"] == 1 and s["new_exceptions"] == {"unknown_course_number": 1}
    # The new exception carries the person; the next decision only fixes the course.
    second = workbook(db_url, ingested, {"row 3": "course CA23456"}, name="second.xlsx")
    s = json.loads(cli(db_url, "resolve", "--json", str(second)).output)
    assert s["posted"] == 1
    posted = by_location(export(db_url, ingested, "credits"), source_location="row 3")
    assert [(c["certificant_id"], c["course_number"]) for c in posted["row 3"]] == [("104235", "CA23456")]


def test_a_decision_that_breaks_another_rule_is_answered_not_posted(db_url, ingested):
    # Robert already holds CA23456 (row 2): naming him on the ambiguous row is a duplicate (R14).
    s = json.loads(cli(db_url, "resolve", "--json",
                       str(workbook(db_url, ingested, {"row 3": "certificant 104233"}))).output)
    assert s["posted"] == 0 and s["new_exceptions"] == {"duplicate": 1}
    assert "credit 1" in s["results"][0]["message"]


def test_two_decisions_for_the_same_credit_post_it_once(db_url, ingested):
    s = json.loads(cli(db_url, "resolve", "--json", str(workbook(
        db_url, ingested, {"row 3": "certificant 104235", "row 8": "course CA23456"}))).output)
    assert s["posted"] == 1 and s["new_exceptions"] == {"duplicate": 1}


def test_warnings_and_unknown_people_are_answered_in_words(db_url, ingested):
    s = json.loads(cli(db_url, "resolve", "--json", str(workbook(
        db_url, ingested, {"row 9": "ceus 0.6", "row 3": "certificant 999999"}))).output)
    problems = {p["decision"]: p["problem"] for p in s["not_understood"]}
    assert problems["ceus 0.6"].startswith("ceus_mismatch is a warning: credit")
    assert "can only be dismissed" in problems["ceus 0.6"]
    assert s["new_exceptions"] == {"unknown_certificant": 1}
    assert "999999 named in the decision is not in the registry" in s["results"][0]["message"]


def test_dry_run_reports_and_commits_nothing(db_url, ingested):
    before = snapshot(db_url)
    res = cli(db_url, "resolve", "--dry-run", str(workbook(db_url, ingested, DECISIONS)))
    assert res.output.startswith("DRY RUN: nothing committed.")
    assert "posted: 3" in res.output and "NOT UNDERSTOOD exception" in res.output
    assert snapshot(db_url) == before


def test_a_file_that_is_not_an_exceptions_workbook_is_refused(db_url, world):
    other = world / "other.xlsx"
    cli(db_url, "export", "credits", "--out", str(other))
    res = cli(db_url, "resolve", str(other), ok=(1,))
    assert "other.xlsx: no sheet has the columns exception_id and resolution" in res.output
    res = cli(db_url, "resolve", str(write(world / "junk.xlsx", "not a workbook")), ok=(1,))
    assert "junk.xlsx: cannot be opened as an .xlsx workbook" in res.output
    assert cli(db_url, "resolve", str(world / "missing.xlsx"), ok=(2,)).exit_code == 2


def test_a_certificate_page_that_needed_review_is_posted_from_the_decision(db_url, world, tmp_path):
    # A scanned page (R19): the reader kept what it read and where the page image is.
    image = tmp_path / "scan-p2.png"
    eng = open_store(db_url)
    with ledger.write_transaction(eng) as conn:
        batch = ledger.start_batch(conn, "ingest", "night")
        ledger.insert_exceptions(conn, [dict(
            kind="needs_review", severity="error", rule="R19", source_file="scan.pdf", source_location="page 2",
            certificant_ref="R0bert Sm1th", course_number="CA2E456", detail="course number and date are unclear",
            data={"read": {"image": str(image)}, "row": {
                "location": "page 2", "certificant_id": None, "first_name": None, "last_name": None,
                "full_name": "R0bert Sm1th", "email": None, "birth_date": None, "course_number": "CA2E456",
                "completion_date": "O3/O5/2026", "ceus": None, "review": "course number and date are unclear",
                "read": {"image": str(image), "text_source": "ocr"}}},
            status="open", batch_id=batch, operator="night", created_at=ledger.now())])
    eng.dispose()
    book = tmp_path / "exceptions.xlsx"
    cli(db_url, "exceptions", "workbook", "--out", str(book))
    ws = load_workbook(book)["needs_review"]
    header = [c.value for c in ws[2]]
    cell = ws.cell(3, header.index("image") + 1)
    assert cell.value == str(image) and cell.hyperlink.target == image.as_uri()
    decided = workbook(db_url, tmp_path, {"page 2": "certificant 104233; course CA23456; date 03/05/2026"})
    s = json.loads(cli(db_url, "resolve", "--json", str(decided)).output)
    assert s["posted"] == 1
    [credit] = export(db_url, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"], credit["source_file"],
            credit["source_location"]) == ("104233", "CA23456", "2026-03-05", "scan.pdf", "page 2")
