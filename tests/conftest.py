"""Fixtures: every store test runs on a real SQLite file and on the real PostgreSQL server.

PostgreSQL: each test run creates its own scratch database and drops it afterwards;
each test gets its own schema inside it. When the server is unreachable the
PostgreSQL variants skip with a loud reason, unless CEC_REQUIRE_POSTGRES=1 (set by
.ci/run), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

PG_ADMIN_URL = os.environ.get("CEC_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("CEC_REQUIRE_POSTGRES") == "1"
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REALWORLD = ROOT.parent / "shared" / "corpus" / "realworld"


@pytest.fixture(scope="session")
def pg_database():
    """A scratch PostgreSQL database for this test run, dropped at the end."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        admin.dispose()
        reason = f"PostgreSQL at {PG_ADMIN_URL} is unreachable ({type(exc).__name__}): PostgreSQL tests NOT run"
        if REQUIRE_PG:
            pytest.fail(reason + " and CEC_REQUIRE_POSTGRES=1", pytrace=False)
        print("\n" + "!" * 70 + "\n" + reason + "\n" + "!" * 70)
        pytest.skip(reason)
    name = f"cec_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A URL of an empty store: a SQLite file, or a fresh schema in the scratch PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cec.sqlite3'}"
        return
    base = request.getfixturevalue("pg_database")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    # The schema rides in the URL so that child processes (CLI, nightly) see it too.
    yield f"{base}?options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def engine(db_url):
    """An engine on a new, empty store at the current schema version."""
    from cec_batch.store import open_store

    eng = open_store(db_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session", autouse=True)
def _scratch_working_directory(tmp_path_factory):
    """Every test runs in a scratch working directory, so that defaults relative to it (`ingest` writes
    page images to ./review-images) land there and never in the checkout."""
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("cwd"))
    try:
        yield
    finally:
        os.chdir(here)
