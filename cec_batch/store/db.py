"""Opening a store: SQLite by default, PostgreSQL through a URL; schema version checked.

The schema is versioned with Alembic (store/migrations). A new, empty database is
created at the current version; an older one must be migrated with
`cec-batch db upgrade`, and every other command refuses it with that advice.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

from cec_batch.errors import StoreOutdated, UsageError, first_line
from cec_batch.store.tables import metadata

DEFAULT_URL = "sqlite:///cec-batch.sqlite3"
# SQLite's page cache per connection (KiB; the default is 2 MB). A large ingest reads and writes
# the indexes of a large registry and ledger at random places (people by ID, the foreign-key
# check of every credit, the credits' indexes): with the default, most of those pages are read
# from the OS again and again, a system call each. Pages are held only once read.
CACHE_KIB = 131_072
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
            cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # Writers take the lock up front (BEGIN IMMEDIATE): two runs never both
            # read the ledger and then both write on what they read.
            immediate = conn.get_execution_options().get("immediate")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection=None):
    # Alembic is imported only when a schema is created or migrated: every command opens a
    # store, and importing it costs more than a small ingest's own work.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The schema version this program expects: the newest migration's (files are named NNNN_*.py).

    Read from the file names, without Alembic; tests/test_migrations.py checks it against
    Alembic's own view of the one head.
    """
    return max(p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def alembic_head_revision() -> str:
    """The head revision as Alembic works it out from the migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The schema version the database is at (None: not versioned)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(versions) > 1:
        raise StoreOutdated(f"the database is at several schema versions at once ({', '.join(versions)})")
    return versions[0] if versions else None


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Migrate the database to REVISION; returns (from, to)."""
    from alembic import command

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
        from alembic import command

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
