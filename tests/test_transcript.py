"""`cec-batch transcript`: periods, credits, totals and statuses of one person (R3-R5, R12, R24).

The ledger is written straight into the tables; runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import insert

from cec_batch.reports.transcript import assemble
from cec_batch.store import open_store
from cec_batch.store.tables import batches, certificants, certifications, courses, credits, reversals

from cli_helpers import TODAY, cli

POSTED = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)


def credit(credit_id, number, day, ceus, category="standard", **extra):
    row = dict(credit_id=credit_id, certificant_id="104233", course_number=number, generation=0,
               completion_date=day, ceus=Decimal(ceus), category=category, source="roster", file_id=None,
               source_file="acme.csv", source_location=f"row {credit_id + 1}", batch_id=1, operator="clerk",
               posted_at=POSTED, note=None)
    row.update(extra)
    del row["credit_id"]  # numbered by the store (1, 2, ... in insertion order), as the ledger does
    return row


@pytest.fixture
def ledger(db_url):
    """Robert holds Personal Trainer (renewed from an earlier period) and Health Coach, overlapping."""
    eng = open_store(db_url)
    with eng.begin() as conn:
        conn.execute(insert(batches).values(command="ingest", operator="clerk", started_at=POSTED,
                                            status="done"))
        conn.execute(insert(certificants), [
            dict(certificant_id="104233", first_name="Robert", last_name="Smith", email="bob@example.com"),
            dict(certificant_id="104234", first_name="Maria", last_name="Garcia", email=None),
        ])
        conn.execute(insert(certifications), [
            dict(certificant_id="104233", certification="Personal Trainer",
                 period_start=date(2023, 1, 1), period_end=date(2024, 12, 31)),
            dict(certificant_id="104233", certification="Personal Trainer",
                 period_start=date(2025, 1, 1), period_end=date(2026, 12, 31)),
            dict(certificant_id="104233", certification="Health Coach",
                 period_start=date(2025, 3, 1), period_end=date(2027, 2, 28)),
        ])
        conn.execute(insert(courses), [
            dict(course_number="CA10001", title="Kettlebell Foundations", provider="Acme", ceus=Decimal("1.5"),
                 category="standard", approved_from=date(2020, 1, 1)),
            dict(course_number="CA10002", title="Mobility", provider="Acme", ceus=Decimal("0.8"),
                 category="standard", approved_from=date(2020, 1, 1)),
        ])
        for row in [
            credit(1, "CA10001", date(2025, 2, 1), "1.5"),           # Personal Trainer only
            credit(2, "CA10002", date(2026, 3, 5), "0.8"),           # both certifications (R5)
            credit(3, "CA10003", date(2026, 6, 1), "1.0"),           # reversed
            credit(4, "CA10004", date(2024, 5, 1), "0.5"),           # the earlier period
            credit(5, "CP10001", date(2026, 4, 1), "0.2", "cpr"),
            credit(6, "CP10002", date(2026, 5, 1), "0.2", "cpr"),    # beyond the R12 limit
        ]:
            conn.execute(insert(credits).values(**row))
        conn.execute(insert(reversals).values(credit_id=3, reason="wrong person", operator="clerk", batch_id=1,
                                              reversed_at=POSTED))
    eng.dispose()


def periods_by_key(t):
    return {(p["certification"], p["period_start"]): p for p in t["periods"]}


def test_r5_shared_credit_is_shown_under_both_certifications(db_url, ledger):
    t = json.loads(cli(db_url, "transcript", "104233", "--json").output)
    p = periods_by_key(t)
    pt, hc = p[("Personal Trainer", "2025-01-01")], p[("Health Coach", "2025-03-01")]
    shared_pt = next(c for c in pt["credits"] if c["course_number"] == "CA10002")
    shared_hc = next(c for c in hc["credits"] if c["course_number"] == "CA10002")
    assert shared_pt["shared_with"] == ["Health Coach"] and shared_hc["shared_with"] == ["Personal Trainer"]
    assert "CA10001" not in [c["course_number"] for c in hc["credits"]]  # before Health Coach began
    text = cli(db_url, "transcript", "104233").output
    assert "shared with Health Coach" in text and "shared with Personal Trainer" in text


def test_r24_reversed_credit_is_marked_and_not_counted(db_url, ledger):
    t = json.loads(cli(db_url, "transcript", "104233", "--json").output)
    hc = periods_by_key(t)[("Health Coach", "2025-03-01")]
    rev = next(c for c in hc["credits"] if c["credit_id"] == 3)
    assert rev["reversed"] is True and rev["counted_ceus"] == "0.0" and rev["reversal"]["reason"] == "wrong person"
    assert hc["total"] == "1.0"  # 0.8 + 0.2 CPR (the second CPR is beyond R12), not the reversed 1.0
    assert hc["status"] == "on_track" and hc["short"] == "1.0"
    text = cli(db_url, "transcript", "104233").output
    assert "REVERSED (wrong person), not counted" in text


def test_r4_beyond_two_is_not_carried_over(db_url, ledger):
    t = json.loads(cli(db_url, "transcript", "104233", "--json").output)
    p = periods_by_key(t)
    pt = p[("Personal Trainer", "2025-01-01")]
    assert pt["total"] == "2.5" and pt["not_carried_over"] == "0.5" and pt["status"] == "complete"
    old = p[("Personal Trainer", "2023-01-01")]
    assert old["total"] == "0.5" and old["status"] == "closed" and old["not_carried_over"] == "0.0"
    text = cli(db_url, "transcript", "104233").output
    assert "total 2.5 of 2.0 CECs; 0.5 not carried over (R4)" in text
    assert "Personal Trainer 2023-01-01..2024-12-31: closed" in text


def test_r12_second_cpr_credit_is_listed_but_counts_nothing(db_url, ledger):
    t = json.loads(cli(db_url, "transcript", "104233", "--json").output)
    pt = periods_by_key(t)[("Personal Trainer", "2025-01-01")]
    cpr = {c["course_number"]: c["counted_ceus"] for c in pt["credits"] if c["category"] == "cpr"}
    assert cpr == {"CP10001": "0.2", "CP10002": "0.0"}


def test_transcript_json_shape(db_url, ledger):
    t = json.loads(cli(db_url, "transcript", "104233", "--json").output)
    assert set(t) == {"certificant", "as_of", "warn_days", "periods", "outside_periods"}
    assert t["certificant"] == {"certificant_id": "104233", "first_name": "Robert", "last_name": "Smith",
                                "email": "bob@example.com", "birth_date": None}
    assert t["as_of"] == TODAY and t["warn_days"] == 90
    assert [(p["certification"], p["period_start"]) for p in t["periods"]] == [
        ("Personal Trainer", "2023-01-01"), ("Personal Trainer", "2025-01-01"), ("Health Coach", "2025-03-01")]
    p = t["periods"][1]
    assert set(p) == {"certification", "period_start", "period_end", "total", "requirement", "short",
                      "not_carried_over", "status", "credits"}
    c = p["credits"][0]
    assert set(c) == {"credit_id", "completion_date", "course_number", "title", "ceus", "category", "source",
                      "provenance", "note", "reversed", "reversal", "counted_ceus", "shared_with"}
    assert c["title"] == "Kettlebell Foundations" and c["ceus"] == "1.5"
    assert c["provenance"]["file"] == "acme.csv" and c["provenance"]["location"] == "row 2"
    assert c["provenance"]["batch_id"] == 1 and c["provenance"]["petition_id"] is None
    assert t["outside_periods"] == []


def test_petition_credit_shows_the_petition(db_url, ledger):
    cli(db_url, "petition", "add", "104233", "--title", "Exercise Physiology", "--provider", "State U",
        "--completed", "2026-09-01", "--semester-hours", "1")
    cli(db_url, "petition", "approve", "1")
    t = json.loads(cli(db_url, "transcript", "104233", "--json").output)
    hc = periods_by_key(t)[("Health Coach", "2025-03-01")]
    c = next(c for c in hc["credits"] if c["course_number"] == "PET1")
    assert c["source"] == "petition" and c["title"] == "Exercise Physiology" and c["provenance"]["petition_id"] == 1
    assert hc["total"] == "2.0" and hc["status"] == "complete"
    assert "petition 1, batch" in cli(db_url, "transcript", "104233").output


def test_person_without_periods_or_credits(db_url, ledger):
    res = cli(db_url, "transcript", "104234")
    assert "Transcript of 104234 Maria Garcia" in res.output and "no certification periods on record" in res.output


def test_unknown_certificant_is_a_usage_error(db_url, ledger):
    res = cli(db_url, "transcript", "999999", ok=(2,))
    assert "certificant 999999 is not in the registry" in res.output


def test_status_lapsed_at_risk_and_outside_credits_pure():
    person = {"certificant_id": "1", "first_name": "A", "last_name": "B"}
    periods = [{"certification": "Health Coach", "period_start": date(2023, 1, 1), "period_end": date(2024, 12, 31)},
               {"certification": "Personal Trainer", "period_start": date(2025, 1, 1),
                "period_end": date(2026, 12, 31)}]
    rows = [{"credit_id": 1, "course_number": "CA1", "completion_date": date(2022, 5, 1), "ceus": Decimal("0.5"),
             "category": "standard", "source": "roster", "batch_id": 1, "posted_at": POSTED}]
    t = assemble(person, periods, rows, date(2026, 11, 15))
    assert [p["status"] for p in t["periods"]] == ["lapsed", "at_risk"]
    assert [c["credit_id"] for c in t["outside_periods"]] == [1]
