"""Reading and writing many rows at once, as plain SQL.

The hot look-ups of a large file (the people it names, their periods and credits) return
hundreds of thousands of rows; SQLAlchemy's per-row result processing costs more than the
query there. These helpers send plain SQL (still through the connection, so statement
events and error handling are as usual), one IN list per batch of keys, fetch each batch at
once and turn SQLite's ISO date text into dates as the typed columns would. Writes that go
to the driver itself (COPY, executemany) raise its errors as SQLAlchemy's (driver_errors).
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


def rows_for_keys(conn: Connection, sql: str, keys: Sequence | None, batch: int) -> list:
    """The rows of SQL, whose "{keys}" stands for one batch's placeholders, for every batch of KEYS
    (KEYS None: SQL once, with "{keys}" absent). Runs in CONN's transaction, as plain SQL (no
    result processing; each batch fetched at once), seen by the engine's statement events."""
    if keys is None:
        return conn.exec_driver_sql(sql).fetchall()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    rows: list = []
    for i in range(0, len(keys), batch):
        group = tuple(keys[i:i + batch])
        rows.extend(conn.exec_driver_sql(sql.format(keys=", ".join([mark] * len(group))), group).fetchall())
    return rows


def as_date(value) -> date | None:
    """A date column's value as the driver gives it (a date, or ISO text on SQLite) as a date."""
    return value if value is None or type(value) is date else _iso_day(value)


@functools.lru_cache(maxsize=1 << 16)
def _iso_day(text: str) -> date:
    return date.fromisoformat(text[:10])
