"""Reading the organisation's reference files: certificants, certifications, courses.

CSV or XLSX, first row the header, columns named as in contract.md (extra columns
ignored). Each good row becomes checked values ready for the store (held column by
column); each bad row a problem with its row number and reason, and the good rows
still load.

The row checks (`_certificant`, `_certification`, `_course`) are the rules. Large
files go through a column-wise pass first (`_FAST`): it takes a batch of records a
column at a time and accepts only cells the row checks would accept unchanged (plain
IDs, names without edge spaces, clean emails, ISO dates); every other row goes
through the row checks, so a bad row gets the same message either way.
tests/test_reference_fast.py holds the two in agreement.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import math
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cec_batch.errors import UnreadableFile
from cec_batch.model import CATEGORIES
from cec_batch.normalize import (CLEAN_EMAIL_RE, CLEAN_ID_RE, ZERO_WIDTH, is_blank, normalize_course_number,
                                 normalize_email, normalize_id)

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
BATCH_ROWS = 10_000  # records checked column-wise at a time


@dataclass
class Loaded:
    """The checked rows of a reference file (or a chunk of it), column by column, and its bad rows."""

    names: tuple[str, ...]
    columns: dict[str, list] = field(default_factory=dict)  # name -> one value per good row, in file order
    problems: list[str] = field(default_factory=list)  # "certificants.csv row 7: ..."

    def __post_init__(self):
        for name in self.names:
            self.columns.setdefault(name, [])

    def __len__(self) -> int:
        return len(self.columns[self.names[0]])

    @property
    def rows(self) -> list[dict]:
        """The good rows as dicts (column name -> value)."""
        return [dict(zip(self.names, t)) for t in zip(*(self.columns[n] for n in self.names))]

    def extend(self, columns: dict[str, list]) -> None:
        for name in self.names:
            self.columns[name].extend(columns[name])


def read_reference(path: Path, kind: str) -> Loaded:
    """Read and check one reference file of KIND; raises UnreadableFile if it cannot be read."""
    whole = Loaded(COLUMNS[kind])
    for part in read_reference_chunks(path, kind, size=math.inf):
        whole.extend(part.columns)
        whole.problems.extend(part.problems)
    return whole


def read_reference_chunks(path: Path, kind: str, size: float | None = None) -> Iterator[Loaded]:
    """Read and check one reference file of KIND, SIZE good rows at a time (default CHUNK_ROWS).

    Raises UnreadableFile, at the first chunk or where the file turns out not to be readable.
    """
    size = CHUNK_ROWS if size is None else size
    header, batches = _table(path, int(min(size, BATCH_ROWS)))
    header = [str(c).strip().lower().replace(" ", "_") for c in header]
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        raise UnreadableFile(path, f"missing column(s) {', '.join(missing)}; a {kind} file needs "
                                   f"{', '.join(COLUMNS[kind])}")
    names = COLUMNS[kind]
    where = [header.index(c) if c in header else None for c in names]
    out = Loaded(names)
    row = 2  # the header is row 1
    for batch in batches:
        numbers = range(row, row + len(batch))
        row += len(batch)
        if [] in batch:  # blank CSV lines: rows as a spreadsheet counts them, with nothing to check
            numbers, batch = [i for i, r in zip(numbers, batch) if r], [r for r in batch if r]
        _check_batch(path, kind, where, numbers, batch, out)
        if len(out) >= size:
            yield out
            out = Loaded(names)
    yield out


def _check_batch(path: Path, kind: str, where: list[int | None], numbers, batch: list, out: Loaded) -> None:
    """Check a batch of records into OUT: column-wise where the fast pass takes a row, the others row by row."""
    names, fast = COLUMNS[kind], _FAST.get(kind)
    if fast is None:
        columns, others = {name: [None] * len(batch) for name in names}, range(len(batch))
    else:
        columns, others = fast(_raw_columns(names, where, batch))
    dropped = set()
    for k in sorted(others):
        try:
            row = _CHECKS[kind](_row_values(names, where, batch[k]))
        except ValueError as exc:
            out.problems.append(f"{path.name} row {numbers[k]}: {exc}")
            dropped.add(k)
            continue
        for name in names:
            columns[name][k] = row[name]
    if dropped:
        columns = {name: [v for k, v in enumerate(values) if k not in dropped] for name, values in columns.items()}
    out.extend(columns)


def _row_values(names, where, record) -> dict:
    """A record's cells by column name, each as `_cell` leaves it (None when blank or absent)."""
    n = len(record)
    return {name: _cell(record[j] if j is not None and j < n else "") for name, j in zip(names, where)}


def _raw_columns(names, where, batch) -> dict[str, list]:
    """The batch's cells column by column, as read ("" where a record has no such cell)."""
    longest = max((j for j in where if j is not None), default=-1)
    whole = min(map(len, batch), default=0) > longest
    columns = {}
    for name, j in zip(names, where):
        if j is None:
            columns[name] = [""] * len(batch)
        elif whole:
            columns[name] = list(map(operator.itemgetter(j), batch))
        else:
            columns[name] = [r[j] if j < len(r) else "" for r in batch]
    return columns


def _cell(text) -> str | None:
    """A cell's text stripped, or None when it is blank (white space, zero-width marks)."""
    if text.__class__ is not str:
        return None if is_blank(text) else str(text).strip()
    if text.isascii():
        return text.strip() or None
    return None if is_blank(text) else text.strip()


def _table(path: Path, size: int) -> tuple[list, Iterator[list]]:
    """The header and the records after it of the file's first sheet, SIZE records at a time.

    A blank CSV line is an empty record: it counts as a row, as a spreadsheet program shows
    them (the header is row 1). CSV files are read with the csv module, cell by cell as text;
    workbooks through pandas and calamine.
    """
    try:
        if path.stat().st_size == 0:
            raise UnreadableFile(path, "empty file (0 bytes)")
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
            import pandas as pd  # only for workbooks: CSV files are read without it

            frame = pd.read_excel(path, dtype=str, engine="calamine").fillna("")
            return list(frame.columns), _slices(frame.itertuples(index=False, name=None), size)
        encoding = _encoding(path)
        fh = open(path, encoding=encoding, newline="")  # closed by _csv_batches
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            fh.close()
            raise UnreadableFile(path, "no header row")
        return header, _csv_batches(path, fh, reader, size)
    except UnreadableFile:
        raise
    except FileNotFoundError:
        raise UnreadableFile(path, "no such file") from None
    except Exception as exc:  # noqa: BLE001 - any reader failure is a bad file, said in one line
        raise UnreadableFile(path, f"cannot be read as CSV or XLSX ({type(exc).__name__}: {str(exc)[:120]})") from None


def _slices(records: Iterator, size: int) -> Iterator[list]:
    while batch := list(itertools.islice(records, size)):
        yield batch


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


def _csv_batches(path: Path, fh, reader, size: int) -> Iterator[list[list]]:
    """The records after the header, SIZE at a time (a blank line an empty record); closes FH."""
    last = 1  # the row number of the last record read
    try:
        while True:
            batch: list[list] = []
            try:
                batch.extend(itertools.islice(reader, size))  # keeps the records read before an error
            except csv.Error as exc:
                raise UnreadableFile(path, f"cannot be read as CSV after row {last + len(batch)} ({exc})") from None
            if not batch:
                return
            yield batch
            last += len(batch)
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


# -- the column-wise pass: what it accepts, the row checks would accept unchanged -----------------

# Text the row checks keep as it is: not blank, nothing `_cell` would strip (white space, or
# a zero-width mark, at either edge: such cells go the row way).
_PLAIN_TEXT_RE = re.compile(f"[^\\s{ZERO_WIDTH}](?:.*[^\\s{ZERO_WIDTH}])?", re.DOTALL)
_PLAIN_EMAIL_RE = re.compile(f"(?:{CLEAN_EMAIL_RE.pattern})?", re.ASCII)  # normalize_email's own clean form
# The same, for a whole column joined by newlines (which no cell of it holds): one match instead of one a cell.
_PLAIN_EMAILS_RE = re.compile(f"{_PLAIN_EMAIL_RE.pattern}(?:\n{_PLAIN_EMAIL_RE.pattern})*", re.ASCII)
_PLAIN_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_MISS = object()  # a value the fast pass does not take


def _misses(pattern: re.Pattern, column: list, plain: Callable[[list], bool] | None = None) -> set[int]:
    """Positions of COLUMN's cells that PATTERN does not match in full.

    PLAIN, when given, is a quicker test of the whole column that holds only when every cell matches.
    """
    if plain is not None and plain(column):
        return set()
    found = list(map(pattern.fullmatch, column))
    if None not in found:
        return set()
    return {k for k, m in enumerate(found) if m is None}


def _plain_ids(column: list) -> bool:
    """Every cell matches CLEAN_ID_RE: ASCII letters and digits, at least one."""
    joined = "".join(column)
    return joined.isascii() and joined.isalnum() and "" not in column


def _plain_emails(column: list) -> bool:
    """Every cell matches _PLAIN_EMAIL_RE (blank, or an email in normalize_email's clean form)."""
    joined = "\n".join(column)
    return joined.count("\n") == len(column) - 1 and _PLAIN_EMAILS_RE.fullmatch(joined) is not None


def _plain_ascii_text(column: list) -> bool:
    """Every cell matches _PLAIN_TEXT_RE and is ASCII: not empty, no white space at either edge."""
    return "".join(column).isascii() and "" not in column and list(map(str.strip, column)) == column


def _dates(column: list, optional: bool) -> tuple[list, set[int]]:
    """COLUMN's ISO dates as dates ("" as None when OPTIONAL), and the positions not taken."""
    parsed = {}
    distinct = set(column)
    for text in distinct:  # a registry repeats its dates: each distinct one converted once
        if text == "" and optional:
            parsed[text] = None
        elif _PLAIN_DATE_RE.fullmatch(text):
            try:
                parsed[text] = date.fromisoformat(text)
            except ValueError:
                pass  # the row check says what is wrong with it
    if len(parsed) == len(distinct):
        return list(map(parsed.__getitem__, column)), set()
    values = [parsed.get(text, _MISS) for text in column]
    return values, {k for k, v in enumerate(values) if v is _MISS}


def _fast_certificants(raw: dict[str, list]) -> tuple[dict[str, list], set[int]]:
    others = (_misses(CLEAN_ID_RE, raw["certificant_id"], _plain_ids)
              | _misses(_PLAIN_TEXT_RE, raw["first_name"], _plain_ascii_text)
              | _misses(_PLAIN_TEXT_RE, raw["last_name"], _plain_ascii_text)
              | _misses(_PLAIN_EMAIL_RE, raw["email"], _plain_emails))
    births, late = _dates(raw["birth_date"], optional=True)
    emails = [e or None for e in raw["email"]] if "" in raw["email"] else raw["email"]
    return ({"certificant_id": raw["certificant_id"], "first_name": raw["first_name"], "last_name": raw["last_name"],
             "email": emails, "birth_date": births}, others | late)


def _fast_certifications(raw: dict[str, list]) -> tuple[dict[str, list], set[int]]:
    others = (_misses(CLEAN_ID_RE, raw["certificant_id"], _plain_ids)
              | _misses(_PLAIN_TEXT_RE, raw["certification"], _plain_ascii_text))
    starts, bad_start = _dates(raw["period_start"], optional=False)
    ends, bad_end = _dates(raw["period_end"], optional=False)
    others |= bad_start | bad_end
    if others:
        others |= {k for k, (s, e) in enumerate(zip(starts, ends)) if k not in others and e < s}
    elif True in map(operator.lt, ends, starts):
        others = {k for k, (s, e) in enumerate(zip(starts, ends)) if e < s}
    return ({"certificant_id": raw["certificant_id"], "certification": raw["certification"],
             "period_start": starts, "period_end": ends}, others)


# Courses (thousands of rows, not millions) are checked row by row only.
_FAST: dict[str, Callable[[dict[str, list]], tuple[dict[str, list], set[int]]]] = {
    "certificants": _fast_certificants, "certifications": _fast_certifications}
