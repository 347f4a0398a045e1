"""`export credits` and `export exceptions`: the columns of contract.md, as CSV or XLSX."""

from __future__ import annotations

import csv
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cec_batch.config import make_output_dir
from cec_batch.reports.cells import safe_cell, safe_xlsx_cell
from cec_batch.rules import cecs

CREDIT_HEADER = ("credit_id", "certificant_id", "course_number", "completion_date", "ceus", "source_file",
                 "source_location", "batch_id", "posted_at", "operator", "reversed")
EXCEPTION_HEADER = ("exception_id", "kind", "severity", "source_file", "source_location", "certificant_ref",
                    "course_number", "completion_date", "detail", "status")
def _text(value) -> str:
    """One cell as the contract writes it: ISO dates, one-decimal CECs, true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")  # stored in UTC
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(cecs(value))
    return str(value)


def write_table(out: Path, header: Iterable[str], rows: Iterable[tuple], *, sheet: str = "Sheet1",
                numeric: Iterable[str] = ()) -> int:
    """Write ROWS under HEADER to OUT (.csv or .xlsx); returns the number of rows."""
    header = tuple(header)
    numeric_cols = {header.index(c) for c in numeric}
    make_output_dir(out.parent)
    n = 0
    if out.suffix.lower() == ".csv":
        with open(out, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            for row in rows:
                w.writerow([_text(v) if i in numeric_cols else safe_cell(_text(v)) for i, v in enumerate(row)])
                n += 1
        return n
    rows = list(rows)
    widths = [len(h) for h in header]
    for row in rows[:500]:
        for i, v in enumerate(row):
            widths[i] = max(widths[i], min(60, len(_text(v))))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w + 2
    ws.append(list(header))
    for row in rows:
        ws.append([(float(v) if isinstance(v, Decimal) else v) if i in numeric_cols and v is not None
                   else safe_xlsx_cell(_text(v)) for i, v in enumerate(row)])
    wb.save(out)
    return len(rows)
