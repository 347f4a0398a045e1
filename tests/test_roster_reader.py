"""Roster reader and isolation: real files written into tmp_path, read back as users see them."""

from __future__ import annotations

import atexit
import math
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import create_engine, text

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile, UsageError
from cec_batch.model import ROW_FIELDS, ReadResult
from cec_batch.readers import SUPPORTED_SUFFIXES, iter_input_files, read_file, sniff_kind
from cec_batch.readers.isolate import run_isolated
from cec_batch.readers.roster_sheet import classify_header, detect_format, read_roster

LIMITS = Limits(parse_seconds=20)
REALWORLD_SHEETS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "realworld" / "sheets"


# --- helpers ---------------------------------------------------------------------------------

def write_xlsx(path: Path, sheets: dict[str, dict[str, object]], hidden: tuple[str, ...] = ()) -> Path:
    """A workbook whose sheets hold the given cells ({"C4": value}), exactly where Excel shows them."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, cells in sheets.items():
        ws = wb.create_sheet(name)
        for ref, value in cells.items():
            ws[ref] = value
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def table(top_left: str, rows: list[list[object]]) -> dict[str, object]:
    """Cells for rows written from top_left (e.g. "C4"); None leaves a cell empty."""
    col = openpyxl.utils.column_index_from_string("".join(c for c in top_left if c.isalpha()))
    row = int("".join(c for c in top_left if c.isdigit()))
    cells = {}
    for i, values in enumerate(rows):
        for j, value in enumerate(values):
            if value is not None:
                cells[f"{openpyxl.utils.get_column_letter(col + j)}{row + i}"] = value
    return cells


def records(result: ReadResult) -> list[dict]:
    return result.rows.to_dict("records")


def assert_frame_shape(result: ReadResult) -> None:
    assert result.kind == "roster"
    assert list(result.rows.columns) == list(ROW_FIELDS)
    assert all(dtype == object for dtype in result.rows.dtypes)
    for value in result.rows.to_numpy().ravel():
        assert not (isinstance(value, float) and math.isnan(value))


# --- header recognition ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, field",
    [
        ("Certificant ID", "certificant_id"),
        ("ACE ID #", "certificant_id"),
        ("ace id", "certificant_id"),
        ("Member #", "certificant_id"),
        ("Member ID:", "certificant_id"),
        ("Certification Number", "certificant_id"),
        ("ID", "certificant_id"),
        ("ACE Number", "certificant_id"),
        ("First Name", "first_name"),
        ("First", "first_name"),
        ("Given name", "first_name"),
        ("LAST NAME", "last_name"),
        ("Surname", "last_name"),
        ("Family Name", "last_name"),
        ("Name", "full_name"),
        ("Full Name", "full_name"),
        ("Attendee", "full_name"),
        ("Attendee Name", "full_name"),
        ("Participant", "full_name"),
        ("Name (Last, First)", "full_name"),
        ("Last, First", "full_name"),
        ("Email", "email"),
        ("E-mail", "email"),
        ("Email Address (optional)", "email"),
        ("Course Number", "course_number"),
        ("Course #", "course_number"),
        ("Course No.", "course_number"),
        ("ACE Course Number", "course_number"),
        ("Course ID", "course_number"),
        ("Approval Number", "course_number"),
        ("Course Code", "course_number"),
        ("Completion Date", "completion_date"),
        ("Date Completed (MM/DD/YYYY)", "completion_date"),
        ("Date of Completion", "completion_date"),
        ("Completed", "completion_date"),
        ("Date", "completion_date"),
        ("CECs", "ceus"),
        ("CEC", "ceus"),
        ("CEUs", "ceus"),
        ("CEU", "ceus"),
        ("Credits", "ceus"),
        ("CEC's Earned", "ceus"),
        ("Date of Birth", "birth_date"),
        ("DOB", "birth_date"),
        ("Birth date", "birth_date"),
    ],
)
def test_header_synonyms(text, field):
    assert classify_header(text)[0] == field


@pytest.mark.parametrize(
    "text", ["Course Title", "Course Name", "Provider", "Provider Name", "Instructor Name", "Shirt size",
             "Name unknown", "Course"],
)
def test_headers_that_are_not_roster_columns(text):
    assert classify_header(text) is None


# --- workbooks ---------------------------------------------------------------------------------

def test_title_lines_above_the_header(tmp_path):
    path = write_xlsx(tmp_path / "roster.xlsx", {
        "Roster": table("A1", [
            ["Acme Fitness - ACE roster"],
            ["Submitted by: J. Smith", None, "Provider: Acme"],
            [],
            ["ACE ID #", "First Name", "Last Name", "E-mail", "Course #", "Date Completed", "CECs", "Shirt size"],
            ["000123", "Jane", "Smith", "jane@example.org", "CA12345", date(2026, 1, 15), 0.8, "M"],
            ["000124", " John ", "Doe", None, "CA12345", date(2026, 1, 16), 0.8, "L"],
        ]),
    })
    result = read_roster(path, limits=LIMITS)
    assert_frame_shape(result)
    rows = records(result)
    assert [r["location"] for r in rows] == ["row 5 (Roster)", "row 6 (Roster)"]
    assert rows[0] == {
        "location": "row 5 (Roster)", "certificant_id": "000123", "first_name": "Jane", "last_name": "Smith",
        "full_name": None, "email": "jane@example.org", "birth_date": None, "course_number": "CA12345",
        "completion_date": date(2026, 1, 15), "ceus": 0.8, "review": None, "read": None,
    }
    assert rows[1]["first_name"] == "John"  # stripped
    assert rows[1]["email"] is None
    assert result.notes == ['sheet "Roster" column "Shirt size" not recognised (ignored)']


def test_excel_row_numbers_with_leading_blank_rows_and_columns(tmp_path):
    # Nothing in rows 1-3 or columns A-B: python-calamine starts its grid at C4, Excel does not.
    path = write_xlsx(tmp_path / "offset.xlsx", {
        "Sheet A": table("C4", [
            ["Email", "Completion Date", "CECs"],
            ["a@example.org", date(2026, 2, 1), 1],
            [None, None, None],
            ["b@example.org", datetime(2026, 2, 2, 9, 30), "0.5"],
            [None, None, None],
            [None, None, None],
            ["c@example.org", None, None],
        ]),
    })
    rows = records(read_roster(path, limits=LIMITS))
    assert [r["location"] for r in rows] == ["row 5 (Sheet A)", "row 7 (Sheet A)", "row 10 (Sheet A)"]
    assert rows[0]["completion_date"] == date(2026, 2, 1)
    assert type(rows[0]["completion_date"]) is date
    assert rows[1]["completion_date"] == datetime(2026, 2, 2, 9, 30)
    assert rows[0]["ceus"] == 1.0 and rows[1]["ceus"] == "0.5"
    assert rows[2]["ceus"] is None


def test_single_name_column_last_comma_first(tmp_path):
    path = write_xlsx(tmp_path / "names.xlsx", {
        "S": table("A1", [["Name (Last, First)", "Course No", "Date"], ["Smith, Jane", "CA12345", "01/15/2026"]]),
    })
    (row,) = records(read_roster(path, limits=LIMITS))
    assert row["full_name"] == "Smith, Jane"
    assert row["first_name"] is None and row["last_name"] is None
    assert row["completion_date"] == "01/15/2026"  # text stays text: normalize parses dates


def test_two_sheets_each_with_its_own_header_and_a_hidden_sheet(tmp_path):
    path = write_xlsx(tmp_path / "two.xlsx", {
        "January": table("A1", [["Member ID", "Name", "CEUs"], [1001, "Ann Lee", 1.5], [1002, "Bo Chan", 1.5]]),
        "February": table("B3", [["Course ID", "CEUs", "Attendee"], ["CA1", 2, "Cy Dow"]]),
        "Old": table("A1", [["ID", "Name"], ["9", "Hidden Person"]]),
    }, hidden=("Old",))
    result = read_roster(path, limits=LIMITS)
    rows = records(result)
    assert [(r["location"], r["full_name"]) for r in rows] == [
        ("row 2 (January)", "Ann Lee"), ("row 3 (January)", "Bo Chan"),
        ("row 4 (February)", "Cy Dow"), ("row 2 (Old)", "Hidden Person"),
    ]
    assert rows[0]["certificant_id"] == 1001.0  # numbers as the workbook holds them
    assert rows[2]["course_number"] == "CA1" and rows[2]["certificant_id"] is None
    assert 'sheet "Old" is hidden; its rows were read too' in result.notes
    only = read_roster(path, limits=LIMITS, sheet_names=["February"])
    assert [r["location"] for r in records(only)] == ["row 4 (February)"]
    with pytest.raises(UnreadableFile, match='no sheet named "March"'):
        read_roster(path, limits=LIMITS, sheet_names=["March"])


def test_header_without_rows_is_an_empty_roster(tmp_path):
    path = write_xlsx(tmp_path / "empty.xlsx", {"Roster": table("A2", [["Certificant ID", "Course Number"]])})
    result = read_roster(path, limits=LIMITS)
    assert_frame_shape(result)
    assert len(result.rows) == 0


def test_sheet_without_header_is_skipped_with_a_note(tmp_path):
    path = write_xlsx(tmp_path / "mixed.xlsx", {
        "Notes": table("A1", [["Remember to send by Friday"], ["thanks"]]),
        "Roster": table("A1", [["Email", "CECs"], ["a@example.org", 1]]),
    })
    result = read_roster(path, limits=LIMITS)
    assert len(result.rows) == 1
    assert 'sheet "Notes" has rows but no recognisable header row (skipped)' in result.notes


def test_workbook_with_rows_but_no_header_is_unreadable(tmp_path):
    # A header needs a person column: course, date and CECs alone do not make a roster.
    path = write_xlsx(tmp_path / "nohead.xlsx", {"S": table("A1", [["Course #", "Date", "CECs"], ["CA1", "x", 1]])})
    with pytest.raises(UnreadableFile, match="no recognisable header row"):
        read_roster(path, limits=LIMITS)


def test_rows_with_values_only_in_unrecognised_columns_are_noted(tmp_path):
    path = write_xlsx(tmp_path / "totals.xlsx", {
        "S": table("A1", [["Email", "CECs", "Comment"], ["a@example.org", 1, None], [None, None, "Total: 1"]]),
    })
    result = read_roster(path, limits=LIMITS)
    assert len(result.rows) == 1
    assert 'sheet "S": 1 row(s) with values only in columns that were not recognised skipped (row 3)' in result.notes


def test_repeated_header_rows_are_skipped(tmp_path):
    # Rosters pasted one under another keep their headers.
    path = write_xlsx(tmp_path / "pasted.xlsx", {
        "S": table("A1", [["Email", "CECs"], ["a@example.org", 1], ["Email", "CECs"], ["b@example.org", 2]]),
    })
    result = read_roster(path, limits=LIMITS)
    assert [r["location"] for r in records(result)] == ["row 2 (S)", "row 4 (S)"]
    assert 'sheet "S": repeated header row skipped (row 3)' in result.notes


def test_ods_with_offset_table(tmp_path):
    path = tmp_path / "roster.ods"
    frame = pd.DataFrame({"Email": ["a@example.org", "b@example.org"], "Completion Date": [date(2026, 1, 2)] * 2})
    with pd.ExcelWriter(path, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Roster", startrow=3, startcol=2, index=False)
    rows = records(read_roster(path, limits=LIMITS))
    assert [r["location"] for r in rows] == ["row 5 (Roster)", "row 6 (Roster)"]
    assert rows[0]["completion_date"] == date(2026, 1, 2)


def test_workbook_recognised_by_content_not_extension(tmp_path):
    xlsx = write_xlsx(tmp_path / "real.xlsx", {"S": table("A1", [["Email"], ["a@example.org"]])})
    disguised = tmp_path / "roster.csv"
    shutil.copy(xlsx, disguised)
    assert detect_format(disguised) == "xlsx"
    assert records(read_file(disguised, limits=LIMITS))[0]["location"] == "row 2 (S)"


def test_old_xls_saved_as_xlsx(tmp_path):
    source = REALWORLD_SHEETS / "edr_Test_git_issue_231_NoCodePage.xls"
    if not source.exists():
        pytest.skip(f"{source} is absent: no small .xls to copy")
    path = tmp_path / "roster.xlsx"
    shutil.copy(source, path)
    assert detect_format(path) == "xls"
    result = read_file(path, limits=LIMITS)
    rows = records(result)
    assert [r["location"] for r in rows] == [f"row {n} (file excel senza nome)" for n in (2, 3, 4, 5)]
    assert rows[0]["certificant_id"] == 25250.0


# --- CSV ---------------------------------------------------------------------------------------

def test_csv_line_numbers_with_title_blank_lines_and_multiline_cells(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(
        b"Acme Fitness roster\r\n"                                    # 1
        b"\r\n"                                                       # 2
        b"ACE ID,Name,Course #,Date Completed,CECs\r\n"               # 3
        b'000123,"Smith, Jane",CA12345,01/15/2026,0.8\r\n'            # 4
        b"\r\n"                                                       # 5
        b'000124,"Doe,\r\nJohn",CA12345,01/15/2026,0.8\r\n'           # 6-7
        b"000125,Roe Richard,CA12345,01/16/2026,\r\n"                 # 8
    )
    result = read_roster(path, limits=LIMITS)
    assert_frame_shape(result)
    rows = records(result)
    assert [r["location"] for r in rows] == ["row 4", "row 6", "row 8"]
    assert rows[0]["certificant_id"] == "000123"  # leading zeros kept: everything is text
    assert rows[0]["full_name"] == "Smith, Jane"
    assert rows[0]["ceus"] == "0.8" and rows[2]["ceus"] is None
    assert rows[1]["full_name"] == "Doe,\r\nJohn"


@pytest.mark.parametrize(
    "content, expected_name",
    [
        pytest.param("\ufeffEmail,Name\nj@example.org,José Pérez\n".encode("utf-8"), "José Pérez", id="utf8-bom"),
        pytest.param("Email;Name\nj@example.org;José Pérez\n".encode("cp1252"), "José Pérez", id="cp1252-semicolon"),
        pytest.param("Email\tName\nj@example.org\tJosé Pérez\n".encode("utf-16"), "José Pérez", id="utf16-tab"),
        pytest.param("Email|Name\nj@example.org|José Pérez\n".encode("utf-8"), "José Pérez", id="utf8-pipe"),
        pytest.param("Email,Name\rj@example.org,José Pérez\r".encode("latin-1"), "José Pérez", id="latin1-cr"),
    ],
)
def test_csv_encodings_and_separators(tmp_path, content, expected_name):
    path = tmp_path / "roster.txt"
    path.write_bytes(content)
    (row,) = records(read_roster(path, limits=LIMITS))
    assert (row["location"], row["email"], row["full_name"]) == ("row 2", "j@example.org", expected_name)


def test_semicolon_csv_with_decimal_commas(tmp_path):
    # Commas split every line into three fields, semicolons all but the titles: the header decides.
    path = tmp_path / "eu.csv"
    path.write_text("Acme, Inc., Boston\nMarch, 2026, roster\nMember ID;Name;CECs\n"
                    "1001;Smith, Jane;0,8\n1002;Doe, John;1,5\n", encoding="utf-8")
    rows = records(read_roster(path, limits=LIMITS))
    assert [(r["location"], r["certificant_id"], r["full_name"], r["ceus"]) for r in rows] == [
        ("row 4", "1001", "Smith, Jane", "0,8"), ("row 5", "1002", "Doe, John", "1,5"),
    ]


def test_text_with_rows_but_no_header_is_unreadable(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("this is not a roster\njust some words\n")
    with pytest.raises(UnreadableFile, match="no recognisable header row"):
        read_roster(path, limits=LIMITS)


def test_csv_header_only(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("Certificant ID,Course Number,Completion Date\n\n")
    result = read_roster(path, limits=LIMITS)
    assert_frame_shape(result)
    assert len(result.rows) == 0


# --- unreadable files and limits ------------------------------------------------------------

def test_zero_byte_file(tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"")
    for call in (lambda: read_roster(path, limits=LIMITS), lambda: read_file(path, limits=LIMITS),
                 lambda: sniff_kind(path)):
        with pytest.raises(UnreadableFile) as err:
            call()
        assert err.value.reason == "empty file (0 bytes)"
        assert str(err.value) == "roster.xlsx: empty file (0 bytes)"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "not a spreadsheet: a PNG image"),
        (bytes(range(256)) * 8, "not a spreadsheet: binary data"),
        (b"PK\x05\x06" + bytes(18), "not a spreadsheet: an empty ZIP archive"),
        (b"<html><body><table><tr><td>ID</td></tr></table></body></html>", "not a spreadsheet: a web page (HTML)"),
    ],
)
def test_not_a_roster(tmp_path, content, reason):
    path = tmp_path / "input.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match="^input\\.xlsx: " + re.escape(reason)):
        read_file(path, limits=LIMITS)


def test_zip_without_workbook(tmp_path):
    import zipfile

    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(UnreadableFile, match="a ZIP archive without a workbook in it"):
        sniff_kind(path)


def test_sniff_kind(tmp_path):
    pdf = tmp_path / "scan.bin"
    pdf.write_bytes(b"\n\n%PDF-1.7\n...")
    assert sniff_kind(pdf) == "certificate"
    csv_file = tmp_path / "roster.tsv"
    csv_file.write_text("Email\ta@example.org\n")
    assert sniff_kind(csv_file) == "roster"


def test_size_limit(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("Email\n" + "a@example.org\n" * 20)
    with pytest.raises(UnreadableFile) as err:
        read_file(path, limits=Limits(max_file_bytes=100))
    assert err.value.reason == "file is 286 bytes, over the 100 bytes limit (CEC_LIMIT_MAX_FILE_BYTES)"
    big = Limits().max_file_bytes
    with open(path, "wb") as f:
        f.truncate(int(big * 1.2031))
    with pytest.raises(UnreadableFile, match=r"file is 120\.3 MB, over the 100 MB limit \(CEC_LIMIT_MAX_FILE_BYTES\)"):
        read_file(path, limits=Limits())


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_row_limit(tmp_path, suffix):
    rows = [["Email"]] + [[f"p{i}@example.org"] for i in range(4)]
    if suffix == ".csv":
        path = tmp_path / "r.csv"
        path.write_text("\n".join(r[0] for r in rows) + "\n")
    else:
        path = write_xlsx(tmp_path / "r.xlsx", {"S": table("A1", rows)})
    assert len(read_file(path, limits=Limits(max_rows=4)).rows) == 4
    with pytest.raises(UnreadableFile) as err:
        read_file(path, limits=Limits(max_rows=3))
    assert err.value.reason == "has more than 3 rows, over the limit (CEC_LIMIT_MAX_ROWS)"


# --- files to ingest ---------------------------------------------------------------------------

def test_iter_input_files(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "b-sub").mkdir(parents=True)
    (inbox / ".git").mkdir()
    for name in ["z.csv", "a.XLSX", "~$a.xlsx", ".hidden.csv", "notes.docx", "b-sub/c.pdf", ".git/x.csv", "m.ods"]:
        (inbox / name).write_text("x")
    stray = tmp_path / "photo.png"
    stray.write_text("x")
    assert iter_input_files([inbox, stray, inbox / "z.csv"]) == [
        # A file of another kind is taken too, to be reported for what it is (nothing vanishes).
        inbox / "a.XLSX", inbox / "m.ods", inbox / "notes.docx", inbox / "z.csv", inbox / "b-sub" / "c.pdf", stray,
    ]
    assert {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".txt", ".tsv", ".pdf"} == set(SUPPORTED_SUFFIXES)
    with pytest.raises(UsageError, match="no such file or folder"):
        iter_input_files([tmp_path / "missing.csv"])


# --- isolation ---------------------------------------------------------------------------------

def _allocate(n: int) -> int:
    block = bytearray(n)
    return len(block)


def _raise(exc: BaseException):
    raise exc


class PanicException(BaseException):
    """Stands for pyo3's PanicException: a BaseException, not an Exception."""


def test_isolated_time_limit(tmp_path):
    started = time.monotonic()
    with pytest.raises(UnreadableFile) as err:
        run_isolated(time.sleep, 30, limits=Limits(parse_seconds=0.5), path=tmp_path / "slow.xlsx")
    assert err.value.reason == "took longer than 0.5 s to parse (CEC_LIMIT_PARSE_SECONDS)"
    assert time.monotonic() - started < 5


def _start_program_then_hang(pid_file: Path) -> None:
    program = subprocess.Popen(["sleep", "60"])
    pid_file.write_text(str(program.pid))
    time.sleep(60)


def _is_gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status  # killed, waiting for init to reap it


def test_isolated_time_limit_also_ends_programs_the_reader_started(tmp_path):
    pid_file = tmp_path / "pid"
    with pytest.raises(UnreadableFile, match="took longer than 1 s"):
        run_isolated(_start_program_then_hang, pid_file, limits=Limits(parse_seconds=1), path=tmp_path / "a.pdf")
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while not _is_gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _is_gone(pid)


def test_isolated_memory_limit(tmp_path):
    limits = Limits(parse_memory_bytes=128 * 1024 * 1024)
    assert run_isolated(_allocate, 16 * 1024 * 1024, limits=limits, path=tmp_path / "x.xlsx") == 16 * 1024 * 1024
    with pytest.raises(UnreadableFile) as err:
        run_isolated(_allocate, 1024 * 1024 * 1024, limits=limits, path=tmp_path / "x.xlsx")
    assert err.value.reason == "needed more than 128 MB of memory to parse (CEC_LIMIT_PARSE_MEMORY_BYTES)"


def test_isolated_abort(tmp_path):
    with pytest.raises(UnreadableFile) as err:
        run_isolated(os.abort, limits=LIMITS, path=tmp_path / "crash.xls")
    assert err.value.reason == "the spreadsheet library crashed reading it (killed by SIGABRT)"


@pytest.mark.parametrize(
    "exc, reason",
    [
        (UnreadableFile("x", "password-protected workbook"), "password-protected workbook"),
        (ValueError("bad cell\nmore detail"), "could not be read (ValueError: bad cell)"),
        (PanicException("slice index starts at 9"), "the spreadsheet library crashed reading it "
                                                    "(PanicException: slice index starts at 9)"),
        (MemoryError(), "needed more than 1 GB of memory to parse (CEC_LIMIT_PARSE_MEMORY_BYTES)"),
        (SystemExit(3), "could not be read (SystemExit: 3)"),
    ],
)
def test_isolated_errors_become_unreadable(tmp_path, exc, reason):
    with pytest.raises(UnreadableFile) as err:
        run_isolated(_raise, exc, limits=Limits(), path=tmp_path / "f.xlsx")
    assert err.value.reason == reason
    assert err.value.path.name == "f.xlsx"


def test_isolated_result_comes_back_whole(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {
        "S": table("A1", [["ID", "Name", "Date", "CECs"], ["007", "Ann", date(2026, 3, 1), 0.8],
                          [None, "Bo", "03/02/2026", None]]),
    })
    direct = read_roster(path, limits=LIMITS)
    isolated = read_file(path, limits=LIMITS)
    pd.testing.assert_frame_equal(direct.rows, isolated.rows)
    assert isolated.notes == direct.notes
    assert type(isolated.rows.at[0, "completion_date"]) is date
    assert isolated.rows.at[1, "certificant_id"] is None


def test_child_leaves_parent_state_alone(tmp_path):
    marker = tmp_path / "atexit-ran"

    def handler():
        marker.write_text("child ran the parent's atexit handler")

    atexit.register(handler)
    buffered = open(tmp_path / "buffered.txt", "w", buffering=1 << 16)
    try:
        buffered.write("written once\n")
        assert run_isolated(sum, [1, 2], limits=LIMITS, path=tmp_path / "x.csv") == 3
    finally:
        atexit.unregister(handler)
        buffered.close()
    assert not marker.exists()
    assert (tmp_path / "buffered.txt").read_text() == "written once\n"
    sys.stdout.flush()


def test_isolation_with_an_open_database_connection(db_url, tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("Email,CECs\na@example.org,1\n")
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            conn.execute(text("CREATE TABLE iso_check (n INTEGER)"))
            conn.execute(text("INSERT INTO iso_check VALUES (1)"))
            result = read_file(roster, limits=LIMITS)
            assert len(result.rows) == 1
            conn.execute(text("INSERT INTO iso_check VALUES (2)"))
            conn.commit()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM iso_check")).scalar() == 2
            conn.execute(text("DROP TABLE iso_check"))
            conn.commit()
    finally:
        engine.dispose()
