"""Migration 0006: the two indexes no query used are gone, and the look-ups they might have served
still go through an index (each store's own planner is asked), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect, text

from cec_batch.store import db as store_db
from cec_batch.store.ledger import _PERIODS
from cec_batch.store.tables import certificants, certifications

DROPPED = {"certificants": "ix_certificants_last_name", "certifications": "ix_certifications_certificant"}


def _index_names(engine, table: str) -> set[str]:
    with engine.connect() as conn:
        return {ix["name"] for ix in inspect(conn).get_indexes(table)}


def _some_people(conn, n: int = 300) -> None:
    conn.execute(certificants.insert(), [
        {"certificant_id": f"{100000 + i}", "first_name": f"First{i}", "last_name": f"Last{i % 7}",
         "email": f"p{i}@example.org"} for i in range(n)])
    conn.execute(certifications.insert(), [
        {"certificant_id": f"{100000 + i}", "certification": "Personal Trainer",
         "period_start": date(2024 + y, 1, 1), "period_end": date(2025 + y, 12, 31)}
        for i in range(n) for y in (0, 2)])


def _downgrade(engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(store_db._alembic_config(conn), revision)


def test_0006_drops_the_two_indexes_and_downgrade_puts_them_back(db_url):
    engine = store_db.make_engine(db_url)
    store_db.upgrade(engine, "0005")
    with engine.begin() as conn:
        _some_people(conn)
    for table, name in DROPPED.items():
        assert name in _index_names(engine, table)
    store_db.upgrade(engine)
    assert store_db.current_revision(engine) == "0006"
    for table, name in DROPPED.items():
        assert name not in _index_names(engine, table)
    # what other indexes the tables had are still there
    assert {"ix_certificants_email", "ix_certificants_name", "ix_certificants_sound_key",
            "ix_certificants_first_sound"} <= _index_names(engine, "certificants")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM certifications")).scalar() == 600
    _downgrade(engine, "0005")
    for table, name in DROPPED.items():
        assert name in _index_names(engine, table)
    engine.dispose()


def _plan(conn, sql: str, params: dict) -> str:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL enable_seqscan = off"))  # small tables: ask whether an index can serve
        rows = conn.execute(text("EXPLAIN " + sql), params).scalars().all()
    else:
        rows = [r[-1] for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql), params)]
    return "\n".join(rows)


def test_periods_of_people_are_read_through_the_unique_index(engine):
    with engine.begin() as conn:
        _some_people(conn)
        conn.execute(text("ANALYZE"))
    queries = [  # the reads of periods by person: the ingest's (store.ledger), the transcript's and the desk's
        (_PERIODS + " WHERE certificant_id IN (:a, :b)", {"a": "100001", "b": "100002"}),
        ("SELECT certification, period_start, period_end FROM certifications WHERE certificant_id = :a",
         {"a": "100001"}),
    ]
    with engine.begin() as conn:
        for sql, params in queries:
            plan = _plan(conn, sql, params)
            if engine.dialect.name == "postgresql":
                assert "uq_certifications_period" in plan and "Seq Scan" not in plan, plan
            else:
                assert "USING INDEX sqlite_autoindex_certifications" in plan and "SCAN" not in plan, plan
