"""Plain data passed between pipeline stages: read -> normalise -> match -> rules -> post."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

# Exception kinds (contract.md). `ceus_mismatch` is a warning: the credit is posted.
KINDS = (
    "invalid_course_number",
    "unknown_course_number",
    "course_not_approved",
    "ceus_mismatch",
    "category_limit",
    "ineligible_course",
    "duplicate",
    "invalid_date",
    "future_date",
    "outside_period",
    "unknown_certificant",
    "ambiguous_certificant",
    "needs_review",
    "unreadable_file",
)
WARNING_KINDS = frozenset({"ceus_mismatch"})

CATEGORIES = ("standard", "event", "cpr", "aed", "first_aid", "activity")
LIMITED_CATEGORIES = frozenset({"cpr", "aed", "first_aid"})  # R12

# Columns of the frame every reader returns (ReadResult.rows). Cells hold the raw
# value as read: str, datetime.date/datetime, float/int, or None. Nothing is
# normalised by a reader except stripping surrounding white space.
ROW_FIELDS = (
    "location",        # "row 5" (CSV), "row 5 (Sheet1)" (workbook), "page 2" (PDF)
    "certificant_id",
    "first_name",
    "last_name",
    "full_name",       # one-column name: "First Last" or "Last, First"
    "email",
    "birth_date",
    "course_number",
    "completion_date",
    "ceus",
    # Certificates only (None on roster rows):
    "review",          # why the page needs a human (R19), or None when it was read with confidence
    "read",            # dict: what was read, per-field confidence, image path, OCR corrections
)


@dataclass
class ReadResult:
    """What a reader made of one file."""

    kind: str                      # "roster" or "certificate"
    rows: "object"                 # pandas.DataFrame with columns ROW_FIELDS
    notes: list[str] = field(default_factory=list)  # e.g. columns it could not place
    blank_pages: int = 0           # certificates: all-white pages skipped
    format_note: str | None = None  # what the file really is when its name says otherwise (renamed .xls)


@dataclass(frozen=True)
class Certificant:
    certificant_id: str
    first_name: str
    last_name: str
    email: str | None = None
    birth_date: date | None = None

    @property
    def display(self) -> str:
        return f"{self.certificant_id} {self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Period:
    certification: str
    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Course:
    course_number: str
    title: str
    provider: str
    ceus: Decimal
    category: str
    approved_from: date
    approved_to: date | None = None


@dataclass
class Outcome:
    """What happened to one row or page: a credit, exceptions, or both (a warning)."""

    location: str
    certificant_id: str | None = None
    certificant_ref: str = ""        # what the row said about the person, for the export
    course_number: str | None = None
    completion_date: date | None = None
    ceus: Decimal | None = None       # set when a credit is to be posted
    category: str | None = None
    exceptions: list["Finding"] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # recorded with the credit, e.g. OCR corrections (R7)

    @property
    def posts(self) -> bool:
        return self.ceus is not None


@dataclass
class Finding:
    """One exception about a row: kind, the rule it cites, a sentence, and data for staff."""

    kind: str
    rule: str
    detail: str
    data: dict = field(default_factory=dict)

    @property
    def severity(self) -> str:
        return "warning" if self.kind in WARNING_KINDS else "error"


@dataclass(frozen=True)
class StandingCredit:
    """A credit already in the ledger (or earlier in this batch), as R12 and R14 see it."""

    credit_id: int | None
    course_number: str
    completion_date: date
    category: str
    where: str = ""  # "batch 3, roster-acme.xlsx row 14"


@dataclass
class PersonRecord:
    """What R6, R12 and R14 need to know about the matched person."""

    periods: list[Period] = field(default_factory=list)
    standing: dict[str, StandingCredit] = field(default_factory=dict)  # by course number
