"""Opening a store: SQLite by default, PostgreSQL through a URL; schema version checked.

The schema is versioned with Alembic (store/migrations). A new, empty database is
created at the current version; an older one must be migrated with
`cec-batch db upgrade`, and every other command refuses it with that advice.
"""

from __future__ import annotations

import re
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url

from cec_batch.errors import StoreOutdated, UsageError, first_line
from cec_batch.store.tables import metadata

DEFAULT_URL = "sqlite:///cec-batch.sqlite3"
MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine for URL; SQLite gets foreign keys, WAL and a busy timeout.

    A URL SQLAlchemy cannot use is a UsageError naming it with any password hidden.
    """
    try:
        make_url(url).get_dialect()
    except Exception as exc:  # noqa: BLE001 - ArgumentError, NoSuchModuleError, ValueError (a bad port)
        raise UsageError(f"--db {describe(url)}: not a database URL this program can use "
                         f"({_without_secret(first_line(exc), url)})") from None
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            # The driver's own transaction handling is switched off so that a write
            # transaction can take the lock at BEGIN (see `_sqlite_begin`).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # Writers take the lock up front (BEGIN IMMEDIATE): two runs never both
            # read the ledger and then both write on what they read.
            immediate = conn.get_execution_options().get("immediate")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The schema version this program expects."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The schema version the database is at (None: not versioned)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Migrate the database to REVISION; returns (from, to)."""
    before = current_revision(engine)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)
    return before, current_revision(engine)


_PASSWORD_IN_URL = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def describe(url: str) -> str:
    """The URL with any password hidden, for titles and messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL: the password is cut out by hand
        return _PASSWORD_IN_URL.sub(r"\1***@", url)


def _without_secret(text: str, url: str) -> str:
    """TEXT with the password of URL, wherever it appears, replaced by ***."""
    m = re.search(r"://[^:/@\s]*:([^@\s]*)@", url)
    return text.replace(m[1], "***") if m and m[1] else text


def open_store(url: str = DEFAULT_URL, *, check: bool = True) -> Engine:
    """An engine on a store at the current schema version; a new, empty database is created."""
    engine = make_engine(url)
    tables = inspect(engine).get_table_names()
    if not tables:
        with engine.begin() as conn:
            metadata.create_all(conn)
            command.stamp(_alembic_config(conn), "head")
        return engine
    if check:
        have, want = current_revision(engine), head_revision()
        if have != want:
            engine.dispose()
            raise StoreOutdated(
                f"the database {describe(url)} is at schema version {have or 'none'}, "
                f"this program needs {want}: run `cec-batch db upgrade` first"
            )
    return engine
