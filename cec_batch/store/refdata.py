"""Upserting reference data: loading the same file again changes nothing."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cec_batch.store.tables import certificants, certifications, courses

KEYS = {
    "certificants": (certificants, ("certificant_id",)),
    "certifications": (certifications, ("certificant_id", "certification", "period_start")),
    "courses": (courses, ("course_number",)),
}


def known_certificants(conn: Connection, ids: set[str]) -> set[str]:
    found: set[str] = set()
    ids_list = sorted(ids)
    for i in range(0, len(ids_list), 5000):
        chunk = ids_list[i:i + 5000]
        found.update(r[0] for r in conn.execute(select(certificants.c.certificant_id)
                                                .where(certificants.c.certificant_id.in_(chunk))))
    return found


def upsert(conn: Connection, kind: str, rows: list[dict]) -> int:
    """Insert ROWS of KIND, updating those whose key exists; returns the row count."""
    if not rows:
        return 0
    table, keys = KEYS[kind]
    make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    for i in range(0, len(rows), 2000):
        stmt = make(table)
        changes = {c: stmt.excluded[c] for c in rows[0] if c not in keys}
        conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=changes), rows[i:i + 2000])
    return len(rows)
