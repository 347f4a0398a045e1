"""Staff decisions on exceptions, handed back in the exceptions workbook, re-checked and applied.

`cec-batch resolve WORKBOOK` reads the `resolution` column of every sheet that
has one (with `exception_id` beside it) and applies each decision to its open
exception, all in one transaction. The review desk (`cec-batch desk`) applies one
decision at a time through `decide`, by the same `apply_decisions`.

The decision grammar (case-insensitive; several decisions in one cell are
separated by `;`; a `:` or `=` after the keyword is allowed):

    certificant 104233       the row is about this person (also `certificant id`, `id`)
    course CA23456           the course number (also `course number`)
    date 03/05/2026          the completion date, as a roster states it (also `completion date`)
    ceus 1.5                 the CECs stated (events, R11) (also `cecs`, `ceu`, `cec`)
    dismiss: REASON          close it with no credit; the reason is recorded. Alone in its
                             cell: everything after `dismiss` is the reason, `;` included.

What happens (each choice is written down here because staff rely on it):
- The row as read (kept in the exception's data) is rebuilt, the decision's values
  replace the row's, and the row goes through the same rules as at ingest
  (`rules.screen` with the decided certificant, then `rules.settle` against the
  ledger as it is now, R6-R15).
- It passes: a credit is posted (source `resolution`, the original file and row as
  its provenance, this run's batch and operator, a note naming the exception and
  the decision), and the exception becomes `resolved`. A `ceus_mismatch` warning
  on the new credit is recorded as a new open warning.
- It fails: the new exception is recorded (open, same file and row, the updated row
  in its data, `answers` = the old exception) and the old one becomes `answered`.
- `dismiss:` makes it `dismissed`. A warning (the credit was posted) and an
  unreadable file can only be dismissed; to correct a warning's credit, reverse it.
- A decision on `needs_review` is the human review: fields the decision does not
  name are taken as read.
- A certificant decision is carried to the new exception, so a later decision on
  it (a course, a date) keeps the person staff named.
- An exception that is no longer open is skipped and counted as already resolved,
  so running the same workbook twice changes nothing the second time.
- Text that is not understood is reported back with its exception and sheet row,
  and nothing is done for that row; the exit code is still 0 (like a business
  exception, it is an outcome for staff to fix, not a failure of the run).
- Decisions are applied in exception-ID order, so the outcome does not depend on
  how the sheets were sorted; two decisions that would post the same course to the
  same person post once, and the second is answered with a `duplicate`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from cec_batch.errors import CecError, describe
from cec_batch.match import Matcher
from cec_batch.model import WARNING_KINDS
from cec_batch.post import RETRIES, Pending, Source, post_outcomes
from cec_batch.rules import screen
from cec_batch.store import ledger, refdata
from cec_batch.store.registry import StoreLookup

FIELDS = {  # keyword -> what it sets
    "certificant": "certificant", "certificant id": "certificant", "id": "certificant",
    "course": "course", "course number": "course",
    "date": "date", "completion date": "date",
    "ceus": "ceus", "cecs": "ceus", "ceu": "ceus", "cec": "ceus",
}
_KEYWORDS = "|".join(sorted((re.escape(k).replace("\\ ", r"\s+") for k in FIELDS), key=len, reverse=True))
_PART = re.compile(rf"^(?P<key>{_KEYWORDS})\s*[:=]?\s*(?P<value>.*)$", re.IGNORECASE)
_DISMISS = re.compile(r"^dismiss(?:ed)?\b\s*[:=\-\u2013\u2014]?\s*(?P<reason>.*)$", re.IGNORECASE | re.DOTALL)
HINT = 'write e.g. "course CA23456; date 03/05/2026", "certificant 104233" or "dismiss: reason"'


class NotAnExceptionsWorkbook(CecError):
    """The file handed to `resolve` is not an exceptions workbook (or cannot be opened)."""


@dataclass
class Decision:
    """One non-empty `resolution` cell, parsed."""

    exception_id: int | None
    text: str                      # as typed, stripped
    where: str                     # "sheet duplicate row 5": where staff find it again
    values: dict[str, str] = field(default_factory=dict)  # certificant, course, date, ceus
    dismiss: str | None = None     # the reason
    problem: str | None = None     # why it was not understood


def parse_decision(text: str) -> tuple[dict[str, str], str | None, str | None]:
    """TEXT as (values, dismiss reason, problem); see the module's grammar."""
    text = text.strip()
    if text.startswith("'"):  # a quote typed to keep a spreadsheet from reading a formula
        text = text[1:].strip()
    if not text:
        return {}, None, "the decision is empty"
    m = _DISMISS.match(text)
    if m:
        reason = m.group("reason").strip()
        if not reason:
            return {}, None, 'dismiss needs a reason, e.g. "dismiss: duplicate of the paper copy"'
        return {}, reason, None
    values: dict[str, str] = {}
    for part in (p.strip() for p in re.split(r"[;\n]", text)):
        if not part:
            continue
        if _DISMISS.match(part):
            return {}, None, "dismiss cannot be combined with other decisions; write it alone in the cell"
        m = _PART.match(part)
        if not m:
            return {}, None, f'"{_cut(part)}" is not understood; {HINT}'
        key, value = FIELDS[re.sub(r"\s+", " ", m.group("key").lower())], m.group("value").strip()
        if not value:
            return {}, None, f'"{_cut(part)}" gives no value; {HINT}'
        if key in values and values[key] != value:
            return {}, None, f"two different values for {key}: {values[key]} and {value}"
        values[key] = value
    if not values:
        return {}, None, f"no decision found; {HINT}"
    return values, None, None


def _cut(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n - 3] + "..."


def read_decisions(path: Path) -> list[Decision]:
    """Every non-empty `resolution` cell of the workbook at PATH, with its exception ID."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure to open is "not a workbook we can read"
        raise NotAnExceptionsWorkbook(f"{path.name}: cannot be opened as an .xlsx workbook "
                                      f"({describe(exc)})") from None
    decisions: list[Decision] = []
    found = False
    try:
        for ws in wb.worksheets:
            header_at, cols = None, {}
            for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
                if header_at is None:
                    names = [str(v).strip().lower() if v is not None else "" for v in row]
                    if "exception_id" in names and "resolution" in names:
                        header_at, cols = r, {"id": names.index("exception_id"), "res": names.index("resolution")}
                        found = True
                    elif r >= 10:
                        break
                    continue
                raw = row[cols["res"]] if cols["res"] < len(row) else None
                if raw is None or (isinstance(raw, str) and not raw.strip()):
                    continue
                text = raw.strip() if isinstance(raw, str) else str(raw)
                ident = row[cols["id"]] if cols["id"] < len(row) else None
                d = Decision(_as_id(ident), text, f"sheet {ws.title} row {r}")
                if d.exception_id is None:
                    d.problem = f"no exception_id beside this decision ({ident!r})"
                else:
                    d.values, d.dismiss, d.problem = parse_decision(text)
                decisions.append(d)
    finally:
        wb.close()
    if not found:
        raise NotAnExceptionsWorkbook(f"{path.name}: no sheet has the columns exception_id and resolution; "
                                      f"write one with `cec-batch exceptions workbook --out FILE.xlsx`")
    return decisions


def _as_id(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


# -- applying ----------------------------------------------------------------------------------------
@dataclass
class Result:
    """What became of one decision."""

    exception_id: int | None
    where: str
    decision: str
    outcome: str                    # posted, answered, dismissed, already_resolved, not_understood
    credit_id: int | None = None
    new_exceptions: list[tuple[int, str]] = field(default_factory=list)  # (id, kind)
    message: str = ""
    ceus: Decimal | None = None     # of the credit posted

    def as_dict(self) -> dict:
        return {"exception_id": self.exception_id, "where": self.where, "decision": self.decision,
                "outcome": self.outcome, "credit_id": self.credit_id,
                "ceus": None if self.ceus is None else str(self.ceus),
                "new_exceptions": [{"exception_id": i, "kind": k} for i, k in self.new_exceptions],
                "message": self.message}


def resolve_workbook(engine: Engine, path: Path, *, operator: str, today: date, dry_run: bool = False) -> dict:
    """Apply the decisions of the workbook at PATH in one transaction; returns the run's summary."""
    decisions = read_decisions(path)
    summary, _results = apply_in_transaction(engine, decisions, operator=operator, today=today, command="resolve",
                                             origin={"workbook": path.name}, dry_run=dry_run)
    return summary


def decide(engine: Engine, decision: Decision, *, operator: str, today: date) -> Result:
    """One decision taken at the review desk (`cec-batch desk`), applied exactly as a workbook's.

    Its own transaction and batch (command `desk`); the same lock, re-check and posting as
    `resolve`, so a desk decision and a workbook decision on one exception post once: the
    second finds it closed (`already_resolved`).
    """
    _, results = apply_in_transaction(engine, [decision], operator=operator, today=today, command="desk",
                                      origin={"desk": f"exception {decision.exception_id}"})
    return results[0]


def apply_in_transaction(engine: Engine, decisions: list[Decision], *, operator: str, today: date, command: str,
                         origin: dict, dry_run: bool = False) -> tuple[dict, list[Result]]:
    """DECISIONS applied in one write transaction under a new batch of COMMAND; (summary, results)."""
    for attempt in range(RETRIES):
        try:
            with engine.connect() as conn:
                conn = conn.execution_options(immediate=True)
                with conn.begin() as trans:
                    batch_id = ledger.start_batch(conn, command, operator, today)
                    results = apply_decisions(conn, decisions, operator=operator, today=today, batch_id=batch_id)
                    summary = _summary(origin, len(decisions), results, batch_id=batch_id, operator=operator,
                                       dry_run=dry_run, today=today)
                    ledger.finish_batch(conn, batch_id, "done", summary)
                    if dry_run:
                        trans.rollback()
            return summary, results
        except IntegrityError:
            # Another run posted the same credit meanwhile: look again with what is now in the ledger.
            if attempt == RETRIES - 1:
                raise
        except OperationalError as exc:
            if not ledger.retryable(exc) or attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def apply_decisions(conn: Connection, decisions: list[Decision], *, operator: str, today: date,
                    batch_id: int) -> list[Result]:
    """Apply DECISIONS inside the caller's transaction (see the module's doc for what each does)."""
    results: list[Result] = []
    chosen: dict[int, Decision] = {}
    for d in decisions:
        if d.problem:
            results.append(Result(d.exception_id, d.where, d.text, "not_understood", message=d.problem))
        elif d.exception_id in chosen and _same(chosen[d.exception_id], d):
            continue  # the same decision pasted twice
        elif d.exception_id in chosen:
            results.append(Result(d.exception_id, d.where, d.text, "not_understood",
                                  message=f"exception {d.exception_id} has another decision at "
                                          f"{chosen[d.exception_id].where}; keep one"))
        else:
            chosen[d.exception_id] = d
    # Lock the rows first (PostgreSQL): a second resolve of the same workbook waits, then finds them closed.
    ids = sorted(chosen)
    current = ledger.lock_exceptions(conn, ids)

    catalogue = matcher = None
    pending: list[tuple[Decision, dict, Pending]] = []
    for eid in ids:
        d, ex = chosen[eid], current.get(eid)
        if ex is None:
            results.append(Result(eid, d.where, d.text, "not_understood",
                                  message=f"there is no exception {eid} in this database"))
            continue
        if ex["status"] != "open":
            results.append(Result(eid, d.where, d.text, "already_resolved",
                                  message=f"already {ex['status']}: {ex['resolution'] or ''}".rstrip(": ")))
            continue
        if d.dismiss is not None:
            _close(conn, eid, "dismissed", f"dismiss: {d.dismiss}", operator, batch_id)
            results.append(Result(eid, d.where, d.text, "dismissed", message=d.dismiss))
            continue
        row = (ex.get("data") or {}).get("row")
        problem = _only_dismiss(ex, row)
        if problem:
            results.append(Result(eid, d.where, d.text, "not_understood", message=problem))
            continue
        if catalogue is None:
            refdata.fill_name_keys(conn)
            catalogue, matcher = ledger.Catalogue(conn), Matcher(lookup=StoreLookup(conn))
        row, decided, ocr = _apply(row, ex, d)
        screened = screen(row, catalogue=catalogue, matcher=matcher, today=today, decided_certificant=decided,
                          ocr=ocr)
        data = {"answers": eid, "decision": d.text}
        if decided:
            data["decided_certificant"] = decided
        pending.append((d, ex, Pending(row, screened, Source(ex["file_id"], ex["source_file"], "resolution"),
                                       note=f"resolves exception {eid}: {d.text}", data=data)))

    if pending:
        posted = post_outcomes(conn, [p for _d, _ex, p in pending], batch_id=batch_id, operator=operator,
                               exception_ids=True)
        for (d, ex, _p), done in zip(pending, posted):
            eid = ex["exception_id"]
            new = [(i, f.kind) for i, f in zip(done.exception_ids, done.outcome.exceptions)]
            if done.credit_id is not None:
                text = f"{d.text}: posted credit {done.credit_id} ({done.outcome.certificant_id} " \
                       f"{done.outcome.course_number} {done.outcome.ceus} CECs)"
                text += "".join(f"; warning: new exception {i} ({k})" for i, k in new)
                _close(conn, eid, "resolved", text, operator, batch_id)
                results.append(Result(eid, d.where, d.text, "posted", done.credit_id, new, text,
                                      done.outcome.ceus))
            else:
                text = "re-checked: " + ", ".join(f"new exception {i} ({k})" for i, k in new)
                _close(conn, eid, "answered", f"{d.text}: {text}", operator, batch_id)
                detail = "; ".join(f.detail for f in done.outcome.exceptions)
                results.append(Result(eid, d.where, d.text, "answered", None, new, f"{text}: {detail}"))
    order = {id(r): i for i, r in enumerate(results)}
    return sorted(results, key=lambda r: (r.exception_id is None, r.exception_id or 0, order[id(r)]))


def _same(a: Decision, b: Decision) -> bool:
    return (a.values, a.dismiss) == (b.values, b.dismiss)


def _only_dismiss(ex: dict, row) -> str | None:
    """Why this exception cannot take anything but `dismiss:`, or None."""
    if ex["kind"] in WARNING_KINDS:
        return (f"{ex['kind']} is a warning: credit {ex['credit_id']} was posted. It can only be dismissed "
                f"(dismiss: reason); to correct the credit, reverse it with `cec-batch reverse {ex['credit_id']}`")
    if ex["kind"] == "unreadable_file":
        return ("an unreadable file can only be dismissed (dismiss: reason); ask the sender for a readable copy "
                "and ingest it")
    if not row:
        return "this exception keeps no copy of the row as read, so it can only be dismissed (dismiss: reason)"
    return None


def _apply(row: dict, ex: dict, d: Decision) -> tuple[dict, str | None, bool | None]:
    """The row with the decision's values, the certificant staff named, and whether OCR fixes apply."""
    row = dict(row)
    values = d.values
    if "course" in values:
        row["course_number"] = values["course"]
    if "date" in values:
        row["completion_date"] = values["date"]
    if "ceus" in values:
        row["ceus"] = values["ceus"]
    # A decision on a page that needed review is the review itself (R19).
    row["review"] = None
    decided = values.get("certificant") or (ex.get("data") or {}).get("decided_certificant")
    # A course number typed by staff is taken as typed: no OCR digit corrections (R7).
    ocr = False if "course" in values else None
    return row, decided, ocr


def _close(conn: Connection, exception_id: int, status: str, resolution: str, operator: str,
           batch_id: int) -> None:
    if not ledger.close_exception(conn, exception_id, status, resolution, operator, batch_id):
        # the row was locked above; anything else is a bug
        raise RuntimeError(f"exception {exception_id} was closed by another run during this one")


def _summary(origin: dict, read: int, results: list[Result], *, batch_id: int, operator: str, dry_run: bool,
             today: date) -> dict:
    outcomes = Counter(r.outcome for r in results)
    new_kinds = Counter(k for r in results if r.outcome == "answered" for _i, k in r.new_exceptions)
    warnings = Counter(k for r in results if r.outcome == "posted" for _i, k in r.new_exceptions)
    return {
        **origin, "batch_id": batch_id, "operator": operator, "dry_run": dry_run,
        "today": today.isoformat(),
        "decisions": read,
        "posted": outcomes["posted"],
        "credits": [r.credit_id for r in results if r.credit_id is not None],
        "ceus": str(sum((r.ceus for r in results if r.ceus is not None), Decimal("0.0"))),
        "answered": outcomes["answered"],
        "new_exceptions": dict(sorted(new_kinds.items())),
        "warnings": dict(sorted(warnings.items())),
        "dismissed": outcomes["dismissed"],
        "already_resolved": outcomes["already_resolved"],
        "not_understood": [{"exception_id": r.exception_id, "where": r.where, "decision": r.decision,
                            "problem": r.message} for r in results if r.outcome == "not_understood"],
        "results": [r.as_dict() for r in results],
    }
