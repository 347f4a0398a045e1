"""The audit trail (who changed the ledger or an exception, when, with which command) and the one clock
(the monthly report counts by the batches' processing date, not by the wall clock)."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from cec_batch.cli import main

from cli_helpers import write
from small_world import CERTIFICANTS, CERTIFICATIONS

COURSES = """course_number,title,provider,ceus,category,approved_from,approved_to
CA23456,Kettlebell Foundations,Acme,0.8,standard,2024-01-01,
CA10001,Mobility Basics,Acme,0.5,standard,2024-01-01,
"""
ROSTER = """ACE ID,First Name,Last Name,Email,Course #,Date Completed,CECs
104233,Robert,Smith,bob@example.com,CA23456,03/05/2026,0.8
104233,Robert,Smith,bob@example.com,CA10001,03/06/2026,0.7
104234,Maria,Garcia,maria1@example.com,CA99999,04/01/2026,
"""


def run(db_url, today: str, operator: str, *args, ok=(0,)):
    res = CliRunner().invoke(main, ["--db", db_url, "--today", today, "--operator", operator, *args])
    assert res.exit_code in ok, (res.exit_code, res.output, res.exception)
    assert "Traceback" not in res.output
    return res


def decide(db_url, folder: Path, today: str, operator: str, location: str, decision: str) -> None:
    out = folder / "desk.xlsx"
    run(db_url, today, operator, "exceptions", "workbook", "--out", str(out))
    wb = load_workbook(out)
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[2]]
        loc, res = header.index("source_location") + 1, header.index("resolution") + 1
        for r in range(3, ws.max_row + 1):
            if ws.cell(r, loc).value == location:
                ws.cell(r, res).value = decision
    wb.save(out)
    run(db_url, today, operator, "resolve", str(out))


def history(db_url, tmp_path) -> dict:
    """Reference data; a roster on 11/15 (two credits for 104233, a ceus_mismatch warning on one, an
    unknown course for 104234); on 11/20 one credit reversed and the warning dismissed."""
    for name, body in (("certificants", CERTIFICANTS), ("certifications", CERTIFICATIONS), ("courses", COURSES)):
        run(db_url, "2026-11-15", "loader", "load", name, str(write(tmp_path / f"{name}.csv", body)))
    s = json.loads(run(db_url, "2026-11-15", "night", "ingest", "--json",
                       str(write(tmp_path / "acme.csv", ROSTER))).output)
    assert s["credits"] == 2 and s["exceptions"] == {"ceus_mismatch": 1, "unknown_course_number": 1}
    trail = json.loads(run(db_url, "2026-11-15", "clerk", "audit", "--certificant", "104233", "--json").output)
    first = next(e["credit_id"] for e in trail["events"] if e["course_number"] == "CA23456")
    run(db_url, "2026-11-20", "supervisor", "reverse", str(first), "--reason", "posted to the wrong person")
    decide(db_url, tmp_path, "2026-11-20", "clerk", "row 3", "dismiss: checked with the provider")
    return {"batch": s["batch_id"], "reversed": first}


def test_audit_of_a_certificant_shows_posting_reversal_and_resolution(db_url, tmp_path):
    h = history(db_url, tmp_path)
    out = run(db_url, "2026-11-21", "auditor", "audit", "--certificant", "104233").output
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["when", "(UTC)", "processing", "operator"]
    posted = [i for i, line in enumerate(lines) if "credit posted" in line]
    reversed_ = [i for i, line in enumerate(lines) if "credit reversed" in line]
    assert len(posted) == 2 and len(reversed_) == 1
    assert any(reversed_[0] == i + 1 for i in posted)  # right beside the credit it reverses
    assert "supervisor" in lines[reversed_[0]] and "reverse" in lines[reversed_[0]]
    assert "2026-11-20" in lines[reversed_[0]]
    assert all("night" in lines[i] and "ingest" in lines[i] and "2026-11-15" in lines[i] for i in posted)
    dismissed = [line for line in lines if "exception dismissed" in line]
    assert len(dismissed) == 1 and "clerk" in dismissed[0] and "resolve" in dismissed[0]
    assert lines[-1].startswith("5 changes")  # 2 posted, 1 reversed, 1 warning raised, 1 dismissed

    data = json.loads(run(db_url, "2026-11-21", "auditor", "audit", "--certificant", "104233", "--json").output)
    events = data["events"]
    assert [e["event"] for e in events].count("credit posted") == 2
    rev = next(e for e in events if e["event"] == "credit reversed")
    assert (rev["operator"], rev["command"], rev["processing_date"], rev["credit_id"]) == \
        ("supervisor", "reverse", "2026-11-20", h["reversed"])
    assert rev["detail"] == "posted to the wrong person"
    wall = datetime.fromisoformat(rev["at"])
    assert abs((wall.replace(tzinfo=wall.tzinfo or timezone.utc) - datetime.now(timezone.utc)).total_seconds()) < 600
    closed = next(e for e in events if e["event"] == "exception dismissed")
    assert (closed["operator"], closed["command"], closed["processing_date"]) == ("clerk", "resolve", "2026-11-20")

    xlsx = tmp_path / "trail.xlsx"
    run(db_url, "2026-11-21", "auditor", "audit", "--certificant", "104233", "--out", str(xlsx))
    ws = load_workbook(xlsx).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:6] == ("at", "processing_date", "operator", "command", "batch_id", "event")
    assert len(rows) == 6 and sum(1 for r in rows if r[5] == "credit reversed") == 1


def test_audit_by_file_batch_and_date_range(db_url, tmp_path):
    h = history(db_url, tmp_path)
    by_file = json.loads(run(db_url, "2026-11-21", "a", "audit", "--file", "acme.csv", "--json").output)["events"]
    assert {e["certificant_id"] for e in by_file} == {"104233", None}  # 104234's course is unknown: no match
    assert {e["event"] for e in by_file} == {"credit posted", "credit reversed", "exception raised",
                                             "exception dismissed"}
    by_batch = json.loads(run(db_url, "2026-11-21", "a", "audit", "--batch", str(h["batch"]), "--json").output)
    assert {e["event"] for e in by_batch["events"]} == {"credit posted", "exception raised"}
    late = json.loads(run(db_url, "2026-11-21", "a", "audit", "--from", "2026-11-16", "--to", "2026-11-30",
                          "--json").output)["events"]
    assert sorted(e["event"] for e in late) == ["credit reversed", "exception dismissed"]
    res = run(db_url, "2026-11-21", "a", "audit", ok=(2,))
    assert "give --certificant" in res.output


def test_monthly_report_counts_by_processing_date_and_exceptions_as_they_stood(db_url, tmp_path):
    history(db_url, tmp_path)  # processed as 11/15 and 11/20, whatever the wall clock says
    november = json.loads(run(db_url, "2026-12-01", "m", "report", "compliance", "--as-of", "2026-12-01",
                              "--out", str(tmp_path / "c.xlsx"), "--json").output)
    assert november["month"] == "2026-11"
    assert november["credits_posted"]["roster"]["credits"] == 2
    assert november["reversals"]["count"] == 1
    assert november["providers"] == 2  # Acme, and "(no approved course)" for CA99999
    assert november["open_exceptions"] == {"unknown_course_number": 1}  # the warning was dismissed 11/20
    as_then = json.loads(run(db_url, "2026-12-01", "m", "report", "compliance", "--as-of", "2026-11-18",
                             "--out", str(tmp_path / "c2.xlsx"), "--json").output)
    assert as_then["open_exceptions"] == {"ceus_mismatch": 1, "unknown_course_number": 1}
    before = json.loads(run(db_url, "2026-12-01", "m", "report", "compliance", "--as-of", "2026-11-14",
                            "--out", str(tmp_path / "c3.xlsx"), "--json").output)
    assert before["open_exceptions"] == {}
    assert date.fromisoformat(november["as_of"]) == date(2026, 12, 1)
