"""The audit trail: every change to the ledger or to an exception's status, with who, when and how.

Nothing is written here: the ledger is append-only and every row already carries its
operator, wall-clock time and batch (the batch names the command and its processing
date). Closing an exception records the batch that closed it (revision 0005; older
closings show no command). The trail is read from:

- credits: "credit posted" (roster, certificate, petition or resolution);
- reversals: "credit reversed", listed right after the credit it reverses;
- exceptions: "exception raised", and "exception resolved/dismissed/answered".
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, Date, Integer, String, and_, cast, func, literal, null, or_, select, union_all

from cec_batch.store.tables import CEUS, batches, credits, exceptions, files, reversals

COLUMNS = ("at", "processing_date", "operator", "command", "batch_id", "event", "certificant_id", "credit_id",
           "exception_id", "course_number", "ceus", "file", "location", "detail")


def _day(batch, wall_clock):
    return func.coalesce(batch.c.processing_date, func.date(wall_clock), type_=Date)


def audit_events(conn: Connection, *, certificant: str | None = None, file: str | None = None,
                 batch: int | None = None, since: date | None = None, until: date | None = None) -> list[dict]:
    """The changes matching every filter given, oldest first; a reversal right after its credit.

    FILE is a file's name as received, its sha256 or its file ID; SINCE and UNTIL bound the
    processing date (inclusive).
    """
    posting = batches.alias("posting")
    undoing = batches.alias("undoing")
    raising = batches.alias("raising")
    closing = batches.alias("closing")
    credit_file = files.alias("credit_file")
    exception_file = files.alias("exception_file")
    text = String()

    posted = (
        select(credits.c.posted_at.label("at"), _day(posting, credits.c.posted_at).label("processing_date"),
               credits.c.operator, posting.c.command, credits.c.batch_id,
               literal("credit posted", text).label("event"), credits.c.certificant_id, credits.c.credit_id,
               cast(null(), Integer).label("exception_id"), credits.c.course_number, credits.c.ceus,
               credits.c.source_file.label("file"), credits.c.source_location.label("location"),
               credits.c.source.label("detail"),
               credits.c.posted_at.label("anchor"), credits.c.credit_id.label("anchor_id"), literal(0).label("seq"),
               credits.c.file_id, credit_file.c.sha256)
        .select_from(credits.join(posting, posting.c.batch_id == credits.c.batch_id)
                     .outerjoin(credit_file, credit_file.c.file_id == credits.c.file_id))
    )
    reversed_ = (
        select(reversals.c.reversed_at, _day(undoing, reversals.c.reversed_at), reversals.c.operator,
               undoing.c.command, reversals.c.batch_id, literal("credit reversed", text), credits.c.certificant_id,
               credits.c.credit_id, cast(null(), Integer), credits.c.course_number, credits.c.ceus, credits.c.source_file,
               credits.c.source_location, reversals.c.reason, credits.c.posted_at, credits.c.credit_id,
               literal(1), credits.c.file_id, credit_file.c.sha256)
        .select_from(reversals.join(credits, credits.c.credit_id == reversals.c.credit_id)
                     .join(undoing, undoing.c.batch_id == reversals.c.batch_id)
                     .outerjoin(credit_file, credit_file.c.file_id == credits.c.file_id))
    )
    raised = (
        select(exceptions.c.created_at, _day(raising, exceptions.c.created_at), exceptions.c.operator,
               raising.c.command, exceptions.c.batch_id, literal("exception raised", text),
               exceptions.c.certificant_id, exceptions.c.credit_id, exceptions.c.exception_id,
               exceptions.c.course_number, cast(null(), CEUS), exceptions.c.source_file,
               exceptions.c.source_location,
               (exceptions.c.kind + literal(": ", text) + exceptions.c.detail),
               exceptions.c.created_at, exceptions.c.exception_id, literal(2), exceptions.c.file_id,
               exception_file.c.sha256)
        .select_from(exceptions.join(raising, raising.c.batch_id == exceptions.c.batch_id)
                     .outerjoin(exception_file, exception_file.c.file_id == exceptions.c.file_id))
    )
    closed = (
        select(exceptions.c.resolved_at, _day(closing, exceptions.c.resolved_at), exceptions.c.resolved_by,
               closing.c.command, exceptions.c.resolved_batch_id, literal("exception ", text) + exceptions.c.status,
               exceptions.c.certificant_id, exceptions.c.credit_id, exceptions.c.exception_id,
               exceptions.c.course_number, cast(null(), CEUS), exceptions.c.source_file,
               exceptions.c.source_location,
               func.coalesce(exceptions.c.resolution, literal("", text)),
               exceptions.c.resolved_at, exceptions.c.exception_id, literal(3), exceptions.c.file_id,
               exception_file.c.sha256)
        .select_from(exceptions.outerjoin(closing, closing.c.batch_id == exceptions.c.resolved_batch_id)
                     .outerjoin(exception_file, exception_file.c.file_id == exceptions.c.file_id))
        .where(exceptions.c.status != "open", exceptions.c.resolved_at.is_not(None))
    )
    trail = union_all(posted, reversed_, raised, closed).subquery("trail")
    where = []
    if certificant is not None:
        where.append(trail.c.certificant_id == certificant)
    if file is not None:
        by_id = [trail.c.file_id == int(file)] if file.isdigit() else []
        where.append(or_(trail.c.file == file, trail.c.sha256 == file.lower(), *by_id))
    if batch is not None:
        where.append(trail.c.batch_id == batch)
    if since is not None:
        where.append(trail.c.processing_date >= since)
    if until is not None:
        where.append(trail.c.processing_date <= until)
    q = (select(*[trail.c[c] for c in COLUMNS]).where(and_(*where))
         .order_by(trail.c.anchor, trail.c.anchor_id, trail.c.seq, trail.c.at))
    out = []
    for r in conn.execute(q).mappings():
        row = dict(r)
        day = row["processing_date"]
        if isinstance(day, str):  # SQLite: date() of a timestamp is text
            row["processing_date"] = date.fromisoformat(day[:10])
        out.append(row)
    return out
