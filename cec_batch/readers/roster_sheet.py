"""Roster reader: a provider's workbook or CSV, one row per attendee, into raw rows.

Providers write rosters by hand: the header may sit below title lines, columns
have many names, every sheet may hold rows, and files arrive with the wrong
extension. The format is recognised by content; the values are passed on raw
(strings stripped, blanks as None) for `normalize` to judge.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import gc
import html
import io
import itertools
import math
import mmap
import operator
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterator, Sequence


from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile, describe
from cec_batch.model import ROW_FIELDS, ReadResult
from cec_batch.readers.isolate import check_file_size

HEADER_SCAN_ROWS = 30  # non-blank rows searched for the header, title lines included
SNIFF_BYTES = 64 * 1024

PASSWORD_PROTECTED = "password-protected workbook (remove the password and send the file again)"

# --- recognising the format by content ------------------------------------------------------

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_FOREIGN_MAGICS = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio file"),
    (b"RIFF", "a RIFF media file (WAV, AVI or WebP)"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_FTYP_KINDS = {b"heic": "a HEIC photo", b"heix": "a HEIC photo", b"mif1": "a HEIF photo", b"qt  ": "a QuickTime video"}
NOT_OURS = "not a roster or certificate"
# Bytes that do not occur in text (C0 controls other than tab, newlines, form feed; DEL).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26)) + b"\x7f"
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # OLE stream of an encrypted OOXML file

_CALAMINE_SUFFIX = {"xlsx": ".xlsx", "xlsb": ".xlsb", "ods": ".ods", "xls": ".xls"}
_SUFFIXES_OF = {"xlsx": {".xlsx", ".xlsm"}, "xlsb": {".xlsb"}, "ods": {".ods"}, "xls": {".xls"}}


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the sample looks like BOM-less UTF-16 text (ASCII-heavy)."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _text_kind(head: bytes) -> str | None:
    """Why a text file is not a roster (XML, HTML), or None when it may be CSV."""
    text = head[:2048].decode("latin-1").lstrip("\ufeff \t\r\n").lower()
    if text.startswith("<?xml") and "urn:schemas-microsoft-com:office:spreadsheet" in head.decode("latin-1"):
        return "not a supported spreadsheet: Excel 2003 XML; open it in Excel and save it as .xlsx"
    if text.startswith(("<!doctype html", "<html", "<table")):
        return "not a spreadsheet: a web page (HTML); open it and save it as .xlsx or .csv"
    if text.startswith("<?xml"):
        return "not a spreadsheet: an XML document"
    first_lines = text[:1024]
    if re.match(r"(?:return-path|received|from|mime-version|message-id|delivered-to):", first_lines) and \
            re.search(r"^(?:mime-version|message-id|subject):", first_lines, re.M):
        return f"an email message, {NOT_OURS} (save its attachments and send those)"
    return None


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            lower = [n.lower() for n in names]
            if any(n.endswith("workbook.xml") for n in lower):
                return "xlsx"
            if any(n.endswith("workbook.bin") for n in lower):
                return "xlsb"
            if "mimetype" in names:
                mimetype = z.read("mimetype")[:200].decode("ascii", errors="replace")
                if "spreadsheet" in mimetype:
                    return "ods"
                if "opendocument" in mimetype:
                    kind = mimetype.rsplit(".", 1)[-1].strip()
                    raise UnreadableFile(path, f"not a spreadsheet: an OpenDocument {kind} document")
            if "content.xml" in names:
                return "ods"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise UnreadableFile(path, f"corrupt workbook: the ZIP container is damaged ({exc})") from None
    if any(n.startswith("word/") for n in lower):
        raise UnreadableFile(path, f"a Word document, {NOT_OURS}")
    if any(n.startswith("ppt/") for n in lower):
        raise UnreadableFile(path, f"a PowerPoint presentation, {NOT_OURS}")
    if not names:
        raise UnreadableFile(path, "not a spreadsheet: an empty ZIP archive")
    raise UnreadableFile(path, "not a spreadsheet: a ZIP archive without a workbook in it")


def detect_format(path: Path) -> str:
    """The roster format by content: 'xlsx', 'xlsb', 'ods', 'xls', 'biff' (pre-OLE .xls) or 'csv'.

    Raises UnreadableFile for an empty file and for anything that is not a roster.
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot open the file ({exc.strerror or exc})") from None
    if not head:
        raise UnreadableFile(path, "empty file (0 bytes)")
    if head.startswith(_ZIP_MAGICS):
        return _zip_format(path)
    if head.startswith(_OLE_MAGIC):
        other = _ole_document_kind(path)
        if other:
            raise UnreadableFile(path, f"{other}, {NOT_OURS}")
        return "xls"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        raise UnreadableFile(path, f"not a spreadsheet: {_FTYP_KINDS.get(brand, 'an MP4 video or photo')}")
    # BIFF2-5 streams without the OLE container start with a BOF record: 09 0x, then a short length.
    if len(head) >= 8 and head[0] == 0x09 and head[1] in (0x00, 0x02, 0x04, 0x08) and 4 <= head[2] <= 20 \
            and head[3] == 0:
        return "biff"
    if b"%PDF" in head[:1024]:
        raise UnreadableFile(path, "not a spreadsheet: a PDF document")
    for magic, what in _FOREIGN_MAGICS:
        if head.startswith(magic):
            raise UnreadableFile(path, f"not a spreadsheet: {what}")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head[:4096]):
        return "csv"
    sample = head[:8192]
    if len(sample.translate(None, _TEXT_BYTES)) > 0.05 * len(sample):
        raise UnreadableFile(path, "not a spreadsheet: binary data, neither text nor a known workbook format")
    reason = _text_kind(head)
    if reason:
        raise UnreadableFile(path, reason)
    return "csv"


# --- recognising the header ------------------------------------------------------------------

PERSON_FIELDS = frozenset({"certificant_id", "email", "full_name", "first_name", "last_name"})

# Normalised header text (see header_key) -> field. Within a field, earlier names win when two
# columns claim it (a "Date Completed" column beats a bare "Date").
SYNONYMS: dict[str, tuple[str, ...]] = {
    "certificant_id": (
        "certificant id", "ace id", "member id", "certification number", "certificant number",
        "ace number", "ace id number", "ace certification number", "ace member id", "ace member number",
        "ace certificant id", "ace certificant number", "member number", "member id number",
        "membership number", "membership id", "certification id", "certificant id number",
        "certification id number", "cert number", "cert id", "certificant", "id number", "id",
    ),
    "first_name": (
        "first name", "firstname", "given name", "given names", "forename", "first names", "fname",
        "attendee first name", "participant first name", "student first name", "member first name", "first",
    ),
    "last_name": (
        "last name", "lastname", "surname", "family name", "lname", "attendee last name",
        "participant last name", "student last name", "member last name", "last",
    ),
    "full_name": (
        "full name", "attendee name", "participant name", "attendee full name", "participant full name",
        "student name", "member name", "certificant name", "trainee name", "fullname",
        "name last first", "last first", "last name first name", "name first last", "first last",
        "first name last name", "attendee", "participant", "student", "trainee", "names", "name",
    ),
    "email": (
        "email", "email address", "emailaddress", "attendee email", "participant email", "member email",
        "certificant email", "student email",
    ),
    "birth_date": ("birth date", "date of birth", "dob", "birthdate", "birthday", "d o b"),
    "course_number": (
        "course number", "ace course number", "course id", "approval number", "course code",
        "course approval number", "ace approval number", "ace course id", "ace course code",
        "course id number",
    ),
    "completion_date": (
        "completion date", "date completed", "date of completion", "completed date", "completed on",
        "course completion date", "date of course", "course date", "event date", "date attended",
        "attendance date", "date of attendance", "completion", "completed", "date",
    ),
    "ceus": (
        "cecs", "cec", "ceus", "ceu", "cecs earned", "cec earned", "ceus earned", "ceu earned", "credits",
        "credits earned", "cecs awarded", "cec awarded", "ceus awarded", "ceu awarded", "cec credits",
        "ceu credits", "ce credits", "cec hours", "ceu hours", "number of cecs", "number of ceus",
        "cec value", "ceu value", "credit", "ces",
    ),
}
_EXACT: dict[str, tuple[str, int]] = {}
for _field, _names in SYNONYMS.items():
    for _rank, _name in enumerate(_names):
        _EXACT.setdefault(_name, (_field, _rank))

# Words that make a column about something other than the attendee (course title, provider...).
_NOT_ATTENDEE = frozenset({
    "provider", "instructor", "trainer", "presenter", "company", "organization", "organisation",
    "facility", "employer", "venue", "location", "title", "description", "program", "programme",
    "city", "state", "country", "phone", "address", "shirt", "sponsor", "host", "event", "file", "sheet",
})
_ID_OWNERS = frozenset({"ace", "member", "membership", "certificant", "certification", "cert",
                        "attendee", "participant", "student"})
_ABBREVIATIONS = {"no": "number", "nbr": "number", "num": "number", "nr": "number"}
_TRAILING_QUALIFIERS = frozenset({"optional", "required", "mandatory"})
_FALLBACK_RANK = 1000


def header_key(text: str) -> str:
    """A header cell as compared with SYNONYMS: case, spacing, punctuation and '(optional)' folded."""
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    bare = re.sub(r"\(.*?\)|\[.*?\]|\{.*?\}", " ", s)
    if re.search(r"\w", bare):
        s = bare
    s = s.replace("e-mail", "email").replace("#", " number ").replace("&", " and ")
    s = re.sub(r"['’`]", "", s)
    words = [_ABBREVIATIONS.get(w, w) for w in re.sub(r"[\W_]+", " ", s).split()]
    while len(words) > 1 and words[-1] in _TRAILING_QUALIFIERS:
        words.pop()
    return " ".join(words)


@functools.lru_cache(maxsize=4096)
def classify_header(text: str) -> tuple[str, int] | None:
    """(field, rank) for a header cell, or None when it is not a roster column (lower rank wins)."""
    key = header_key(text)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    if key.endswith(" id number") and key[: -len(" number")] in _EXACT:  # "ACE ID No."
        return _EXACT[key[: -len(" number")]]
    words = key.split()
    wordset = set(words)
    if "course" in wordset:
        if wordset & {"number", "id", "code", "approval"}:
            return ("course_number", _FALLBACK_RANK)
        if wordset & {"date", "completed", "completion"}:
            return ("completion_date", _FALLBACK_RANK)
        return None  # course title, course name, course provider
    if wordset & _NOT_ATTENDEE:
        return None
    if "email" in wordset:
        return ("email", _FALLBACK_RANK)
    if wordset & {"birth", "dob"}:
        return ("birth_date", _FALLBACK_RANK)
    if wordset & {"cec", "cecs", "ceu", "ceus", "credits", "credit"}:
        return ("ceus", _FALLBACK_RANK)
    if wordset & {"date", "completed", "completion"}:
        return ("completion_date", _FALLBACK_RANK)
    if "approval" in wordset and "number" in wordset:
        return ("course_number", _FALLBACK_RANK)
    if words[-1] in ("id", "number") and wordset & _ID_OWNERS:
        return ("certificant_id", _FALLBACK_RANK)
    has_first = bool(wordset & {"first", "given", "forename"})
    has_last = bool(wordset & {"last", "surname", "family"})
    if has_first and has_last:
        return ("full_name", _FALLBACK_RANK)
    if has_first:
        return ("first_name", _FALLBACK_RANK)
    if has_last:
        return ("last_name", _FALLBACK_RANK)
    # "Attendee's name", "Name of participant"; not "Name unknown" or "Name badge printed".
    if words[-1] in ("name", "names") or key.startswith("name of ") or wordset & {"attendee", "participant"}:
        return ("full_name", _FALLBACK_RANK)
    return None


@dataclass
class Header:
    index: int                      # position of the header row in the grid
    columns: dict[str, int]         # field -> column index
    cells: list                     # the header row as read


def _map_header(row: Sequence) -> dict[str, int]:
    claims: dict[str, tuple[int, int]] = {}
    for j, cell in enumerate(row):
        if type(cell) is not str or not cell.strip():
            continue
        hit = classify_header(cell.strip())
        if hit and (hit[0] not in claims or hit[1] < claims[hit[0]][0]):
            claims[hit[0]] = (hit[1], j)
    return {field: j for field, (_rank, j) in claims.items()}


def _is_blank(cell) -> bool:
    return cell is None or (type(cell) is str and not cell.strip())


def find_header(grid: Sequence[Sequence], scan: int = HEADER_SCAN_ROWS) -> Header | None:
    """The row among the first `scan` non-blank rows where the most cells name roster fields.

    A row counts only if it names a person column (ID, email or a name).
    """
    best: Header | None = None
    seen = 0
    for i, row in enumerate(grid):
        if all(_is_blank(c) for c in row):
            continue
        seen += 1
        if seen > scan:
            break
        columns = _map_header(row)
        if columns.keys() & PERSON_FIELDS and (best is None or len(columns) > len(best.columns)):
            best = Header(i, columns, list(row))
    return best


def _header_notes(header: Header, where: str) -> list[str]:
    """Notes on the header cells that were not used."""
    used = set(header.columns.values())
    by_field = {field: j for field, j in header.columns.items()}
    notes = []
    for j, cell in enumerate(header.cells):
        if _is_blank(cell) or j in used:
            continue
        text = str(cell).strip()
        hit = classify_header(text) if type(cell) is str else None
        if hit:
            winner = str(header.cells[by_field[hit[0]]]).strip()
            label = hit[0].replace("_", " ")
            notes.append(f'{where}column "{text}" also looks like the {label}; "{winner}" was used ("{text}" ignored)')
        else:
            notes.append(f'{where}column "{text}" not recognised (ignored)')
    return notes


# --- turning a grid into columns ---------------------------------------------------------------

_VALUE_FIELDS = tuple(f for f in ROW_FIELDS if f not in ("location", "review", "read"))


@contextlib.contextmanager
def _collector_paused():
    """Bulk building creates millions of tuples; the cyclic collector would rescan them for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _clean(values) -> list:
    """Strings stripped, blank strings and NaN as None; other values as they are."""
    return [
        (v.strip() or None) if type(v) is str else (None if v is None or (type(v) is float and v != v) else v)
        for v in values
    ]


def _take_column(rows: Sequence[Sequence], j: int, rectangular: bool) -> list:
    if rectangular:
        return _clean(map(operator.itemgetter(j), rows))
    return _clean([r[j] if j < len(r) else None for r in rows])


class _Accumulator:
    """Rows of every sheet, column by column, and the notes about them."""

    def __init__(self, limits: Limits, path: Path):
        self.columns: dict[str, list] = {f: [] for f in ("location",) + _VALUE_FIELDS}
        self.notes: list[str] = []
        self.count = 0
        self.limits = limits
        self.path = path

    def add(self, header: Header, data: Sequence[Sequence], numbers: Sequence[int], *, rectangular: bool,
            sheet: str | None) -> None:
        """Add the data rows below `header`; numbers[k] is the row number the user sees for data[k]."""
        fields = list(header.columns)
        cols = [_take_column(data, header.columns[f], rectangular) for f in fields]
        n = len(data)
        width = len(cols)
        header_values = tuple(str(header.cells[header.columns[f]]).strip() for f in fields)
        # Entirely blank rows are skipped, and so is the header repeated (rosters pasted together).
        keep = [k for k, t in enumerate(zip(*cols)) if t.count(None) != width and t != header_values]
        if len(keep) != n:
            dropped = sorted(set(range(n)) - set(keep))
            repeated = [numbers[k] for k in dropped if any(c[k] is not None for c in cols)]
            orphans = [numbers[k] for k in dropped
                       if all(c[k] is None for c in cols) and not all(_is_blank(v) for v in data[k])]
            self.note_skipped(sheet, repeated, orphans)
            cols = [[c[k] for k in keep] for c in cols]
        kept = len(keep)
        self.count += kept
        if self.count > self.limits.max_rows:
            raise UnreadableFile(
                self.path,
                f"has more than {self.limits.max_rows:,} rows, over the limit (CEC_LIMIT_MAX_ROWS)",
            )
        suffix = f" ({sheet})" if sheet is not None else ""
        self.columns["location"].extend([f"row {numbers[k]}{suffix}" for k in keep])
        for f in _VALUE_FIELDS:
            if f in header.columns:
                self.columns[f].extend(cols[fields.index(f)])
            else:
                self.columns[f].extend([None] * kept)

    def note_skipped(self, sheet: str | None, repeated: list[int], orphans: list[int]) -> None:
        """Say which non-blank rows were skipped: repeated headers, values only in unrecognised columns."""
        prefix = f'sheet "{sheet}": ' if sheet is not None else ""
        if repeated:
            self.notes.append(f"{prefix}repeated header row skipped ({_rows_text(repeated)})")
        if orphans:
            self.notes.append(
                f"{prefix}{len(orphans)} row(s) with values only in columns that were not recognised "
                f"skipped ({_rows_text(orphans)})"
            )

    @property
    def pending(self) -> int:
        """Rows added since the last take_columns."""
        return len(self.columns["location"])

    def take_columns(self) -> dict[str, list]:
        """The rows added since the last call, as lists by field (the running count stays, for the row limit)."""
        taken = self.columns
        self.columns = {f: [] for f in self.columns}
        return taken


def columns_frame(columns: dict[str, list]) -> pd.DataFrame:
    """Lists by field (those of ROW_FIELDS that are there) as a roster frame: every ROW_FIELDS column,
    all of dtype object. (pandas is imported here, not with the module: an ingest, which takes the
    rows as lists, never needs it, and it costs about 0.3 s to import.)"""
    import numpy as np
    import pandas as pd

    n = len(columns["location"])
    data = {}
    for f in ROW_FIELDS:
        arr = np.empty(n, dtype=object)  # None everywhere; pandas must not infer a string dtype
        values = columns.get(f)
        if values is not None and n:
            arr[:] = values
        data[f] = arr
    return pd.DataFrame(data, dtype=object)


def _rows_text(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return ("row " if len(numbers) == 1 else "rows ") + shown + (" ..." if len(numbers) > 10 else "")


# --- CSV -----------------------------------------------------------------------------------------

def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # cp1252 leaves five bytes undefined; Latin-1 maps them all


_DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text, judged on its first lines.

    The one under which a line reads as a roster header with the most fields wins ("Member ID;
    Name;CECs" over the commas of "Smith, Jane;0,8"); failing that, the one that splits the
    lines most consistently into more than one field.
    """
    sample_lines = []
    for line in io.StringIO(text[:65536], newline=""):
        if line.strip():
            sample_lines.append(line)
        if len(sample_lines) >= 50:
            break
    best, best_score = ",", (0, 0, 0)
    for d in _DELIMITERS:
        try:
            records = [rec for rec in csv.reader(sample_lines, delimiter=d) if len(rec) > 1]
        except csv.Error:
            continue
        if not records:
            continue
        counts = [len(rec) for rec in records]
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        header_fields = max(len(_map_header(rec)) for rec in records[:HEADER_SCAN_ROWS])
        score = (header_fields, counts.count(mode), mode)
        if score > best_score:
            best, best_score = d, score
    return best


def _read_csv(path: Path, limits: Limits) -> ReadResult:
    """The whole CSV roster at once: every chunk of iter_csv_roster, joined.

    Lines are what a spreadsheet program counts as rows: in a file whose lines end in LF or
    CRLF, a bare CR inside a quoted field is part of the value, not a line of its own. Only
    a file without any LF (old Mac) ends its lines in CR. A bare CR outside quotes in an LF
    file is no valid CSV under LF lines; such a file is read with every CR as a line end.
    """
    lf_lines = csv_line_ends(path)[0]
    try:
        return _joined(iter_csv_roster(path, limits, chunk_rows=0, lf_lines=lf_lines))
    except _StrayCarriageReturn:
        return _joined(iter_csv_roster(path, limits, chunk_rows=0, lf_lines=False))


def _joined(chunks: Iterator[dict[str, list]]) -> ReadResult:
    """The ReadResult a chunked reading returns, with every chunk's rows, and the rows it kept to the
    end (lists by field), as its frame."""
    joined: dict[str, list] = {}
    try:
        while True:
            for f, values in next(chunks).items():
                joined.setdefault(f, []).extend(values)
    except StopIteration as stop:
        final = stop.value
    for f, values in final.rows.items():
        joined.setdefault(f, []).extend(values)
    final.rows = columns_frame(joined)
    return final


class _StrayCarriageReturn(Exception):
    """A CR outside quotes met while lines are split at LF only."""


def csv_line_ends(path: Path) -> tuple[bool, bool]:
    """(whether the file has an LF, whether it has a CR not followed by LF), from one pass over
    its bytes. UTF-16 text is judged on its decoded characters."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            text = _decode(path.read_bytes())
            return "\n" in text, re.search("\r(?!\n)", text) is not None
        fh.seek(0)
        has_lf = bare_cr = False
        carry = b""
        for block in iter(lambda: fh.read(1 << 20), b""):
            block = carry + block
            carry = block[-1:] if block.endswith(b"\r") else b""
            body = block[:-1] if carry else block
            has_lf = has_lf or b"\n" in body
            bare_cr = bare_cr or re.search(rb"\r(?!\n)", body) is not None
        bare_cr = bare_cr or bool(carry)
    return has_lf, bare_cr


def iter_csv_roster(path: Path, limits: Limits, *, chunk_rows: int = 50_000,
                    lf_lines: bool = True) -> Iterator[dict[str, list]]:
    """A CSV roster as chunks of at most CHUNK_ROWS rows (0: one chunk), each the columns of
    ROW_FIELDS as lists (see _Accumulator); returns (StopIteration.value) the ReadResult with the notes and
    an empty frame. Memory is bounded by the chunk, not the file: only the recognised cells of the
    current chunk's records are held. LF_LINES: lines end at LF only (a CR alone is part of a
    quoted value); raises _StrayCarriageReturn when a CR stands outside quotes."""
    with open(path, "rb") as fh:
        head_bytes = fh.read(1 << 16)
    codec = _codec_of(path, head_bytes)
    acc = _Accumulator(limits, path)
    previous_line = 0
    newline = "\n" if lf_lines else ""
    fh = open(path, encoding=codec, errors="strict", newline=newline) if codec else io.StringIO(
        _decode(path.read_bytes()), newline=newline)
    try:
        first = fh.read(1 << 16)
        delimiter = sniff_delimiter(first)
        fh.seek(0)
        reader = csv.reader(fh, delimiter=delimiter)
        head: list[list[str]] = []
        head_lines: list[int] = []
        # The header sits within the first HEADER_SCAN_ROWS non-blank records.
        nonblank = 0
        for rec in reader:
            head.append(rec)
            head_lines.append(previous_line + 1)  # a record spanning lines is where it starts
            previous_line = reader.line_num
            if any(c.strip() for c in rec):
                nonblank += 1
                if nonblank >= HEADER_SCAN_ROWS:
                    break
        header = find_header(head)
        if header is None:
            if nonblank:
                raise UnreadableFile(path, _no_header_reason())
            acc.notes.append("the file holds no rows")
            return ReadResult(kind="roster", rows=acc.take_columns(), notes=acc.notes)
        acc.notes.extend(_header_notes(header, ""))
        # Keep only the recognised cells of each record: a large CSV then fits the memory limit.
        idx = list(header.columns.values())
        width = max(idx) + 1
        pick = operator.itemgetter(*idx)
        single = len(idx) == 1
        rows: list = []
        lines: list[int] = []
        orphans: list[int] = []

        def short(rec):  # a record with fewer cells than the header
            return tuple(rec[j] if j < len(rec) else "" for j in idx)

        def take(rec, line):
            got = pick(rec) if len(rec) >= width else short(rec)
            if single:
                got = (got,)
            if any(got):
                rows.append(got)
                lines.append(line)
            elif any(c.strip() for c in rec):
                orphans.append(line)  # values only in unrecognised columns

        for k in range(header.index + 1, len(head)):
            take(head[k], head_lines[k])
        cells = [header.cells[j] for j in idx]
        projected = Header(index=-1, columns={f: n for n, f in enumerate(header.columns)}, cells=cells)
        del head, head_lines
        with _collector_paused():
            # The same as take(), inlined: this loop runs once per line of the file.
            append_row, append_line = rows.append, lines.append
            for rec in reader:
                got = pick(rec) if len(rec) >= width else short(rec)
                if single:
                    got = (got,)
                if any(got):
                    append_row(got)
                    append_line(previous_line + 1)
                    if chunk_rows and len(rows) >= chunk_rows:
                        acc.add(projected, rows, lines, rectangular=True, sheet=None)
                        rows.clear()
                        lines.clear()
                        yield acc.take_columns()
                elif any(c.strip() for c in rec):
                    orphans.append(previous_line + 1)
                previous_line = reader.line_num
            acc.note_skipped(None, [], orphans)
            acc.add(projected, rows, lines, rectangular=True, sheet=None)
            yield acc.take_columns()
    except csv.Error as exc:
        if lf_lines and "new-line character" in str(exc):
            raise _StrayCarriageReturn() from None
        raise UnreadableFile(path, f"malformed CSV near line {reader.line_num}: {exc}") from None
    except UnicodeDecodeError:
        raise UnreadableFile(path, "the text changes encoding part way through (it is not UTF-8 throughout)") from None
    finally:
        fh.close()
    return ReadResult(kind="roster", rows=acc.take_columns(), notes=acc.notes)


def _codec_of(path: Path, head: bytes) -> str | None:
    """'utf-8-sig' when the file can be read as a stream of UTF-8 (its start decodes so, and so
    does the whole file: checked by one pass over the bytes); None when _decode must pick the
    encoding from the whole file."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4096]:
        return None
    try:
        with open(path, "rb") as fh:
            decoder = codecs.getincrementaldecoder("utf-8-sig")()
            for block in iter(lambda: fh.read(1 << 20), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return "utf-8-sig"


def _no_header_reason() -> str:
    return (
        f"no recognisable header row in the first {HEADER_SCAN_ROWS} rows (looked for columns such as "
        "Certificant ID, Name, Email, Course Number, Completion Date, CECs)"
    )


# --- workbooks -----------------------------------------------------------------------------------

@dataclass
class _Sheet:
    name: str
    hidden: bool
    first_row: int          # the row number Excel shows for rows[0]
    rows: list              # rectangular list of lists
    numbers: list[int] | None = None  # the row number of each of rows, when they are not consecutive
    source: tuple[Path, str, int] | None = None  # xlsx: (file, ZIP member, column of rows[k][0]), for raw cells
    rest: Iterator[list] | None = None  # a sheet read in blocks: the blocks of rows after `rows`, in order


# A sheet whose cells span more than this (rows x columns) is read cell by cell: python-calamine
# builds the whole rectangle, and one stray cell at XFD1048576 makes that 17 billion cells.
CELL_BUDGET = 30_000_000
# Day numbers 59 and 60 both come back from the spreadsheet libraries as 02/28/1900.
_SERIAL_60_LOOKALIKE = date(1900, 2, 28)

_XML_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _xml_attrs(tag: bytes) -> dict[str, str]:
    """The attributes of one XML start tag, keyed by local name (r:id is 'id')."""
    return {k.split(b":")[-1].decode("ascii", "replace"): html.unescape(v.decode("utf-8", "replace"))
            for k, v in _XML_ATTR.findall(tag)}


def _xlsx_sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the ZIP member holding its cells, from workbook.xml and its relationships."""
    names = {n.lower(): n for n in z.namelist()}
    book = next((n for low, n in names.items() if low.endswith("workbook.xml")), None)
    if book is None:
        return {}
    folder = book.rsplit("/", 1)[0] + "/" if "/" in book else ""
    rels_name = names.get(f"{folder}_rels/{book.rsplit('/', 1)[-1]}.rels".lower())
    targets = {}
    if rels_name:
        for tag in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", z.read(rels_name)[:4 << 20]):
            a = _xml_attrs(tag)
            if "Id" in a and "Target" in a:
                target = a["Target"].lstrip("/") if a["Target"].startswith("/") else folder + a["Target"]
                targets[a["Id"]] = target
    parts = {}
    for tag in re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", z.read(book)[:4 << 20]):
        a = _xml_attrs(tag)
        target = targets.get(a.get("id", ""))
        if "name" in a and target and target.lower() in names:
            parts[a["name"]] = names[target.lower()]
    return parts


def _over_cell_budget(z: zipfile.ZipFile, part: str) -> bool:
    """Whether a sheet spans more than CELL_BUDGET cells: by its <dimension> record, or by a scan of
    its cells when one lies past column AB (up to column AB no sheet can pass CELL_BUDGET, so a
    sheet without such a cell, and without a dimension record, is never scanned cell by cell)."""
    with z.open(part) as f:
        head = f.read(64 * 1024)
    m = re.search(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+[0-9]+)(?::([A-Z]+[0-9]+))?"', head)
    last = _CELL_REF.fullmatch((m[2] or m[1]).decode("ascii")) if m else None
    # The dimension may understate (a stray cell far out under "A1:E2"): the cells decide then.
    if not _cell_past_column_ab(z, part):
        return last is not None and int(last[2]) * _column_number(last[1]) > CELL_BUDGET
    rows = cols = 0
    pattern = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
    with z.open(part) as f:
        tail = b""
        while chunk := f.read(1 << 20):
            block = tail + chunk
            for letters, digits in pattern.findall(block):
                rows = max(rows, int(digits))
                cols = max(cols, _column_number(letters.decode("ascii")))
            tail = block[-256:]
    return rows * cols > CELL_BUDGET


# A cell reference past column AB (the literal start lets the search skip along quickly; an
# attribute that merely looks like one only costs the full scan).
_PAST_AB = re.compile(rb'r="(?:A[C-Z]|[B-Z][A-Z]|[A-Z]{3})[0-9]')


def _cell_past_column_ab(z: zipfile.ZipFile, part: str) -> bool:
    """Whether any cell of the sheet lies past column AB (one quick pass over its XML)."""
    with z.open(part) as f:
        tail = b""
        while chunk := f.read(1 << 20):
            block = tail + chunk
            if _PAST_AB.search(block):
                return True
            tail = block[-16:]
    return False


def _raw_cell_value(z: zipfile.ZipFile, part: str, ref: str) -> str | None:
    """The stored <v> text of one cell, before any library turned it into a date."""
    pattern = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="' + ref.encode("ascii") + rb'"[^>]*>(.*?)</(?:\w+:)?c>', re.S)
    with z.open(part) as f:
        tail = b""
        while chunk := f.read(1 << 20):
            block = tail + chunk
            m = pattern.search(block)
            if m:
                v = re.search(rb"<(?:\w+:)?v>([^<]*)</", m[1])
                return v[1].decode("ascii", "replace") if v else None
            tail = block[-4096:]
    return None


def _column_letters(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _restore_serial_60(sheet: _Sheet, start: int, columns: Sequence[int]) -> None:
    """Put back the day number 60 (02/29/1900, a day that never was) where a library made it 02/28/1900.

    Only the date columns of the rows from `start` on are looked at; the raw cell is read from
    the sheet's XML for each 02/28/1900 found (which is rare: no course is that old).
    """
    if sheet.source is None:
        return
    path, part, first_col = sheet.source
    rows = sheet.rows
    suspects = [(i, j) for j in columns for i in range(start, len(rows)) if rows[i][j] == _SERIAL_60_LOOKALIKE]
    if not suspects:
        return
    with zipfile.ZipFile(path) as z:
        for i, j in suspects:
            number = sheet.numbers[i] if sheet.numbers is not None else sheet.first_row + i
            raw = _raw_cell_value(z, part, f"{_column_letters(first_col + j)}{number}")
            with contextlib.suppress(TypeError, ValueError):
                if raw is not None and math.floor(float(raw)) == 60:
                    sheet.rows[i][j] = float(raw)  # normalize reports the serial as invalid_date


def _sparse_sheet(path: Path, name: str, hidden: bool) -> _Sheet:
    """A sheet read cell by cell (openpyxl, read-only), keeping only the rows and columns that hold values."""
    import openpyxl

    with open(path, "rb") as f:
        wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
        try:
            ws = wb[name]
            ws.reset_dimensions()  # the recorded extent is what made the sheet too large
            cells: list[tuple[int, list[tuple[int, object]]]] = []
            used: set[int] = set()
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                values = [(j, v) for j, v in enumerate(row) if v is not None and v != ""]
                if values:
                    cells.append((number, values))
                    used.update(j for j, _v in values)
        finally:
            wb.close()
    position = {j: k for k, j in enumerate(sorted(used))}
    rows, numbers = [], []
    for number, values in cells:
        row = [None] * len(position)
        for j, v in values:
            row[position[j]] = _as_date(v) if type(v) is datetime else v
        rows.append(row)
        numbers.append(number)
    return _Sheet(name, hidden, numbers[0] if numbers else 1, rows, numbers)


@contextlib.contextmanager
def _path_with_suffix(path: Path, fmt: str) -> Iterator[Path]:
    """python-calamine picks the format by extension: give it one that matches the content."""
    if path.suffix.lower() in _SUFFIXES_OF[fmt]:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="cec-roster-") as tmp:
        alias = Path(tmp) / ("book" + _CALAMINE_SUFFIX[fmt])
        try:
            alias.symlink_to(path.resolve())
        except OSError:
            alias.write_bytes(path.read_bytes())
        yield alias


def _is_panic(exc: BaseException) -> bool:
    return type(exc).__name__ == "PanicException"


def _xlsx_layout(path: Path) -> tuple[dict[str, str], set[str]]:
    """For an xlsx: each sheet's ZIP member, and the sheets too large to read as one rectangle."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = _xlsx_sheet_parts(z)
            wide = set()
            for name, part in parts.items():
                if _over_cell_budget(z, part):
                    wide.add(name)
            return parts, wide
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return {}, set()  # calamine reports the damage in its own terms


def _calamine_sheets(path: Path, fmt: str, notes: list[str], block_rows: int = 0) -> list[_Sheet]:
    """Every worksheet through python-calamine; with BLOCK_ROWS, each sheet's Python rows are made
    block by block as they are taken (see _Sheet.rest), not all at once."""
    import python_calamine as pc

    parts, wide = _xlsx_layout(path) if fmt == "xlsx" else ({}, set())
    sheets = []
    with _path_with_suffix(path, fmt) as alias:
        with pc.CalamineWorkbook.from_path(str(alias)) as wb:
            for meta in wb.sheets_metadata:
                if meta.typ != pc.SheetTypeEnum.WorkSheet:
                    notes.append(f'sheet "{meta.name}" is not a worksheet (skipped)')
                    continue
                hidden = meta.visible != pc.SheetVisibleEnum.Visible
                if meta.name in wide:
                    sheet = _sparse_sheet(path, meta.name, hidden)
                else:
                    grid = wb.get_sheet_by_name(meta.name)
                    start = grid.start  # the rows start at the first non-empty cell: see first_row
                    sheet = _Sheet(meta.name, hidden, (start[0] + 1) if start else 1, [])
                    if block_rows:
                        rows = grid.iter_rows()
                        sheet.rows = _header_rows(rows)
                        sheet.rest = _blocks(rows, block_rows)
                    else:
                        sheet.rows = grid.to_python()
                    if meta.name in parts:
                        sheet.source = (path, parts[meta.name], (start[1] + 1) if start else 1)
                sheets.append(sheet)
    return sheets


def _header_rows(rows: Iterator[list]) -> list[list]:
    """The first rows of a sheet, as far as find_header looks (HEADER_SCAN_ROWS non-blank rows)."""
    head, seen = [], 0
    for row in rows:
        head.append(row)
        if not all(_is_blank(c) for c in row):
            seen += 1
            if seen > HEADER_SCAN_ROWS:
                break
    return head


def _rows_after(sheet: _Sheet) -> Iterator[list]:
    """The rows of a sheet after `rows`, one by one, as its blocks are made (none for a sheet read whole)."""
    return itertools.chain.from_iterable(sheet.rest or ())


def _blocks(rows: Iterator[list], size: int) -> Iterator[list[list]]:
    while block := list(itertools.islice(rows, size)):
        yield block


def _pad(rows: list[list]) -> list[list]:
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        if len(r) < width:
            r.extend([None] * (width - len(r)))
    return rows


def _as_date(value: datetime):
    """A midnight datetime as a date, as python-calamine gives date-only cells."""
    if value.hour == value.minute == value.second == value.microsecond == 0:
        return value.date()
    return value


def _xlrd_sheets(path: Path) -> list[_Sheet]:
    import xlrd

    book = xlrd.open_workbook(str(path), on_demand=True, logfile=io.StringIO())
    sheets = []
    try:
        for i, name in enumerate(book.sheet_names()):
            sh = book.sheet_by_index(i)
            rows = []
            for r in range(sh.nrows):
                values = sh.row_values(r)
                for c, t in enumerate(sh.row_types(r)):
                    if t == xlrd.XL_CELL_DATE:
                        try:
                            values[c] = _as_date(xlrd.xldate.xldate_as_datetime(values[c], book.datemode))
                        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                            pass  # an impossible date stays a number; normalize reports it
                    elif t == xlrd.XL_CELL_BOOLEAN:
                        values[c] = bool(values[c])
                    elif t == xlrd.XL_CELL_ERROR:
                        values[c] = xlrd.error_text_from_code.get(values[c], "#ERROR")
                rows.append(values)
            sheets.append(_Sheet(name, sh.visibility != 0, 1, _pad(rows)))
            book.unload_sheet(i)
    finally:
        book.release_resources()
    return sheets


def _openpyxl_sheets(path: Path) -> list[_Sheet]:
    import openpyxl

    with open(path, "rb") as f:
        wb = openpyxl.load_workbook(f, data_only=True)
        sheets = []
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows(min_row=1, min_col=1, values_only=True):
                rows.append([_as_date(v) if type(v) is datetime else v for v in row])
            sheets.append(_Sheet(ws.title, ws.sheet_state != "visible", 1, _pad(rows)))
        wb.close()
    return sheets


_OLE_OTHERS = (("WordDocument", "an old Word document (.doc)"), ("PowerPoint Document", "an old PowerPoint file (.ppt)"),
               ("__substg1.0_", "an Outlook message (.msg)"))


def _ole_document_kind(path: Path) -> str | None:
    """What an OLE file is when it holds no workbook: its directory names a Word or PowerPoint stream."""
    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            if m.find("Workbook".encode("utf-16-le")) != -1 or m.find("Book".encode("utf-16-le")) != -1:
                return None
            for stream, what in _OLE_OTHERS:
                if m.find(stream.encode("utf-16-le")) != -1:
                    return what
    except (OSError, ValueError):
        return None
    return None


def _ole_is_encrypted_package(path: Path) -> bool:
    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return m.find(_ENCRYPTED_PACKAGE) != -1
    except (OSError, ValueError):
        return False


def _load_sheets(path: Path, fmt: str, notes: list[str], block_rows: int = 0) -> list[_Sheet]:
    """Every sheet's cells: python-calamine first (in blocks, see _calamine_sheets), another library
    only where calamine refuses."""
    import python_calamine as pc

    if fmt == "biff":  # BIFF2-4 without an OLE container: only xlrd reads these
        try:
            return _xlrd_sheets(path)
        except Exception as exc:  # noqa: BLE001 - any failure of the library means "cannot read"
            raise UnreadableFile(path, f"corrupt or unsupported old Excel file ({describe(exc)})") from None
    if fmt == "xls" and _ole_is_encrypted_package(path):
        raise UnreadableFile(path, PASSWORD_PROTECTED)
    try:
        return _calamine_sheets(path, fmt, notes, block_rows)
    except pc.PasswordError:
        raise UnreadableFile(path, PASSWORD_PROTECTED) from None
    except BaseException as exc:  # noqa: BLE001 - PanicException is a BaseException
        if not (isinstance(exc, (pc.CalamineError, OSError, ValueError)) or _is_panic(exc)):
            raise
        calamine_error = exc
    reason = describe(calamine_error)
    if "cell limit" in reason.lower():  # "Cell limit exceeded": other libraries would only choke on it
        raise UnreadableFile(path, f"the workbook is too large to read ({reason})")
    if fmt == "xls":
        try:
            return _xlrd_sheets(path)
        except Exception as exc:  # noqa: BLE001
            if "encrypted" in str(exc).lower():
                raise UnreadableFile(path, PASSWORD_PROTECTED) from None
    elif fmt == "xlsx":
        try:
            sheets = _openpyxl_sheets(path)
        except Exception:  # noqa: BLE001
            sheets = None
        if sheets:
            return sheets
    if _is_panic(calamine_error):
        raise UnreadableFile(path, f"the spreadsheet library crashed reading it ({reason})")
    what = {"xlsb": "Excel binary (.xlsb) workbook", "ods": "OpenDocument spreadsheet"}.get(fmt, "workbook")
    raise UnreadableFile(path, f"corrupt or unsupported {what} ({reason})")


def iter_workbook_roster(path: Path, fmt: str, limits: Limits, sheet_names: Sequence[str] | None = None, *,
                         chunk_rows: int = 0) -> Iterator[dict[str, list]]:
    """A workbook roster as chunks of at most CHUNK_ROWS rows (0: none, all rows in the result),
    like iter_csv_roster; returns the ReadResult with the notes (and the rows not yet handed over)."""
    acc = _Accumulator(limits, path)
    sheets = _load_sheets(path, fmt, acc.notes, chunk_rows)
    if not sheets:
        raise UnreadableFile(path, "the workbook has no worksheets that could be read")
    if sheet_names is not None:
        wanted = list(sheet_names)
        missing = [n for n in wanted if n not in {s.name for s in sheets}]
        if missing:
            raise UnreadableFile(
                path, f'no sheet named "{missing[0]}" (sheets: {", ".join(s.name for s in sheets)})'
            )
        sheets = [s for s in sheets if s.name in wanted]
    outcomes = []
    while sheets:
        # Each grid is let go once its rows are taken.
        outcomes.append((yield from _take_sheet(acc, sheets.pop(0), chunk_rows)))
    if "header" not in outcomes:
        if "no header" in outcomes:
            raise UnreadableFile(path, _no_header_reason() + " of any sheet")
        acc.notes.append("the workbook holds no rows")
    return ReadResult(kind="roster", rows=acc.take_columns(), notes=acc.notes)


def _take_sheet(acc: _Accumulator, sheet: _Sheet, chunk_rows: int) -> Iterator[dict[str, list]]:
    """Take one sheet's rows below its header, block by block, handing over a chunk whenever
    CHUNK_ROWS rows are waiting (if CHUNK_ROWS); returns 'header', 'no header' (rows but no header)
    or 'empty'."""
    rows = sheet.rows
    where = f'sheet "{sheet.name}" '
    header = find_header(rows)
    has_rows = header is not None or any(not all(_is_blank(c) for c in r)
                                         for r in itertools.chain(rows, _rows_after(sheet)))
    if sheet.hidden and has_rows:
        acc.notes.append(f"{where}is hidden; its rows were read too")
    if header is None:
        if has_rows:
            acc.notes.append(f"{where}has rows but no recognisable header row (skipped)")
            return "no header"
        return "empty"
    acc.notes.extend(_header_notes(header, where))
    dates = [header.columns[f] for f in ("completion_date", "birth_date") if f in header.columns]
    numbers = sheet.numbers[header.index + 1:] if sheet.numbers is not None else None
    first = sheet.first_row + header.index + 1
    for data in itertools.chain([rows[header.index + 1:]], sheet.rest or ()):
        block = _Sheet(sheet.name, sheet.hidden, first, data, numbers, sheet.source)
        _restore_serial_60(block, 0, dates)
        with _collector_paused():
            acc.add(header, data, numbers if numbers is not None else range(first, first + len(data)),
                    rectangular=True, sheet=sheet.name)
        first += len(data)
        if chunk_rows and acc.pending >= chunk_rows:
            yield acc.take_columns()
    if chunk_rows and acc.pending:
        yield acc.take_columns()
    return "header"


# --- entry point ---------------------------------------------------------------------------------

_FORMAT_NAMES = {"xlsx": "an Excel workbook (.xlsx)", "xlsb": "an Excel binary workbook (.xlsb)",
                 "ods": "an OpenDocument spreadsheet (.ods)", "xls": "an Excel 97-2003 workbook (.xls)",
                 "biff": "an Excel 2.0-95 workbook (.xls)", "csv": "a text (CSV) file"}
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


def format_note(path: Path, fmt: str) -> str | None:
    """What the file really is, when its name says otherwise (for the provider's feedback)."""
    suffix = path.suffix.lower()
    if fmt == "csv":
        if suffix in _TEXT_SUFFIXES or not suffix:
            return None
    elif suffix in _SUFFIXES_OF.get(fmt, ()) or (fmt == "biff" and suffix == ".xls"):
        if fmt == "xlsx" and not _has_content_types(path):
            return ("the file is named .xlsx but lacks the part every Excel workbook has ([Content_Types].xml): "
                    "it was written by another program or damaged; it was read from its sheets")
        return None
    shown = suffix or "without an extension"
    return (f"the file is really {_FORMAT_NAMES.get(fmt, fmt)} although it is named {shown}; "
            f"it was read as what it is")


def _has_content_types(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return any(n.lower() == "[content_types].xml" for n in z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return True


def streamable(path: Path) -> bool:
    """Whether PATH is a roster that can be read in chunks: a workbook, or a CSV without a CR alone
    somewhere (such a file may have to be read a second time with other line ends, see _read_csv,
    so it is read whole)."""
    try:
        fmt = detect_format(Path(path))
        return fmt != "csv" or not csv_line_ends(Path(path))[1]
    except (UnreadableFile, OSError):
        return False


def stream_roster(path: Path, *, limits: Limits, chunk_rows: int = 50_000) -> Iterator[dict[str, list]]:
    """read_roster in chunks of at most CHUNK_ROWS rows (lists by field, see iter_csv_roster and
    iter_workbook_roster); returns the ReadResult with the notes and no rows (None)."""
    path = Path(path)
    check_file_size(path, limits)
    fmt = detect_format(path)
    try:
        if fmt == "csv":
            result = yield from iter_csv_roster(path, limits, chunk_rows=chunk_rows, lf_lines=csv_line_ends(path)[0])
        else:
            result = yield from iter_workbook_roster(path, fmt, limits, chunk_rows=chunk_rows)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read the file ({exc.strerror or exc})") from None
    if result.rows["location"]:  # rows kept to the end are handed over too
        yield result.rows
    result.rows = None
    return _with_format_note(result, path, fmt)


def read_roster(path: Path, *, limits: Limits, sheet_names: Sequence[str] | None = None) -> ReadResult:
    """Read a roster (xlsx, xlsm, xls, ods, xlsb or CSV, recognised by content) into raw rows.

    rows: a DataFrame with the columns of model.ROW_FIELDS, all of dtype object; `location` is
    "row N" (CSV line) or "row N (Sheet)" (Excel row number). Raises UnreadableFile.
    """
    path = Path(path)
    check_file_size(path, limits)
    fmt = detect_format(path)
    if fmt == "csv":
        try:
            result = _read_csv(path, limits)
        except OSError as exc:
            raise UnreadableFile(path, f"cannot read the file ({exc.strerror or exc})") from None
    else:
        result = _joined(iter_workbook_roster(path, fmt, limits, sheet_names))
    return _with_format_note(result, path, fmt)


def _with_format_note(result: ReadResult, path: Path, fmt: str) -> ReadResult:
    result.format_note = format_note(path, fmt)
    if result.format_note:
        result.notes = [result.format_note, *result.notes]
    return result
