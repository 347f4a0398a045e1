"""PostgreSQL's planner statistics of the credits table are taken as soon as a file has grown it.

Without them (a new store: autovacuum comes by up to a minute later) the planner took each batch
of the next file's people for a large share of credits and read the table whole per batch.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from cec_batch.config import Limits
from cec_batch.post import Ingest
from cec_batch.store import ledger

from conftest import SAMPLES
from test_stream import load_samples

TODAY = date(2026, 11, 15)


def analysed(engine) -> bool:
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relid = 'credits'::regclass").scalar()


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_a_file_that_posts_credits_leaves_credits_analysed_and_a_small_one_does_not_again(engine, db_url, tmp_path):
    load_samples(db_url)
    assert not analysed(engine)
    roster = shutil.copy(SAMPLES / "rosters" / "acme_title_lines_last_first.xlsx", tmp_path / "a.xlsx")
    with Ingest(engine, operator="clerk", today=TODAY, limits=Limits()) as batch:
        report = batch.apply(roster)
    assert report.status == "applied" and report.credits > 0
    assert analysed(engine)
    with engine.connect() as conn:
        known = conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE oid = 'credits'::regclass").scalar()
    assert known == report.credits
    # Under a tenth of what the statistics know: left to autovacuum.
    assert not ledger.refresh_statistics(engine, max(1, report.credits // 20))
    assert ledger.refresh_statistics(engine, report.credits)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_has_nothing_to_refresh(engine, db_url):
    assert not ledger.refresh_statistics(engine, 1000)
