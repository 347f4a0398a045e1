"""The queries behind a certificant's transcript: the person, the periods, every credit."""

from __future__ import annotations

from sqlalchemy import Connection, select

from cec_batch.store.tables import certificants, certifications, courses, credits, petitions, reversals


def certificant(conn: Connection, certificant_id: str) -> dict | None:
    row = conn.execute(select(certificants).where(certificants.c.certificant_id == certificant_id)).mappings().first()
    return dict(row) if row else None


def periods(conn: Connection, certificant_id: str) -> list[dict]:
    q = (select(certifications.c.certification, certifications.c.period_start, certifications.c.period_end)
         .where(certifications.c.certificant_id == certificant_id)
         .order_by(certifications.c.period_start, certifications.c.certification))
    return [dict(r) for r in conn.execute(q).mappings()]


def credits_of(conn: Connection, certificant_id: str) -> list[dict]:
    """Every credit of the person, reversed ones included, with its course title, petition and reversal."""
    q = (select(credits.c.credit_id, credits.c.course_number, credits.c.completion_date, credits.c.ceus,
                credits.c.category, credits.c.source, credits.c.source_file, credits.c.source_location,
                credits.c.batch_id, credits.c.operator, credits.c.posted_at, credits.c.note,
                courses.c.title.label("course_title"), petitions.c.petition_id,
                petitions.c.title.label("petition_title"), petitions.c.provider.label("petition_provider"),
                reversals.c.reversal_id, reversals.c.reason.label("reversal_reason"),
                reversals.c.operator.label("reversed_by"), reversals.c.reversed_at)
         .outerjoin(courses, courses.c.course_number == credits.c.course_number)
         .outerjoin(petitions, petitions.c.credit_id == credits.c.credit_id)
         .outerjoin(reversals, reversals.c.credit_id == credits.c.credit_id)
         .where(credits.c.certificant_id == certificant_id)
         .order_by(credits.c.completion_date, credits.c.credit_id))
    return [dict(r) for r in conn.execute(q).mappings()]
