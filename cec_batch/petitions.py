"""Petitions for courses that are not pre-approved (R21-R23); the retention of archived originals (R27) is in archive.py.

The rules are pure functions at the top (R22's arithmetic, the grade of an
extension class, what stops an approval); the orchestration below works on a
connection that the caller opens and commits (or rolls back for a dry run).

A petition's credit carries the pseudo course number PET<petition_id>, so that
R14 (once per course number) and the ledger's unique constraint apply to each
petition as to any course. Because two petitions for the same course would get
two numbers, R14 is also checked by title and provider (compared the way a clerk
would: case, accents, punctuation and spacing do not matter) against the
person's earlier approved petitions whose credit still stands.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from cec_batch.archive import archive_path, file_sha256, store_file
from cec_batch.archive import check_purge_date, four_years_before  # noqa: F401 - R27 moved to archive.py; named here as before
from cec_batch.errors import CecError, UsageError
from cec_batch.model import Finding, PersonRecord
from cec_batch.rules import (
    CEC_PER_HOUR,
    cecs,
    cecs_from_hours,
    check_date,
    check_duplicate,
    check_in_period,
    is_workout,
)
from cec_batch.store import ledger
from cec_batch.store import petitions as store

# R22: CECs per hour of each basis.
RATES = {
    "contact_hours": CEC_PER_HOUR,     # one hour of structured learning
    "semester_hours": Decimal("1.0"),  # one university semester hour
    "quarter_hours": Decimal("0.8"),   # one university quarter hour
}
BASIS_NAMES = {"contact_hours": "contact hours", "semester_hours": "semester hours",
               "quarter_hours": "quarter hours"}
# R22: an extension class needs "at least a C" on the transcript.
PASSING_GRADES = ("A+", "A", "A-", "B+", "B", "B-", "C+", "C")
MAX_HOURS = Decimal("9999.99")   # petitions.hours is Numeric(6, 2)
MAX_CEUS = Decimal("999.9")
STATUSES = ("pending", "approved", "denied")
T = TypeVar("T")


class Refused(CecError):
    """A decision the rules do not allow (an activity course, a failing grade, already decided)."""


# -- R22: the value ----------------------------------------------------------------------
def petition_value(basis: str, hours: Decimal) -> Decimal:
    """R22: the CECs of HOURS on BASIS, rounded half-up to one decimal."""
    return cecs(cecs_from_hours(hours, RATES[basis]))


def normalize_grade(raw: str | None) -> str:
    """A grade as the transcript shows it: 'b +' and 'B+' are the same grade."""
    if raw is None:
        return ""
    text = unicodedata.normalize("NFKC", str(raw)).replace("\u2212", "-").replace("\u2013", "-")
    return re.sub(r"\s+", "", text).upper()


def grade_passes(grade: str | None) -> bool:
    """R22: C or better (A+ ... C). C-, D+, D, D-, F, and anything else do not pass."""
    return normalize_grade(grade) in PASSING_GRADES


def grade_problem(extension: bool, grade: str | None) -> str | None:
    """Why an extension class cannot be credited for its grade (R22), or None."""
    if not extension:
        return None
    if not normalize_grade(grade):
        return "a university extension class needs a grade of C or better on the transcript (R22); none recorded"
    if not grade_passes(grade):
        return (f"a university extension class needs a grade of C or better on the transcript (R22); "
                f"the grade is {normalize_grade(grade)}")
    return None


def pseudo_course_number(petition_id: int) -> str:
    """The course number a petition's credit carries in the ledger (R14 applies per petition)."""
    return f"PET{petition_id}"


def course_key(title: str, provider: str) -> str:
    """Title and provider compared the way a clerk would: case, accents, punctuation and spacing ignored."""
    def fold(s: str) -> str:
        s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", s or ""))
        s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
        return " ".join(re.findall(r"[^\W_]+", s))
    return f"{fold(title)}|{fold(provider)}"


def approval_problem(petition) -> str | None:
    """What stops any approval of PETITION whatever the ledger holds (R13, R22), or None."""
    if is_workout(activity=petition["activity"]):
        return "a workout or activity course earns no CECs and is never approved (R13)"
    return grade_problem(petition["university_extension"], petition["grade"])


def check_same_course(petition_id: int, title: str, provider: str, earlier: list[dict]) -> Finding | None:
    """R14 across petitions: the same title and provider approved before, its credit standing."""
    key = course_key(title, provider)
    for e in earlier:
        if e["petition_id"] == petition_id or e.get("reversal_id") is not None:
            continue
        if course_key(e["title"], e["provider"]) == key:
            return Finding("duplicate", "R14",
                           f"the same course ({title!r} by {provider!r}) was already credited through petition "
                           f"{e['petition_id']} on {e['completion_date'].isoformat()} (credit {e['credit_id']}, "
                           f"batch {e['batch_id']})",
                           {"credit_id": e["credit_id"], "petition_id": e["petition_id"]})
    return None


def check_petition(petition, record: PersonRecord, earlier: list[dict]) -> Finding | None:
    """R6, then R14 (by the petition's course number, then by title and provider)."""
    number = pseudo_course_number(petition["petition_id"])
    return (check_in_period(petition["completion_date"], record.periods)
            or check_duplicate(number, record.standing)
            or check_same_course(petition["petition_id"], petition["title"], petition["provider"], earlier))


# -- input checks ------------------------------------------------------------------------
def parse_hours(raw, option: str) -> Decimal:
    """Hours as given on the command line: a positive number with at most two decimals."""
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise UsageError(f"{option} {raw!r} is not a number of hours") from None
    if not value.is_finite() or value <= 0:
        raise UsageError(f"{option} {raw!r}: the hours must be more than 0")
    if value > MAX_HOURS:
        raise UsageError(f"{option} {raw!r}: more than {MAX_HOURS} hours; check the transcript")
    if value != value.quantize(Decimal("0.01")):
        raise UsageError(f"{option} {raw!r}: give the hours with at most two decimals")
    return value.quantize(Decimal("0.01"))


def parse_ceus(raw) -> Decimal:
    """A decided CEC value: more than 0, one decimal (R23)."""
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise UsageError(f"--ceus {raw!r} is not a number of CECs") from None
    if not value.is_finite() or value <= 0:
        raise UsageError(f"--ceus {raw!r}: the value must be more than 0 (to give nothing, deny the petition)")
    if value > MAX_CEUS:
        raise UsageError(f"--ceus {raw!r}: more than {MAX_CEUS} CECs")
    if value != cecs(value):
        raise UsageError(f"--ceus {raw!r}: CECs have one decimal (e.g. 0.8)")
    return cecs(value)


def parse_completion(raw: str, today: date) -> date:
    """The completion date of a petition (R15): MM/DD/YYYY or ISO, not after the processing date."""
    day, finding = check_date(raw, today)
    if day is None:
        raise UsageError(f"--completed: {finding.detail} (give MM/DD/YYYY or YYYY-MM-DD)")
    if finding is not None:
        raise UsageError(f"--completed {day.isoformat()} is after the processing date {today.isoformat()}")
    return day


@dataclass
class PetitionDraft:
    """A petition as staff enter it (R21)."""

    certificant_id: str
    title: str
    provider: str
    completion_date: date
    basis: str
    hours: Decimal
    extension: bool = False
    grade: str | None = None
    activity: bool = False

    def __post_init__(self):
        self.title, self.provider = (self.title or "").strip(), (self.provider or "").strip()
        if not self.title:
            raise UsageError("--title must name the course")
        if not self.provider:
            raise UsageError("--provider must name who gave the course")
        if len(self.title) > 300 or len(self.provider) > 200:
            raise UsageError("--title is at most 300 characters and --provider at most 200")
        if self.basis not in RATES:
            raise UsageError(f"basis {self.basis!r} is not one of {', '.join(RATES)}")
        if self.extension and not normalize_grade(self.grade):
            raise UsageError("--extension needs --grade: the grade on the transcript (R22: C or better)")
        self.grade = normalize_grade(self.grade) or None
        if self.grade is not None and len(self.grade) > 8:
            raise UsageError(f"--grade {self.grade!r} is not a letter grade")

    @property
    def value(self) -> Decimal:
        return petition_value(self.basis, self.hours)


@dataclass
class Document:
    """A supporting document: where it is, its hash, and where the archive keeps it."""

    path: Path
    sha256: str
    size_bytes: int
    archive_path: Path

    def as_dict(self) -> dict:
        return {"original_name": self.path.name, "sha256": self.sha256, "size_bytes": self.size_bytes,
                "archive_path": str(self.archive_path)}


def prepare_documents(paths: list[Path], archive: Path) -> list[Document]:
    """Hash each document and say where the archive keeps it (nothing is copied yet)."""
    docs, seen = [], set()
    archive = archive.resolve()
    for p in paths:
        try:
            sha = file_sha256(p)
        except OSError as exc:
            raise UsageError(f"--document {p}: cannot read it ({exc.strerror or exc})") from None
        if sha in seen:
            continue  # the same bytes given twice
        seen.add(sha)
        docs.append(Document(p, sha, p.stat().st_size, archive_path(archive, sha, p.suffix)))
    return docs


# -- the petition's life -----------------------------------------------------------------
RETRIES = 5


def in_transaction(engine: Engine, work: Callable[[Connection], T], *, dry_run: bool = False) -> T:
    """WORK(conn) in one write transaction, committed (rolled back for a dry run).

    A write that loses a race (deadlock, serialization failure, a locked SQLite file)
    is run again from the start, as the contract asks, not reported.
    """
    for attempt in range(RETRIES):
        try:
            with ledger.write_transaction(engine) as conn:
                result = work(conn)
                if dry_run:
                    conn.rollback()
            return result
        except OperationalError as exc:
            text = str(exc.orig).lower()
            lost_race = any(s in text for s in ("deadlock", "could not serialize", "database is locked",
                                                "serialization"))
            if not lost_race or attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def add_petition(conn: Connection, draft: PetitionDraft, documents: list[Document], *, operator: str,
                 archive: Path | None, today: date | None = None) -> dict:
    """R21: record a pending petition and its documents; ARCHIVE None (a dry run) copies nothing.

    Warnings say what would stop an approval later (R13, R22, R6, R14).
    """
    person = store.certificant(conn, draft.certificant_id)
    if person is None:
        raise UsageError(f"certificant {draft.certificant_id} is not in the registry; load certificants first")
    batch_id = ledger.start_batch(conn, "petition-add", operator, today)
    value = draft.value
    petition_id = store.insert_petition(
        conn, certificant_id=draft.certificant_id, title=draft.title, provider=draft.provider,
        completion_date=draft.completion_date, basis=draft.basis, hours=draft.hours,
        university_extension=draft.extension, grade=draft.grade, activity=draft.activity, computed_ceus=value,
        status="pending", created_by=operator, created_at=ledger.now(), batch_id=batch_id)
    store.insert_documents(conn, [dict(petition_id=petition_id, sha256=d.sha256, original_name=d.path.name[:500],
                                       archive_path=str(d.archive_path), size_bytes=d.size_bytes)
                                  for d in documents])
    warnings = []
    if is_workout(activity=draft.activity):
        warnings.append("a workout or activity course earns no CECs: this petition cannot be approved (R13)")
    problem = grade_problem(draft.extension, draft.grade)
    if problem:
        warnings.append(f"{problem}: this petition cannot be approved")
    if value <= 0:
        warnings.append(f"{draft.hours} {BASIS_NAMES[draft.basis]} are worth {value} CECs: approval needs --ceus")
    records, _ = ledger.load_records(conn, [draft.certificant_id])
    petition = {"petition_id": petition_id, "title": draft.title, "provider": draft.provider,
                "completion_date": draft.completion_date}
    finding = check_petition(petition, records[draft.certificant_id],
                             store.approved_petitions(conn, draft.certificant_id))
    if finding:
        warnings.append(f"{finding.kind} ({finding.rule}): {finding.detail}; approval would be refused")
    if archive is not None:
        # Copies, never moves: the document stays where staff keep it (R27 keeps the archived copy).
        for d in documents:
            store_file(d.path, archive, d.sha256, move=False)
    summary = {
        "command": "petition add", "petition_id": petition_id, "batch_id": batch_id, "operator": operator,
        "certificant_id": draft.certificant_id, "name": f"{person['first_name']} {person['last_name']}",
        "title": draft.title, "provider": draft.provider, "completion_date": draft.completion_date.isoformat(),
        "basis": draft.basis, "hours": str(draft.hours), "university_extension": draft.extension,
        "grade": draft.grade, "activity": draft.activity, "computed_ceus": str(value), "status": "pending",
        "documents": [d.as_dict() for d in documents], "warnings": warnings,
    }
    ledger.finish_batch(conn, batch_id, "done", summary)
    return summary


def get_pending(conn: Connection, petition_id: int) -> dict:
    """The petition, locked for the decision; refused unless it is still pending."""
    p = store.petition_by_id(conn, petition_id, lock=True)
    if p is None:
        raise UsageError(f"petition {petition_id} does not exist")
    if p["status"] != "pending":
        when = f" on {p['decided_at']:%Y-%m-%d}" if p["decided_at"] else ""
        who = f" by {p['decided_by']}" if p["decided_by"] else ""
        raise Refused(f"petition {petition_id} was already {p['status']}{when}{who}; nothing changed")
    return dict(p)


def approve_petition(conn: Connection, petition_id: int, *, operator: str, ceus: Decimal | None = None,
                     reason: str | None = None, today: date | None = None) -> dict:
    """R23: post the petition's credit through R6 and R14, or record why it cannot be posted.

    A refusal by R6 or R14 is a business outcome: an exception row (kept open, one
    per petition and kind) and the petition stays pending.
    """
    reason = (reason or "").strip() or None
    p = get_pending(conn, petition_id)
    problem = approval_problem(p)
    if problem:
        raise Refused(f"petition {petition_id} cannot be approved: {problem}; deny it with "
                      f"`cec-batch petition deny {petition_id} --reason ...`")
    computed = cecs(p["computed_ceus"])
    value = ceus if ceus is not None else computed
    if value != computed and not reason:
        raise UsageError(f"petition {petition_id}: the computed value is {computed} CECs (R22); "
                         f"a different value ({value}) needs --reason")
    if value <= 0:
        raise UsageError(f"petition {petition_id}: the computed value is {computed} CECs; "
                         f"give --ceus and --reason, or deny the petition")
    cid = p["certificant_id"]
    store.certificant(conn, cid, lock=True)  # decisions about one person run one after the other
    batch_id = ledger.start_batch(conn, "petition-approve", operator, today)
    number = pseudo_course_number(petition_id)
    records, generations = ledger.load_records(conn, [cid])
    finding = check_petition(p, records[cid], store.approved_petitions(conn, cid))
    summary = {"command": "petition approve", "petition_id": petition_id, "certificant_id": cid,
               "course_number": number, "title": p["title"], "provider": p["provider"],
               "completion_date": p["completion_date"].isoformat(), "computed_ceus": str(computed),
               "batch_id": batch_id, "operator": operator}
    if finding:
        already = [e for e in store.open_exceptions(conn, cid, number) if e["kind"] == finding.kind]
        if already:
            exception_id = already[0]["exception_id"]
        else:
            exception_id = ledger.insert_exception(
                conn, kind=finding.kind, severity=finding.severity, rule=finding.rule, file_id=None,
                source_file="", source_location="", certificant_ref=cid, certificant_id=cid,
                course_number=number, completion_date=p["completion_date"],
                detail=f"petition {petition_id}: {finding.detail}",
                data={**finding.data, "petition_id": petition_id, "title": p["title"], "provider": p["provider"]},
                status="open", batch_id=batch_id, operator=operator, created_at=ledger.now())
        summary.update(outcome="refused", status="pending", credits=0, credit_id=None, ceus=None,
                       exceptions={finding.kind: 1}, rule=finding.rule, detail=finding.detail,
                       exception_id=exception_id, exception_recorded_before=bool(already))
        ledger.finish_batch(conn, batch_id, "done", summary)
        return summary
    credit_id = ledger.allocate_credit_ids(conn, 1)[0]
    posted_at = ledger.now()
    note = f"petition {petition_id}: {value} CECs instead of the computed {computed}: {reason}" \
        if value != computed else None
    ledger.insert_credits(conn, [(credit_id, cid, number, generations[(cid, number)], p["completion_date"], value,
                                  "standard", "petition", None, "", "", batch_id, operator, posted_at, note)])
    if not store.decide(conn, petition_id, status="approved", decided_ceus=value, decision_reason=reason,
                        decided_by=operator, decided_at=posted_at, credit_id=credit_id):
        raise Refused(f"petition {petition_id} was decided by someone else meanwhile; nothing changed")
    settled = [e["exception_id"] for e in store.open_exceptions(conn, cid, number)]
    store.resolve_exceptions(conn, settled, resolution=f"petition {petition_id} approved: credit {credit_id}",
                             operator=operator, when=posted_at, batch_id=batch_id)
    summary.update(outcome="approved", status="approved", credits=1, credit_id=credit_id, ceus=str(value),
                   reason=reason, exceptions={}, exceptions_resolved=settled)
    ledger.finish_batch(conn, batch_id, "done", summary)
    return summary


def deny_petition(conn: Connection, petition_id: int, *, operator: str, reason: str,
                  today: date | None = None) -> dict:
    """R23: deny with a reason; nothing is posted. Open exceptions about the petition are settled."""
    reason = (reason or "").strip()
    if not reason:
        raise UsageError("--reason must say why the petition is denied")
    p = get_pending(conn, petition_id)
    batch_id = ledger.start_batch(conn, "petition-deny", operator, today)
    when = ledger.now()
    if not store.decide(conn, petition_id, status="denied", decision_reason=reason, decided_by=operator,
                        decided_at=when):
        raise Refused(f"petition {petition_id} was decided by someone else meanwhile; nothing changed")
    number = pseudo_course_number(petition_id)
    settled = [e["exception_id"] for e in store.open_exceptions(conn, p["certificant_id"], number)]
    store.resolve_exceptions(conn, settled, resolution=f"petition {petition_id} denied: {reason}",
                             operator=operator, when=when, batch_id=batch_id)
    summary = {"command": "petition deny", "petition_id": petition_id, "certificant_id": p["certificant_id"],
               "title": p["title"], "provider": p["provider"], "status": "denied", "reason": reason,
               "credits": 0, "exceptions_resolved": settled, "batch_id": batch_id, "operator": operator}
    ledger.finish_batch(conn, batch_id, "done", summary)
    return summary


def list_petitions(conn: Connection, status: str = "pending", certificant_id: str | None = None) -> list[dict]:
    """Petitions as plain JSON-ready data, with their documents."""
    rows = store.list_petitions(conn, status, certificant_id)
    docs = store.documents_of(conn, [r["petition_id"] for r in rows])
    out = []
    for r in rows:
        out.append({
            "petition_id": r["petition_id"], "status": r["status"], "certificant_id": r["certificant_id"],
            "name": f"{r['first_name']} {r['last_name']}", "title": r["title"], "provider": r["provider"],
            "completion_date": r["completion_date"].isoformat(), "basis": r["basis"],
            "hours": str(Decimal(r["hours"]).normalize()), "university_extension": bool(r["university_extension"]),
            "grade": r["grade"], "activity": bool(r["activity"]),
            "computed_ceus": str(cecs(r["computed_ceus"])),
            "decided_ceus": None if r["decided_ceus"] is None else str(cecs(r["decided_ceus"])),
            "decision_reason": r["decision_reason"], "decided_by": r["decided_by"],
            "decided_at": r["decided_at"].isoformat() if r["decided_at"] else None,
            "credit_id": r["credit_id"], "created_by": r["created_by"],
            "created_at": r["created_at"].isoformat(), "batch_id": r["batch_id"],
            "documents": [{"original_name": d["original_name"], "sha256": d["sha256"],
                           "size_bytes": d["size_bytes"], "archive_path": d["archive_path"]}
                          for d in docs.get(r["petition_id"], [])],
        })
    return out
