"""Provider feedback: for each provider whose rows were refused in a batch, a small workbook to email back.

Each workbook lists only that provider's refused rows (error exceptions of the
files applied in the batch): the file and row, the person, course number and
date as the provider sent them, why the row was refused in plain words, and what
to send instead. It never shows anything the provider did not send: no other
certificant's ID or name (an ambiguous row does not list the candidates), no
certification periods, no internal credit numbers.

Who the provider is, per row: the provider given with the file (`--provider`),
else the catalogue's provider of the row's course number, else the provider of
most of the same file's rows (a provider's own roster with one mistyped number),
else "unknown provider (<file>)".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import Connection

from cec_batch.config import make_output_dir
from cec_batch.normalize import normalize_course_number
from cec_batch.reports.exceptions_workbook import (
    NOTE_FONT,
    TITLE_FONT,
    Column,
    as_read,
    fit_widths,
    header_row,
    print_setup,
    put,
)
from cec_batch.store import reports as reads

FORMAT_ADVICE = "ACE course numbers are CEP/CP/CA/CS/CL followed by 5 or 6 digits, e.g. CA23456"
PERSON_ADVICE = "add the attendee's ACE certificant ID or the email they registered with"
DATE_ADVICE = "the completion date as MM/DD/YYYY (e.g. 03/05/2026)"

COLUMNS = (
    Column("file"),
    Column("row"),
    Column("person as sent", wrap=True),
    Column("course number as sent"),
    Column("date as sent"),
    Column("CECs as sent", 12),
    Column("why it was refused", wrap=True),
    Column("what to send instead", wrap=True),
)
HEADER_ROW = 4


def _file_providers(conn: Connection, batch_id: int) -> dict[int, str]:
    """For each file of the batch, the provider of most of its rows, by the catalogue, when there is one.

    Most: more than half of the rows whose course number is in the catalogue (a
    provider's roster may list a partner's course or two; a partner's catch-up file
    across providers has no such provider).
    """
    counts = reads.catalogue_providers_by_file(conn, batch_id)
    found = {}
    for file_id, c in counts.items():
        provider, n = c.most_common(1)[0]
        if 2 * n > sum(c.values()):
            found[file_id] = provider
    return found


def provider_of(ex: dict, catalogue: dict[str, str], file_providers: dict[int, str]) -> str:
    """Who sent the row (see the module's doc for the order of the evidence)."""
    if ex.get("file_provider"):
        return ex["file_provider"]
    number = normalize_course_number(ex.get("course_number") or "").value
    if number and number in catalogue:
        return catalogue[number]
    if ex["file_id"] in file_providers:
        return file_providers[ex["file_id"]]
    return f"unknown provider ({ex['source_file']})"


def slug(name: str) -> str:
    """A provider's name as a file-name part: ascii, lower case, words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "provider"


def _as_sent(row: dict, key: str) -> str:
    return as_read(row.get(key))


def person_as_sent(row: dict) -> str:
    name = " ".join(_as_sent(row, k) for k in ("first_name", "last_name") if row.get(k)) or _as_sent(row, "full_name")
    parts = [f"ID {_as_sent(row, 'certificant_id')}" if row.get("certificant_id") else "", name,
             _as_sent(row, "email")]
    return ", ".join(p for p in parts if p) or "(no one named)"


def why_and_advice(ex: dict) -> tuple[str, str]:
    """Why the row was refused and what to send instead, in words fit for the provider."""
    data = ex.get("data") or {}
    row = data.get("row") or {}
    kind = ex["kind"]
    if kind == FILE_FORMAT:
        return (f"not refused, but {ex['detail']}",
                "save the file from your spreadsheet program as .xlsx (or .csv) before sending it")
    number = ex.get("course_number") or _as_sent(row, "course_number")
    day = ex["completion_date"].strftime("%m/%d/%Y") if ex.get("completion_date") else ""
    if kind == "invalid_course_number":
        return f'"{_as_sent(row, "course_number") or number}" is not a valid ACE course number', FORMAT_ADVICE
    if kind == "unknown_course_number":
        near = data.get("suggestions") or []
        hint = (f"the right approved course number; the nearest approved numbers are {', '.join(near)}" if near
                else "the ACE course number from your approval letter; this one is not close to any approved course")
        return f"{number} is not an approved ACE course number", hint
    if kind in ("unknown_certificant", "ambiguous_certificant"):
        why = ("we could not find this attendee among ACE certificants from the ID, email and name given"
               if kind == "unknown_certificant" else
               "more than one ACE certificant has this name, and nothing on the row tells them apart")
        return why, PERSON_ADVICE
    if kind == "invalid_date":
        sent = _as_sent(row, "completion_date")
        return (f'the completion date "{sent}" is not a real date' if sent else "the completion date is missing",
                DATE_ADVICE)
    if kind == "future_date":
        return f"the completion date {day} is after the day the roster was processed", DATE_ADVICE
    if kind == "course_not_approved":
        window = f"{_us(data.get('approved_from'))} to {_us(data.get('approved_to')) or 'now'}"
        return (f"{number} was not approved on {day}",
                f"{number} is approved from {window}; send the right completion date if {day} is a typo, "
                f"or the course number that was approved on that date")
    if kind == "needs_review":
        if ex.get("rule") == "R11":  # an event row without a usable CEC value; else an unsure page (R19)
            stated = _as_sent(row, "ceus")
            problem = f'not a usable number ("{stated}")' if stated else "missing"
            return (f"the CECs this attendee earned at the event are {problem}",
                    "the CECs this attendee earned at the event, as a number (e.g. 1.5)")
        return "the certificate could not be read with confidence", \
            "a clear copy of the certificate, or the row in a roster (ID, name, course number, date)"
    if kind == "duplicate":
        return ("this attendee has already been credited for this course; ACE credits a course once",
                "nothing to resend")
    if kind == "outside_period":
        return ("the completion date falls outside the attendee's certification period",
                "nothing to resend, unless the completion date is wrong (then send the right MM/DD/YYYY date)")
    if kind == "category_limit":
        return ("the attendee already has a credit of this kind (CPR, AED or First Aid) in this certification "
                "period; only one counts", "nothing to resend")
    if kind == "ineligible_course":
        return "workout and activity courses earn no CECs", "nothing to resend"
    if kind == "unreadable_file":
        return f"the file could not be opened: {ex['detail']}", \
            "the roster again as .xlsx or .csv, not password-protected, with a header row"
    return ex["detail"], ""


def _us(iso) -> str:
    if not iso:
        return ""
    y, m, d = str(iso).split("-")
    return f"{m}/{d}/{y}"


FILE_FORMAT = "file_format"  # not an exception kind: a line about a file sent under the wrong name


def renamed_files(conn: Connection, batch_id: int) -> list[dict]:
    """Roster files applied in BATCH_ID whose content was not what their name said, as feedback lines."""
    return [{"kind": FILE_FORMAT, "file_id": r.file_id, "source_file": r.original_name, "source_location": "",
             "file_provider": r.provider, "course_number": "", "completion_date": None, "detail": r.format_note,
             "data": {}} for r in reads.renamed_files(conn, batch_id)]


def write_provider_feedback(conn: Connection, out_dir: Path, *, batch_id: int,
                            today: date | None = None) -> list[Path]:
    """One workbook per provider with refused rows (or a file sent under the wrong name) in BATCH_ID."""
    rows = reads.refused_rows(conn, batch_id) + renamed_files(conn, batch_id)
    if not rows:
        return []
    catalogue = reads.course_providers(conn)
    in_file = _file_providers(conn, batch_id)
    by_provider: dict[str, list[dict]] = defaultdict(list)
    for ex in rows:
        by_provider[provider_of(ex, catalogue, in_file)].append(ex)
    make_output_dir(out_dir)
    stamp = (today or reads.processed_on(conn, batch_id)).strftime("%m/%d/%Y")
    written = []
    used: set[str] = set()
    for provider in sorted(by_provider):
        name = f"feedback-{slug(provider)}-batch{batch_id}.xlsx"
        n = 2
        while name in used:  # two names that slug alike
            name = f"feedback-{slug(provider)}-{n}-batch{batch_id}.xlsx"
            n += 1
        used.add(name)
        path = out_dir / name
        _write_one(path, provider, by_provider[provider], batch_id=batch_id, stamp=stamp)
        written.append(path)
    return written


def _write_one(path: Path, provider: str, rows: list[dict], *, batch_id: int, stamp: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Refused rows"
    put(ws, 1, 1, f"{provider}: rows we could not credit").font = TITLE_FONT
    n_files = len({ex["source_file"] for ex in rows})
    put(ws, 2, 1, f"{len(rows)} row{'s' if len(rows) != 1 else ''} from {n_files} file"
                  f"{'s' if n_files != 1 else ''}, processed {stamp} (batch {batch_id}). Please correct these rows "
                  f"as the last column says and send only them again; every other row was credited "
                  f"or needs nothing from you.").font = NOTE_FONT
    header_row(ws, HEADER_ROW, [c.header for c in COLUMNS])
    for i, ex in enumerate(sorted(rows, key=_file_order), start=HEADER_ROW + 1):
        row = (ex.get("data") or {}).get("row") or {}
        why, advice = why_and_advice(ex)
        values = [ex["source_file"], ex["source_location"] or "whole file",
                  person_as_sent(row) if row else "", _as_sent(row, "course_number"),
                  _as_sent(row, "completion_date"), _as_sent(row, "ceus"), why, advice]
        for j, (col, v) in enumerate(zip(COLUMNS, values), start=1):
            put(ws, i, j, v or None, wrap=col.wrap)
    last = HEADER_ROW + len(rows)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:H{last}"
    fit_widths(ws, list(COLUMNS), HEADER_ROW + 1, last)
    print_setup(ws, HEADER_ROW)
    wb.save(path)


def _file_order(ex: dict) -> tuple:
    loc = ex["source_location"] or ""
    m = re.search(r"\d+", loc)
    return (ex["source_file"], loc.split("(")[-1] if "(" in loc else "", int(m.group()) if m else 0)
