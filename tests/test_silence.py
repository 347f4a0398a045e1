"""No file handed over vanishes: every file of a folder or the inbox ends as rows, pages or an exception
that says what the file is; a renamed workbook is read for what it is and the provider is told."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cli_helpers import argv, cli, export
from conftest import REALWORLD, SAMPLES

SHEETS = REALWORLD / "sheets"


@pytest.fixture
def world(db_url):
    for kind in ("certificants", "certifications", "courses"):
        cli(db_url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv"))
    return db_url


def docx(path: Path) -> Path:
    """A small Word document (the parts Word itself writes first)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats'
                   '.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Name, Email, CECs</w:t></w:r></w:p>'
                   "</w:body></w:document>")
    return path


def roster_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Certificant ID", "Name", "Course Number", "Completion Date"])
    ws.append(["101189", "Margaret Doyle", "CA23456", "06/01/2026"])
    ws.append(["101699", "Jessica Lopes", "CA99999", "06/01/2026"])  # refused: unknown course
    wb.save(path)
    return path


def test_ingest_folder_reports_every_file_it_does_not_read(world, tmp_path):
    folder = tmp_path / "handed-over"
    folder.mkdir()
    docx(folder / "letter.docx")
    (folder / "photo.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "notes.md").write_text("Just a note to say hello.\n")
    shutil.copy(SAMPLES / "rosters" / "summit_conference_event.csv", folder / "summit.csv")
    xlsb = SHEETS / "calamine_any_sheets.xlsb"
    if xlsb.exists():
        shutil.copy(xlsb, folder / "binary.xlsb")
    s = json.loads(cli(world, "ingest", "--json", str(folder), ok=(1,)).output)
    by_file = {d["file"]: d for d in s["details"]}
    assert set(by_file) == {p.name for p in folder.iterdir()}  # nothing skipped without a word
    assert by_file["letter.docx"]["status"] == "unreadable"
    assert by_file["letter.docx"]["message"] == "letter.docx: a Word document, not a roster or certificate"
    assert by_file["photo.dat"]["message"] == "photo.dat: not a spreadsheet: a PNG image"
    assert by_file["notes.md"]["status"] == "unreadable"
    assert by_file["summit.csv"]["status"] == "applied"
    if xlsb.exists():  # read through calamine: its sheets have no roster header, and it says so
        assert "no recognisable header row" in by_file["binary.xlsb"]["message"]
    found = {e["source_file"]: e["detail"] for e in export(world, tmp_path, "exceptions")
             if e["kind"] == "unreadable_file"}
    assert found["letter.docx"] == "a Word document, not a roster or certificate"


def test_nightly_inbox_names_a_word_document(world, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    docx(inbox / "certificate.docx")
    res = subprocess.run(argv(world, "nightly", "--inbox", str(inbox), "--archive", str(tmp_path / "archive"),
                              "--reports", str(tmp_path / "reports"), "--json"),
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 1, res.stderr
    detail = json.loads(res.stdout)["details"][0]
    assert detail["message"] == "certificate.docx: a Word document, not a roster or certificate"
    assert "header" not in detail["message"]
    assert not any(inbox.iterdir())  # it left the inbox, kept in the archive with its exception


def feedback_lines(path: Path) -> list[tuple]:
    ws = openpyxl.load_workbook(path).active
    return [tuple(c.value for c in row) for row in ws.iter_rows(min_row=5)]


def test_old_xls_saved_as_xlsx_is_read_and_the_provider_is_told(world, tmp_path):
    source = SHEETS / "edr_Test_git_issue_231_NoCodePage.xls"
    if not source.exists():
        pytest.skip(f"{source} is absent: no small .xls to copy")
    path = tmp_path / "roster.xlsx"
    shutil.copy(source, path)
    s = json.loads(cli(world, "ingest", "--json", "--provider", "Acme Fitness Education", str(path)).output)
    detail = s["details"][0]
    assert detail["status"] == "applied" and detail["rows"] == 4
    note = "the file is really an Excel 97-2003 workbook (.xls) although it is named .xlsx; it was read as what it is"
    assert detail["notes"][0] == note
    out = tmp_path / "feedback"
    cli(world, "exceptions", "feedback", "--batch", str(s["batch_id"]), "--out", str(out))
    lines = [line for p in out.iterdir() for line in feedback_lines(p)]
    assert any(line[0] == "roster.xlsx" and line[1] == "whole file" and note in line[6] for line in lines), lines


def test_xlsx_without_content_types_is_read_and_the_provider_is_told(world, tmp_path):
    src = roster_xlsx(tmp_path / "src.xlsx")
    path = tmp_path / "no-types.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "[Content_Types].xml":
                zout.writestr(item, zin.read(item.filename))
    s = json.loads(cli(world, "ingest", "--json", str(path)).output)
    detail = s["details"][0]
    assert detail["status"] == "applied" and detail["rows"] == 2 and detail["credits"] == 1
    assert "[Content_Types].xml" in detail["notes"][0]
    out = tmp_path / "feedback"
    cli(world, "exceptions", "feedback", "--batch", str(s["batch_id"]), "--out", str(out))
    lines = [line for p in out.iterdir() for line in feedback_lines(p)]
    assert any(line[0] == "no-types.xlsx" and "[Content_Types].xml" in line[6] for line in lines), lines
    assert any(line[0] == "no-types.xlsx" and line[1] == "row 3 (Roster)" for line in lines), lines
