"""Cell escaping for every spreadsheet and CSV the program writes (contract.md, Outputs).

A text cell never starts with `=`, `+`, `-`, `@`, tab or carriage return: a
spreadsheet would take such text for a formula (a roster can carry
`=HYPERLINK(...)` in a name column). Such text gets a leading single quote.
Numbers, dates and booleans stay what they are, so they still sort and sum.
"""

from __future__ import annotations

import re

UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")

# Characters that XML 1.0 (and so .xlsx) cannot hold at all; openpyxl refuses them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value):
    """VALUE as a cell may hold it: text starting with = + - @ tab CR gets a leading `'`."""
    if isinstance(value, str) and value.startswith(UNSAFE_START):
        return "'" + value
    return value


def safe_xlsx_cell(value):
    """Like `safe_cell`, and also drops control characters an .xlsx file cannot store.

    The characters go first, so that `"\\x01=1"` cannot turn into a formula `=1`.
    """
    if isinstance(value, str):
        return safe_cell(_XML_ILLEGAL.sub("", value))
    return value
