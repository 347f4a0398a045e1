"""Schema versions: a new store is created at the current version, an old one is migrated."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from cec_batch.cli import main
from cec_batch.store import db as store_db
from cec_batch.store.tables import metadata


def test_migrations_from_nothing_build_exactly_the_declared_schema(db_url):
    engine = store_db.make_engine(db_url)
    store_db.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []


def test_new_store_is_created_at_the_current_version(db_url):
    engine = store_db.open_store(db_url)
    assert store_db.current_revision(engine) == store_db.head_revision()
    engine.dispose()


def test_old_store_is_refused_with_advice_then_upgraded(db_url, tmp_path):
    engine = store_db.make_engine(db_url)
    store_db.upgrade(engine, "0001")
    engine.dispose()
    runner = CliRunner()
    res = runner.invoke(main, ["--db", db_url, "export", "credits", "--out", str(tmp_path / "c.csv")])
    assert res.exit_code == 1
    assert "schema version 0001" in res.output and "run `cec-batch db upgrade`" in res.output
    res = runner.invoke(main, ["--db", db_url, "db", "upgrade"])
    assert res.exit_code == 0 and "from version 0001 to" in res.output
    res = runner.invoke(main, ["--db", db_url, "export", "credits", "--out", str(tmp_path / "c.csv")])
    assert res.exit_code == 0, res.output


def test_head_read_from_file_names_is_alembics_one_head():
    # Commands read the expected version from the migration file names (no Alembic import);
    # a migration named out of order, or a second head, would make the two disagree.
    assert store_db.head_revision() == store_db.alembic_head_revision()


def test_current_revision_read_directly_agrees_with_alembic(db_url):
    engine = store_db.make_engine(db_url)
    assert store_db.current_revision(engine) is None
    store_db.upgrade(engine, "0002")
    with engine.connect() as conn:
        assert store_db.current_revision(engine) == MigrationContext.configure(conn).get_current_revision() == "0002"
    engine.dispose()
