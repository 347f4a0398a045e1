"""Upserting reference data: loading the same file again changes nothing.

Bulk: on PostgreSQL the rows are copied (COPY) into a temporary staging table and
merged with one INSERT ... ON CONFLICT; on SQLite one executemany of the upsert.
Certificants carry their blocking keys (normalize.person_keys), computed here, so
that matching can look a file's people up through indexes (store.registry).
"""

from __future__ import annotations

import itertools
import json
import operator
from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from sqlalchemy import Connection, select

from cec_batch.normalize import person_key_columns, person_keys
from cec_batch.store.bulk import rows_for_keys

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


def known_certificants(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of IDS are in the registry (see `unregistered`)."""
    ids = set(ids)
    return ids - unregistered(conn, ids)


def unregistered(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of IDS are not in the registry, a batch of keys a query.

    SQLite: each batch of keys in order is one range of the primary key, read in order (its text
    compares as Python's str does) and returned as one JSON array, unless the registry holds many
    more keys in that range than the batch asks about: then the batch's keys are looked up one by
    one (store.bulk, as the ingest reads the registry). A registry's periods file names most
    people, in order: the ranges cost a fraction of the look-ups, and a range that holds exactly
    the batch's keys (the usual case) needs no set made of it. PostgreSQL: a batch is one array
    parameter, the keys found one array (no row objects, no statement of 5,000 placeholders).
    """
    keys = sorted(ids)  # a file in key order: linear
    missing: set[str] = set()
    if conn.dialect.name == "postgresql":  # one array parameter a batch, the keys found as one array
        for i in range(0, len(keys), CHUNK):
            group = keys[i:i + CHUNK]
            (listed,) = conn.exec_driver_sql(_KNOWN_ANY, (group,)).one()
            if len(listed or ()) != len(set(group)):
                missing.update(set(group).difference(listed or ()))
        return missing
    for i in range(0, len(keys), CHUNK):
        group = keys[i:i + CHUNK]
        most = RANGE_SPREAD * len(group)
        (listed,) = conn.exec_driver_sql(_KNOWN_RANGE, (group[0], group[-1], most + 1)).one()
        in_range = json.loads(listed)
        if in_range == group:
            continue  # every key asked is there, and no other
        if len(in_range) > most:
            in_range = [cid for (cid,) in rows_for_keys(conn, _KNOWN, group, CHUNK)]
        missing.update(set(group).difference(in_range))
    return missing


_KNOWN = "SELECT certificant_id FROM certificants WHERE certificant_id IN ({keys})"
_KNOWN_ANY = "SELECT array_agg(certificant_id) FROM certificants WHERE certificant_id = ANY(%s)"
_KNOWN_RANGE = ("SELECT json_group_array(certificant_id) FROM "
                "(SELECT certificant_id FROM certificants WHERE certificant_id BETWEEN ? AND ? LIMIT ?)")
RANGE_SPREAD = 3  # a range is read when it holds at most this many registry keys per key asked


def upsert_chunks(conn: Connection, kind: str, chunks: Iterable[dict[str, list]]) -> int:
    """Upsert each chunk of CHUNKS (checked rows column by column: name -> values) in turn, in the
    caller's transaction; the row count.

    Memory is bounded by a chunk. A key given again (in a chunk or a later one) counts once, with
    its last values, as row-by-row upserts would leave it. When the table is empty to begin with
    (a first load), its secondary indexes (and on PostgreSQL its foreign keys and unique
    constraints other than the primary key) are dropped and made again once after the last chunk:
    several times faster than keeping them up to date row by row, and invisible to others (the
    transaction holds the change). A unique constraint comes back before the first chunk whose
    keys could meet keys already written (the upsert's ON CONFLICT needs it); until then every
    key is above all those before it, so none can be given twice.
    """
    postgres = conn.dialect.name == "postgresql"
    raw = conn.connection.driver_connection
    cur = raw.cursor()
    try:
        cur.execute(f"SELECT 1 FROM {kind} LIMIT 1")
        empty = cur.fetchone() is None
        rebuild = _drop_indexes(cur, kind, postgres) if empty else []  # (name, SQL) to run after the rows
        uniques = []  # PostgreSQL: (name, SQL) of the unique constraints to add again
        if empty and postgres:
            rebuild += _drop_constraints(cur, kind, "f")
            uniques = _drop_constraints(cur, kind, "u")
        if postgres:
            cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
        else:
            (cache,) = cur.execute("PRAGMA cache_size").fetchone()
            cur.execute(f"PRAGMA cache_size=-{LOAD_CACHE_KIB}")
        count, last = 0, None
        for columns in chunks:
            n = len(columns[KEYS[kind][0]])
            if not n:
                continue
            given, tuples, (low, high) = _tuples(kind, columns, as_stored=_copy_values if postgres else _sqlite_values)
            # Into a table empty at the start, keys above every key written so far cannot conflict.
            fresh = empty and (last is None or low > last)
            if postgres:
                if not fresh:
                    for _name, sql in uniques:
                        cur.execute(sql)
                    uniques = []
                _copy_upsert(cur, kind, given, KEYS[kind], tuples, fresh=fresh)
            else:
                _sqlite_upsert(cur, kind, given, KEYS[kind], tuples)
            count, last = count + n, high if last is None else max(last, high)
        for _name, sql in uniques + rebuild:
            cur.execute(sql)
        if empty and postgres and count:
            # A table filled from empty has no planner statistics until autovacuum comes by: without
            # them PostgreSQL read the registry whole for each batch of keys of the next load (seq scans).
            cur.execute(f"ANALYZE {kind}")
        if not postgres:
            cur.execute(f"PRAGMA cache_size={cache}")
    finally:
        cur.close()
    return count


def _tuples(kind: str, columns: dict[str, list], as_stored) -> tuple[list[str], Iterable[tuple], tuple]:
    """The table columns given, the rows as tuples, one per key (the last wins), in key order, and
    the lowest and highest key.

    AS_STORED turns a column's values into what the database driver is given.
    """
    given = [c for c in COLUMNS[kind] if c in columns or c in NAME_KEYS]
    values = [columns[c] for c in given if c not in NAME_KEYS]
    if kind == "certificants":
        values += person_key_columns(columns["first_name"], columns["last_name"])
    keys = [columns[k] for k in KEYS[kind]]
    key_of = keys[0] if len(keys) == 1 else list(zip(*keys))
    if all(map(operator.lt, key_of, itertools.islice(key_of, 1, None))):
        # Keys already unique and in order (the usual export): the rows made as the driver takes them.
        return given, zip(*map(as_stored, values)), (key_of[0], key_of[-1])
    rows = list(zip(*map(as_stored, values)))
    latest: dict = dict(zip(key_of, rows))
    order = sorted(latest)  # in key order: the primary index grows at its end
    return given, [latest[k] for k in order], (order[0], order[-1])


def sqlite_columns(columns: dict[str, list]) -> dict[str, list]:
    """COLUMNS of checked rows with their values as `upsert_chunks` gives them to SQLite (dates and
    decimals as text): what it would work out itself. A reader working ahead in another process
    (load.py) does this there, while this process writes the chunk before."""
    return {name: _sqlite_values(values) for name, values in columns.items()}


def _update_clause(given, keys) -> str:
    changes = [c for c in given if c not in keys]
    if not changes:
        return "DO NOTHING"
    return "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in changes)


def _drop_indexes(cur, table: str, postgres: bool) -> list[tuple[str, str]]:
    """Drop TABLE's secondary indexes; their (name, CREATE statement) to rebuild them.

    Indexes that carry a primary key or unique constraint stay: ON CONFLICT needs them.
    """
    if postgres:
        cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                    "AND tablename = %s AND indexname NOT IN "
                    "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)", (table, table))
    else:
        cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                    "AND sql IS NOT NULL", (table,))
    indexes = cur.fetchall()
    for name, _sql in indexes:
        cur.execute(f'DROP INDEX "{name}"')
    return indexes


def _drop_constraints(cur, table: str, kind: str) -> list[tuple[str, str]]:
    """PostgreSQL: drop TABLE's foreign keys (KIND "f") or unique constraints ("u"); their (name,
    ALTER statement) to add them again.

    Added again after the rows, each foreign key is checked in one join instead of a trigger (and a
    lock on the row it points to) per row, and a unique index is built from sorted keys instead of
    being kept up to date row by row. The load has checked each reference already (load.py); one
    that went away meanwhile makes adding the key fail, and the whole load is rolled back.
    """
    cur.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = %s", (table, kind))
    keys = cur.fetchall()
    for name, _definition in keys:
        cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    return [(name, f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}') for name, definition in keys]


def _copy_upsert(cur, table: str, given, keys, tuples: list[tuple], *, fresh: bool) -> None:
    """COPY the rows into a staging table and merge them with one INSERT ... ON CONFLICT; when they
    are FRESH (no key can be in the table yet), COPY them straight into the table."""
    cols = ", ".join(given)
    if fresh:
        _copy(cur, f"{table} ({cols})", tuples)
        return
    cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS stage_{table} AS SELECT {cols} FROM {table} WITH NO DATA")
    cur.execute(f"TRUNCATE stage_{table}")
    _copy(cur, f"stage_{table} ({cols})", tuples)
    cur.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM stage_{table} "
                f"ON CONFLICT ({', '.join(keys)}) {_update_clause(given, keys)}")
    cur.execute(f"TRUNCATE stage_{table}")


def _copy(cur, target: str, tuples: list[tuple]) -> None:
    with cur.copy(f"COPY {target} FROM STDIN") as copy:
        for t in tuples:
            copy.write_row(t)


def _copy_values(column: list) -> list:
    return column  # COPY takes dates and decimals as they are


def _sqlite_values(column: list) -> list:
    """COLUMN as SQLAlchemy would store it in SQLite: dates as ISO text, decimals as text."""
    sample = next((v for v in column if v is not None), None)
    if sample is None or sample.__class__ is str:
        return column  # a column is of one type: text (or all blank) needs nothing
    stored = {v: (v.isoformat() if isinstance(v, date) else str(v)) if v is not None else None for v in set(column)}
    return list(map(stored.__getitem__, column))  # each distinct date converted once


# SQLite's page cache while a reference file is upserted (KiB, as a negative cache_size):
# the default 2 MB makes every insert into six indexes of a large registry a system call.
LOAD_CACHE_KIB = 262_144


def _sqlite_upsert(cur, table: str, given, keys, tuples: list[tuple]) -> None:
    marks = ", ".join("?" for _ in given)
    sql = (f"INSERT INTO {table} ({', '.join(given)}) VALUES ({marks}) "
           f"ON CONFLICT ({', '.join(keys)}) {_update_clause(given, keys)}")
    cur.executemany(sql, tuples)


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
