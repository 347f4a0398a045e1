"""Properties of the roster reader over generated messy sheets (Hypothesis), CSV and xlsx.

1. A row's outcome never depends on the rows around it: the row read from a sheet of many
   rows is the row read from a sheet holding it alone.
2. A bad value in one cell never changes another row: putting a hostile value into one cell
   leaves every other row exactly as it was read before, its row number included.

A row's outcome here is what the reader passed on for it and what normalize makes of it
(date, stated CECs, course number): the part of the pipeline that reads cells.
"""

from __future__ import annotations

import csv
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cec_batch.config import Limits
from cec_batch.normalize import normalize_course_number, parse_ceus, parse_date
from cec_batch.readers.roster_sheet import classify_header, read_roster

HEADER = ["Certificant ID", "Name", "Course Number", "Completion Date", "CECs"]
LIMITS = Limits()
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Cell text: what providers type, including the awkward (commas, quotes, a bare CR, unicode).
_ALPHABET = st.sampled_from(list("abcXYZ019 ,.;-/'\"éøß\u00a0") + ["\r", "=", "@", "+", "\t"])
words = st.text(_ALPHABET, min_size=1, max_size=12).filter(
    lambda s: s.strip() and classify_header(s.strip()) is None)
numbers = st.one_of(st.integers(-10, 10**7), st.floats(allow_nan=False, allow_infinity=False, width=32))
course_numbers = st.sampled_from(["CA23456", "ca 23456", "CEP 246810", "CA2345", "XX", "C A 2 3 4 5 6"])
dates = st.one_of(st.sampled_from(["06/01/2026", "2026-06-01", "02/30/2026", "13/13/2013", "June 1, 2026"]),
                  st.dates(date(1990, 1, 1), date(2030, 12, 31)))
ceus = st.one_of(st.sampled_from(["0.4", "0,8", "1.5 CECs", "NaN", "inf", "1e308", "-1", ""]), numbers)
cells = st.one_of(st.none(), words, numbers)
rows = st.lists(st.tuples(st.one_of(st.none(), words, st.integers(100000, 999999)), st.one_of(st.none(), words),
                          st.one_of(st.none(), course_numbers), st.one_of(st.none(), dates),
                          st.one_of(st.none(), ceus)).map(list), min_size=1, max_size=12)
HOSTILE = [1e308, float("inf"), -1.0, "NaN", "=cmd|' /C calc'!A0", "a\rb", "\"", ",,,", "x" * 5000, 60,
           "\u202e", "  ", "0", "12/31/9999"]


def _csv_cell(v):
    return "" if v is None else (v.strftime("%m/%d/%Y") if isinstance(v, date) else str(v))


def write_csv(path: Path, data: list[list]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADER)
        for r in data:
            w.writerow([_csv_cell(v) for v in r])
    return path


def _xlsx_cell(v):
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return str(v)  # a workbook cell cannot hold NaN or infinity: a provider would type it as text
    return v


def write_xlsx(path: Path, data: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(HEADER)
    for r in data:
        ws.append([_xlsx_cell(v) for v in r])
    wb.save(path)
    return path


def outcome(rec: dict) -> tuple:
    """What the reader passed on for a row and what normalize makes of its cells."""
    values = tuple(repr(rec[f]) for f in ("certificant_id", "full_name", "course_number", "completion_date", "ceus"))
    return values + (parse_date(rec["completion_date"]), parse_ceus(rec["ceus"]),
                     normalize_course_number(rec["course_number"] or ""))


def read(path: Path) -> dict[str, tuple]:
    """location -> outcome, for every row read."""
    return {r["location"]: outcome(r) for r in read_roster(path, limits=LIMITS).rows.to_dict("records")}


def _blank(row: list) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _only_formulas(row: list) -> bool:
    """True when openpyxl writes ROW's only text as formulas ("=0"): cells with no value, never computed."""
    return all(v is None or (isinstance(v, str) and (not v.strip() or v.startswith("="))) for v in row)


WRITERS = {"csv": write_csv, "xlsx": write_xlsx}


def _check_alone(kind: str, data: list[list]) -> None:
    write = WRITERS[kind]
    with tempfile.TemporaryDirectory() as tmp:
        together = read(write(Path(tmp) / f"all.{kind}", data))
        for k, row in enumerate(data):
            if _blank(row) or (kind == "xlsx" and _only_formulas(row)):
                continue
            # The row alone, at the same place: blank rows keep its row number.
            alone = read(write(Path(tmp) / f"alone{k}.{kind}", [[None] * 5] * k + [row]))
            assert len(alone) == 1
            loc, got = next(iter(alone.items()))
            assert together[loc] == got, (loc, row)


def _check_one_bad_cell(kind: str, data: list[list], i: int, j: int, bad) -> None:
    write = WRITERS[kind]
    i = i % len(data)
    spoiled = [list(r) for r in data]
    spoiled[i][j] = bad
    with tempfile.TemporaryDirectory() as tmp:
        before = read(write(Path(tmp) / f"before.{kind}", data))
        after = read(write(Path(tmp) / f"after.{kind}", spoiled))
    suffix = " (Roster)" if kind == "xlsx" else ""
    changed = f"row {i + 2}{suffix}"
    assert {k: v for k, v in before.items() if k != changed} == {k: v for k, v in after.items() if k != changed}


@SETTINGS
@given(rows)
def test_csv_row_outcome_does_not_depend_on_its_neighbours(data):
    _check_alone("csv", data)


@SETTINGS
@given(rows)
def test_xlsx_row_outcome_does_not_depend_on_its_neighbours(data):
    _check_alone("xlsx", data)


@SETTINGS
@given(rows, st.integers(0, 100), st.integers(0, 4), st.sampled_from(HOSTILE))
def test_csv_bad_cell_changes_no_other_row(data, i, j, bad):
    _check_one_bad_cell("csv", data, i, j, bad)


@SETTINGS
@given(rows, st.integers(0, 100), st.integers(0, 4), st.sampled_from(HOSTILE))
def test_xlsx_bad_cell_changes_no_other_row(data, i, j, bad):
    _check_one_bad_cell("xlsx", data, i, j, bad)
