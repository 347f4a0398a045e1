"""The exceptions workbook: what the night posted and what needs a human, with a column for the decision.

`cec-batch exceptions workbook` and the nightly run write it; staff type their
decisions in the `resolution` column and hand it back to `cec-batch resolve`
(see `cec_batch.resolve` for the grammar). A Summary sheet comes first, then one
sheet per exception kind present; warnings (`ceus_mismatch`, the credit was
posted) have a sheet of their own that says no action is needed unless the
value is wrong. `exception_id` is how `resolve` finds the row again: rows may be
sorted and filtered freely, but that column must stay.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Connection

from cec_batch.config import make_output_dir
from cec_batch.model import KINDS, WARNING_KINDS
from cec_batch.normalize import parse_date
from cec_batch.reports.cells import safe_xlsx_cell
from cec_batch.rules import cecs
from cec_batch.store import ledger
from cec_batch.store import reports as reads

STATUSES = ("open", "resolved", "answered", "dismissed")
DEFAULT_TITLE = "Exceptions for staff"

TITLE_FONT = Font(name="Calibri", bold=True, size=14, color="1F3864")
NOTE_FONT = Font(name="Calibri", italic=True, size=9, color="595959")
SECTION_FONT = Font(name="Calibri", bold=True, size=12, color="1F3864")
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
DECISION_HEADER_FILL = PatternFill("solid", fgColor="BF8F00")
DECISION_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells staff type in
ID_FONT = Font(name="Calibri", color="808080")
LINK_FONT = Font(name="Calibri", color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
MAX_WIDTH = 40   # a column of short values
WRAP_WIDTH = 45  # a column of sentences, wrapped
DATE_FORMAT = "yyyy-mm-dd"

# Excel shows at most 255 characters of an input message and 32 of its title.
DECISION_PROMPT = (
    "Type a decision; several separated by ;\n"
    "certificant 104233\ncourse CA23456\ndate 03/05/2026\nceus 1.5 (events)\n"
    "dismiss: reason (closes it, no credit)\n"
    "Blank = decide later. Then run: cec-batch resolve WORKBOOK"
)
WARNING_PROMPT = (
    "The credit was posted: no action needed unless the value is wrong.\n"
    "To acknowledge: dismiss: reason\n"
    "To correct a credit: cec-batch reverse CREDIT_ID --reason ..., then post the right value."
)
FILE_PROMPT = (
    "The whole file could not be read: nothing to decide per row.\n"
    "Ask the sender for a readable copy and ingest it.\n"
    "To close this: dismiss: reason"
)
BOLD = Font(name="Calibri", bold=True)
WARNING_NOTE = ("Warnings: the credit WAS posted (with the catalogue value, or the event's cap). No action "
                "is needed unless the value is wrong; to acknowledge one, type dismiss: reason.")

HOW_TO = (
    "Type decisions in the yellow `resolution` column of each sheet; leave it blank to decide later.",
    "certificant 104233 | course CA23456 | date 03/05/2026 | ceus 1.5  (several in one cell: separate with ;)",
    "dismiss: reason  closes the exception with no credit; the reason is recorded.",
    "Then run: cec-batch --operator YOUR_NAME resolve WORKBOOK.xlsx. Each decision is re-checked by the same "
    "rules: posted as a credit, or answered with a new exception. Running it twice changes nothing.",
    "Keep the exception_id column: it is how a decision finds its exception. Sort and filter freely.",
    WARNING_NOTE,
)


@dataclass(frozen=True)
class Column:
    header: str
    width: int | None = None      # fixed width; None: fitted to the content, capped at MAX_WIDTH
    wrap: bool = False


COLUMNS = (
    Column("exception_id", 12),
    Column("source_file"),
    Column("source_location"),
    Column("certificant_ref"),
    Column("course_number"),
    Column("completion_date", 15),
    Column("what was read", wrap=True),
    Column("why", wrap=True),
    Column("suggestions", wrap=True),
    Column("image"),
    Column("severity", 10),
    Column("status", 10),
    Column("batch", 8),
    Column("resolution", 40),
)
RESOLVED_COLUMN = Column("recorded resolution", wrap=True)
HEADER_ROW = 2  # of each kind's sheet; row 1 is the guidance line

# What each kind means and the decisions that usually settle it (row 1 of its sheet).
GUIDANCE = {
    "invalid_course_number": "the course number is malformed (R7). Type the right one: course CA23456.",
    "unknown_course_number": "the number is not in the approved catalogue (R8). Type one of the suggestions: "
                             "course CA23456; or dismiss: reason.",
    "course_not_approved": "completed outside the course's approval window (R9). A mistyped date: "
                           "date MM/DD/YYYY; otherwise dismiss: reason (a petition may apply).",
    "ceus_mismatch": "WARNING: the credit was posted (R10, R11). No action is needed unless the value is "
                     "wrong; to acknowledge it, dismiss: reason.",
    "category_limit": "a CPR, AED or First Aid credit already stands in the period (R12). Usually: dismiss: reason.",
    "ineligible_course": "workouts and activity courses earn nothing (R13). A wrong course number: "
                         "course NUMBER; otherwise dismiss: reason.",
    "duplicate": "this person already has a credit for this course (R14). Another person: certificant ID; "
                 "otherwise dismiss: reason.",
    "invalid_date": "the completion date is missing or cannot be read (R15). Type it: date MM/DD/YYYY.",
    "future_date": "the completion date is after the processing day (R15). A mistyped date: date MM/DD/YYYY; "
                   "otherwise dismiss: reason.",
    "outside_period": "the date falls in no certification period of the person (R6). Wrong person: "
                      "certificant ID; wrong date: date MM/DD/YYYY; otherwise dismiss: reason.",
    "unknown_certificant": "no certificant matches the row (R18). Name the person: certificant ID "
                           "(see the suggestions), or dismiss: reason.",
    "ambiguous_certificant": "several certificants fit and nothing separates them (R18). Name the right one: "
                             "certificant ID from the candidates.",
    "needs_review": "the page or row could not be read with confidence (R19), or an event's row states no "
                    "usable CECs (R11; the why column says which). Look at it and type what is missing: "
                    "certificant ID; course ...; date ...; ceus ... (a decision here is the review: "
                    "fields you do not name are taken as read).",
    "unreadable_file": "the whole file could not be read (R20). Ask the sender for a readable copy and "
                       "ingest it; to close this, dismiss: reason.",
}


# -- reading the store -----------------------------------------------------------------------
def night_posted(conn: Connection, batch_id: int) -> dict:
    """What batch BATCH_ID posted: files applied, credits and their CECs, exceptions raised."""
    n, total, per_file, n_files, raised = reads.batch_postings(conn, batch_id)
    return {"batch_id": batch_id, "files": n_files, "credits": n, "ceus": cecs(total),
            "by_file": [(name, c, cecs(s)) for name, c, s in per_file],
            "exceptions": dict(sorted(raised.items()))}


# -- what a row shows ----------------------------------------------------------------------------
def read_text(ex: dict) -> str:
    """What was read from the row or page, compactly: ID, name, email, course, date, CECs."""
    row = (ex.get("data") or {}).get("row") or {}
    if not row:
        return ""
    shown = {k: as_read(v) for k, v in row.items() if k != "read"}
    name = " ".join(shown[k] for k in ("first_name", "last_name") if shown.get(k)) or shown.get("full_name") or ""
    parts = [f"ID {shown['certificant_id']}" if shown.get("certificant_id") else "",
             name, f"<{shown['email']}>" if shown.get("email") else "",
             f"course {shown['course_number']}" if shown.get("course_number") else "no course",
             f"date {shown['completion_date']}" if shown.get("completion_date") else "no date",
             f"{shown['ceus']} CECs" if shown.get("ceus") else ""]
    text = " | ".join(p for p in parts if p)
    decided = (ex.get("data") or {}).get("decided_certificant")
    if decided:
        text += f" | staff named certificant {decided}"
    return text


def as_read(value) -> str:
    """A raw cell as a person reads it: 104233.0 from a spreadsheet is 104233."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def date_as_read(ex: dict) -> date | None:
    """The row's completion date when the rules stopped before reading it (a course problem), if it is one."""
    raw = ((ex.get("data") or {}).get("row") or {}).get("completion_date")
    return parse_date(raw).value if raw not in (None, "") else None


def suggestions_text(ex: dict) -> str:
    """The help the rules left in the exception's data: nearest numbers, candidates, the standing credit."""
    data = ex.get("data") or {}
    out = []
    if data.get("suggestions"):
        out.append("nearest course numbers: " + ", ".join(data["suggestions"]))
    elif ex["kind"] == "unknown_course_number":
        out.append("no catalogue number is close")
    if data.get("candidates"):
        people = []
        for c in data["candidates"]:
            mail = f" <{c['email']}>" if c.get("email") else ""
            born = f" born {c['birth_date']}" if c.get("birth_date") else ""
            people.append(f"{c['certificant_id']} {c.get('name', '')}{mail}{born}".strip())
        out.append("candidates:\n" + "\n".join(people))
    if ex["kind"] in ("duplicate", "category_limit") and data.get("credit_id"):
        where = f" ({data['where']})" if data.get("where") else ""
        out.append(f"standing credit {data['credit_id']}{where}")
    if data.get("approved_from"):
        out.append(f"approved {data['approved_from']} to {data.get('approved_to') or 'open-ended'}")
    if data.get("periods"):
        out.append("periods: " + "; ".join(f"{c} {s}..{e}" for c, s, e in data["periods"]))
    if data.get("stated") is not None and (ex["kind"] == "ceus_mismatch" or ex.get("rule") == "R11"):
        out.append(f"stated {data['stated']}" + (f", posted {data['posted']}" if data.get("posted") else ""))
    notes = list(data.get("notes") or []) + list(data.get("corrections") or [])
    if notes:
        out.append("notes: " + "; ".join(dict.fromkeys(str(n) for n in notes)))
    if data.get("answers"):
        out.append(f"answers exception {data['answers']} (decision: {data.get('decision', '')})")
    return "\n".join(out)


def image_path(ex: dict) -> str:
    """Where the page image of a certificate is (needs_review), or ''."""
    data = ex.get("data") or {}
    for read in (((data.get("row") or {}).get("read") or {}), (data.get("read") or {})):
        if isinstance(read, dict) and read.get("image"):
            return str(read["image"])
    return ""


def recorded_resolution(ex: dict) -> str:
    if ex["status"] == "open":
        return ""
    when = ex["resolved_at"].strftime("%Y-%m-%d %H:%M") if ex.get("resolved_at") else ""
    return f"{ex['status']} {when} by {ex.get('resolved_by') or '?'}: {ex.get('resolution') or ''}".strip()


def sheet_name(kind: str) -> str:
    """A kind's sheet: its own name (all are under Excel's 31 characters); warnings say so."""
    name = f"{kind} (warnings)" if kind in WARNING_KINDS else kind
    return name[:31]


# -- sheet helpers (shared with provider_feedback) ---------------------------------------------
def header_row(ws: Worksheet, row: int, headers: Iterable[str], *, decision: str | None = None) -> None:
    for j, h in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=j, value=h)
        cell.font = HEADER_FONT
        cell.fill = DECISION_HEADER_FILL if h == decision else HEADER_FILL
        cell.alignment = Alignment(vertical="center")


def fit_widths(ws: Worksheet, columns: list[Column], first_row: int, last_row: int) -> None:
    """Column widths that fit the header and content (first 500 rows), capped; wrapped rows made tall enough.

    Row heights are set here because LibreOffice does not grow a row for wrapped
    text written by openpyxl, and Excel only does so when the file is edited.
    """
    widths = []
    for j, col in enumerate(columns, start=1):
        letter = get_column_letter(j)
        if col.width:
            width = col.width
        else:
            longest = len(col.header) + 3  # room for the filter button
            for r in range(first_row, min(last_row, first_row + 500) + 1):
                v = ws.cell(row=r, column=j).value
                if v is None:
                    continue
                if isinstance(v, (date, datetime)):
                    longest = max(longest, 10)
                else:
                    longest = max(longest, max(len(line) for line in str(v).split("\n")))
            width = min(WRAP_WIDTH if col.wrap else MAX_WIDTH, longest + 2)
        ws.column_dimensions[letter].width = width
        widths.append(width)
    for r in range(first_row, last_row + 1):
        lines = 1
        for j, (col, width) in enumerate(zip(columns, widths), start=1):
            v = ws.cell(row=r, column=j).value
            if col.wrap and isinstance(v, str):
                lines = max(lines, sum(-(-max(len(line), 1) // max(int(width * 0.9), 1)) for line in v.split("\n")))
        if lines > 1:
            ws.row_dimensions[r].height = 15 * min(lines, 12)


def print_setup(ws: Worksheet, header_row_number: int) -> None:
    """Printed or saved as PDF: landscape, all columns on one page wide, the header on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_LETTER
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header_row_number}:{header_row_number}"


def put(ws: Worksheet, row: int, col: int, value, *, wrap: bool = False):
    """Write one escaped cell (contract: text never starts with = + - @ tab CR)."""
    if isinstance(value, Decimal):
        value = float(value)
    cell = ws.cell(row=row, column=col, value=safe_xlsx_cell(value))
    if isinstance(value, (date, datetime)):
        cell.number_format = DATE_FORMAT
    cell.alignment = WRAP if wrap else TOP
    return cell


# -- the workbook ------------------------------------------------------------------------------------
def write_exceptions_workbook(conn: Connection, out: Path, *, status: str = "open", batch_id: int | None = None,
                              title: str = DEFAULT_TITLE, now: Callable[[], datetime] | None = None) -> dict:
    """Write the exceptions workbook to OUT; returns a summary (counts by kind, sheets written).

    STATUS is 'open' (the day's work) or 'all' (or one status of STATUSES). With
    BATCH_ID the Summary also says what that run posted.
    """
    rows = reads.load_exceptions(conn, status=status)
    night = night_posted(conn, batch_id) if batch_id is not None else None
    stamp = (now or ledger.now)()
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for ex in rows:
        by_kind[ex["kind"]].append(ex)
    order = [k for k in KINDS if k in by_kind and k not in WARNING_KINDS] + \
            sorted(k for k in by_kind if k not in KINDS) + [k for k in KINDS if k in by_kind and k in WARNING_KINDS]

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    sheets = {kind: sheet_name(kind) for kind in order}
    _summary_sheet(summary, rows, order, sheets, night, status=status, title=title, stamp=stamp)
    with_resolved = any(ex["status"] != "open" for ex in rows)
    for kind in order:
        _kind_sheet(wb.create_sheet(sheets[kind]), kind, by_kind[kind], with_resolved)
    make_output_dir(out.parent)
    wb.save(out)
    return {"out": str(out), "status": status, "exceptions": len(rows),
            "by_kind": {k: len(by_kind[k]) for k in order}, "sheets": ["Summary", *sheets.values()],
            "batch": _jsonable(night) if night else None}


def _jsonable(night: dict) -> dict:
    return {"batch_id": night["batch_id"], "files": night["files"], "credits": night["credits"],
            "ceus": str(night["ceus"]), "exceptions": night["exceptions"]}


SUMMARY_HEADER_ROW = 4


def _summary_sheet(ws: Worksheet, rows: list[dict], order: list[str], sheets: dict[str, str], night: dict | None,
                   *, status: str, title: str, stamp: datetime) -> None:
    severities = Counter(ex["severity"] for ex in rows)
    shown = {"open": "open exceptions", "all": "all exceptions"}.get(status, f"{status} exceptions")
    put(ws, 1, 1, title).font = TITLE_FONT
    put(ws, 2, 1, f"{shown}, written {stamp.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC: "
                  f"{severities.get('error', 0)} errors (nothing posted), "
                  f"{severities.get('warning', 0)} warnings (credit posted)").font = NOTE_FONT
    # The kinds table: its header is the frozen row with the filter, as on every other sheet.
    r = SUMMARY_HEADER_ROW
    header_row(ws, r, ["kind", "severity", "exceptions", "files", "sheet"])
    r += 1
    for kind in order:
        mine = [ex for ex in rows if ex["kind"] == kind]
        put(ws, r, 1, kind)
        put(ws, r, 2, mine[0]["severity"])
        put(ws, r, 3, len(mine))
        put(ws, r, 4, len({ex["source_file"] for ex in mine}))
        link = put(ws, r, 5, sheets[kind])
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(sheets[kind])}!A1")
        link.font = LINK_FONT
        r += 1
    ws.auto_filter.ref = f"A{SUMMARY_HEADER_ROW}:E{max(r - 1, SUMMARY_HEADER_ROW + 1)}"
    ws.freeze_panes = f"A{SUMMARY_HEADER_ROW + 1}"
    put(ws, r, 1, "total").font = BOLD
    put(ws, r, 3, len(rows)).font = BOLD
    r += 2

    if night is not None:
        put(ws, r, 1, f"What batch {night['batch_id']} posted").font = SECTION_FONT
        r += 1
        put(ws, r, 1, f"{night['files']} files applied, {night['credits']} credits posted "
                      f"({night['ceus']} CECs), {sum(night['exceptions'].values())} exceptions raised")
        r += 1
        for j, h in enumerate(("file", "", "credits", "CECs"), start=1):
            put(ws, r, j, h or None).font = BOLD
        r += 1
        for name, n, total in night["by_file"]:
            put(ws, r, 1, name)
            put(ws, r, 3, n)
            put(ws, r, 4, total).number_format = "0.0"
            r += 1
        put(ws, r, 1, "total").font = BOLD
        put(ws, r, 3, night["credits"]).font = BOLD
        cell = put(ws, r, 4, night["ceus"])
        cell.font, cell.number_format = BOLD, "0.0"
        r += 2

    put(ws, r, 1, "Exceptions by source file").font = SECTION_FONT
    r += 1
    for j, h in enumerate(("file", "", "exceptions", "", "kinds"), start=1):
        put(ws, r, j, h or None).font = BOLD
    r += 1
    by_file: dict[str, Counter] = defaultdict(Counter)
    for ex in rows:
        by_file[ex["source_file"] or "(no file)"][ex["kind"]] += 1
    for name in sorted(by_file):
        counts = by_file[name]
        put(ws, r, 1, name)
        put(ws, r, 3, sum(counts.values()))
        put(ws, r, 5, ", ".join(f"{k} {n}" for k, n in sorted(counts.items())), wrap=True)
        ws.row_dimensions[r].height = 15 * max(1, -(-len(ws.cell(row=r, column=5).value) // 58))
        r += 1
    r += 1

    put(ws, r, 1, "How to decide").font = SECTION_FONT
    r += 1
    for line in HOW_TO:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        put(ws, r, 1, line, wrap=True)
        ws.row_dimensions[r].height = 15 * max(1, -(-len(line) // 120))
        r += 1
    for letter, width in zip("ABCDE", (36, 10, 12, 8, 60)):
        ws.column_dimensions[letter].width = width
    print_setup(ws, SUMMARY_HEADER_ROW)


def _kind_sheet(ws: Worksheet, kind: str, rows: list[dict], with_resolved: bool) -> None:
    # Row 1 says what the kind means and what to type; the table's header is row 2.
    guide = put(ws, 1, 1, f"{kind}: {GUIDANCE.get(kind, 'see the why column.')}")
    guide.font = Font(name="Calibri", bold=True, color="7F6000" if kind in WARNING_KINDS else "1F3864")
    # The image column only where there are page images (needs_review of certificates).
    columns = [c for c in COLUMNS if c.header != "image" or any(image_path(ex) for ex in rows)]
    columns += [RESOLVED_COLUMN] if with_resolved else []
    headers = [c.header for c in columns]
    header_row(ws, HEADER_ROW, headers, decision="resolution")
    decision_col = headers.index("resolution") + 1
    first = HEADER_ROW + 1
    for i, ex in enumerate(rows, start=first):
        values = {
            "exception_id": ex["exception_id"],
            "source_file": ex["source_file"],
            "source_location": ex["source_location"],
            "certificant_ref": ex["certificant_ref"],
            "course_number": ex["course_number"],
            "completion_date": ex["completion_date"] or date_as_read(ex),
            "what was read": read_text(ex),
            "why": ex["detail"],
            "suggestions": suggestions_text(ex),
            "image": image_path(ex),
            "severity": ex["severity"],
            "status": ex["status"],
            "batch": ex["batch_id"],
            "resolution": None,
            "recorded resolution": recorded_resolution(ex),
        }
        for j, col in enumerate(columns, start=1):
            cell = put(ws, i, j, values[col.header] if values[col.header] != "" else None, wrap=col.wrap)
            if col.header == "exception_id":
                cell.font = ID_FONT
            elif col.header == "image" and cell.value:
                cell.hyperlink = _file_link(str(cell.value))
                cell.font = LINK_FONT
            elif col.header == "resolution" and ex["status"] == "open":
                cell.fill = DECISION_FILL
    last = max(len(rows) + HEADER_ROW, first)
    ws.freeze_panes = f"A{first}"  # the guidance line and the header stay in view
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{last}"
    fit_widths(ws, columns, first, last)
    letter = get_column_letter(decision_col)
    prompt = WARNING_PROMPT if kind in WARNING_KINDS else FILE_PROMPT if kind == "unreadable_file" else DECISION_PROMPT
    dv = DataValidation(allow_blank=True, showInputMessage=True, showErrorMessage=False,
                        promptTitle="Your decision", prompt=prompt[:255])
    dv.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(dv)
    ws.sheet_properties.tabColor = "A6A6A6" if kind in WARNING_KINDS else "C00000"
    print_setup(ws, HEADER_ROW)


def _file_link(path: str) -> str:
    p = Path(path)
    return p.as_uri() if p.is_absolute() else path
