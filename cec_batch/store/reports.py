"""The reports' reads: every statement behind the compliance workbook, the exceptions workbook
and the provider feedback. Each function returns plain data or a pandas frame; what the
figures mean is said in reports/compliance.py and the other report modules.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from datetime import date

import pandas as pd
from sqlalchemy import (
    Connection,
    Date,
    Integer,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    type_coerce,
)

from cec_batch.model import LIMITED_CATEGORIES, WARNING_KINDS
from cec_batch.store import ledger
from cec_batch.store.tables import (
    batches,
    certificants,
    certifications,
    courses,
    credits,
    exceptions,
    files,
    reversals,
)

CREDIT_SOURCES = ("roster", "certificate", "petition", "resolution")  # credits.source
FETCH_CHUNK = 100_000


def add_months(first: date, n: int) -> date:
    """The 1st of the month N months after FIRST (a 1st)."""
    k = first.year * 12 + first.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


# -- the compliance workbook ---------------------------------------------------------------
def _tenths(column):
    """CECs as whole tenths: exact sums on SQLite (floats) and PostgreSQL (numeric) alike."""
    return cast(func.round(column * 10), Integer)


def _fetch_frame(conn: Connection, query, columns: dict[str, str]) -> pd.DataFrame:
    """Run QUERY into a frame, converting each chunk as it arrives: COLUMNS maps name -> kind.

    Kinds: "int", "date" (ISO text or date -> datetime64), "label" (few distinct
    values: one shared string object each), "text". Converting chunk by chunk keeps
    a million rows from ever being a million tuples of Python objects at once.
    """
    names = list(columns)
    result = conn.execution_options(stream_results=True, yield_per=FETCH_CHUNK).execute(query)
    parts = []
    for chunk in result.partitions(FETCH_CHUNK):
        part = pd.DataFrame.from_records([tuple(r) for r in chunk], columns=names)
        parts.append(_convert(part, columns))
    if not parts:
        return _convert(pd.DataFrame({n: pd.Series([], dtype=object) for n in names}), columns)
    return pd.concat(parts, ignore_index=True)


def _convert(part: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    for name, kind in columns.items():
        if kind == "int":
            part[name] = part[name].astype("int64")
        elif kind == "date":
            part[name] = pd.to_datetime(part[name].astype(str), format="ISO8601").astype("datetime64[s]")
        elif kind == "label":
            part[name] = part[name].map(sys.intern).astype(object)
        else:
            part[name] = part[name].astype(object)
    return part


def period_tenths(conn: Connection, limit: int) -> pd.DataFrame:
    """One row per certification period with its total in tenths of a CEC (R4, R5, R12), each
    limited category counting at most LIMIT tenths (the caller takes it from rules).

    Columns: id, certificant_id, name, email, certification, period_start,
    period_end (datetime64, midnight), tenths (int).
    """
    p = certifications
    tenths = _tenths(credits.c.ceus)
    limited = sorted(LIMITED_CATEGORIES)

    def capped(category):
        # R12: each limited category counts at most 0.2 in a period.
        total = func.coalesce(func.sum(case((credits.c.category == category, tenths), else_=0)), 0)
        return case((total > limit, limit), else_=total)

    total = func.coalesce(func.sum(case((credits.c.category.in_(limited), 0), else_=tenths)), 0)
    for category in limited:
        total = total + capped(category)
    # One pass: each period meets the standing credits of its person that fall inside it
    # (R5: the same credit meets every period containing it; R4: no other period's).
    standing_in_period = and_(
        credits.c.certificant_id == p.c.certificant_id,
        credits.c.completion_date >= p.c.period_start,
        credits.c.completion_date <= p.c.period_end,
        ~exists().where(reversals.c.credit_id == credits.c.credit_id),
    )
    query = (
        select(p.c.id, p.c.certificant_id,
               (certificants.c.first_name + " " + certificants.c.last_name).label("name"),
               certificants.c.email, p.c.certification,
               # ISO text on SQLite, dates on PostgreSQL: pandas converts both in bulk,
               # much faster than a Python date object per value.
               type_coerce(p.c.period_start, String).label("period_start"),
               type_coerce(p.c.period_end, String).label("period_end"),
               total.label("tenths"))
        .select_from(p.join(certificants, certificants.c.certificant_id == p.c.certificant_id)
                     .outerjoin(credits, standing_in_period))
        .group_by(p.c.id, certificants.c.certificant_id)
    )
    return _fetch_frame(conn, query, {
        "id": "int", "certificant_id": "text", "name": "text", "email": "text", "certification": "label",
        "period_start": "date", "period_end": "date", "tenths": "int"})


def processing_day(batch_table, wall_clock):
    """The day a batch worked as (its --today), or, for a batch from before revision 0005, the
    UTC day of WALL_CLOCK: the one clock every monthly figure counts by."""
    return func.coalesce(batch_table.c.processing_date, func.date(wall_clock), type_=Date)


def credits_posted(conn: Connection, month: date, months: int = 12) -> tuple[dict, list[dict]]:
    """Credits posted in MONTH by source, and per month over the MONTHS ending with it.

    A credit counts in the month of its batch's processing date (see processing_day).
    Returns ({source: {"credits": n, "tenths": t}}, [{"month": date, "credits": n, "tenths": t}, ...]).
    """
    firsts = [add_months(month, i - months + 1) for i in range(months + 1)]
    posted = select(credits.c.source, credits.c.ceus,
                    processing_day(batches, credits.c.posted_at).label("day")) \
        .select_from(credits.join(batches, batches.c.batch_id == credits.c.batch_id)).subquery("dated")
    index = case(*[(posted.c.day < firsts[i + 1], i) for i in range(months)], else_=months)
    inner = (
        select(index.label("m"), posted.c.source, _tenths(posted.c.ceus).label("tenths"))
        .where(posted.c.day >= firsts[0], posted.c.day < firsts[-1])
        .subquery("posted")
    )
    rows = conn.execute(
        select(inner.c.m, inner.c.source, func.count().label("n"), func.sum(inner.c.tenths))
        .group_by(inner.c.m, inner.c.source)
    ).all()
    by_source = {s: {"credits": 0, "tenths": 0} for s in CREDIT_SOURCES}
    per_month = [{"month": firsts[i], "credits": 0, "tenths": 0} for i in range(months)]
    for m, source, n, tenths in rows:
        per_month[m]["credits"] += int(n)
        per_month[m]["tenths"] += int(tenths or 0)
        if m == months - 1:
            entry = by_source.setdefault(source, {"credits": 0, "tenths": 0})
            entry["credits"] += int(n)
            entry["tenths"] += int(tenths or 0)
    return by_source, per_month


def reversals_recorded(conn: Connection, month: date) -> dict:
    """Reversals recorded in MONTH (by their batch's processing date): {"count": n, "tenths": t}."""
    start, end = month, add_months(month, 1)
    day = processing_day(batches, reversals.c.reversed_at)
    n, tenths = conn.execute(
        select(func.count(), func.coalesce(func.sum(_tenths(credits.c.ceus)), 0))
        .select_from(reversals.join(credits, credits.c.credit_id == reversals.c.credit_id)
                     .join(batches, batches.c.batch_id == reversals.c.batch_id))
        .where(day >= start, day < end)
    ).one()
    return {"count": int(n), "tenths": int(tenths)}


def open_exceptions(conn: Connection, as_of: date | None = None) -> list[dict]:
    """Exceptions open as of AS_OF (None: now) by kind, most frequent first: [{"kind", "severity", "count"}].

    As they stood on that day: raised by a batch processed on or before it, and not closed
    by then (closed later, or still open). Days are processing dates (see processing_day).
    """
    if as_of is None:
        where = exceptions.c.status == "open"
        q = select(exceptions.c.kind, func.count()).where(where)
    else:
        opened = batches.alias("opened")
        closed = batches.alias("closed")
        raised_day = processing_day(opened, exceptions.c.created_at)
        closed_day = func.coalesce(closed.c.processing_date, func.date(exceptions.c.resolved_at), type_=Date)
        q = (select(exceptions.c.kind, func.count())
             .select_from(exceptions.join(opened, opened.c.batch_id == exceptions.c.batch_id)
                          .outerjoin(closed, closed.c.batch_id == exceptions.c.resolved_batch_id))
             .where(raised_day <= as_of,
                    or_(exceptions.c.status == "open", closed_day > as_of)))
    rows = conn.execute(q.group_by(exceptions.c.kind)).all()
    out = [{"kind": k, "severity": "warning" if k in WARNING_KINDS else "error", "count": int(n)}
           for k, n in rows]
    return sorted(out, key=lambda r: (-r["count"], r["kind"]))


def provider_rows(conn: Connection, start: date, end: date, no_provider: str) -> tuple[list, list]:
    """The credits and the exceptions of the files applied from START to before END (processing days),
    as (provider, kind, severity, completion_date, arrived, file kind) rows: a credit's kind is
    "posted", its severity "credit". The provider is the catalogue's, else the file's, else NO_PROVIDER.
    """
    arrived = processing_day(batches, files.c.applied_at)
    in_month = and_(arrived >= start, arrived < end)

    # The catalogue knows the provider of an approved course; otherwise the one given with the file.
    provider = func.coalesce(courses.c.provider, files.c.provider, literal(no_provider))

    # Credits and exceptions in one frame: a credit's kind is "posted", its severity "credit".
    def rows(table, kind, severity):
        return conn.execute(
            select(provider, kind, severity, table.c.completion_date, arrived, files.c.kind)
            .select_from(table.join(files, files.c.file_id == table.c.file_id)
                         .join(batches, batches.c.batch_id == files.c.batch_id)
                         .outerjoin(courses, courses.c.course_number == table.c.course_number))
            .where(in_month)
        ).all()

    credit_rows = rows(credits, literal("posted"), literal("credit"))
    exception_rows = rows(exceptions, exceptions.c.kind, exceptions.c.severity)
    return credit_rows, exception_rows


# -- the exceptions workbook ---------------------------------------------------------------
def load_exceptions(conn: Connection, *, status: str = "open", kind: str | None = None) -> list[dict]:
    """Exceptions with STATUS ('all' for every one) and optionally of one KIND, oldest first."""
    q = select(exceptions).order_by(exceptions.c.exception_id)
    if status != "all":
        q = q.where(exceptions.c.status == status)
    if kind:
        q = q.where(exceptions.c.kind == kind)
    return [dict(r) for r in conn.execute(q).mappings()]


def batch_postings(conn: Connection, batch_id: int) -> tuple[int, object, list, int, dict[str, int]]:
    """What batch BATCH_ID wrote: (credits, their CECs summed, [(source file, credits, CECs)] by file,
    files applied, {exception kind: count})."""
    n, total = conn.execute(select(func.count(), func.coalesce(func.sum(credits.c.ceus), 0))
                            .where(credits.c.batch_id == batch_id)).one()
    per_file = conn.execute(select(credits.c.source_file, func.count(), func.sum(credits.c.ceus))
                            .where(credits.c.batch_id == batch_id)
                            .group_by(credits.c.source_file).order_by(credits.c.source_file)).all()
    n_files = conn.execute(select(func.count()).select_from(files).where(files.c.batch_id == batch_id)).scalar_one()
    raised = dict(conn.execute(select(exceptions.c.kind, func.count()).where(exceptions.c.batch_id == batch_id)
                               .group_by(exceptions.c.kind)).all())
    return n, total, per_file, n_files, raised


# -- the provider feedback -----------------------------------------------------------------
def refused_rows(conn: Connection, batch_id: int) -> list[dict]:
    """Error exceptions raised in BATCH_ID about roster files applied in it, with the file's provider.

    Certificates come from the professionals themselves, not from a provider, and an
    unreadable file has no rows to attribute: those get feedback only when the file
    was handed in with `--provider`.
    """
    q = (select(exceptions, files.c.provider.label("file_provider"), files.c.original_name)
         .join(files, files.c.file_id == exceptions.c.file_id)
         .where(files.c.batch_id == batch_id, exceptions.c.batch_id == batch_id,
                exceptions.c.severity == "error",
                or_(files.c.kind == "roster", files.c.provider.is_not(None)))
         .order_by(exceptions.c.exception_id))
    return [dict(r) for r in conn.execute(q).mappings()]


def catalogue_providers_by_file(conn: Connection, batch_id: int) -> dict[int, Counter]:
    """For each file of batch BATCH_ID, how many of its rows name a catalogue course of each provider:
    its credits and its error exceptions (a warning belongs to a credit already counted)."""
    counts: dict[int, Counter] = defaultdict(Counter)
    for table in (credits, exceptions):
        q = (select(table.c.file_id, courses.c.provider, func.count())
             .join(courses, courses.c.course_number == table.c.course_number)
             .join(files, files.c.file_id == table.c.file_id)
             .where(files.c.batch_id == batch_id)
             .group_by(table.c.file_id, courses.c.provider))
        if table is exceptions:  # a warning belongs to a credit already counted
            q = q.where(exceptions.c.severity == "error")
        for file_id, provider, n in conn.execute(q):
            counts[file_id][provider] += n
    return counts


def processed_on(conn: Connection, batch_id: int) -> date:
    """The processing date of a batch: its --today when recorded, else the day it started (UTC)."""
    row = conn.execute(select(batches.c.started_at, batches.c.summary)
                       .where(batches.c.batch_id == batch_id)).first()
    if row is None:
        return ledger.now().date()
    today = (row.summary or {}).get("today")
    try:
        return date.fromisoformat(today) if today else row.started_at.date()
    except ValueError:
        return row.started_at.date()


def renamed_files(conn: Connection, batch_id: int) -> list:
    """Files applied in BATCH_ID whose content was not what their name said: file_id, original_name,
    format_note, provider."""
    q = (select(files.c.file_id, files.c.original_name, files.c.format_note, files.c.provider)
         .where(files.c.batch_id == batch_id, files.c.format_note.is_not(None))
         .order_by(files.c.file_id))
    return conn.execute(q).all()


def course_providers(conn: Connection) -> dict[str, str]:
    """The catalogue's provider of every course number."""
    return dict(conn.execute(select(courses.c.course_number, courses.c.provider)).all())
