"""Petitions (R21-R23) and the retention of archived originals (R27): the SQL, nothing else."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Iterable

from sqlalchemy import Connection, and_, insert, select, update

from cec_batch.store.tables import (
    batches,
    certificants,
    credits,
    exceptions,
    files,
    petition_documents,
    petitions,
    reversals,
)

CHUNK = 5000


def certificant(conn: Connection, certificant_id: str, *, lock: bool = False):
    """The person, or None. LOCK holds the row until the transaction ends (PostgreSQL), so that
    two decisions about the same person's petitions run one after the other."""
    q = select(certificants).where(certificants.c.certificant_id == certificant_id)
    if lock:
        q = q.with_for_update(key_share=True)  # FOR NO KEY UPDATE: inserts that refer to the person go on
    return conn.execute(q).mappings().first()


def insert_petition(conn: Connection, **values) -> int:
    return conn.execute(insert(petitions).values(**values).returning(petitions.c.petition_id)).scalar_one()


def insert_documents(conn: Connection, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(petition_documents), rows)


def petition_by_id(conn: Connection, petition_id: int, *, lock: bool = False):
    q = select(petitions).where(petitions.c.petition_id == petition_id)
    if lock:
        q = q.with_for_update()
    return conn.execute(q).mappings().first()


def documents_of(conn: Connection, petition_ids: Iterable[int]) -> dict[int, list[dict]]:
    """The documents of each petition, in the order they were recorded."""
    out: dict[int, list[dict]] = defaultdict(list)
    ids = sorted(set(petition_ids))
    for i in range(0, len(ids), CHUNK):
        q = (select(petition_documents).where(petition_documents.c.petition_id.in_(ids[i:i + CHUNK]))
             .order_by(petition_documents.c.document_id))
        for row in conn.execute(q).mappings():
            out[row["petition_id"]].append(dict(row))
    return out


def list_petitions(conn: Connection, status: str = "all", certificant_id: str | None = None) -> list[dict]:
    """Petitions with the person's name, oldest first; STATUS 'all' or one status."""
    q = (select(petitions, certificants.c.first_name, certificants.c.last_name)
         .join(certificants, certificants.c.certificant_id == petitions.c.certificant_id)
         .order_by(petitions.c.petition_id))
    if status != "all":
        q = q.where(petitions.c.status == status)
    if certificant_id is not None:
        q = q.where(petitions.c.certificant_id == certificant_id)
    return [dict(r) for r in conn.execute(q).mappings()]


def approved_petitions(conn: Connection, certificant_id: str) -> list[dict]:
    """The person's approved petitions with their credit and whether it was reversed (R14 by title)."""
    q = (select(petitions.c.petition_id, petitions.c.title, petitions.c.provider, petitions.c.credit_id,
                credits.c.completion_date, credits.c.batch_id, reversals.c.reversal_id)
         .join(credits, credits.c.credit_id == petitions.c.credit_id)
         .outerjoin(reversals, reversals.c.credit_id == credits.c.credit_id)
         .where(and_(petitions.c.certificant_id == certificant_id, petitions.c.status == "approved"))
         .order_by(petitions.c.petition_id))
    return [dict(r) for r in conn.execute(q).mappings()]


def decide(conn: Connection, petition_id: int, **values) -> int:
    """Record the decision on a pending petition; returns 1, or 0 when it was no longer pending."""
    res = conn.execute(update(petitions)
                       .where(and_(petitions.c.petition_id == petition_id, petitions.c.status == "pending"))
                       .values(**values))
    return res.rowcount


def open_exceptions(conn: Connection, certificant_id: str, course_number: str) -> list[dict]:
    """Open exceptions about one petition (its pseudo course number), oldest first."""
    q = (select(exceptions.c.exception_id, exceptions.c.kind, exceptions.c.detail)
         .where(and_(exceptions.c.certificant_id == certificant_id, exceptions.c.course_number == course_number,
                     exceptions.c.status == "open"))
         .order_by(exceptions.c.exception_id))
    return [dict(r) for r in conn.execute(q).mappings()]


def resolve_exceptions(conn: Connection, exception_ids: list[int], *, resolution: str, operator: str,
                       when: datetime, batch_id: int | None = None) -> None:
    if exception_ids:
        conn.execute(update(exceptions).where(exceptions.c.exception_id.in_(exception_ids))
                     .values(status="resolved", resolution=resolution, resolved_by=operator, resolved_at=when,
                             resolved_batch_id=batch_id))


# -- retention (R27) ----------------------------------------------------------------------
def set_batch_summary(conn: Connection, batch_id: int, summary: dict) -> None:
    """Record a running batch's intent (what it is about to do) before it acts."""
    conn.execute(update(batches).where(batches.c.batch_id == batch_id)
                 .values(summary=json.loads(json.dumps(summary, default=str))))


def archive_records(conn: Connection, hashes: Iterable[str]) -> dict[str, list[dict]]:
    """What the store knows about each content hash: applied files and petition documents.

    Each record is {"kind": "file"|"petition_document", "name", "received", "pending"};
    `received` is files.applied_at or the petition's created_at, `pending` says the
    document belongs to a petition still waiting for a decision.
    """
    out: dict[str, list[dict]] = defaultdict(list)
    shas = sorted(set(hashes))
    for i in range(0, len(shas), CHUNK):
        chunk = shas[i:i + CHUNK]
        q = (select(files.c.sha256, files.c.original_name, files.c.applied_at, files.c.file_id)
             .where(files.c.sha256.in_(chunk)))
        for sha, name, when, file_id in conn.execute(q):
            out[sha].append({"kind": "file", "name": name, "received": when, "pending": False, "id": file_id})
        q = (select(petition_documents.c.sha256, petition_documents.c.original_name, petitions.c.created_at,
                    petitions.c.status, petitions.c.petition_id)
             .join(petitions, petitions.c.petition_id == petition_documents.c.petition_id)
             .where(petition_documents.c.sha256.in_(chunk)))
        for sha, name, when, status, petition_id in conn.execute(q):
            out[sha].append({"kind": "petition_document", "name": name, "received": when,
                             "pending": status == "pending", "id": petition_id})
    return out
