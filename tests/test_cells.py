"""Cell escaping (contract.md, Outputs): text never starts with = + - @ tab CR; numbers stay numbers."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from cec_batch.reports.cells import UNSAFE_START, safe_cell, safe_xlsx_cell


@pytest.mark.parametrize("text", ["=1+1", "+44 20 7946 0000", "-5", "@SUM(A1)", "\tcmd", "\rcmd",
                                  '=HYPERLINK("http://evil.example","click")', "=", "-"])
def test_text_starting_with_a_formula_character_gets_a_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["", "Ann Lee", "CA23456", " =1+1", "'=1+1", "a=b", "1-2", "O'Neil",
                                  "\n=1", "café"])
def test_other_text_is_unchanged(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize("value", [0, -5, 2.0, -0.5, Decimal("-1.5"), Decimal("0.2"), True, False, None,
                                   date(2026, 3, 1), datetime(2026, 3, 1, 6, 0)])
def test_numbers_dates_and_blanks_stay_what_they_are(value):
    assert safe_cell(value) is value


@given(st.text())
def test_escaped_text_never_starts_unsafe(text):
    out = safe_cell(text)
    assert not out.startswith(UNSAFE_START)
    assert out in (text, "'" + text)


@given(st.text())
def test_xlsx_text_never_starts_unsafe_and_holds_no_control_characters(text):
    out = safe_xlsx_cell(text)
    assert not out.startswith(UNSAFE_START)
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in out)


def test_control_characters_go_before_the_check():
    # "\x01=1" would become the formula "=1" if the character were dropped after escaping.
    assert safe_xlsx_cell("\x01=1") == "'=1"
    assert safe_xlsx_cell("A\x00B") == "AB"
    assert safe_xlsx_cell(-1.5) == -1.5


def test_escaped_cells_stay_text_in_a_workbook(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append([safe_xlsx_cell(v) for v in ("=1+1", "@x", "-5", -5, Decimal("0.5"), "\x02=2")])
    wb.save(tmp_path / "t.xlsx")
    row = next(load_workbook(tmp_path / "t.xlsx").active.iter_rows())
    assert [c.value for c in row] == ["'=1+1", "'@x", "'-5", -5, 0.5, "'=2"]
    assert [c.data_type for c in row] == ["s", "s", "s", "n", "n", "s"]


def test_escaped_cells_in_a_csv(tmp_path):
    path = tmp_path / "t.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow([safe_cell(v) for v in ("=cmd|' /C calc'!A0", "+1", "ok", 3)])
    assert path.read_bytes() == b"'=cmd|' /C calc'!A0,'+1,ok,3\r\n"
