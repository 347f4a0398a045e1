"""The sample world (samples/reference) and the seeded choice of each page's credit.

Every page must expect a credit that is postable under the rules: the person exists and a
certification period of theirs contains the completion date (R6), the course is in the
catalogue and approved on that date (R8, R9), the CECs are the catalogue's (R10) or, for an
event, the attendee's own total within the cap (R11); no activity courses (R13); the date
is not after the processing date (R15). A page that names the person without an ID or email
names someone whose name nobody else has; a page identified by email names someone whose email
is theirs alone. Each file is ingested into its own fresh store, and the pages of one file are
given different people, so no page is a duplicate (R14) or over a category limit (R12).
"""

from __future__ import annotations

import csv
import hashlib
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from .model import Cert, Course, Layout, Person

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "samples" / "reference"
TODAY = date(2026, 11, 15)          # the samples' processing date (samples/README.md)
EARLIEST = date(2025, 1, 1)         # completion dates are drawn from here to a few days before TODAY
SAFETY = ("cpr", "aed", "first_aid")


def seed_of(*parts) -> int:
    """A stable seed (Python's own hash() changes between runs)."""
    return int.from_bytes(hashlib.sha256("/".join(map(str, parts)).encode()).digest()[:8], "big")


def fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s.casefold()) if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Period:
    certificant_id: str
    start: date
    end: date


class World:
    """People, their periods and the catalogue, from samples/reference."""

    def __init__(self, reference: Path = REFERENCE):
        self.reference = reference
        with (reference / "certificants.csv").open(newline="", encoding="utf-8") as f:
            self.people = [Person(r["certificant_id"], r["first_name"], r["last_name"], r["email"] or "",
                                  date.fromisoformat(r["birth_date"]) if r["birth_date"] else None)
                           for r in csv.DictReader(f)]
        with (reference / "certifications.csv").open(newline="", encoding="utf-8") as f:
            self.periods = [Period(r["certificant_id"], date.fromisoformat(r["period_start"]),
                                   date.fromisoformat(r["period_end"])) for r in csv.DictReader(f)]
        with (reference / "courses.csv").open(newline="", encoding="utf-8") as f:
            self.courses = [Course(r["course_number"], r["title"], r["provider"], Decimal(r["ceus"]), r["category"],
                                   date.fromisoformat(r["approved_from"]),
                                   date.fromisoformat(r["approved_to"]) if r["approved_to"] else None)
                            for r in csv.DictReader(f)]
        self.by_id = {p.certificant_id: p for p in self.people}
        self.by_number = {c.number: c for c in self.courses}

    @cached_property
    def periods_of(self) -> dict[str, list[Period]]:
        out: dict[str, list[Period]] = {}
        for p in self.periods:
            out.setdefault(p.certificant_id, []).append(p)
        return out

    @cached_property
    def unique_name(self) -> set[str]:
        names = Counter((fold(p.first), fold(p.last)) for p in self.people)
        return {p.certificant_id for p in self.people if names[(fold(p.first), fold(p.last))] == 1}

    @cached_property
    def unique_email(self) -> set[str]:
        emails = Counter(p.email.casefold() for p in self.people if p.email)
        return {p.certificant_id for p in self.people if p.email and emails[p.email.casefold()] == 1}

    def identifiable(self, person: Person, evidence: str) -> bool:
        """Whether a page showing this evidence names exactly one certificant (R16-R18)."""
        if evidence == "name":
            return person.certificant_id in self.unique_name
        if evidence == "email":
            return person.certificant_id in self.unique_email
        if evidence == "id+email":
            return bool(person.email)
        return True

    @staticmethod
    def fits(person: Person, layout: Layout) -> bool:
        """A layout's own wishes: an accented name, a birth date to print."""
        if layout.extra.get("accented") and person.name.isascii():
            return False
        if layout.extra.get("birth") and person.birth is None:
            return False
        return True

    def courses_for(self, layout: Layout) -> list[Course]:
        kinds = set()
        for k in layout.courses:
            kinds |= set(SAFETY) if k == "safety" else {k}
        if layout.units == "none":
            kinds.discard("event")      # an event's credit is the attendee's own total: it must be stated
        return [c for c in self.courses if c.category in kinds and c.ceus > 0
                and (c.approved_to is None or c.approved_to >= EARLIEST) and c.approved_from <= TODAY]

    def in_period(self, certificant_id: str, d: date) -> bool:
        return any(p.start <= d <= p.end for p in self.periods_of.get(certificant_id, []))

    def approved(self, course: Course, d: date) -> bool:
        return course.approved_from <= d and (course.approved_to is None or d <= course.approved_to)

    def choose(self, layout: Layout, key: str, taken: set[str]) -> Cert:
        """The credit a page of LAYOUT (identified by KEY) certifies: seeded, postable, nobody in TAKEN."""
        seed = seed_of(layout.name, key)
        rng = random.Random(seed)
        courses = self.courses_for(layout)
        if not courses:
            raise ValueError(f"layout {layout.name}: no catalogue course fits {layout.courses}")
        for _ in range(200):
            course = rng.choice(courses)
            if course.category == "event":
                lo = hi = course.approved_to
            else:
                lo = max(course.approved_from, EARLIEST)
                hi = min(course.approved_to or TODAY, TODAY - timedelta(days=4))
            if lo > hi:
                continue
            people = [p for p in self.people if p.certificant_id not in taken and self.identifiable(p, layout.evidence)
                      and self.fits(p, layout)
                      and any(q.start <= hi and q.end >= lo for q in self.periods_of.get(p.certificant_id, []))]
            if not people:
                continue
            person = rng.choice(people)
            days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
            days = [d for d in days if self.in_period(person.certificant_id, d)]
            completed = rng.choice(days)
            return self._cert(layout, person, course, completed, rng, seed)
        raise ValueError(f"layout {layout.name}: no postable credit found for {key}")

    def _cert(self, layout: Layout, person: Person, course: Course, completed: date, rng: random.Random,
              seed: int) -> Cert:
        if course.category == "event":
            # The attendee's own total: the whole event, or the sessions they attended.
            tenths = int(course.ceus * 10)
            ceus = Decimal(rng.choice([tenths, tenths, tenths - 3, tenths - 5, max(5, tenths // 2)])) / 10
            start = course.approved_from
        else:
            ceus, start = course.ceus, completed
        hours = int(ceus * 10) if layout.units == "hours" else None
        issued = min(TODAY, completed + timedelta(days=rng.choice([0, 0, 1, 3, 7, 14])))
        expires = completed + timedelta(days=rng.choice([365, 730, 730]))
        printed = min(TODAY, issued + timedelta(days=rng.randint(0, 40)))
        return Cert(layout.name, person, course, completed, ceus, hours, start, issued, expires, printed, seed)
