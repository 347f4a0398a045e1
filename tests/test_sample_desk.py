"""The staff desk on the sample world: the night's workbook, decisions typed in, handed back."""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess

import pytest
from openpyxl import load_workbook

from cli_helpers import argv
from conftest import SAMPLES

spec = importlib.util.spec_from_file_location("run_demo", SAMPLES / "run_demo.py")
run_demo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_demo)

# (sheet, source_file, source_location) -> the decision a member of staff types.
DECISIONS = {
    ("ambiguous_certificant", "summit_conference_event.csv", "row 9"): "certificant 162953",
    ("unknown_course_number", "acme_title_lines_last_first.xlsx", "row 48 (Roster)"): "course CA23456",
    ("invalid_date", "peak_two_sheets_nicknames.xlsx", "row 7 (May 9 session)"): "date 02/28/2026",
    ("duplicate", "acme_title_lines_last_first.xlsx", "row 27 (Roster)"): "dismiss: same row sent twice",
    ("needs_review", "scan_degraded_unreadable.pdf", "page 1"):
        "certificant 149351; course CA23456; date 03/12/2026",
    ("unknown_course_number", "riverside_semicolon_cp1252.csv", "row 15"): "course CS40199",  # still wrong
}


def cec(out, *args):
    return subprocess.run(argv(f"sqlite:///{out / 'cec-batch.sqlite3'}", *args, operator="desk"),
                          capture_output=True, text=True, timeout=300)


def ledger(out):
    res = cec(out, "export", "credits", "--out", str(out / "c.csv"))
    assert res.returncode == 0, res.stderr
    res = cec(out, "export", "exceptions", "--status", "all", "--out", str(out / "e.csv"))
    assert res.returncode == 0, res.stderr
    with open(out / "c.csv", newline="", encoding="utf-8") as fc, open(out / "e.csv", newline="", encoding="utf-8") as fe:
        return list(csv.DictReader(fc)), list(csv.DictReader(fe))


@pytest.mark.slow
def test_decisions_on_the_sample_exceptions_post_once_and_a_second_run_changes_nothing(tmp_path):
    files = run_demo.run(tmp_path, "2026-11-15", quiet=True)
    wb = load_workbook(files["workbook"])
    filled = 0
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[2]]
        if "resolution" not in header:
            continue
        col = {h: i for i, h in enumerate(header)}
        for row in ws.iter_rows(min_row=3):
            key = (ws.title, row[col["source_file"]].value, row[col["source_location"]].value)
            if key in DECISIONS:
                row[col["resolution"]].value = DECISIONS[key]
                filled += 1
    assert filled == len(DECISIONS)
    handed_back = tmp_path / "handed-back.xlsx"
    wb.save(handed_back)
    credits_before, _ = ledger(tmp_path)

    first = cec(tmp_path, "resolve", "--json", str(handed_back))
    assert first.returncode == 0, first.stderr
    credits, excs = ledger(tmp_path)
    new = {(c["certificant_id"], c["course_number"], c["completion_date"], c["source_file"], c["source_location"])
           for c in credits} - {(c["certificant_id"], c["course_number"], c["completion_date"], c["source_file"],
                                  c["source_location"]) for c in credits_before}
    assert new == {
        ("162953", "CEP246810", "2026-06-14", "summit_conference_event.csv", "row 9"),
        ("141373", "CA23456", "2026-08-22", "acme_title_lines_last_first.xlsx", "row 48 (Roster)"),
        ("146512", "CP55230", "2026-02-28", "peak_two_sheets_nicknames.xlsx", "row 7 (May 9 session)"),
        ("149351", "CA23456", "2026-03-12", "scan_degraded_unreadable.pdf", "page 1"),
    }
    status = {(e["kind"], e["source_file"], e["source_location"]): e["status"] for e in excs}
    assert status[("duplicate", "acme_title_lines_last_first.xlsx", "row 27 (Roster)")] == "dismissed"
    assert status[("ambiguous_certificant", "summit_conference_event.csv", "row 9")] == "resolved"
    # The still-wrong number is answered by a new exception for the next morning.
    riverside = [e for e in excs if e["source_file"] == "riverside_semicolon_cp1252.csv" and e["source_location"] == "row 15"]
    assert sorted(e["status"] for e in riverside) == ["answered", "open"]

    second = cec(tmp_path, "resolve", "--json", str(handed_back))
    assert second.returncode == 0, second.stderr
    assert ledger(tmp_path) == (credits, excs)
    assert json.loads(second.stdout)
