"""The credit rules of rules.md as pure functions over plain data.

Each function checks one rule and returns a `Finding` (an exception for staff) or
None; the row's evaluation runs them in a fixed order and stops at the first
error, so every row ends as exactly one credit, one error, or a credit with a
warning. Nothing here touches a file or the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from cec_batch.model import (
    LIMITED_CATEGORIES,
    Course,
    Finding,
    Outcome,
    Period,
    PersonRecord,
    StandingCredit,
)
from cec_batch.normalize import CourseNumber, as_shown, normalize_course_number, parse_ceus, parse_date

REQUIREMENT = Decimal("2.0")          # R3
LIMITED_VALUE = Decimal("0.2")        # R12
ONE = Decimal("0.1")
CATEGORY_NAMES = {"cpr": "CPR", "aed": "AED", "first_aid": "First Aid"}
CEC_PER_HOUR = Decimal("0.1")         # R22: 0.1 CEC per contact hour (FAQ)
# R19: a name, course number or date read with less confidence than this goes to a person.
# Tuned on ~430 OCR'd course numbers, dates and IDs from degraded synthetic scans (blur,
# noise, JPEG, 100-300 dpi): every misread a digit correction (R7) does not repair scored
# under 80 (19/18/2025 read for 11/18/2025 at 79); 89% of the right readings scored 85+.
REVIEW_CONFIDENCE = 85.0
# A name found only by looking the page's words up in the registry is taken from this OCR
# confidence up; the lookup is exact, so a misread rarely names another certificant.
NAME_LOOKUP_CONFIDENCE = 75.0
# R11: the days an event's attendance record lists in one column are one event's days when they
# lie within this many days of each other (a conference runs a few days, a course series longer).
EVENT_SPAN_DAYS = 14


def cecs(value) -> Decimal:
    """CECs are kept to one decimal, rounded half up (contract): the one rounding of CECs."""
    return Decimal(value).quantize(ONE, rounding=ROUND_HALF_UP)


def tenths(value: Decimal) -> int:
    """CECs as whole tenths, the unit bulk sums are taken in (reports/compliance.py): 2.0 is 20."""
    return int(cecs(value) / ONE)


def cecs_from_hours(hours, rate: Decimal = CEC_PER_HOUR) -> Decimal:
    """R22: the CECs of HOURS of structured learning (a number or its text; "8" hours is 0.8), unrounded.

    RATE is the CECs per hour (a petition's university semester or quarter hours earn more).
    Raises decimal.InvalidOperation when HOURS is not a number.
    """
    return Decimal(str(hours).strip()) * rate


# -- R7, R8: the course number -------------------------------------------------
def check_course_number(raw, *, ocr: bool = False) -> tuple[CourseNumber, Finding | None]:
    """R7: normalise the number; a malformed one is `invalid_course_number`."""
    parsed = normalize_course_number(raw, ocr=ocr)
    if parsed.value is None:
        return parsed, Finding("invalid_course_number", "R7", parsed.problem or f"course number {raw!r} is malformed",
                               {"course_number": as_shown(raw)})
    return parsed, None


def nearest_numbers(number: str, catalogue: Iterable[str], limit: int = 3) -> list[str]:
    """Catalogue numbers one or two edits away from NUMBER, nearest first, then in order (R8).

    The whole catalogue is compared in one call (rapidfuzz's loop, in C): a file with many
    unknown numbers asks this once for each against thousands of courses."""
    found = process.extract(number, list(catalogue), scorer=Levenshtein.distance, score_cutoff=2, limit=None)
    return [n for _d, n in sorted((d, n) for n, d, _i in found)[:limit]]


def check_catalogue(number: str, catalogue: dict[str, Course], *, suggest=nearest_numbers) -> tuple[Course | None, Finding | None]:
    """R8: the number must be in the catalogue of approved courses."""
    course = catalogue.get(number)
    if course is not None:
        return course, None
    near = suggest(number, catalogue)
    hint = f"; nearest catalogue numbers: {', '.join(near)}" if near else "; no catalogue number is close"
    return None, Finding("unknown_course_number", "R8",
                         f"course number {number} is not in the catalogue of approved courses{hint}",
                         {"suggestions": near})


def check_approval(course: Course, day: date) -> Finding | None:
    """R9: the completion must fall in the course's approval window."""
    if day < course.approved_from or (course.approved_to is not None and day > course.approved_to):
        until = course.approved_to.isoformat() if course.approved_to else "open-ended"
        return Finding("course_not_approved", "R9",
                       f"{course.course_number} was approved {course.approved_from.isoformat()} to {until}; "
                       f"completion {day.isoformat()} is outside that window",
                       {"approved_from": course.approved_from.isoformat(),
                        "approved_to": course.approved_to.isoformat() if course.approved_to else None})
    return None


def check_ceus(course: Course, stated_raw) -> tuple[Decimal | None, Finding | None]:
    """R10, R11: the CECs to post, and a `ceus_mismatch` warning or `needs_review` error.

    Ordinary courses post the catalogue value whatever the row states; events post
    the stated (cumulative) value capped at the catalogue value.
    """
    stated = parse_ceus(stated_raw)
    catalogue = cecs(course.ceus)
    if course.category == "event":
        if stated.problem:
            return None, Finding("needs_review", "R11",
                                 f"{course.course_number} is an event: the CECs earned must be stated, "
                                 f"but {stated.problem}", {"stated": as_shown(stated_raw)})
        if stated.value is None:
            return None, Finding("needs_review", "R11",
                                 f"{course.course_number} is an event: the CECs this attendee earned are not stated",
                                 {"stated": None})
        value = cecs(stated.value)
        if value > catalogue:
            return catalogue, Finding("ceus_mismatch", "R11",
                                      f"stated {value} CECs is above the event's cap of {catalogue}; posted {catalogue}",
                                      {"stated": str(stated.value), "posted": str(catalogue)})
        if value <= 0:
            return None, Finding("needs_review", "R11", f"stated CECs {stated.value} rounds to nothing",
                                 {"stated": str(stated.value)})
        return value, None
    if stated.problem:
        return catalogue, Finding("ceus_mismatch", "R10", f"{stated.problem}; posted the catalogue value {catalogue}",
                                  {"stated": as_shown(stated_raw), "posted": str(catalogue)})
    if stated.value is not None and stated.value != catalogue:
        return catalogue, Finding("ceus_mismatch", "R10",
                                  f"stated {stated.value} CECs, the catalogue says {catalogue}; posted {catalogue}",
                                  {"stated": str(stated.value), "posted": str(catalogue)})
    return catalogue, None


def is_workout(category: str | None = None, *, activity: bool = False) -> bool:
    """R13: whether a course (its catalogue category, or a petition's activity flag) earns nothing."""
    return activity or category == "activity"


def check_eligible(course: Course) -> Finding | None:
    """R13: workouts and activity courses earn nothing."""
    if is_workout(course.category):
        return Finding("ineligible_course", "R13",
                       f"{course.course_number} ({course.title}) is a workout or activity course and earns no CECs")
    return None


# -- R6, R12, R14: the person's record -----------------------------------------
def check_in_period(day: date, periods: list[Period]) -> Finding | None:
    """R6: the completion must fall in one of the person's certification periods."""
    for p in periods:
        if p.start <= day <= p.end:  # p.contains(day), spelt out: this runs once per row
            return None
    shown = "; ".join(f"{p.certification} {p.start.isoformat()}..{p.end.isoformat()}" for p in periods) or "none"
    return Finding("outside_period", "R6",
                   f"completion {day.isoformat()} falls in no certification period of this person (periods: {shown})",
                   {"periods": [[p.certification, p.start.isoformat(), p.end.isoformat()] for p in periods]})


def check_duplicate(course_number: str, standing: dict[str, StandingCredit]) -> Finding | None:
    """R14: a person earns credit for a course number once, ever."""
    prior = standing.get(course_number)
    if prior is None:
        return None
    ref = f"credit {prior.credit_id}" if prior.credit_id else "an earlier row"
    return Finding("duplicate", "R14",
                   f"{course_number} was already credited on {prior.completion_date.isoformat()} "
                   f"({ref}{', ' + prior.where if prior.where else ''})",
                   {"credit_id": prior.credit_id, "where": prior.where})


def check_category_limit(course: Course, day: date, periods: list[Period],
                         standing: Iterable[StandingCredit]) -> Finding | None:
    """R12: at most one CPR, one AED and one First Aid credit per certification period.

    The new credit is refused when every period that contains its date already
    holds one of the same category: it would add nothing anywhere. (When some
    other certification's period still has room, it is posted; compliance counts
    at most 0.2 per category per period.)
    """
    if course.category not in LIMITED_CATEGORIES:
        return None
    containing = [p for p in periods if p.contains(day)]
    same = [c for c in standing if c.category == course.category]
    full = [p for p in containing if any(p.contains(c.completion_date) for c in same)]
    if containing and len(full) == len(containing):
        prior = next(c for c in same if any(p.contains(c.completion_date) for p in containing))
        name = CATEGORY_NAMES[course.category]
        return Finding("category_limit", "R12",
                       f"a {name} credit already stands in this period ({prior.course_number} on "
                       f"{prior.completion_date.isoformat()}); at most {LIMITED_VALUE} per category per period",
                       {"credit_id": prior.credit_id})
    return None


# -- R15: dates ---------------------------------------------------------------
def check_date(raw, today: date) -> tuple[date | None, Finding | None]:
    """R15: a real completion date, not later than the day of processing."""
    parsed = parse_date(raw)
    if parsed.value is None:
        return None, Finding("invalid_date", "R15", parsed.problem or f"date {raw!r} is not a date",
                             {"completion_date": as_shown(raw)})
    if parsed.value > today:
        return parsed.value, Finding("future_date", "R15",
                                     f"completion {parsed.value.isoformat()} is after the processing date "
                                     f"{today.isoformat()}")
    return parsed.value, None


# -- R3, R4, R5: totals and statuses ----------------------------------------------
def period_total(period: Period, credits: Iterable[tuple[date, Decimal, str]]) -> Decimal:
    """CECs counted toward one certification period (R4, R5, R12).

    Every standing credit whose completion date lies in the period counts (shared
    by all certifications current then, R5); none from other periods (R4); CPR,
    AED and First Aid count at most 0.2 each in the period (R12).
    """
    total = Decimal("0")
    limited: dict[str, Decimal] = {}
    for day, value, category in credits:
        if not period.contains(day):
            continue
        if category in LIMITED_CATEGORIES:
            limited[category] = min(LIMITED_VALUE, limited.get(category, Decimal("0")) + value)
        else:
            total += value
    return total + sum(limited.values(), Decimal("0"))


def status(period: Period, total: Decimal, as_of: date, warn_days: int, renewed: bool) -> str:
    """Compliance status of one certification period as of AS_OF (rules.md, R3).

    `complete`, `at_risk`, `on_track`, `lapsed`; and, outside the four of rules.md,
    `closed` (an ended period followed by a later period of the same
    certification, whatever its total) and `not_started`.
    """
    if period.start > as_of:
        return "not_started"
    if period.end < as_of:
        if renewed:
            return "closed"
        return "complete" if total >= REQUIREMENT else "lapsed"
    if total >= REQUIREMENT:
        return "complete"
    return "at_risk" if period.end <= as_of + timedelta(days=warn_days) else "on_track"


# -- one row --------------------------------------------------------------------
@dataclass
class Screened:
    """A row after the checks that need no ledger: course, date and person."""

    outcome: Outcome
    course: Course | None = None
    stated_ceus: object = None

    @property
    def finished(self) -> bool:
        return bool(self.outcome.exceptions)


def screen(row, *, catalogue: dict[str, Course], matcher, today: date, decided_certificant: str | None = None,
           ocr: bool | None = None) -> Screened:
    """R7, R8, R15, R16-R19 over one row or page: everything that needs no ledger.

    ROW is a mapping with the fields of model.ROW_FIELDS. The first error ends
    the row; `settle` does the rest once the person's record is loaded.
    DECIDED_CERTIFICANT is a member of staff's decision on who the row is about
    (it replaces matching, but must name someone in the registry).
    """
    from cec_batch.match import PersonRef  # here to keep rules importable on its own

    out = Outcome(location=row["location"])
    ref = PersonRef.from_row(row["certificant_id"], row["first_name"], row["last_name"], row["full_name"],
                             row["email"], _birth(row["birth_date"]))
    out.certificant_ref = ref.shown
    read = row.get("read") or {}
    if row.get("review") and decided_certificant is None:
        out.course_number = as_shown(row["course_number"])
        return Screened(_stop(out, Finding("needs_review", "R19", str(row["review"]), {"read": read})))

    if ocr is None:
        ocr = read.get("text_source") == "ocr"
    parsed, finding = check_course_number(row["course_number"], ocr=ocr)
    out.course_number = parsed.value or as_shown(row["course_number"])
    if finding:
        return Screened(_stop(out, finding))
    out.notes.extend(parsed.corrections)
    course, finding = check_catalogue(parsed.value, catalogue)
    if finding:
        finding.data["corrections"] = list(parsed.corrections)
        return Screened(_stop(out, finding))
    out.category = course.category

    day, finding = check_date(row["completion_date"], today)
    out.completion_date = day
    if finding:
        return Screened(_stop(out, finding))

    match = matcher.decided(decided_certificant) if decided_certificant else matcher.match(ref)
    out.certificant_id = match.certificant_id
    if match.finding:
        return Screened(_stop(out, match.finding))
    if any("typo" in e for e in match.evidence):
        out.notes.extend(e for e in match.evidence if "typo" in e)
    return Screened(out, course, row["ceus"])


def settle(screened: Screened, record: PersonRecord) -> Outcome:
    """R13, R9, R6, R14, R12, then R10/R11: the checks against the person's record."""
    out, course, day = screened.outcome, screened.course, screened.outcome.completion_date
    # The first error ends the row; the later checks are not even run.
    finding = (check_eligible(course) or check_approval(course, day) or check_in_period(day, record.periods)
               or check_duplicate(course.course_number, record.standing)
               or check_category_limit(course, day, record.periods, record.standing.values()))
    if finding:
        return _stop(out, finding)
    value, finding = check_ceus(course, screened.stated_ceus)
    if finding:
        out.exceptions.append(finding)
    out.ceus = value
    return out


def settles_clean(course: Course, day: date, record: PersonRecord, stated, values: dict) -> Decimal | None:
    """The CECs `settle` would post for a screened row with nothing to report, or None when settle
    has more to say, or this cannot tell (the caller then asks settle).

    The common case of a large roster, without settle's steps: R13, R9, R6 and R14 checked as
    settle checks them; a limited category (R12) and CECs that draw a finding (R10, R11) are left
    to settle. VALUES: the caller's memo of check_ceus by course and stated cell (COURSE and the
    memo live as long as one batch of rows). tests/test_rules.py keeps the two in agreement.
    """
    category = course.category
    if category == "activity" or category in LIMITED_CATEGORIES:
        return None
    if day < course.approved_from or (course.approved_to is not None and day > course.approved_to):
        return None
    for p in record.periods:
        if p.start <= day <= p.end:
            break
    else:
        return None
    if record.standing.get(course.course_number) is not None:
        return None
    try:
        key = (id(course), stated.__class__, stated)
        return values[key]
    except KeyError:
        value, finding = check_ceus(course, stated)
        value = values[key] = None if finding else value
        return value
    except TypeError:  # an unhashable cell
        return None


def _stop(out: Outcome, finding: Finding) -> Outcome:
    out.exceptions.append(finding)
    out.ceus = None
    return out


def _birth(raw) -> date | None:
    if raw is None:
        return None
    parsed = parse_date(raw)
    return parsed.value
