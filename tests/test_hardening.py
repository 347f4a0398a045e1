"""Hostile cells and files that used to win: one test per class, through the real readers and store."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.readers.isolate import run_isolated
from cec_batch.readers.roster_sheet import read_roster

from cli_helpers import cli, export
from conftest import SAMPLES

HEADER = ["Certificant ID", "Name", "Course Number", "Completion Date", "CECs"]
# Three sample certificants with a period covering 2026 (samples/reference).
PEOPLE = [("101189", "Margaret Doyle"), ("101699", "Jessica Lopes"), ("100128", "William Tran")]
ORDINARY = ("CA23456", "06/01/2026")   # standard course, 0.4 CECs
EVENT = ("CP56001", "09/26/2026")      # event, capped at 1.5 CECs


@pytest.fixture
def world(db_url):
    for kind in ("certificants", "certifications", "courses"):
        cli(db_url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv"))
    return db_url


def xlsx(path: Path, rows: list[list], extra: dict | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    for ref, value in (extra or {}).items():
        ws[ref] = value
    wb.save(path)
    return path


def exceptions_by_location(db_url, tmp_path) -> dict[str, list[str]]:
    got: dict[str, list[str]] = {}
    for e in export(db_url, tmp_path, "exceptions", "--status", "all"):
        got.setdefault(e["source_location"], []).append(e["kind"])
    return got


# --- a bad CECs cell is its row's outcome, never the file's -----------------------------------

@pytest.mark.parametrize("course", [ORDINARY, EVENT], ids=["ordinary", "event"])
@pytest.mark.parametrize("bad", [1e308, -1.0, "NaN", "inf", "1e308", "-0.5"])
def test_bad_cecs_cell_is_the_rows_outcome(world, tmp_path, course, bad):
    number, day = course
    rows = [[PEOPLE[0][0], PEOPLE[0][1], number, day, bad],
            [PEOPLE[1][0], PEOPLE[1][1], number, day, 0.4]]
    path = xlsx(tmp_path / "bad_cecs.xlsx", rows)
    s = json.loads(cli(world, "ingest", "--json", str(path)).output)
    assert s["files"] == {"applied": 1, "total": 1}, s
    got = exceptions_by_location(world, tmp_path)
    credits = {c["source_location"]: c for c in export(world, tmp_path, "credits")}
    if number == ORDINARY[0]:
        assert got["row 2 (Roster)"] == ["ceus_mismatch"]
        assert credits["row 2 (Roster)"]["ceus"] == "0.4"  # the catalogue value
    else:
        assert got["row 2 (Roster)"] == ["needs_review"]
        assert "row 2 (Roster)" not in credits
    assert "row 3 (Roster)" in credits and "row 3 (Roster)" not in got  # the neighbour is untouched


# --- a stray cell far out does not fail the workbook ------------------------------------------

def test_stray_cell_at_the_sheets_last_cell_leaves_the_rows_readable(tmp_path):
    rows = [[pid, name, *ORDINARY, 0.4] for pid, name in PEOPLE]
    path = xlsx(tmp_path / "stray.xlsx", rows, {"XFD1048576": "x"})
    result = run_isolated(functools.partial(read_roster, path, limits=Limits()), limits=Limits(), path=path)
    assert result.rows["location"].tolist() == ["row 2 (Roster)", "row 3 (Roster)", "row 4 (Roster)"]
    assert result.rows["certificant_id"].tolist() == [p[0] for p in PEOPLE]
    assert any("1048576" in n for n in result.notes), result.notes  # the stray row is said, not hidden


def test_stray_cell_in_a_sheet_without_a_dimension_record(tmp_path):
    import zipfile

    rows = [[pid, name, *ORDINARY, 0.4] for pid, name in PEOPLE]
    src = xlsx(tmp_path / "src.xlsx", rows, {"XFD1048576": "x"})
    path = tmp_path / "nodim.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension [^>]*>", b"", data)
            zout.writestr(item, data)
    result = run_isolated(functools.partial(read_roster, path, limits=Limits()), limits=Limits(), path=path)
    assert result.rows["certificant_id"].tolist() == [p[0] for p in PEOPLE]


# --- spreadsheet serial 60 ---------------------------------------------------------------------

def test_serial_60_is_an_invalid_date_and_59_is_a_date(world, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(HEADER)
    for i, serial in enumerate((60, 59, 46174)):  # 46174 is 06/01/2026
        pid, name = PEOPLE[i]
        ws.append([pid, name, ORDINARY[0], serial, 0.4])
        ws.cell(row=i + 2, column=4).number_format = "mm/dd/yyyy"
    wb.save(tmp_path / "serials.xlsx")
    cli(world, "ingest", str(tmp_path / "serials.xlsx"))
    found = {e["source_location"]: e for e in export(world, tmp_path, "exceptions", "--status", "all")}
    assert found["row 2 (Roster)"]["kind"] == "invalid_date"
    assert "02/29/1900" in found["row 2 (Roster)"]["detail"]
    assert found["row 3 (Roster)"]["kind"] == "course_not_approved"  # 02/28/1900 is a real day
    assert [c["source_location"] for c in export(world, tmp_path, "credits")] == ["row 4 (Roster)"]


# --- CSV row numbers with a bare carriage return inside a quoted field -------------------------

def test_bare_carriage_return_in_a_quoted_field_does_not_shift_later_rows(tmp_path):
    path = tmp_path / "cr.csv"
    path.write_bytes(
        b"ACE ID,Name,Course #,Date Completed,CECs\r\n"      # 1
        b'101189,"Doyle,\rMargaret",CA23456,06/01/2026,0.4\r\n'  # 2: one line, a CR inside the quotes
        b"101699,Jessica Lopes,CA23456,06/01/2026,0.4\r\n"    # 3
        b"100128,William Tran,CA23456,06/01/2026,0.4\r\n"     # 4
    )
    result = read_roster(path, limits=Limits())
    assert result.rows["location"].tolist() == ["row 2", "row 3", "row 4"]
    assert result.rows["full_name"].tolist()[0] == "Doyle,\rMargaret"


# --- the memory cap holds for the whole process tree --------------------------------------------

def _spawn_allocators(count: int, each: int) -> str:
    """A reader that starts programs which allocate and touch EACH bytes apiece, then waits for them."""
    code = textwrap.dedent(f"""
        import time
        block = bytearray({each})
        for i in range(0, len(block), 4096):
            block[i] = 1
        time.sleep(30)
    """)
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(count)]
    for p in procs:
        p.wait()
    return "finished"


def test_memory_cap_holds_for_programs_the_reader_starts(tmp_path):
    limits = Limits(parse_memory_bytes=256 * 1024 * 1024, parse_seconds=40)
    with pytest.raises(UnreadableFile) as err:
        # Two programs of 160 MB each: each alone is under the cap, together they are over it.
        run_isolated(_spawn_allocators, 2, 160 * 1024 * 1024, limits=limits, path=tmp_path / "x.pdf",
                     crash_label="the PDF library")
    assert err.value.reason == "needed more than 256 MB of memory to parse (CEC_LIMIT_PARSE_MEMORY_BYTES)"


def test_inflating_workbook_stops_at_the_cap_and_names_it(tmp_path):
    """A sheet whose XML inflates to gigabytes of one shared string: stopped at the cap, limit named."""
    import zipfile

    src = xlsx(tmp_path / "src.xlsx", [[PEOPLE[0][0], "x", *ORDINARY, 0.4]])
    path = tmp_path / "inflate.xlsx"
    with zipfile.ZipFile(src) as zin:
        head, tail = zin.read("xl/worksheets/sheet1.xml").split(b"<t>x</t>", 1)
    # A streamed 600 MB string in one cell (under a megabyte compressed).
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(item, data)
                continue
            with zout.open(item.filename, "w", force_zip64=True) as out:
                out.write(head + b"<t>")
                chunk = b"A" * (1 << 20)
                for _ in range(600):
                    out.write(chunk)
                out.write(b"</t>" + tail)
    limits = Limits(parse_memory_bytes=256 * 1024 * 1024, parse_seconds=60)
    with pytest.raises(UnreadableFile) as err:
        run_isolated(functools.partial(read_roster, path, limits=limits), limits=limits, path=path)
    assert err.value.reason == "needed more than 256 MB of memory to parse (CEC_LIMIT_PARSE_MEMORY_BYTES)"
