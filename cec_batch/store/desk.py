"""The review desk's reads: the queue of open exceptions, one exception, the people and courses around it.

Nothing here writes: every decision goes through `resolve.decide`, the path of `cec-batch resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, and_, func, or_, select

from cec_batch.model import Period
from cec_batch.store.tables import certificants, certifications, courses, exceptions, files

# The provider of an exception: as given at ingest (--provider), else the catalogue's provider of its course.
_PROVIDER = func.coalesce(files.c.provider, courses.c.provider)


@dataclass(frozen=True)
class Filters:
    """What the queue is narrowed to; every part optional."""

    kind: str | None = None
    file: str | None = None
    batch: int | None = None
    provider: str | None = None

    def where(self, with_kind: bool = True) -> list:
        clauses = [exceptions.c.status == "open"]
        if self.kind and with_kind:
            clauses.append(exceptions.c.kind == self.kind)
        if self.file:
            clauses.append(exceptions.c.source_file == self.file)
        if self.batch is not None:
            clauses.append(exceptions.c.batch_id == self.batch)
        if self.provider:
            clauses.append(_PROVIDER == self.provider)
        return clauses


def _base(columns: list):
    return (select(*columns)
            .select_from(exceptions.outerjoin(files, files.c.file_id == exceptions.c.file_id)
                         .outerjoin(courses, courses.c.course_number == exceptions.c.course_number)))


_QUEUE_COLUMNS = [exceptions.c.exception_id, exceptions.c.kind, exceptions.c.source_file,
                  exceptions.c.source_location, exceptions.c.certificant_ref, exceptions.c.course_number,
                  exceptions.c.detail, exceptions.c.batch_id, exceptions.c.created_at, _PROVIDER.label("provider")]
_ORDER = (exceptions.c.created_at, exceptions.c.exception_id)  # oldest first


def queue(conn: Connection, filters: Filters, limit: int = 500) -> list[dict]:
    """Open exceptions under FILTERS, oldest first (at most LIMIT)."""
    q = _base(_QUEUE_COLUMNS).where(*filters.where()).order_by(*_ORDER).limit(limit)
    return [dict(r) for r in conn.execute(q).mappings()]


def counts_by_kind(conn: Connection, filters: Filters) -> dict[str, int]:
    """Open exceptions per kind under FILTERS (the kind filter itself aside)."""
    q = (_base([exceptions.c.kind, func.count()]).where(*filters.where(with_kind=False))
         .group_by(exceptions.c.kind).order_by(exceptions.c.kind))
    return {k: n for k, n in conn.execute(q)}


def filter_choices(conn: Connection) -> dict[str, list]:
    """The files, batches and providers that have open exceptions, for the queue's filter menus."""
    open_ = exceptions.c.status == "open"
    out = {}
    for name, col in (("file", exceptions.c.source_file), ("batch", exceptions.c.batch_id),
                      ("provider", _PROVIDER)):
        q = _base([col]).where(open_, col.is_not(None)).distinct().order_by(col)
        out[name] = [r[0] for r in conn.execute(q) if r[0] not in (None, "")]
    return out


def neighbour(conn: Connection, exception_id: int | None, filters: Filters, *, forward: bool = True) -> int | None:
    """The next (or previous) open exception under FILTERS after EXCEPTION_ID in queue order.

    Forward from the end, or with no EXCEPTION_ID, wraps to the oldest one; None when nothing is open.
    """
    q = _base([exceptions.c.exception_id]).where(*filters.where())
    if exception_id is not None:
        here = conn.execute(select(exceptions.c.created_at).where(
            exceptions.c.exception_id == exception_id)).scalar_one_or_none()
        if here is not None:
            if forward:
                after = or_(exceptions.c.created_at > here,
                            and_(exceptions.c.created_at == here, exceptions.c.exception_id > exception_id))
            else:
                after = or_(exceptions.c.created_at < here,
                            and_(exceptions.c.created_at == here, exceptions.c.exception_id < exception_id))
            order = _ORDER if forward else tuple(c.desc() for c in _ORDER)
            found = conn.execute(q.where(after).order_by(*order).limit(1)).scalar_one_or_none()
            if found is not None or not forward:
                return found
    return conn.execute(q.order_by(*_ORDER).limit(1)).scalar_one_or_none()


def exception(conn: Connection, exception_id: int) -> dict | None:
    """One exception with its provider and batch, or None."""
    q = _base([exceptions, _PROVIDER.label("provider")]).where(exceptions.c.exception_id == exception_id)
    row = conn.execute(q).mappings().first()
    return dict(row) if row else None


def answers_to(conn: Connection, exception_id: int) -> list[dict]:
    """Exceptions recorded when a decision on EXCEPTION_ID was re-checked and failed (data.answers)."""
    # Few rows share a file and location: read those and look inside their data here (JSON
    # queries differ between SQLite and PostgreSQL).
    base = conn.execute(select(exceptions.c.file_id, exceptions.c.source_file, exceptions.c.source_location)
                        .where(exceptions.c.exception_id == exception_id)).first()
    if base is None:
        return []
    q = (select(exceptions.c.exception_id, exceptions.c.kind, exceptions.c.status, exceptions.c.detail,
                exceptions.c.data)
         .where(exceptions.c.source_file == base.source_file, exceptions.c.source_location == base.source_location,
                exceptions.c.exception_id > exception_id)
         .order_by(exceptions.c.exception_id))
    return [dict(r) for r in conn.execute(q).mappings() if (r["data"] or {}).get("answers") == exception_id]


def image_path(conn: Connection, exception_id: int) -> Path | None:
    """The saved page image of EXCEPTION_ID as the store recorded it, or None."""
    data = conn.execute(select(exceptions.c.data).where(exceptions.c.exception_id == exception_id)).scalar_one_or_none()
    read = (data or {}).get("read") or ((data or {}).get("row") or {}).get("read") or {}
    image = read.get("image") if isinstance(read, dict) else None
    return Path(image) if isinstance(image, str) and image else None


@dataclass
class Person:
    """A certificant as the desk shows one: identity and certification periods."""

    certificant_id: str
    first_name: str
    last_name: str
    email: str | None
    birth_date: date | None
    periods: list[Period]


def people(conn: Connection, ids: list[str]) -> dict[str, Person]:
    """The certificants with IDS and their periods, by ID (unknown IDs are left out)."""
    ids = sorted({i for i in ids if i})
    if not ids:
        return {}
    found = {r.certificant_id: Person(r.certificant_id, r.first_name, r.last_name, r.email, r.birth_date, [])
             for r in conn.execute(select(certificants).where(certificants.c.certificant_id.in_(ids)))}
    q = (select(certifications.c.certificant_id, certifications.c.certification, certifications.c.period_start,
                certifications.c.period_end)
         .where(certifications.c.certificant_id.in_(list(found)))
         .order_by(certifications.c.certificant_id, certifications.c.period_start))
    for cid, name, start, end in conn.execute(q):
        found[cid].periods.append(Period(name, start, end))
    return found
