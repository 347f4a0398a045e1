"""The exceptions workbook staff decide in, the exceptions list, and the providers' feedback workbooks.

Runs on a real SQLite file and on the real PostgreSQL server (the `db_url` fixture);
exceptions come from small CSV rosters ingested through the command line.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cec_batch.reports.provider_feedback import FORMAT_ADVICE, PERSON_ADVICE, write_provider_feedback
from cec_batch.store import open_store

from cli_helpers import cli, write


CERTIFICANTS = """certificant_id,first_name,last_name,email,birth_date
104233,Robert,Smith,bob@example.com,1980-01-02
104234,Maria,Garcia,maria1@example.com,
104235,Maria,Garcia,maria2@example.com,
"""
CERTIFICATIONS = """certificant_id,certification,period_start,period_end
104233,Personal Trainer,2025-01-01,2026-12-31
104234,Personal Trainer,2025-01-01,2026-12-31
104235,Health Coach,2025-03-01,2027-02-28
"""
COURSES = """course_number,title,provider,ceus,category,approved_from,approved_to
CA23456,Kettlebell Foundations,Acme Fitness,0.8,standard,2024-01-01,
CA10001,Mobility Basics,Acme Fitness,0.5,standard,2024-01-01,
CEP123456,Summit Conference,Summit Events,2.0,event,2024-01-01,
"""
ACME = """ACE ID,First Name,Last Name,Email,Course #,Date Completed,CECs
104233,Robert,Smith,bob@example.com,CA23456,03/05/2026,0.8
,Maria,Garcia,,CA10001,03/05/2026,
104233,Robert,Smith,,CA10001,02/30/2026,
104233,Robert,Smith,bob@example.com,CA23456,03/05/2026,
104234,Maria,Garcia,maria1@example.com,CA1000,04/01/2026,
104235,Maria,Garcia,maria2@example.com,CA23459,04/01/2026,
104234,Maria,Garcia,maria1@example.com,CA23456,04/01/2026,0.6
"""
SUMMIT = """Name,Email,Course Number,Completion Date,CECs Earned
Robert Smith,bob@example.com,CEP 123456,06/14/2026,n/a
Maria Garcia,maria2@example.com,CEP 123456,06/14/2026,1.5
"""
ERROR_SHEETS = ["invalid_course_number", "unknown_course_number", "duplicate", "invalid_date",
                "ambiguous_certificant", "needs_review"]


@pytest.fixture
def world(db_url, tmp_path):
    for name, body in (("certificants", CERTIFICANTS), ("certifications", CERTIFICATIONS), ("courses", COURSES)):
        cli(db_url, "load", name, str(write(tmp_path / f"{name}.csv", body)))
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder / "acme.csv", ACME)
    write(folder / "summit.csv", SUMMIT)
    s = json.loads(cli(db_url, "ingest", "--json", str(folder)).output)
    assert s["exceptions"] == {"ambiguous_certificant": 1, "ceus_mismatch": 1, "duplicate": 1,
                               "invalid_course_number": 1, "invalid_date": 1, "needs_review": 1,
                               "unknown_course_number": 1}
    return tmp_path


def header(ws, row=2) -> list:
    return [c.value for c in ws[row]]


def test_workbook_has_a_summary_and_one_sheet_per_kind_with_filters_and_a_resolution_column(db_url, world):
    out = world / "exceptions.xlsx"
    res = cli(db_url, "exceptions", "workbook", "--out", str(out), "--json")
    assert json.loads(res.output)["exceptions"] == 7
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", *ERROR_SHEETS, "ceus_mismatch (warnings)"]
    assert all(len(name) <= 31 for name in wb.sheetnames)
    for ws in wb.worksheets:
        assert ws.auto_filter.ref and ws.freeze_panes, ws.title
    for ws in wb.worksheets[1:]:
        cols = header(ws)
        assert ws.freeze_panes == "A3" and ws.auto_filter.ref.startswith("A2:")
        assert cols[:6] == ["exception_id", "source_file", "source_location", "certificant_ref", "course_number",
                            "completion_date"]
        assert {"what was read", "why", "suggestions", "severity", "status", "resolution"} <= set(cols)
        res_col = cols.index("resolution") + 1
        for r in range(3, ws.max_row + 1):
            assert isinstance(ws.cell(r, 1).value, int)
            cell = ws.cell(r, res_col)
            assert cell.value is None and cell.fill.fgColor.rgb.endswith("FFF2CC")
        [dv] = ws.data_validations.dataValidation
        assert str(dv.sqref).startswith(cell.column_letter) and dv.showInputMessage
        assert len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32
        if ws.title.endswith("(warnings)"):
            assert "No action is needed unless the value is wrong" in ws["A1"].value
            assert "can only be dismissed" not in dv.prompt and dv.prompt.startswith("The credit was posted")
        else:
            assert "certificant 104233" in dv.prompt and "dismiss: reason" in dv.prompt


def test_workbook_rows_show_what_was_read_why_and_suggestions(db_url, world):
    out = world / "exceptions.xlsx"
    cli(db_url, "exceptions", "workbook", "--out", str(out))
    wb = load_workbook(out)

    def row(sheet):
        ws = wb[sheet]
        return dict(zip(header(ws), [c.value for c in ws[3]]))

    unknown = row("unknown_course_number")
    assert unknown["source_file"] == "acme.csv" and unknown["source_location"] == "row 7"
    assert unknown["completion_date"] == datetime(2026, 4, 1)  # a real date cell, although the course stopped the row
    assert "nearest course numbers: CA23456" in unknown["suggestions"]
    assert unknown["what was read"] == ("ID 104235 | Maria Garcia | <maria2@example.com> | course CA23459 | "
                                        "date 04/01/2026")
    ambiguous = row("ambiguous_certificant")
    assert "104234 Maria Garcia <maria1@example.com>" in ambiguous["suggestions"]
    assert "104235 Maria Garcia <maria2@example.com>" in ambiguous["suggestions"]
    assert "2 certificants fit" in ambiguous["why"]
    assert "stated n/a" in row("needs_review")["suggestions"]
    assert "standing credit 1" in row("duplicate")["suggestions"]
    summary = wb["Summary"]
    kinds = {summary.cell(r, 1).value: summary.cell(r, 3).value for r in range(5, 12)}
    assert kinds["invalid_date"] == 1 and kinds["ceus_mismatch"] == 1
    assert summary["E5"].hyperlink.location == "'invalid_course_number'!A1"


def test_workbook_summary_says_what_the_batch_posted(db_url, world):
    out = world / "night.xlsx"
    s = json.loads(cli(db_url, "exceptions", "workbook", "--out", str(out), "--batch", "1", "--json").output)
    assert s["batch"] == {"batch_id": 1, "files": 2, "credits": 3, "ceus": "3.1",
                          "exceptions": {"ambiguous_certificant": 1, "ceus_mismatch": 1, "duplicate": 1,
                                         "invalid_course_number": 1, "invalid_date": 1, "needs_review": 1,
                                         "unknown_course_number": 1}}
    texts = [c.value for row in load_workbook(out)["Summary"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "What batch 1 posted" in texts
    assert "2 files applied, 3 credits posted (3.1 CECs), 7 exceptions raised" in texts


def test_workbook_cells_never_start_a_formula(db_url, world):
    evil = write(world / "evil.csv", "ACE ID,Name,Course Number,Date\n=HYPERLINK(\"x\"),@SUM(A1),CA23456,-03/05/2026\n"
                                     "+1,=1+1,CA2345,03/05/2026\n")
    cli(db_url, "ingest", str(evil))
    out = world / "exceptions.xlsx"
    cli(db_url, "exceptions", "workbook", "--out", str(out), "--status", "all")
    wb = load_workbook(out)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    assert c.value[:1] not in ("=", "+", "-", "@", "\t", "\r"), (ws.title, c.coordinate, c.value)
                    seen += "HYPERLINK" in c.value or "SUM(A1)" in c.value
                    assert c.data_type != "f"
    assert seen


def test_exceptions_list_shows_the_open_queue(db_url, world):
    res = cli(db_url, "exceptions", "list")
    lines = res.output.splitlines()
    assert lines[0].split() == ["id", "kind", "file", "location", "person", "course", "detail"]
    assert lines[-1] == "7 exceptions"
    assert any("ambiguous_certificant" in line and "row 3" in line for line in lines)
    only = cli(db_url, "exceptions", "list", "--kind", "invalid_date", "--json")
    s = json.loads(only.output)
    assert s["count"] == 1 and s["exceptions"][0]["source_location"] == "row 4"
    assert "no resolved exceptions" in cli(db_url, "exceptions", "list", "--status", "resolved").output
    assert cli(db_url, "exceptions", "list", "--kind", "nonsense", ok=(2,)).exit_code == 2


def test_workbook_out_must_be_an_xlsx_in_an_existing_folder(db_url, world):
    assert "is an .xlsx file" in cli(db_url, "exceptions", "workbook", "--out", str(world / "x.csv"), ok=(2,)).output
    res = cli(db_url, "exceptions", "workbook", "--out", str(world / "nope" / "x.xlsx"), ok=(2,))
    assert "does not exist" in res.output


# -- provider feedback --------------------------------------------------------------------------------
def feedback_rows(path: Path) -> list[dict]:
    ws = load_workbook(path)["Refused rows"]
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref.startswith("A4:")
    head = [c.value for c in ws[4]]
    return [dict(zip(head, [c.value for c in row])) for row in ws.iter_rows(min_row=5)]


def test_provider_feedback_one_workbook_per_provider_with_advice(db_url, world):
    eng = open_store(db_url)
    with eng.connect() as conn:
        paths = write_provider_feedback(conn, world / "feedback", batch_id=1)
    eng.dispose()
    assert [p.name for p in paths] == ["feedback-acme-fitness-batch1.xlsx", "feedback-summit-events-batch1.xlsx"]
    note = load_workbook(paths[0])["Refused rows"]["A2"].value
    assert note.startswith("5 rows from 1 file, processed 11/15/2026 (batch 1)")
    acme = {r["row"]: r for r in feedback_rows(paths[0])}
    assert sorted(acme) == ["row 3", "row 4", "row 5", "row 6", "row 7"]  # warnings are not refusals
    assert acme["row 6"]["what to send instead"] == FORMAT_ADVICE
    assert acme["row 6"]["course number as sent"] == "CA1000"
    assert "nearest approved numbers are CA23456" in acme["row 7"]["what to send instead"]
    assert acme["row 3"]["what to send instead"] == PERSON_ADVICE
    assert "MM/DD/YYYY" in acme["row 4"]["what to send instead"] and acme["row 4"]["date as sent"] == "02/30/2026"
    assert acme["row 5"]["what to send instead"] == "nothing to resend"
    # Never another person's ID or name: the ambiguous row does not list the candidates.
    assert "10423" not in " ".join(str(v) for v in acme["row 3"].values())
    assert acme["row 3"]["person as sent"] == "Maria Garcia"
    [summit] = feedback_rows(paths[1])
    assert summit["row"] == "row 2" and summit["CECs as sent"] == "n/a"
    assert "as a number" in summit["what to send instead"]


def test_provider_feedback_names_the_provider_given_with_the_file_and_skips_clean_batches(db_url, world):
    roster = write(world / "late.csv", "ACE ID,Name,Course Number,Date\n104233,Robert Smith,XX1,03/05/2026\n")
    cli(db_url, "ingest", "--provider", "Partner & Co.", str(roster))
    clean = write(world / "clean.csv", "ACE ID,Name,Course Number,Date\n104235,Maria Garcia,CA23456,03/05/2026\n")
    cli(db_url, "ingest", str(clean))
    out = world / "fb"
    s = json.loads(cli(db_url, "exceptions", "feedback", "--batch", "2", "--out", str(out), "--json").output)
    assert [Path(p).name for p in s["workbooks"]] == ["feedback-partner-co-batch2.xlsx"]
    assert feedback_rows(Path(s["workbooks"][0]))[0]["file"] == "late.csv"
    assert json.loads(cli(db_url, "exceptions", "feedback", "--batch", "3", "--out", str(out),
                          "--json").output)["workbooks"] == []


# -- needs_review: R11 (an event row without usable CECs) and R19 (an unsure page) share the kind ---
def needs_review(rule: str, data: dict) -> dict:
    return {"kind": "needs_review", "rule": rule, "severity": "error", "course_number": "CEP123456",
            "completion_date": None, "detail": "as the rules said", "data": data}


def test_needs_review_is_told_apart_by_the_recorded_rule_not_by_its_data():
    from cec_batch.reports.exceptions_workbook import suggestions_text
    from cec_batch.reports.provider_feedback import why_and_advice

    # An unsure certificate page (R19) whose page happens to carry a stated value in its data.
    page = needs_review("R19", {"stated": "1.5", "read": {"image": "p.png"}, "row": {"ceus": "1.5"}})
    why, advice = why_and_advice(page)
    assert why == "the certificate could not be read with confidence" and "clear copy" in advice
    assert "stated" not in suggestions_text(page)
    # An event row without a stated value (R11), whatever its data holds.
    event = needs_review("R11", {"row": {"ceus": ""}})
    why, advice = why_and_advice(event)
    assert why == "the CECs this attendee earned at the event are missing" and "as a number" in advice
    event = needs_review("R11", {"stated": "lots", "row": {"ceus": "lots"}})
    assert why_and_advice(event)[0] == 'the CECs this attendee earned at the event are not a usable number ("lots")'
    assert "stated lots" in suggestions_text(event)
