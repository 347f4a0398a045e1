"""Upserting reference data: loading the same file again changes nothing.

Bulk: on PostgreSQL the rows are copied (COPY) into a temporary staging table and
merged with one INSERT ... ON CONFLICT; on SQLite one executemany of the upsert.
Certificants carry their blocking keys (normalize.person_keys), computed here, so
that matching can look a file's people up through indexes (store.registry).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import Connection, select

from cec_batch.normalize import person_keys
from cec_batch.store.tables import certificants

KEYS = {
    "certificants": ("certificant_id",),
    "certifications": ("certificant_id", "certification", "period_start"),
    "courses": ("course_number",),
}
COLUMNS = {
    "certificants": ("certificant_id", "first_name", "last_name", "email", "birth_date",
                     "surname_key", "first_key", "sound_key", "first_sound"),
    "certifications": ("certificant_id", "certification", "period_start", "period_end"),
    "courses": ("course_number", "title", "provider", "ceus", "category", "approved_from", "approved_to"),
}
NAME_KEYS = ("surname_key", "first_key", "sound_key", "first_sound")
CHUNK = 5000


def known_certificants(conn: Connection, ids: set[str]) -> set[str]:
    found: set[str] = set()
    ids_list = sorted(ids)
    for i in range(0, len(ids_list), CHUNK):
        chunk = ids_list[i:i + CHUNK]
        found.update(r[0] for r in conn.execute(select(certificants.c.certificant_id)
                                                .where(certificants.c.certificant_id.in_(chunk))))
    return found


def upsert(conn: Connection, kind: str, rows: list[dict]) -> int:
    """Insert ROWS of KIND, updating those whose key exists; returns the row count.

    A key given twice in ROWS counts once, with its last values (as row-by-row upserts would leave it).
    """
    if not rows:
        return 0
    keys, columns = KEYS[kind], COLUMNS[kind]
    given = [c for c in columns if c in rows[0] or c in NAME_KEYS]
    latest: dict[tuple, tuple] = {}
    with_keys = kind == "certificants"
    for r in rows:
        values = tuple(r.get(c) for c in given if c not in NAME_KEYS)
        if with_keys:
            values += person_keys(r["first_name"], r["last_name"])
        latest[tuple(r[k] for k in keys)] = values
    tuples = [latest[k] for k in sorted(latest)]  # in key order: the primary index grows at its end
    if conn.dialect.name == "postgresql":
        _copy_upsert(conn, kind, given, keys, tuples)
    else:
        _sqlite_upsert(conn, kind, given, keys, tuples)
    return len(rows)


def _update_clause(given, keys) -> str:
    changes = [c for c in given if c not in keys]
    if not changes:
        return "DO NOTHING"
    return "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in changes)


def _copy_upsert(conn: Connection, table: str, given, keys, tuples: list[tuple]) -> None:
    cols = ", ".join(given)
    raw = conn.connection.driver_connection
    with raw.cursor() as cur:
        cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS stage_{table} AS SELECT {cols} FROM {table} WITH NO DATA")
        cur.execute(f"TRUNCATE stage_{table}")
        with cur.copy(f"COPY stage_{table} ({cols}) FROM STDIN") as copy:
            for t in tuples:
                copy.write_row(t)
        cur.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM stage_{table} "
                    f"ON CONFLICT ({', '.join(keys)}) {_update_clause(given, keys)}")
        cur.execute(f"TRUNCATE stage_{table}")


def _sqlite_value(v):
    # Stored as SQLAlchemy would store them: dates as ISO text, decimals as text.
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    return v


def _sqlite_upsert(conn: Connection, table: str, given, keys, tuples: list[tuple]) -> None:
    marks = ", ".join("?" for _ in given)
    sql = (f"INSERT INTO {table} ({', '.join(given)}) VALUES ({marks}) "
           f"ON CONFLICT ({', '.join(keys)}) {_update_clause(given, keys)}")
    raw = conn.connection.driver_connection
    cur = raw.cursor()
    try:
        for i in range(0, len(tuples), 50_000):
            cur.executemany(sql, [tuple(_sqlite_value(v) for v in t) for t in tuples[i:i + 50_000]])
    finally:
        cur.close()


def fill_name_keys(conn: Connection) -> int:
    """Work out the blocking keys of certificants that have none (written by other means than `load`).

    One indexed query when every certificant has its keys; returns how many were filled.
    """
    t = sa.table("certificants", sa.column("certificant_id"), sa.column("first_name"), sa.column("last_name"),
                 *(sa.column(c) for c in NAME_KEYS))
    missing = conn.execute(select(t.c.certificant_id, t.c.first_name, t.c.last_name)
                           .where(t.c.surname_key.is_(None))).all()
    if not missing:
        return 0
    stmt = (sa.update(t).where(t.c.certificant_id == sa.bindparam("cid"))
            .values(**{c: sa.bindparam(f"k_{c}") for c in NAME_KEYS}))
    params = []
    for cid, first, last in missing:
        params.append({"cid": cid, **{f"k_{c}": v for c, v in zip(NAME_KEYS, person_keys(first, last))}})
    for i in range(0, len(params), CHUNK):
        conn.execute(stmt, params[i:i + CHUNK])
    return len(params)
