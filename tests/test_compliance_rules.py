"""The monthly report's bulk totals and statuses (SQL and numpy) must say what `rules` says.

`rules.period_total` and `rules.status` are the reference (the transcript uses them);
`reports/compliance.py` works the same rules over the whole ledger at once. Both are
run over every period of the sample world and of a generated world of 10,000
periods, on SQLite and on PostgreSQL, as of several days, and must agree period by
period: the transcript and the monthly report never disagree about a person.
"""

from __future__ import annotations

import importlib.util
import random
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, insert, select

from cec_batch import rules
from cec_batch.model import Period
from cec_batch.reports import transcript
from cec_batch.reports.compliance import compliance_statuses
from cec_batch.store import open_store
from cec_batch.store import transcript as store_transcript
from cec_batch.store.tables import batches, certificants, certifications, credits, reversals

from conftest import SAMPLES

CERTIFICATIONS = ("Personal Trainer", "Group Fitness Instructor", "Health Coach", "Medical Exercise Specialist")
# Days the statuses are judged on: before, inside and after most periods of both worlds.
AS_OF_DAYS = (date(2025, 6, 30), date(2026, 3, 1), date(2026, 11, 15), date(2027, 12, 31))
WARN_DAYS = (0, 90)


def _day(v) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])


def by_the_rules(conn, as_of: date, warn_days: int) -> dict[int, tuple[Decimal, str]]:
    """Every period's total and status worked by rules.period_total and rules.status: {id: (total, status)}."""
    periods = conn.execute(select(certifications.c.id, certifications.c.certificant_id,
                                  certifications.c.certification, certifications.c.period_start,
                                  certifications.c.period_end)).all()
    reversed_ids = select(reversals.c.credit_id)
    standing = defaultdict(list)
    for cid, completed, ceus, category in conn.execute(
            select(credits.c.certificant_id, credits.c.completion_date, credits.c.ceus, credits.c.category)
            .where(credits.c.credit_id.not_in(reversed_ids))):
        standing[cid].append((_day(completed), rules.cecs(Decimal(str(ceus))), category))
    spans = defaultdict(list)
    for pid, cid, cert, start, end in periods:
        spans[cid].append(Period(cert, _day(start), _day(end)))
    result = {}
    for pid, cid, cert, start, end in periods:
        period = Period(cert, _day(start), _day(end))
        total = rules.cecs(rules.period_total(period, standing[cid]))
        renewed = any(o.certification == cert and o.start > period.end for o in spans[cid])
        result[pid] = (total, rules.status(period, total, as_of, warn_days, renewed))
    return result


def by_the_report(conn, as_of: date, warn_days: int) -> dict[int, tuple[Decimal, str]]:
    """Every period's total and status as reports/compliance.py works them: {id: (total, status)}."""
    df = compliance_statuses(conn, as_of, warn_days)
    return {int(r.id): (Decimal(int(r.tenths)) / 10, r.status) for r in df.itertuples()}


def assert_agree(engine) -> set[str]:
    """The report and the rules agree on every period on every day; returns the statuses seen."""
    seen = set()
    with engine.connect() as conn:
        for as_of in AS_OF_DAYS:
            for warn_days in WARN_DAYS:
                want = by_the_rules(conn, as_of, warn_days)
                got = by_the_report(conn, as_of, warn_days)
                assert got.keys() == want.keys()
                wrong = {pid: (got[pid], want[pid]) for pid in want if got[pid] != want[pid]}
                assert not wrong, (f"as of {as_of}, warning window {warn_days} days: {len(wrong)} of {len(want)} "
                                   f"periods differ (report, rules), e.g. {list(wrong.items())[:5]}")
                seen.update(status for _total, status in want.values())
    return seen


# -- the sample world -----------------------------------------------------------------------
@pytest.mark.slow  # the nightly run over every sample, scans read by Tesseract
def test_report_agrees_with_the_rules_and_the_transcript_on_every_sample_period(db_url, tmp_path):
    spec = importlib.util.spec_from_file_location("run_demo", SAMPLES / "run_demo.py")
    run_demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_demo)
    run_demo.run(tmp_path / "demo", "2026-11-15", quiet=True, db_url=db_url)
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(select(credits.c.credit_id)).first() is not None  # the sample world posted
        assert {"complete", "on_track", "lapsed"} <= assert_agree(engine)
        # The transcript of each person says the same as the report, period by period.
        as_of = date(2026, 11, 15)
        with engine.connect() as conn:
            report = {(r.certificant_id, r.certification, r.period_start.date().isoformat()): (r.tenths, r.status)
                      for r in compliance_statuses(conn, as_of, 90).itertuples()}
            people = sorted({cid for cid, _c, _s in report})
            told = {}
            for cid in people:
                t = transcript.assemble(store_transcript.certificant(conn, cid), store_transcript.periods(conn, cid),
                                        store_transcript.credits_of(conn, cid), as_of, 90)
                for p in t["periods"]:
                    told[(cid, p["certification"], p["period_start"])] = (int(Decimal(p["total"]) * 10), p["status"])
        assert told == report
    finally:
        engine.dispose()


# -- a generated world of 10,000 periods ------------------------------------------------------
def generated_world(engine, n_periods: int = 10_000, seed: int = 20261205) -> None:
    """People with one to three certifications, renewals, credits on and around period edges,
    limited categories (R12), reversals: exactly N_PERIODS periods."""
    rnd = random.Random(seed)
    values = ["0.1", "0.2", "0.3", "0.5", "0.6", "0.7", "1.0", "1.5", "2.0"]
    categories = ["standard"] * 6 + ["cpr", "aed", "first_aid"]
    people, periods, credit_rows = [], [], []
    p = 0
    while len(periods) < n_periods:
        cid = f"G{p:06d}"
        p += 1
        people.append({"certificant_id": cid, "first_name": "Gen", "last_name": f"Person{p}"})
        mine = []
        for cert in rnd.sample(CERTIFICATIONS, rnd.randint(1, 3)):
            start = date(2026, 3, 1) - timedelta(days=rnd.randint(-400, 1500))
            end = start + timedelta(days=rnd.choice([729, 729, 729, 364, rnd.randint(0, 900)]))
            mine.append((cert, start, end))
            if rnd.random() < 0.3:  # renewed: an earlier period of the same certification
                mine.append((cert, start - timedelta(days=730), start - timedelta(days=1)))
        mine = mine[: n_periods - len(periods)]
        periods += [{"certificant_id": cid, "certification": c, "period_start": s, "period_end": e}
                    for c, s, e in mine]
        edges = [d for _c, s, e in mine for d in (s - timedelta(days=1), s, e, e + timedelta(days=1))]
        low, high = min(s for _c, s, _e in mine), max(e for _c, _s, e in mine)
        for k in range(rnd.randint(0, 12)):
            day = rnd.choice(edges) if rnd.random() < 0.4 else low + timedelta(days=rnd.randint(-30, (high - low).days + 30))
            category = rnd.choice(categories)
            credit_rows.append({
                "certificant_id": cid, "course_number": f"CA{k:05d}", "completion_date": day,
                "ceus": Decimal(rnd.choice(values if category == "standard" else ["0.1", "0.2"])),
                "category": category, "source": "roster", "operator": "tester",
                "posted_at": datetime(2026, 2, 10, 12, tzinfo=timezone.utc)})
    with engine.begin() as conn:
        batch_id = conn.execute(insert(batches).values(
            command="test", operator="tester", started_at=datetime(2026, 2, 10, 12, tzinfo=timezone.utc),
            status="done").returning(batches.c.batch_id)).scalar_one()
        conn.execute(insert(certificants), people)
        conn.execute(insert(certifications), periods)
        conn.execute(insert(credits), [dict(r, batch_id=batch_id) for r in credit_rows])
        ids = sorted(conn.execute(select(credits.c.credit_id)).scalars())
        conn.execute(insert(reversals), [
            {"credit_id": i, "reason": "posted to the wrong person", "operator": "tester", "batch_id": batch_id,
             "reversed_at": datetime(2026, 2, 20, 12, tzinfo=timezone.utc)} for i in rnd.sample(ids, len(ids) // 12)])


def test_report_agrees_with_the_rules_on_10000_generated_periods(db_url):
    engine = open_store(db_url)
    try:
        generated_world(engine)
        with engine.connect() as conn:
            assert len(conn.execute(select(certifications.c.id)).all()) == 10_000
        seen = assert_agree(engine)
        assert seen == {"complete", "on_track", "at_risk", "lapsed", "closed", "not_started"}
    finally:
        engine.dispose()
