"""How providers write dates, course numbers, credits and names (shared by the layouts)."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from .model import Cert, Person


def us(d: date) -> str:
    return f"{d:%m/%d/%Y}"


def us_short(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def iso(d: date) -> str:
    return d.isoformat()


def written(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def abbrev(d: date) -> str:
    return f"{d:%b} {d.day}, {d.year}"


def dmy(d: date) -> str:
    return f"{d.day} {d:%B} {d.year}"


def dmy_abbrev(d: date) -> str:
    return f"{d:%d-%b-%Y}"


def weekday(d: date) -> str:
    return f"{d:%A}, {d:%B} {d.day}, {d.year}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def day_of(d: date) -> str:
    """`3rd day of May, 2026`"""
    return f"{ordinal(d.day)} day of {d:%B}, {d.year}"


def date_range(start: date, end: date) -> str:
    """`May 3-5, 2026`, `April 30 - May 2, 2026`, or one day."""
    if start == end:
        return written(end)
    if start.month == end.month:
        return f"{end:%B} {start.day}-{end.day}, {end.year}"
    return f"{start:%B} {start.day} - {end:%B} {end.day}, {end.year}"


def any_date(d: date, rng: random.Random) -> str:
    return rng.choice([us, written, abbrev, iso, dmy, us_short])(d)


def course_no(number: str, style: str) -> str:
    """A course number as printed: plain, with a space or hyphen after the prefix."""
    prefix = number[:3] if number.startswith("CEP") else number[:2]
    digits = number[len(prefix):]
    return {"plain": number, "space": f"{prefix} {digits}", "hyphen": f"{prefix}-{digits}"}[style]


def cec(v: Decimal, style: str = "plain") -> str:
    s = f"{v:.1f}"
    if style == "bare" and s.startswith("0"):
        return s[1:]          # ".4"
    if style == "two":
        return f"{v:.2f}"
    return s


def hours_of(cert: Cert) -> int:
    return cert.hours if cert.hours is not None else int(cert.ceus * 10)


def last_first(p: Person, upper: bool = False) -> str:
    return f"{p.last.upper() if upper else p.last}, {p.first}"


def upper_name(p: Person) -> str:
    return f"{p.first} {p.last}".upper()
