"""The monthly compliance workbook: where every certification stands, and where the credit flow fails.

`cec-batch report compliance` (contract.md) calls `write_compliance_workbook`. The
figures come from functions that return plain data or pandas frames, so tests can
check each one against the ledger on its own.

What the figures mean (the choices are summarised for staff in COMPLIANCE.md):

Totals (R3-R5, R12). The total of a certification period is the sum of the CECs of
the person's *standing* credits (no row in `reversals`) whose completion date lies
in `period_start..period_end`, both days included. A credit counts for every
certification whose period contains it (R5); nothing moves between periods (R4).
CPR, AED and First Aid count at most 0.2 each per period (R12). Sums are taken in
whole tenths of a CEC, so that 0.7 + 0.7 + 0.6 is exactly 2.0 on every database.
The ledger is read as it stands when the report runs: `--as-of` chooses the day the
statuses are judged on, not an earlier state of the ledger.

Status of each certification period as of D (rules.md, "Compliance"):
- `not_started`: the period starts after D.
- current periods (`period_start <= D <= period_end`; a period ending on D is
  still current):
  `complete` with 2.0 or more; else `at_risk` when `period_end <= D + warn_days`
  (a period ending exactly on the window's last day is at risk); else `on_track`.
- ended periods (`period_end < D`):
  `closed` when the same person has a later period of the same certification
  (`period_start` after this `period_end`), whatever its total: the period is
  history and the later one is the one that stands; otherwise `complete` with
  2.0 or more, `lapsed` under 2.0.
The Summary counts and charts the four statuses of rules.md (complete, on_track,
at_risk, lapsed); `closed` and `not_started` periods are listed in All
certifications and mentioned in one line under the status table.

The month. `--month YYYY-MM`; by default the calendar month that contains the day
before as-of, so the job that runs on the 1st reports on the month just ended,
and a run in mid-month reports on the month so far. Every figure counts by the
processing date of the batch that made the change (`--today`; batches from before
revision 0005: the UTC day of their wall-clock time): see `processing_day` in store/reports.py.
- Credits posted: credits whose batch's processing date lies in the month, reversed ones
  included (posting is an event; reversals recorded in the month are a line of
  their own), by `source`. The line chart covers the twelve months ending with
  the report month.
- Open exceptions: every exception open as of the as-of date, as it stood then
  (raised by a batch processed by then, not closed by one processed by then), by kind.
- Providers: every credit and every exception whose file was applied by a batch
  processed in the month. The provider is the catalogue's provider of the
  course number, else the provider given with the file (`--provider`), else
  "(no approved course)". Rows received = credits + error exceptions (a warning
  belongs to a posted credit and is not a row of its own); exceptions are
  counted per kind, warnings included. Timeliness is the number of days from
  completion to the arrival of the roster (the processing date of its file's batch),
  over roster rows with a completion date not after arrival: median and worst.
  Worst providers first: highest exception rate (error exceptions / rows), then
  the worst delay.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL, make_url

from cec_batch import rules
from cec_batch.config import make_output_dir
from cec_batch.reports.cells import safe_xlsx_cell
from cec_batch.store import ledger
from cec_batch.store import reports as reads

STATUSES = ("complete", "on_track", "at_risk", "lapsed")  # rules.md; counted and charted
OTHER_STATUSES = ("closed", "not_started")                 # All certifications only
STATUS_LABELS = {"complete": "Complete", "on_track": "On track", "at_risk": "At risk", "lapsed": "Lapsed",
                 "closed": "Closed", "not_started": "Not started"}
NO_PROVIDER = "(no approved course)"
DEFAULT_WARN_DAYS = 90
MAX_SHEET_ROWS = 1_048_576  # Excel's limit; longer lists continue on a second sheet


# -- dates and labels -----------------------------------------------------------------
def default_month(as_of: date) -> date:
    """The report month by default: the month containing the day before AS_OF (its 1st)."""
    day = as_of - timedelta(days=1)
    return day.replace(day=1)


def parse_month(text: str) -> date:
    """`YYYY-MM` -> the 1st of that month; ValueError otherwise."""
    if re.fullmatch(r"\d{4}-\d{2}", text.strip()):
        try:
            return datetime.strptime(text.strip(), "%Y-%m").date()
        except ValueError:
            pass
    raise ValueError(f"{text!r} is not a month in the form YYYY-MM")


def redact_url(url) -> str:
    """The database a report came from, for its title: the URL without password or secrets."""
    try:
        u = make_url(url) if isinstance(url, str) else url
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy knows: show nothing secret
        return "(unrecognised database URL)"
    query = {k: v for k, v in u.query.items()
             if not any(s in k.lower() for s in ("pass", "secret", "token", "key"))}
    bare = URL.create(u.drivername, username=u.username, host=u.host, port=u.port, database=u.database,
                      query=query)
    return bare.render_as_string(hide_password=False)


# -- totals and statuses ----------------------------------------------------------------
def period_totals(conn: Connection) -> pd.DataFrame:
    """One row per certification period with its total in tenths of a CEC (R4, R5, R12): see reads.period_tenths."""
    return reads.period_tenths(conn, rules.tenths(rules.LIMITED_VALUE))


def _days(values):
    """Days since 1970-01-01 of a datetime64[D] value or array."""
    return values.astype("datetime64[D]").astype(np.int64)


def classify(df: pd.DataFrame, as_of: date, warn_days: int = DEFAULT_WARN_DAYS) -> pd.DataFrame:
    """Add status, cecs, needed (CECs still missing) and days_left to a `period_totals` frame."""
    d = _days(np.datetime64(as_of, "D"))
    start = _days(df["period_start"].to_numpy(dtype="datetime64[D]"))
    end = _days(df["period_end"].to_numpy(dtype="datetime64[D]"))
    tenths = df["tenths"].to_numpy(dtype=np.int64)
    required = rules.tenths(rules.REQUIREMENT)
    key = [df["certificant_id"], df["certification"]]
    latest_start = pd.Series(start, index=df.index).groupby(key).transform("max").to_numpy()
    renewed = latest_start > end  # a later period of the same certification exists
    status = np.select(
        [start > d, (end < d) & renewed, tenths >= required, end < d, end <= d + warn_days],
        ["not_started", "closed", "complete", "lapsed", "at_risk"],
        default="on_track",
    )
    return df.assign(status=pd.Series(status, index=df.index, dtype=object), cecs=tenths / 10,
                     needed=np.maximum(required - tenths, 0) / 10, days_left=end - d)


def compliance_statuses(conn: Connection, as_of: date, warn_days: int = DEFAULT_WARN_DAYS) -> pd.DataFrame:
    """Every certification period with its total and its status as of AS_OF."""
    return classify(period_totals(conn), as_of, warn_days)


def status_counts(statuses: pd.DataFrame) -> pd.DataFrame:
    """Periods per certification (rows) and status (columns: STATUSES + OTHER_STATUSES)."""
    all_statuses = list(STATUSES + OTHER_STATUSES)
    if statuses.empty:
        return pd.DataFrame(columns=all_statuses, dtype="int64")
    table = pd.crosstab(statuses["certification"], statuses["status"])
    table = table.reindex(columns=all_statuses, fill_value=0).sort_index()
    table.columns.name = None
    return table.astype("int64")


def provider_figures(conn: Connection, month: date) -> pd.DataFrame:
    """Per provider, rows of the files applied in MONTH: received, posted, exceptions, timeliness.

    Columns: provider, rows, posted, errors, exception_rate, median_days, worst_days,
    then one column per exception kind seen (warnings included); worst providers first.
    """
    credit_rows, exception_rows = reads.provider_rows(conn, month, reads.add_months(month, 1), NO_PROVIDER)
    columns = ["provider", "kind", "severity", "completion_date", "applied_at", "file_kind"]
    base = ["provider", "rows", "posted", "errors", "exception_rate", "median_days", "worst_days"]
    if not credit_rows and not exception_rows:
        return pd.DataFrame(columns=base)
    df = pd.DataFrame([tuple(r) for r in credit_rows + exception_rows], columns=columns, dtype=object)
    is_credit = df["severity"] == "credit"
    is_error = df["severity"] == "error"
    df["is_row"] = is_credit | is_error
    df["is_credit"] = is_credit
    df["is_error"] = is_error
    arrival = df["applied_at"]  # the processing day the file arrived
    df["days"] = [
        (a - c).days if c is not None and isinstance(c, date) else np.nan
        for a, c in zip(arrival, df["completion_date"])
    ]
    df["days"] = df["days"].astype(float)
    timely = df["is_row"] & (df["file_kind"] == "roster") & (df["days"] >= 0)

    grouped = df.groupby("provider")
    table = pd.DataFrame({
        "rows": grouped["is_row"].sum(),
        "posted": grouped["is_credit"].sum(),
        "errors": grouped["is_error"].sum(),
    })
    days = df[timely].groupby("provider")["days"]
    table["median_days"] = days.median()
    table["worst_days"] = days.max()
    table["exception_rate"] = table["errors"] / table["rows"].where(table["rows"] > 0)
    kinds = df[~is_credit].groupby(["provider", "kind"]).size().unstack(fill_value=0)
    kind_order = sorted(kinds.columns, key=lambda k: (-int(kinds[k].sum()), k))
    table = table.join(kinds[kind_order]).fillna({k: 0 for k in kind_order})
    table = table.reset_index()
    table = table.sort_values(["exception_rate", "worst_days", "provider"], ascending=[False, False, True],
                              na_position="last", kind="mergesort").reset_index(drop=True)
    for col in ["rows", "posted", "errors", *kind_order]:
        table[col] = table[col].astype("int64")
    return table[base + kind_order]


@dataclass
class Figures:
    """Everything the Summary sheet shows."""

    as_of: date
    warn_days: int
    month: date
    counts: pd.DataFrame          # status_counts
    by_source: dict
    per_month: list[dict]
    reversals: dict
    open_exceptions: list[dict]


def summary_figures(conn: Connection, statuses: pd.DataFrame, as_of: date, warn_days: int,
                    month: date) -> Figures:
    """The Summary sheet's figures from the classified periods and the ledger."""
    by_source, per_month = reads.credits_posted(conn, month)
    return Figures(as_of=as_of, warn_days=warn_days, month=month, counts=status_counts(statuses),
                   by_source=by_source, per_month=per_month, reversals=reads.reversals_recorded(conn, month),
                   open_exceptions=reads.open_exceptions(conn, as_of))


# -- the workbook --------------------------------------------------------------------
# Fonts are named: a font without a name falls back to a serif face in LibreOffice.
TITLE_FONT = Font(name="Calibri", bold=True, size=14, color="1F3864")
SUBTITLE_FONT = Font(name="Calibri", italic=True, size=9, color="595959")
SECTION_FONT = Font(name="Calibri", bold=True, size=12, color="1F3864")
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
TOTAL_FONT = Font(name="Calibri", bold=True)
TOTAL_BORDER = Border(top=Side(style="thin", color="1F3864"))
STATUS_FILLS = {"complete": "C6EFCE", "on_track": "DDEBF7", "at_risk": "FFEB9C", "lapsed": "FFC7CE",
                "closed": "EDEDED", "not_started": "F2F2F2"}
STATUS_COLOURS = {"complete": "2E7D32", "on_track": "4472C4", "at_risk": "ED7D31", "lapsed": "C00000"}

_HEADER_ALIGN = {"text": "left", "status": "left", "days": "center"}
FORMATS = {"cecs": "0.0", "date": "yyyy-mm-dd", "int": "#,##0", "days": "0", "median": "0.0",
           "pct": "0.0%", "month": "mmm yyyy"}


@dataclass
class Col:
    header: str
    field: str          # the frame column it shows
    kind: str = "text"  # text, status, or a key of FORMATS


class _Sheet:
    """A streaming (write-only) sheet with a title line, one header row and a frozen, filtered list."""

    def __init__(self, wb: Workbook, title: str, heading: str, subtitle: str, cols: list[Col],
                 n_rows: int, widths: list[float]):
        self.ws = ws = wb.create_sheet(title)
        self.cols = cols
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        last = get_column_letter(len(cols))
        ws.freeze_panes = "A4"
        ws.auto_filter.ref = f"A3:{last}{3 + max(n_rows, 1)}"
        ws.print_title_rows = "3:3"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.append([_styled(ws, heading, font=TITLE_FONT)])
        ws.append([_styled(ws, subtitle, font=SUBTITLE_FONT)])
        lines = max(_wrapped_lines(c.header, w) for c, w in zip(cols, widths))
        if lines > 1:
            ws.row_dimensions[3].height = 15 * lines  # long headers wrap
        ws.append([_styled(ws, c.header, font=HEADER_FONT, fill=HEADER_FILL,
                           align=Alignment(horizontal=_HEADER_ALIGN.get(c.kind, "right"), vertical="center",
                                           wrap_text=True, indent=1 if c.kind == "status" else 0))
                   for c in cols])
        # One styled cell per column (and per status), re-used row after row: openpyxl
        # writes a streamed row at once, so a template only has to hold one value at a time.
        self.templates = [_styled(ws, None, number_format=FORMATS[c.kind],
                                  align=Alignment(horizontal="center") if c.kind == "days" else None)
                          if c.kind in FORMATS else None for c in cols]
        self.status_cells = {s: _styled(ws, None, fill=PatternFill("solid", fgColor=f),
                                        align=Alignment(horizontal="left", indent=1))
                             for s, f in STATUS_FILLS.items()}

    def append(self, values) -> None:
        row = []
        for col, template, value in zip(self.cols, self.templates, values):
            if value is None or (isinstance(value, float) and np.isnan(value)):
                row.append(None)
            elif template is not None:
                template.value = value
                row.append(template)
            elif col.kind == "status":
                cell = self.status_cells[value]
                cell.value = STATUS_LABELS[value]
                row.append(cell)
            else:
                row.append(safe_xlsx_cell(value))
        self.ws.append(row)


def _styled(ws, value, *, font=None, fill=None, number_format=None, align=None, border=None):
    cell = WriteOnlyCell(ws, value=safe_xlsx_cell(value))
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if number_format is not None:
        cell.number_format = number_format
    if align is not None:
        cell.alignment = align
    if border is not None:
        cell.border = border
    return cell


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _wrapped_lines(text: str, width: float) -> int:
    """How many lines TEXT takes, wrapped at spaces, in a bold header cell WIDTH characters wide."""
    room = max(width - 2, 1)
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need > room and used:
            lines, used = lines + 1, len(word)
        else:
            used = need
    return lines


def _width(header: str, kind: str, values) -> float:
    """A column width that fits the header and the longest value (capped)."""
    fixed = {"date": 11, "cecs": 8, "int": 9, "days": 8, "median": 8, "pct": 9, "month": 10, "status": 13}
    heading = len(header) * 1.1 + 3  # bold, and room for the filter button
    if kind == "text":
        s = pd.Series(values, dtype=object)
        longest = int(s.map(lambda v: len(str(v)) if v is not None else 0).max()) + 2 if len(s) else 0
        return float(min(max(heading, longest), 60))
    # A number column is as wide as its numbers and a short header; a long header wraps (see _Sheet).
    return float(max(fixed.get(kind, 10), len(header) + 3 if len(header) <= 14 else 14))


def _write_list(wb: Workbook, title: str, heading: str, subtitle: str, cols: list[Col],
                frame: pd.DataFrame) -> int:
    """Write FRAME as a list sheet (continued on further sheets past Excel's row limit); returns its rows."""
    n = len(frame)
    widths = [_width(c.header, c.kind, frame[c.field]) for c in cols]
    per_sheet = MAX_SHEET_ROWS - 3
    part, offset = 1, 0
    while True:
        chunk = min(per_sheet, n - offset)
        name = title if part == 1 else f"{title} ({part})"
        sheet = _Sheet(wb, name, heading if part == 1 else f"{heading} (continued)", subtitle, cols, chunk, widths)
        rows = frame.iloc[offset:offset + chunk]
        # Column iterators, not lists: dates become Timestamps a few thousand at a time.
        for row in zip(*(rows[c.field] for c in cols)):
            sheet.append(row)
        offset += chunk
        part += 1
        if offset >= n:
            return n


def _summary_sheet(wb: Workbook, fig: Figures, heading: str, subtitle: str) -> dict:
    """The Summary sheet: status table and bar chart, credits posted, 12-month line, open exceptions.

    Returns the cell ranges the charts point at (for tests and the run summary).
    """
    ws = wb.create_sheet("Summary")
    rows: list[list] = []

    def add(*values):
        rows.append(list(values))
        return len(rows)

    def header(*labels, text_columns=1):
        return add(*[_styled(ws, h, font=HEADER_FONT, fill=HEADER_FILL,
                             align=Alignment(horizontal="left" if i < text_columns else "right"))
                     for i, h in enumerate(labels)])

    def section(text):
        add()
        return add(_styled(ws, text, font=SECTION_FONT))

    def num(value, fmt="int", total=False):
        return _styled(ws, value, number_format=FORMATS[fmt], font=TOTAL_FONT if total else None,
                       border=TOTAL_BORDER if total else None)

    def label(text, total=False):
        return _styled(ws, text, font=TOTAL_FONT, border=TOTAL_BORDER) if total else text

    add(_styled(ws, heading, font=TITLE_FONT))
    add(_styled(ws, subtitle, font=SUBTITLE_FONT))

    # Statuses by certification.
    section(f"Certifications by status as of {fig.as_of:%Y-%m-%d}")
    status_header = header("Certification", *[STATUS_LABELS[s] for s in STATUSES], "Total")
    counts = fig.counts
    names = list(counts.index) or ["(no certifications)"]
    first_status_row = status_header + 1
    for name in names:
        values = [int(counts.at[name, s]) if name in counts.index else 0 for s in STATUSES]
        add(name, *[num(v) for v in values], num(sum(values)))
    last_status_row = len(rows)
    totals = [int(counts[s].sum()) if s in counts else 0 for s in STATUSES]
    add(label("Total", True), *[num(v, total=True) for v in totals], num(sum(totals), total=True))
    closed = int(counts["closed"].sum()) if "closed" in counts else 0
    not_started = int(counts["not_started"].sum()) if "not_started" in counts else 0
    add(_styled(ws, f"Not counted above: {_count(closed, 'closed period')} (ended, followed by a later period) "
                    f"and {_count(not_started, 'period')} not started yet; see All certifications.",
                font=SUBTITLE_FONT))

    # Credits posted in the month, by source.
    month_name = f"{fig.month:%B %Y}"
    section(f"Credits posted in {month_name}, by source")
    source_header = header("Source", "Credits", "CECs")
    for source, entry in fig.by_source.items():
        add(source, num(entry["credits"]), num(entry["tenths"] / 10, "cecs"))
    last_source_row = len(rows)
    add(label("Total", True), num(sum(e["credits"] for e in fig.by_source.values()), total=True),
        num(sum(e["tenths"] for e in fig.by_source.values()) / 10, "cecs", total=True))
    reversal_row = add("Reversals recorded in the month", num(fig.reversals["count"]),
                       num(fig.reversals["tenths"] / 10, "cecs"))

    # Credits posted per month.
    section("Credits posted per month, last twelve months")
    month_header = header("Month", "Credits", "CECs")
    for entry in fig.per_month:
        add(_styled(ws, entry["month"], number_format=FORMATS["month"], align=Alignment(horizontal="left")),
            num(entry["credits"]), num(entry["tenths"] / 10, "cecs"))
    last_month_row = len(rows)

    # Open exceptions.
    section("Open exceptions by kind")
    exception_header = header("Kind", "Severity", "Open", text_columns=2)
    for entry in fig.open_exceptions:
        add(entry["kind"], entry["severity"], num(entry["count"]))
    if not fig.open_exceptions:
        add("(none)", "", num(0))
    add(label("Total", True), label("", True), num(sum(e["count"] for e in fig.open_exceptions), total=True))

    # Widths fitted to the first column's labels (section titles may spill over).
    first_col = [len(str(r[0])) for r in rows[2:] if r and isinstance(r[0], str)]
    first_col += [len(str(n)) for n in names]
    ws.column_dimensions["A"].width = min(max(first_col + [14]) + 2, 45)
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 11
    ws.column_dimensions["G"].width = 3
    ws.freeze_panes = "A3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for row in rows:
        ws.append([safe_xlsx_cell(v) for v in row])  # styled cells were escaped when made

    # Bar chart: statuses per certification, stacked; one colour per status.
    bar = BarChart()
    bar.type = "bar"
    bar.grouping = "stacked"
    bar.overlap = 100
    bar.gapWidth = 60
    bar.title = "Certifications by status"
    bar.add_data(Reference(ws, min_col=2, max_col=1 + len(STATUSES), min_row=status_header,
                           max_row=last_status_row), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=first_status_row, max_row=last_status_row))
    for series, status in zip(bar.series, STATUSES):
        series.graphicalProperties.solidFill = STATUS_COLOURS[status]
        series.graphicalProperties.line.solidFill = STATUS_COLOURS[status]
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    bar.x_axis.scaling.orientation = "maxMin"  # first certification at the top, as in the table
    bar.y_axis.crosses = "max"                  # ... and the count axis still at the bottom
    bar.y_axis.title = "Certification periods"
    bar.y_axis.number_format = "#,##0"
    bar.legend.position = "b"
    bar.width = 20
    bar.height = max(7.5, 2.5 + 1.0 * len(names))
    bar_anchor_row = status_header - 1
    ws.add_chart(bar, f"H{bar_anchor_row}")

    line = LineChart()
    line.title = "Credits posted per month"
    line.add_data(Reference(ws, min_col=2, min_row=month_header, max_row=last_month_row), titles_from_data=True)
    line.set_categories(Reference(ws, min_col=1, min_row=month_header + 1, max_row=last_month_row))
    line.series[0].graphicalProperties.line.solidFill = "1F3864"
    line.series[0].graphicalProperties.line.width = 28575
    line.series[0].smooth = False
    line.x_axis.delete = False
    line.y_axis.delete = False
    line.x_axis.number_format = "mmm yy"
    line.y_axis.number_format = "#,##0"
    line.y_axis.title = "Credits"
    line.legend = None
    line.width = 20
    line.height = 7.5
    rows_per_cm = 1 / 0.53
    bar_bottom = bar_anchor_row + int(bar.height * rows_per_cm) + 2
    line_anchor_row = max(month_header - 1, bar_bottom)
    ws.add_chart(line, f"H{line_anchor_row}")

    sheet = quote_sheetname(ws.title)
    return {
        "status_table": f"A{status_header}:F{last_status_row + 1}",
        "status_values": f"{sheet}!$B${first_status_row}:$E${last_status_row}",
        "status_categories": f"{sheet}!$A${first_status_row}:$A${last_status_row}",
        "source_table": f"A{source_header}:C{last_source_row + 1}",
        "reversal_row": reversal_row,
        "month_values": f"{sheet}!$B${month_header + 1}:$B${last_month_row}",
        "month_categories": f"{sheet}!$A${month_header + 1}:$A${last_month_row}",
        "exception_table_header": exception_header,
    }


def write_compliance_workbook(engine: Engine, out: Path, as_of: date, warn_days: int = DEFAULT_WARN_DAYS,
                              month: date | None = None, db_label: str | None = None) -> dict:
    """Write the compliance workbook to OUT (atomically) and return the run summary."""
    started = time.monotonic()
    out = Path(out)
    month = month or default_month(as_of)
    label = db_label if db_label is not None else redact_url(engine.url)
    conn_options = {} if engine.dialect.name == "sqlite" else {"isolation_level": "REPEATABLE READ"}
    # One read transaction: every sheet sees the same ledger, even while a nightly run posts.
    with engine.connect() as conn:
        conn = conn.execution_options(**conn_options)
        with conn.begin():
            statuses = compliance_statuses(conn, as_of, warn_days)
            fig = summary_figures(conn, statuses, as_of, warn_days, month)
            providers = provider_figures(conn, month)

    generated = ledger.now()
    subtitle = (f"Database: {label}  ·  warning window {warn_days} days  ·  report month {month:%Y-%m}  ·  "
                f"generated {generated:%Y-%m-%d %H:%M} UTC")
    wb = Workbook(write_only=True)
    charts = _summary_sheet(wb, fig, f"CEC compliance as of {as_of:%Y-%m-%d}", subtitle)

    n_periods = len(statuses)

    def listed(status, ascending):
        rows = statuses.loc[statuses["status"] == status]
        return rows.sort_values(["period_end", "certification", "certificant_id"], ascending=ascending,
                                kind="mergesort")

    sheets = {}
    sheets["At risk"] = _write_list(
        wb, "At risk", f"At risk as of {as_of:%Y-%m-%d}: under 2.0 CECs, period ending within {warn_days} days",
        subtitle,
        [Col("Period end", "period_end", "date"), Col("Days left", "days_left", "days"),
         Col("Certificant ID", "certificant_id"), Col("Name", "name"), Col("Email", "email"),
         Col("Certification", "certification"), Col("CECs earned", "cecs", "cecs"),
         Col("CECs needed", "needed", "cecs"), Col("Period start", "period_start", "date")],
        listed("at_risk", True))
    sheets["Lapsed"] = _write_list(
        wb, "Lapsed", f"Lapsed as of {as_of:%Y-%m-%d}: period ended under 2.0 CECs, no later period "
                      "(most recent first)", subtitle,
        [Col("Period end", "period_end", "date"), Col("Certificant ID", "certificant_id"), Col("Name", "name"),
         Col("Email", "email"), Col("Certification", "certification"), Col("CECs earned", "cecs", "cecs"),
         Col("CECs short", "needed", "cecs"), Col("Period start", "period_start", "date")],
        listed("lapsed", [False, True, True]))

    kinds = [c for c in providers.columns if c not in
             ("provider", "rows", "posted", "errors", "exception_rate", "median_days", "worst_days")]
    sheets["Providers"] = _write_list(
        wb, "Providers", f"Providers in {month:%B %Y}: rows received from files applied in the month, "
                         "worst first", subtitle,
        [Col("Provider", "provider"), Col("Rows received", "rows", "int"), Col("Posted", "posted", "int"),
         Col("Error exceptions", "errors", "int"), Col("Exception rate", "exception_rate", "pct"),
         Col("Median days to arrival", "median_days", "median"),
         Col("Worst days to arrival", "worst_days", "days"),
         *[Col(k.replace("_", " "), k, "int") for k in kinds]],
        providers)

    all_cols = [Col("Certificant ID", "certificant_id"), Col("Name", "name"),
                Col("Certification", "certification"), Col("Period start", "period_start", "date"),
                Col("Period end", "period_end", "date"), Col("CECs", "cecs", "cecs"), Col("Status", "status", "status")]
    everything = statuses[[c.field for c in all_cols]].sort_values(
        ["certificant_id", "certification", "period_start"], kind="mergesort")
    del statuses  # the sorted copy is all that is left to write
    sheets["All certifications"] = _write_list(
        wb, "All certifications", f"All certification periods as of {as_of:%Y-%m-%d}", subtitle, all_cols,
        everything)
    del everything

    make_output_dir(out.parent)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)

    counts = fig.counts
    status_totals = {s: int(counts[s].sum()) if s in counts else 0 for s in STATUSES + OTHER_STATUSES}
    return {
        "as_of": as_of.isoformat(),
        "month": f"{month:%Y-%m}",
        "warn_days": warn_days,
        "database": label,
        "out": str(out),
        "certifications": n_periods,
        "statuses": status_totals,
        "by_certification": {name: {s: int(counts.at[name, s]) for s in counts.columns} for name in counts.index},
        "credits_posted": {s: {"credits": e["credits"], "cecs": e["tenths"] / 10} for s, e in fig.by_source.items()},
        "credits_by_month": [{"month": f"{e['month']:%Y-%m}", "credits": e["credits"], "cecs": e["tenths"] / 10}
                             for e in fig.per_month],
        "reversals": {"count": fig.reversals["count"], "cecs": fig.reversals["tenths"] / 10},
        "open_exceptions": {e["kind"]: e["count"] for e in fig.open_exceptions},
        "providers": int(len(providers)),
        "worst_provider": (None if providers.empty else {
            "provider": providers.at[0, "provider"],
            "exception_rate": None if pd.isna(providers.at[0, "exception_rate"])
            else round(float(providers.at[0, "exception_rate"]), 4)}),
        "sheets": sheets,
        "charts": charts,
        "seconds": round(time.monotonic() - started, 1),
    }
