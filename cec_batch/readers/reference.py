"""Reading the organisation's reference files: certificants, certifications, courses.

CSV or XLSX, first row the header, columns named as in contract.md (extra columns
ignored). Each good row becomes a dict ready for the store; each bad row a
problem with its row number and reason, and the good rows still load.
"""

from __future__ import annotations

import codecs
import csv
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from cec_batch.errors import UnreadableFile
from cec_batch.model import CATEGORIES
from cec_batch.normalize import is_blank, normalize_course_number, normalize_email, normalize_id

COLUMNS = {
    "certificants": ("certificant_id", "first_name", "last_name", "email", "birth_date"),
    "certifications": ("certificant_id", "certification", "period_start", "period_end"),
    "courses": ("course_number", "title", "provider", "ceus", "category", "approved_from", "approved_to"),
}
REQUIRED = {
    "certificants": ("certificant_id", "first_name", "last_name"),
    "certifications": ("certificant_id", "certification", "period_start", "period_end"),
    "courses": ("course_number", "title", "provider", "ceus", "category", "approved_from"),
}
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
CHUNK_ROWS = 250_000  # good rows checked, then upserted, at a time: memory follows the chunk


@dataclass
class Loaded:
    rows: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "certificants.csv row 7: ..."


def read_reference(path: Path, kind: str) -> Loaded:
    """Read and check one reference file of KIND; raises UnreadableFile if it cannot be read."""
    whole = Loaded()
    for part in read_reference_chunks(path, kind, size=math.inf):
        whole.rows.extend(part.rows)
        whole.problems.extend(part.problems)
    return whole


def read_reference_chunks(path: Path, kind: str, size: float | None = None) -> Iterator[Loaded]:
    """Read and check one reference file of KIND, SIZE good rows at a time (default CHUNK_ROWS).

    Raises UnreadableFile, at the first chunk or where the file turns out not to be readable.
    """
    header, records = _table(path)
    header = [str(c).strip().lower().replace(" ", "_") for c in header]
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        raise UnreadableFile(path, f"missing column(s) {', '.join(missing)}; a {kind} file needs "
                                   f"{', '.join(COLUMNS[kind])}")
    size = CHUNK_ROWS if size is None else size
    names = COLUMNS[kind]
    where = [header.index(c) if c in header else None for c in names]
    out = Loaded()
    check = _CHECKS[kind]
    for i, record in records:
        n = len(record)
        values = {}
        for name, j in zip(names, where):
            cell = record[j] if j is not None and j < n else ""
            values[name] = _cell(cell)
        try:
            out.rows.append(check(values))
        except ValueError as exc:
            out.problems.append(f"{path.name} row {i}: {exc}")
        if len(out.rows) >= size:
            yield out
            out = Loaded()
    yield out


def _cell(text) -> str | None:
    """A cell's text stripped, or None when it is blank (white space, zero-width marks)."""
    if text.__class__ is not str:
        return None if is_blank(text) else str(text).strip()
    if text.isascii():
        return text.strip() or None
    return None if is_blank(text) else text.strip()


def _table(path: Path) -> tuple[list, Iterator[tuple[int, list]]]:
    """The header and the (row number, cells) of every non-empty row of the file's first sheet.

    Row numbers are those a spreadsheet program shows (the header is row 1). CSV files are
    read with the csv module, cell by cell as text; workbooks through pandas and calamine.
    """
    try:
        if path.stat().st_size == 0:
            raise UnreadableFile(path, "empty file (0 bytes)")
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
            frame = pd.read_excel(path, dtype=str, engine="calamine").fillna("")
            # pandas skips no rows of a sheet, so a record's row is its position after the header
            return list(frame.columns), enumerate(frame.itertuples(index=False, name=None), start=2)
        encoding = _encoding(path)
        fh = open(path, encoding=encoding, newline="")  # closed by _csv_records
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            fh.close()
            raise UnreadableFile(path, "no header row")
        return header, _csv_records(path, fh, reader)
    except UnreadableFile:
        raise
    except FileNotFoundError:
        raise UnreadableFile(path, "no such file") from None
    except Exception as exc:  # noqa: BLE001 - any reader failure is a bad file, said in one line
        raise UnreadableFile(path, f"cannot be read as CSV or XLSX ({type(exc).__name__}: {str(exc)[:120]})") from None


def _encoding(path: Path) -> str:
    """utf-8-sig when the whole file decodes as UTF-8, else cp1252 when it decodes as that.

    Checked block by block, so a large file is never held in memory twice.
    """
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with open(path, "rb") as fh:
                while block := fh.read(1 << 20):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(path, "not UTF-8 or Windows-1252 text")


def _csv_records(path: Path, fh, reader) -> Iterator[tuple[int, list]]:
    """(row number, cells) of each record after the header; blank lines count as rows, and are skipped."""
    i = 1
    try:
        for i, record in enumerate(reader, start=2):
            if record:
                yield i, record
    except csv.Error as exc:
        raise UnreadableFile(path, f"cannot be read as CSV after row {i} ({exc})") from None
    finally:
        fh.close()


def _need(values: dict, *names: str) -> None:
    for n in names:
        if values[n] is None:
            raise ValueError(f"{n} is missing")


def _iso(values: dict, name: str, required: bool) -> date | None:
    raw = values[name]
    if raw is None:
        if required:
            raise ValueError(f"{name} is missing")
        return None
    raw = raw[:10] if ISO.match(raw) else raw
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"{name} {values[name]!r} is not a date YYYY-MM-DD") from None


def _certificant(v: dict) -> dict:
    _need(v, "certificant_id", "first_name", "last_name")
    email = None
    if v["email"] is not None:
        email = normalize_email(v["email"])
        if email is None:
            raise ValueError(f"email {v['email']!r} is not an email address")
    return {"certificant_id": normalize_id(v["certificant_id"]), "first_name": v["first_name"],
            "last_name": v["last_name"], "email": email, "birth_date": _iso(v, "birth_date", False)}


def _certification(v: dict) -> dict:
    _need(v, "certificant_id", "certification")
    start, end = _iso(v, "period_start", True), _iso(v, "period_end", True)
    if end < start:
        raise ValueError(f"period_end {end} is before period_start {start}")
    return {"certificant_id": normalize_id(v["certificant_id"]), "certification": v["certification"],
            "period_start": start, "period_end": end}


def _course(v: dict) -> dict:
    _need(v, "course_number", "title", "provider", "ceus", "category")
    number = normalize_course_number(v["course_number"])
    if number.value is None:
        raise ValueError(number.problem)
    category = v["category"].strip().lower().replace(" ", "_")
    if category not in CATEGORIES:
        raise ValueError(f"category {v['category']!r} is not one of {', '.join(CATEGORIES)}")
    try:
        ceus = Decimal(v["ceus"])
    except InvalidOperation:
        raise ValueError(f"ceus {v['ceus']!r} is not a number") from None
    if not ceus.is_finite() or ceus < 0 or ceus > 1000:
        raise ValueError(f"ceus {v['ceus']!r} is not a sensible CEC value")
    start, end = _iso(v, "approved_from", True), _iso(v, "approved_to", False)
    if end is not None and end < start:
        raise ValueError(f"approved_to {end} is before approved_from {start}")
    return {"course_number": number.value, "title": v["title"], "provider": v["provider"],
            "ceus": ceus.quantize(Decimal("0.1")), "category": category, "approved_from": start, "approved_to": end}


_CHECKS = {"certificants": _certificant, "certifications": _certification, "courses": _course}
