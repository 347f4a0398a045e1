"""Reading many rows by key straight through the database driver.

The hot look-ups of a large file (the people it names, their periods and credits) return
hundreds of thousands of rows; SQLAlchemy's result processing costs more than the query
there. These helpers run plain SQL on the driver, one IN list per batch of keys, and turn
SQLite's ISO date text into dates as the typed columns would.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from datetime import date
from typing import Iterator, Sequence

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError


@contextmanager
def driver_errors(conn: Connection, statement: str) -> Iterator[None]:
    """Errors of the driver, used directly, raised as the SQLAlchemy exceptions the rest of the
    program handles (IntegrityError, OperationalError for a lock...), exactly as through Core."""
    base = conn.dialect.loaded_dbapi.Error
    try:
        yield
    except base as exc:
        raise DBAPIError.instance(statement, None, exc, base, dialect=conn.dialect) from None


def rows_for_keys(conn: Connection, sql: str, keys: Sequence | None, batch: int) -> list[tuple]:
    """The rows of SQL, whose "{keys}" stands for one batch's placeholders, for every batch of KEYS
    (KEYS None: SQL once, with "{keys}" absent). Runs in CONN's transaction."""
    if keys is None:
        statements = [(sql, ())]
    else:
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        groups = (tuple(keys[i:i + batch]) for i in range(0, len(keys), batch))
        statements = ((sql.format(keys=", ".join([mark] * len(g))), g) for g in groups)
    rows: list[tuple] = []
    with driver_errors(conn, sql):
        cursor = conn.connection.driver_connection.cursor()
        try:
            for statement, params in statements:
                cursor.execute(statement, params)
                rows.extend(cursor.fetchall())
        finally:
            cursor.close()
    return rows


def as_date(value) -> date | None:
    """A date column's value as the driver gives it (a date, or ISO text on SQLite) as a date."""
    return value if value is None or type(value) is date else _iso_day(value)


@functools.lru_cache(maxsize=1 << 16)
def _iso_day(text: str) -> date:
    return date.fromisoformat(text[:10])
