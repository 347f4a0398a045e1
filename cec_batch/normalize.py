"""Course numbers, dates, stated CECs, names, emails and IDs: pure functions used on every row and page.

Each function takes a raw cell as a reader delivers it (str, number, date, None,
NaN) and returns plain values. A value that cannot be used comes back with a
`problem`: one sentence for staff that names the value, says what is wrong and,
where it helps, what to do. Nothing here raises on bad input.

These run up to a few hundred thousand times per file, so the common clean case
is a precompiled regular expression and string parsing is memoised (the same
dates and course numbers repeat down a roster).
"""

from __future__ import annotations

import math
import numbers
import operator
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "CourseNumber",
    "ParsedDate",
    "ParsedCeus",
    "COURSE_PREFIXES",
    "is_blank",
    "normalize_course_number",
    "parse_date",
    "parse_ceus",
    "name_tokens",
    "split_name",
    "first_names_compatible",
    "name_key",
    "first_name_forms",
    "soundex",
    "person_keys",
    "normalize_email",
    "normalize_id",
]

# Characters that are invisible in a cell but break a comparison (copied from web
# pages and PDFs): zero-width space/non-joiner/joiner, word joiner, BOM.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH}]")
_STRIP_CHARS = " \t\r\n\v\f\u00a0\u2007\u202f\u3000" + ZERO_WIDTH

_MAX_SHOWN = 40  # longest value quoted in full in a problem sentence


_EDGES_RE = re.compile(f"^[\\s{ZERO_WIDTH}]+|[\\s{ZERO_WIDTH}]+$")


def as_shown(raw, limit: int | None = None) -> str:
    """A raw value as quoted to people (problem sentences, exception data): text, stripped, cut short past LIMIT."""
    if raw is None:
        return ""
    if isinstance(raw, float):
        if raw != raw:
            return ""
        if raw.is_integer():
            return str(int(raw))  # a spreadsheet's 23456.0 was typed as 23456
    text = _EDGES_RE.sub("", str(raw))
    if limit is not None and len(text) > limit:
        return text[: limit - 3] + "..."
    return text


def _number_text(x) -> str:
    """A number as a clerk would read it in a cell: 23456.0 is "23456"."""
    if isinstance(x, float) and math.isfinite(x) and x.is_integer():
        return str(int(x)) if abs(x) < 1e16 else repr(x)  # 1e+308, not its 309 digits
    if isinstance(x, Decimal) and x.is_finite() and x == x.to_integral_value():
        return str(int(x))
    return str(x)


# --------------------------------------------------------------------------- blanks

_NULL_TYPE_NAMES = frozenset({"NaTType", "NAType"})  # pandas.NaT, pandas.NA without importing pandas


def _blank_text(value: str) -> bool:
    if value.isascii():
        return not value.strip()
    return not _ZERO_WIDTH_RE.sub("", value).strip()


def is_blank(value) -> bool:
    """True for an empty cell: None, NaN, NaT, pandas NA, or text that is only white space."""
    if value is None:
        return True
    cls = value.__class__
    if cls is str:
        return _blank_text(value)
    if cls is float:
        return value != value
    if cls is int or cls is date or cls is datetime:
        return False
    if isinstance(value, str):
        return _blank_text(value)
    if cls.__name__ in _NULL_TYPE_NAMES:
        return True
    try:
        # NaN of any numeric type (numpy.float32, Decimal) and numpy.datetime64("NaT")
        # are the values that differ from themselves.
        return bool(value != value)
    except (TypeError, ValueError, ArithmeticError):
        return False


# --------------------------------------------------------------------------- course numbers (R7)

COURSE_PREFIXES = ("CEP", "CP", "CA", "CS", "CL")  # longest first: CEP before C-anything
_PREFIX_LIST = "CEP, CP, CA, CS or CL"
_CHECK_LETTER = "check the provider's approval letter"

_CLEAN_COURSE_RE = re.compile(r"(?:CEP|CP|CA|CS|CL)[0-9]{5,6}", re.ASCII)
# Dropped before checking (R7): white space, hyphens, dots; after NFKC also every
# Unicode dash (category Pd) and the minus sign.
_COURSE_DROP_RE = re.compile(r"[\s.\-\u2010-\u2015\u2212\u058a\u05be\u1806\u2e17\u2e1a\u2e3a\u2e3b"
                             r"\u2e40\u301c\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d]+")
# Look-alikes an OCR engine puts where a digit was printed (R7: O/0, I/l/1, S/5, B/8).
_OCR_DIGITS = {
    "O": "0", "o": "0", "Q": "0", "D": "0",
    "I": "1", "l": "1", "|": "1", "i": "1",
    "S": "5", "s": "5",
    "B": "8",
    "Z": "2",
}
_MAX_COURSE_TEXT = 100  # longer text is not a course number and is not memoised


class CourseNumber(NamedTuple):
    """A normalised course number (R7), or the problem that stops it being one."""

    value: str | None
    problem: str | None
    corrections: tuple[str, ...] = ()


_NO_COURSE = CourseNumber(None, "no course number", ())


def normalize_course_number(raw, *, ocr: bool = False) -> CourseNumber:
    """Fold a course number cell to `CA23456` form (R7); `ocr=True` also repairs look-alikes in the digit part."""
    if raw.__class__ is str:
        if len(raw) > _MAX_COURSE_TEXT:
            return _long_course_text(raw)
        return _course_from_text(raw, bool(ocr))
    if is_blank(raw):
        return _NO_COURSE
    if isinstance(raw, bool):
        text = str(raw)
    elif isinstance(raw, (numbers.Number, Decimal)):
        # A cell holding 23456.0: the provider typed the digits and dropped the prefix.
        text = _number_text(raw)
    else:
        text = str(raw)
    if len(text) > _MAX_COURSE_TEXT:
        return _long_course_text(text)
    return _course_from_text(text, bool(ocr))


def _long_course_text(text: str) -> CourseNumber:
    if is_blank(text):
        return _NO_COURSE
    return CourseNumber(None, f'course number "{as_shown(text, _MAX_SHOWN)}" is too long to be a course number; {_CHECK_LETTER}', ())


@lru_cache(maxsize=65536)
def _course_from_text(text: str, ocr: bool) -> CourseNumber:
    if _CLEAN_COURSE_RE.fullmatch(text):
        return CourseNumber(text, None, ())
    shown = as_shown(text, _MAX_SHOWN)
    folded = text
    if not folded.isascii():
        folded = unicodedata.normalize("NFKC", _ZERO_WIDTH_RE.sub("", folded))
    folded = _COURSE_DROP_RE.sub("", folded)
    if not folded:
        return _NO_COURSE
    if not folded.isascii():
        # Look-alike letters from other scripts are not folded (contract: Cyrillic С is not C).
        bad = next(c for c in folded if not c.isascii())
        what = unicodedata.name(bad, "unnamed character")
        return CourseNumber(
            None,
            f'course number "{shown}" contains "{bad}" (U+{ord(bad):04X} {what}), which is not a Latin letter '
            f"or a digit; retype it from the provider's approval letter",
            (),
        )
    head = folded[:3].upper()
    prefix = next((p for p in COURSE_PREFIXES if head.startswith(p)), None)
    if prefix is None:
        if folded.isdigit():
            return CourseNumber(
                None,
                f'course number "{shown}" has no prefix (expected {_PREFIX_LIST} before the digits); {_CHECK_LETTER}',
                (),
            )
        return CourseNumber(None, f'course number "{shown}" does not start with {_PREFIX_LIST}; {_CHECK_LETTER}', ())
    digits = folded[len(prefix):]
    corrections: tuple[str, ...] = ()
    if ocr and digits and not digits.isdigit():
        # R7: repair only inside the digit part, and say so.
        fixed = "".join(_OCR_DIGITS.get(c, c) for c in digits)
        if fixed != digits:
            swaps: list[str] = []
            for c in digits:
                if c in _OCR_DIGITS:
                    swap = f"{c}->{_OCR_DIGITS[c]}"
                    if swap not in swaps:
                        swaps.append(swap)
            corrections = (f'digit part "{digits}" read as "{fixed}" (OCR: {", ".join(swaps)})',)
            digits = fixed
    if not digits:
        return CourseNumber(
            None, f'course number "{shown}" has no digits (expected 5 or 6 after {prefix}); {_CHECK_LETTER}', corrections
        )
    if not digits.isdigit():
        return CourseNumber(
            None,
            f'course number "{shown}" has characters other than digits after {prefix} ("{digits}"); {_CHECK_LETTER}',
            corrections,
        )
    if not 5 <= len(digits) <= 6:
        return CourseNumber(
            None,
            f'course number "{shown}" has {len(digits)} digits (expected 5 or 6 after {prefix}); {_CHECK_LETTER}',
            corrections,
        )
    return CourseNumber(prefix + digits, None, corrections)


# --------------------------------------------------------------------------- dates (R15)


class ParsedDate(NamedTuple):
    """A completion date (R15), or the problem that stops it being one."""

    value: date | None
    problem: str | None


_NO_DATE = ParsedDate(None, "no completion date")
_MIN_YEAR = 1900

# Spreadsheet serials, 1900 system. Serial 60 is 1900-02-29, a day that never was
# (kept by spreadsheets for Lotus 1-2-3 compatibility); serials below it count
# from 1899-12-31, those above it from 1899-12-30. 2958465 is 9999-12-31.
_SERIAL_EPOCH_LOW = date(1899, 12, 31)
_SERIAL_EPOCH_HIGH = date(1899, 12, 30)
_SERIAL_MAX = 2958465

_TIME = r"(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_US_DATE_RE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})" + _TIME, re.ASCII)
_YEAR_FIRST_RE = re.compile(r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})" + _TIME, re.ASCII)
_LONG_YEAR_RE = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{5,}|\d{5,}[/.\-]\d{1,2}[/.\-]\d{1,2}", re.ASCII)
_WRITTEN_CHARS_RE = re.compile(r"[A-Za-z0-9 ,./\-]+", re.ASCII)
_WORD_OR_NUMBER_RE = re.compile(r"[a-z]+|[0-9]+", re.ASCII)

_MONTHS = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS = frozenset({
    "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
    "friday", "fri", "saturday", "sat", "sunday", "sun",
})
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_FILLERS = frozenset({"of", "the"})
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def parse_date(raw) -> ParsedDate:
    """Read a completion date cell (R15): MM/DD/YYYY text, a date cell, ISO, a written date or a spreadsheet serial."""
    cls = raw.__class__
    if cls is str:
        return _date_from_text(raw)
    if cls is date:
        return _checked_date(raw)
    if is_blank(raw):
        return _NO_DATE
    if isinstance(raw, datetime):  # includes pandas.Timestamp
        return _checked_date(raw.date())
    if isinstance(raw, date):
        return _checked_date(date(raw.year, raw.month, raw.day))
    if isinstance(raw, str):
        return _date_from_text(str(raw))
    if isinstance(raw, bool):
        return ParsedDate(None, f'date "{raw}" is not MM/DD/YYYY')
    if isinstance(raw, (numbers.Real, Decimal)):
        return _date_from_serial(raw)
    if cls.__name__ == "datetime64":  # numpy.datetime64
        day = raw.astype("datetime64[D]").item()
        if isinstance(day, date):
            return _checked_date(day)
        return ParsedDate(None, f'date "{raw}" is past the year 9999')
    return _date_from_text(str(raw))


@lru_cache(maxsize=4096)
def _checked_date(day: date) -> ParsedDate:
    if day.year < _MIN_YEAR:
        return ParsedDate(None, f'date "{day:%m/%d}/{day.year:04d}" is before {_MIN_YEAR}')
    return ParsedDate(day, None)


def _date_from_serial(raw) -> ParsedDate:
    """A spreadsheet serial day number (1900 date system); a fraction is the time of day."""
    try:
        serial = float(raw)
    except (TypeError, ValueError, OverflowError, InvalidOperation):
        return ParsedDate(None, f'date "{raw}" is not MM/DD/YYYY')
    shown = _number_text(raw)
    if not math.isfinite(serial):
        return ParsedDate(None, f"date cell holds {shown}, which is not a date")
    day_number = math.floor(serial)
    if day_number <= 0:
        return ParsedDate(None, f"date cell holds the spreadsheet serial {shown}, which is not a date")
    if day_number == 60:
        return ParsedDate(None, f"date cell holds the spreadsheet serial {shown}, 02/29/1900, which does not exist")
    if day_number > _SERIAL_MAX:
        return ParsedDate(None, f"date cell holds the spreadsheet serial {shown}, which is past the year 9999")
    epoch = _SERIAL_EPOCH_LOW if day_number < 60 else _SERIAL_EPOCH_HIGH
    return ParsedDate(epoch + timedelta(days=day_number), None)


def _make_date(year: int, month: int, day: int, shown: str) -> ParsedDate:
    if year < _MIN_YEAR:
        return ParsedDate(None, f'date "{shown}" is before {_MIN_YEAR}')
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return ParsedDate(None, f'date "{shown}" does not exist')
    try:
        return ParsedDate(date(year, month, day), None)
    except ValueError:  # 29 February of a year that is not a leap year
        return ParsedDate(None, f'date "{shown}" does not exist')


@lru_cache(maxsize=65536)
def _date_from_text(text: str) -> ParsedDate:
    s = text.strip(_STRIP_CHARS)
    if not s.isascii():
        s = unicodedata.normalize("NFKC", _ZERO_WIDTH_RE.sub("", s)).strip()
    if not s:
        return _NO_DATE
    shown = as_shown(s, _MAX_SHOWN)
    m = _US_DATE_RE.fullmatch(s)
    if m:
        month, day, year_text = int(m[1]), int(m[3]), m[4]
        year = int(year_text) + 2000 if len(year_text) == 2 else int(year_text)
        if not 1 <= month <= 12:
            if 1 <= day <= 12 and month <= 31:
                # Day first (25/03/2026): not swapped silently, the provider must say which.
                return ParsedDate(
                    None,
                    f'date "{shown}" is not MM/DD/YYYY ({month} is not a month; the date looks day-first: '
                    f"check it with the provider)",
                )
            return ParsedDate(None, f'date "{shown}" is not MM/DD/YYYY')
        return _make_date(year, month, day, shown)
    m = _YEAR_FIRST_RE.fullmatch(s)
    if m:
        return _make_date(int(m[1]), int(m[3]), int(m[4]), shown)
    if _LONG_YEAR_RE.fullmatch(s):
        return ParsedDate(None, f'date "{shown}" is past the year 9999')
    if _WRITTEN_CHARS_RE.fullmatch(s) and not s.isdigit():
        written = _written_date(s, shown)
        if written is not None:
            return written
    return ParsedDate(None, f'date "{shown}" is not MM/DD/YYYY')


def _written_date(s: str, shown: str) -> ParsedDate | None:
    """`March 5, 2026`, `Sept. 5th 2026`, `5 March 2026`, `5-Mar-26`; None when it is not one."""
    tokens = _WORD_OR_NUMBER_RE.findall(s.lower())
    if tokens and tokens[0] in _WEEKDAYS:
        tokens = tokens[1:]
    kept: list[str] = []
    for tok in tokens:
        if tok in _FILLERS or (tok in _ORDINALS and kept and kept[-1].isdigit()):
            continue
        kept.append(tok)
    if len(kept) != 3:
        return None
    a, b, year_text = kept
    if a in _MONTHS and b.isdigit():
        month, day_text = _MONTHS[a], b
    elif b in _MONTHS and a.isdigit():
        month, day_text = _MONTHS[b], a
    else:
        return None
    if not year_text.isdigit() or len(day_text) > 2:
        return None
    if len(year_text) > 4:
        return ParsedDate(None, f'date "{shown}" is past the year 9999')
    if len(year_text) == 2:
        year = int(year_text) + 2000
    elif len(year_text) == 4:
        year = int(year_text)
    else:
        return None
    return _make_date(year, month, int(day_text), shown)


# --------------------------------------------------------------------------- stated CECs


class ParsedCeus(NamedTuple):
    """A stated CEC value as a Decimal, or the problem with it; blank is (None, None)."""

    value: Decimal | None
    problem: str | None


_NO_CEUS = ParsedCeus(None, None)
_CEUS_RE = re.compile(
    r"([+-]?)\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+|[0-9]+,[0-9]{1,2})\.?"
    r"\s*(?:(?:cecs?|ceus?|credits?)(?:'s)?\.?)?",
    re.ASCII | re.IGNORECASE,
)


def parse_ceus(raw) -> ParsedCeus:
    """Read a stated CEC value: a number, `0.8`, `0,8`, `0.8 CECs`; blank is not a problem."""
    cls = raw.__class__
    if cls is str:
        return _ceus_from_text(raw)
    if cls is float:
        return _NO_CEUS if raw != raw else _ceus_from_float(raw)  # NaN never hits a cache
    if raw is None or is_blank(raw):
        return _NO_CEUS
    if isinstance(raw, bool):
        return ParsedCeus(None, f'stated CECs "{raw}" is not a number')
    if isinstance(raw, numbers.Integral):
        return _positive(Decimal(int(raw)), str(int(raw)))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            return ParsedCeus(None, f'stated CECs "{raw}" is not a number')
        return _positive(raw, _number_text(raw))
    if isinstance(raw, numbers.Real):
        x = float(raw)
        return _NO_CEUS if x != x else _ceus_from_float(x)
    if isinstance(raw, str):
        return _ceus_from_text(str(raw))
    return ParsedCeus(None, f'stated CECs "{as_shown(str(raw), _MAX_SHOWN)}" is not a number')


@lru_cache(maxsize=4096)
def _ceus_from_float(x: float) -> ParsedCeus:
    if not math.isfinite(x):
        return ParsedCeus(None, f'stated CECs "{x}" is not a number')
    # A float cell holds binary noise (0.30000000000000004): round before Decimal.
    return _positive(Decimal(str(round(x, 4))), _number_text(x))


# No course is worth this many CECs: a larger stated value is a typing slip or a hostile cell
# (1e308), judged like a value that is not a number, so that it never reaches the arithmetic.
MAX_STATED_CEUS = Decimal(10000)


def _positive(value: Decimal, shown: str) -> ParsedCeus:
    if value <= 0:
        return ParsedCeus(None, f'stated CECs "{shown}" is not positive')
    if value >= MAX_STATED_CEUS:
        return ParsedCeus(None, f'stated CECs "{shown}" is not a credible number of CECs ({MAX_STATED_CEUS} or more)')
    return ParsedCeus(value, None)


@lru_cache(maxsize=4096)
def _ceus_from_text(text: str) -> ParsedCeus:
    s = text.strip(_STRIP_CHARS)
    if not s.isascii():
        s = unicodedata.normalize("NFKC", _ZERO_WIDTH_RE.sub("", s)).replace("\u2212", "-").strip()
    if not s:
        return _NO_CEUS
    shown = as_shown(s, _MAX_SHOWN)
    m = _CEUS_RE.fullmatch(s)
    if not m:
        return ParsedCeus(None, f'stated CECs "{shown}" is not a number')
    value = Decimal(m[2].replace(",", "."))
    if m[1] == "-":
        value = -value
    return _positive(value, shown)


# --------------------------------------------------------------------------- names (R17)

# Honorifics and generational suffixes a clerk ignores (R17).
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_IGNORED_TOKENS = _HONORIFICS | _SUFFIXES
# Letters that NFKD does not take apart (stroked and ligature letters), after casefold.
_LETTER_FOLDS = str.maketrans({
    "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i", "ħ": "h",
    "ŀ": "l",
})
# Apostrophes join (O'Brien is obrien); they go before NFKD, which would turn ´ into a space.
_APOSTROPHES_RE = re.compile("['\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\u2032]")
_NAME_SPLIT_RE = re.compile(r"[\W_]+")
_CLEAN_NAME_RE = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,})*", re.ASCII)


@lru_cache(maxsize=131072)
def _tokens_of_text(text: str) -> tuple[str, ...]:
    if _CLEAN_NAME_RE.fullmatch(text):
        words = text.lower().split(" ")
    else:
        s = _APOSTROPHES_RE.sub("", _ZERO_WIDTH_RE.sub("", text.casefold())).translate(_LETTER_FOLDS)
        if not s.isascii():
            s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
            s = s.casefold().translate(_LETTER_FOLDS)  # NFKD may bring back capitals (full-width, ligatures)
        words = _NAME_SPLIT_RE.split(s)
    return tuple(w for w in words if len(w) > 1 and w not in _IGNORED_TOKENS)


def name_tokens(s) -> tuple[str, ...]:
    """A name as a clerk compares it (R17): lower case, no accents or punctuation, no initials, titles or suffixes."""
    if s.__class__ is str:
        return _tokens_of_text(s)
    if is_blank(s):
        return ()
    return _tokens_of_text(str(s))


def _credentials_after_comma(before: str, after: str) -> bool:
    """ "Jane Doe, CPT" or "Jane Doe, M.S., CSCS": capitals after a comma that follows a mixed-case name.

    An all-capitals roster ("DOE, JANE") is still `Last, First`: the part before the
    comma has no lower-case letter there.
    """
    letters = [c for c in after if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and any(c.islower() for c in before)


@lru_cache(maxsize=65536)
def _splits_of_text(full: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    if "," in full:
        before, _, after = full.partition(",")
        first = _tokens_of_text(after)
        last = _tokens_of_text(before)
        if first and last and not _credentials_after_comma(before, after):
            return ((first, last),)
        # "John Smith, Jr.", "Smith, J." or "Jane Doe, CPT": nothing usable after the
        # comma, so one side is the whole name in first-last order.
        tokens = last or first
    else:
        tokens = _tokens_of_text(full)
    return tuple((tokens[:k], tokens[k:]) for k in range(1, len(tokens)))


def split_name(full) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The possible (first, last) token splits of a one-column name: `Last, First` or `First [Middle] Last`."""
    if full.__class__ is not str:
        if is_blank(full):
            return []
        full = str(full)
    return list(_splits_of_text(full))


_nickname_tables: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None


def _nicknames() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The nickname and canonical-name tables of the `nicknames` package, loaded once."""
    global _nickname_tables
    if _nickname_tables is None:
        from nicknames import NickNamer

        namer = NickNamer()
        _nickname_tables = (namer.nickname_lookup, namer.canonical_lookup)
    return _nickname_tables


@lru_cache(maxsize=65536)
def _compatible(a: str, b: str) -> bool:
    nicks, canonicals = _nicknames()
    if b in nicks.get(a, ()) or a in nicks.get(b, ()):
        return True
    ca = canonicals.get(a)
    cb = canonicals.get(b)
    return bool(ca and cb and not ca.isdisjoint(cb))


def first_names_compatible(a: str, b: str) -> bool:
    """Whether two normalised first-name tokens can be the same person: equal, or nicknames per the `nicknames` package."""
    if a == b:
        return bool(a)
    if not a or not b:
        return False
    if a > b:
        a, b = b, a
    return _compatible(a, b)


def first_name_forms(a: str) -> frozenset[str]:
    """Every first-name token B with first_names_compatible(A, B): A itself and its nickname relatives.

    The registry is searched for these forms through an index (store.registry), so the set
    must be exactly the compatible names, no fewer (tests check it against the tables).
    """
    if not a:
        return frozenset()
    nicks, canonicals = _nicknames()
    forms = {a, *nicks.get(a, ()), *canonicals.get(a, ())}
    for c in canonicals.get(a, ()):
        forms.update(nicks.get(c, ()))
    return frozenset(forms)


_SOUNDEX = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
            "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}


@lru_cache(maxsize=65536)
def soundex(text: str) -> str:
    """American Soundex of the letters of TEXT (a normalised name): "smith" and "smyth" give "s530"."""
    letters = [c for c in text if "a" <= c <= "z"]
    if not letters:
        return ""
    out, last = [letters[0]], _SOUNDEX.get(letters[0], "")
    for c in letters[1:]:
        code = _SOUNDEX.get(c, "")
        if code and code != last:
            out.append(code)
            if len(out) == 4:
                break
        if c not in "hw":  # h and w do not separate equal codes; vowels do
            last = code
    return "".join(out).ljust(4, "0")


def person_keys(first_name, last_name) -> tuple[str, str, str, str]:
    """The registry's blocking keys of a person (stored with each certificant, see tables.certificants).

    surname_key: the surname's tokens joined ("van der Berg" -> "vanderberg"): the exact-name block;
    first_key: the first token of the first name, compared through its nickname forms;
    sound_key: Soundex of the surname and the first name's initial; first_sound: Soundex of the first
    name and the surname's initial. The two sound keys are the blocks searched for similar names.
    A key that cannot be formed is "" (never looked up).
    """
    return _person_keys(first_name, last_name) if first_name.__class__ is str and last_name.__class__ is str \
        else _keys_of(name_tokens(first_name), name_tokens(last_name))


@lru_cache(maxsize=65536)
def _surname_part(last_name: str) -> tuple[str, str]:
    surname = "".join(_tokens_of_text(last_name))
    return surname, soundex(surname)


@lru_cache(maxsize=65536)
def _first_part(first_name: str) -> tuple[str, str]:
    pf = _tokens_of_text(first_name)
    first = pf[0] if pf else ""
    return first, soundex(first)


def _person_keys(first_name: str, last_name: str) -> tuple[str, str, str, str]:
    surname, sound = _surname_part(last_name)
    first, first_sound = _first_part(first_name)
    if not (surname and first):
        return surname, first, "", ""
    return surname, first, f"{sound}{first[0]}", f"{first_sound}{surname[0]}"


def person_key_columns(first_names: list[str], last_names: list[str]) -> list[list[str]]:
    """person_keys of each (first, last) pair of text, as four columns; each distinct name worked out once.

    For a registry's worth of names (`load`), a chunk at a time: the per-name work goes through the
    same caches as person_keys (a later chunk finds most names there), the per-row work is C loops.
    """
    def parts(part, names: list[str]) -> list[tuple[str, str, str]]:
        """Each name's (key, Soundex, initial), worked out once per distinct name."""
        known = {name: (key, sound, key[:1]) for name in set(names) for key, sound in [part(name)]}
        return list(map(known.__getitem__, names))

    surnames, firsts = parts(_surname_part, last_names), parts(_first_part, first_names)
    key, sound, initial = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)
    surname, first = list(map(key, surnames)), list(map(key, firsts))
    sound_key = list(map(operator.add, map(sound, surnames), map(initial, firsts)))
    first_sound = list(map(operator.add, map(sound, firsts), map(initial, surnames)))
    if "" in surname or "" in first:  # without both names there is no sound key (as in person_keys)
        for k in (k for k, (s, f) in enumerate(zip(surname, first)) if not (s and f)):
            sound_key[k] = first_sound[k] = ""
    return [surname, first, sound_key, first_sound]


def person_name_key(first_name, last_name) -> str:
    """A registry person's name as Matcher.similar_names compares it: the first name's tokens, then the
    surname's, as one text."""
    return name_key(name_tokens(first_name) + name_tokens(last_name))


def _keys_of(pf: tuple[str, ...], pl: tuple[str, ...]) -> tuple[str, str, str, str]:
    surname = "".join(pl)
    first = pf[0] if pf else ""
    both = bool(surname and first)
    return (surname, first, f"{soundex(surname)}{first[:1]}" if both else "",
            f"{soundex(first)}{surname[:1]}" if both else "")


def name_key(tokens) -> str:
    """Name tokens as one index key."""
    return " ".join(tokens)


# --------------------------------------------------------------------------- emails and IDs

CLEAN_EMAIL_RE = re.compile(r"[a-z0-9._%+\-]+@[a-z0-9.\-]+", re.ASCII)
_DISPLAY_EMAIL_RE = re.compile(r"[^<>]*<([^<>]*)>")
_MAILTO_RE = re.compile(r"mailto:", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _email_from_text(text: str) -> str | None:
    if CLEAN_EMAIL_RE.fullmatch(text):
        return text
    s = _ZERO_WIDTH_RE.sub("", text).strip(_STRIP_CHARS)
    m = _DISPLAY_EMAIL_RE.fullmatch(s)  # "<a@b.org>" or "Jane Doe <a@b.org>"
    if m:
        s = m[1].strip(_STRIP_CHARS)
    if _MAILTO_RE.match(s):
        s = s[len("mailto:"):].strip(_STRIP_CHARS)
    s = s.strip(";,").lower()
    local, at, domain = s.partition("@")
    if not at or not local or not domain or "@" in domain:
        return None
    if any(c.isspace() for c in s):
        return None
    return s


def normalize_email(raw) -> str | None:
    """An email address in lower case without `mailto:` or `<>`; None when blank or not an address."""
    if raw.__class__ is not str:
        if is_blank(raw):
            return None
        raw = str(raw)
    return _email_from_text(raw)


_ID_FRACTION_RE = re.compile(r"([0-9]+)\.0*", re.ASCII)


CLEAN_ID_RE = re.compile(r"[0-9A-Za-z]+")


_ACE_PREFIX_RE = re.compile(r"ACE\s*[-#:]?\s*(\d{5,})", re.IGNORECASE)     # an ID's own length, not "ACE-77"


def normalize_id(raw) -> str | None:
    """A certificant ID as text: 104233.0, "#104233" and "ACE-104233" are "104233"; leading zeros of text are kept."""
    cls = raw.__class__
    if cls is str:
        if CLEAN_ID_RE.fullmatch(raw):  # the common case: plain digits, nothing to fold
            return raw
    elif cls is float:
        if raw.is_integer() and -1e16 < raw < 1e16:  # a spreadsheet's number cell: _number_text, spelt out
            return str(int(raw))
        if raw != raw:
            return None
        return _number_text(raw)
    elif cls is int:
        return str(raw)
    if is_blank(raw):
        return None
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, numbers.Integral):
        return str(int(raw))
    if isinstance(raw, (numbers.Real, Decimal)):
        return _number_text(float(raw) if not isinstance(raw, (float, Decimal)) else raw)
    s = str(raw)
    if not s.isascii():
        s = unicodedata.normalize("NFKC", _ZERO_WIDTH_RE.sub("", s))
    s = s.strip(_STRIP_CHARS)
    m = _ACE_PREFIX_RE.fullmatch(s)
    if m:
        s = m[1]  # "ACE-104233": the certification body's name written before its own ID
    if s.startswith("#"):
        s = s[1:].strip(_STRIP_CHARS)
    m = _ID_FRACTION_RE.fullmatch(s)
    if m:
        s = m[1]  # "104233.0": a number that went through a spreadsheet and came back as text
    return s or None
