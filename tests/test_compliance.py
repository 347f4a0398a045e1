"""`report compliance`: statuses (rules.md, Compliance), Summary figures against the ledger, the workbook.

Every Summary figure is read back from the written workbook and compared with an
independent computation: a direct SQL query, or the rules worked by hand in plain
Python over the raw rows. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import random
import shlex
import shutil
import subprocess
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.chart import BarChart, LineChart
from sqlalchemy import insert, text

from cec_batch.cli import main
from cec_batch.reports.compliance import (
    NO_PROVIDER,
    compliance_statuses,
    default_month,
    parse_month,
    provider_figures,
    redact_url,
    write_compliance_workbook,
)
from cec_batch.store.tables import (
    batches,
    certificants,
    certifications,
    courses,
    credits,
    exceptions,
    files,
    reversals,
)

AS_OF = date(2026, 3, 1)
MONTH = date(2026, 2, 1)


def utc(y, m, d, h=12):
    return datetime(y, m, d, h, tzinfo=timezone.utc)


class Ledger:
    """Rows straight into the tables, the way the posting code would leave them."""

    def __init__(self, conn):
        self.conn = conn
        self.batch_id = conn.execute(insert(batches).values(
            command="test", operator="tester", started_at=utc(2026, 1, 1), status="done"
        ).returning(batches.c.batch_id)).scalar_one()
        self._course = 10000
        self._file = 0

    def person(self, cid, first="Ann", last="Lee", email=None):
        self.conn.execute(insert(certificants).values(certificant_id=cid, first_name=first, last_name=last,
                                                      email=email or f"{cid.lower()}@example.org"))
        return cid

    def period(self, cid, start, end, certification="Personal Trainer"):
        self.conn.execute(insert(certifications).values(certificant_id=cid, certification=certification,
                                                        period_start=start, period_end=end))

    def course(self, number, provider, ceus="1.0", category="standard"):
        self.conn.execute(insert(courses).values(course_number=number, title=f"Course {number}",
                                                 provider=provider, ceus=Decimal(ceus), category=category,
                                                 approved_from=date(2020, 1, 1)))
        return number

    def file(self, applied_at, kind="roster", provider=None):
        self._file += 1
        return self.conn.execute(insert(files).values(
            sha256=f"{self._file:064x}", original_name=f"roster-{self._file}.xlsx", size_bytes=100, kind=kind,
            batch_id=self.batch_id, applied_at=applied_at, operator="tester", provider=provider,
        ).returning(files.c.file_id)).scalar_one()

    def credit(self, cid, completed, ceus, category="standard", source="roster", course=None, file_id=None,
               posted_at=None):
        if course is None:
            self._course += 1
            course = f"CA{self._course}"
        return self.conn.execute(insert(credits).values(
            certificant_id=cid, course_number=course, completion_date=completed, ceus=Decimal(str(ceus)),
            category=category, source=source, file_id=file_id, batch_id=self.batch_id, operator="tester",
            posted_at=posted_at or utc(2026, 2, 10),
        ).returning(credits.c.credit_id)).scalar_one()

    def reverse(self, credit_id, reversed_at=None):
        self.conn.execute(insert(reversals).values(credit_id=credit_id, reason="posted to the wrong person",
                                                   operator="tester", batch_id=self.batch_id,
                                                   reversed_at=reversed_at or utc(2026, 2, 20)))

    def exception(self, kind, severity="error", file_id=None, course="", completed=None, status="open",
                  credit_id=None, ref="someone"):
        self.conn.execute(insert(exceptions).values(
            kind=kind, severity=severity, file_id=file_id, course_number=course, completion_date=completed,
            detail=f"{kind} for {ref}", certificant_ref=ref, credit_id=credit_id, status=status,
            batch_id=self.batch_id, operator="tester", created_at=utc(2026, 2, 11)))


def statuses_by_id(engine, as_of=AS_OF, warn_days=90):
    with engine.connect() as conn:
        df = compliance_statuses(conn, as_of, warn_days)
    return {(r.certificant_id, r.certification, r.period_start.date()): (r.tenths, r.status) for r in df.itertuples()}


# -- statuses: the edge cases, worked by hand ---------------------------------------------
def test_status_edge_cases(engine):
    with engine.begin() as conn:
        lg = Ledger(conn)
        # Exactly 2.0 out of tenths that do not add up exactly in binary floating point.
        lg.person("EXACT")
        lg.period("EXACT", date(2025, 1, 1), date(2026, 12, 31))
        for ceus, day in (("0.7", 5), ("0.7", 6), ("0.6", 7)):
            lg.credit("EXACT", date(2025, 3, day), ceus)
        lg.person("UNDER")
        lg.period("UNDER", date(2025, 1, 1), date(2026, 12, 31))
        for ceus, day in (("0.7", 5), ("0.7", 6), ("0.5", 7)):
            lg.credit("UNDER", date(2025, 3, day), ceus)
        # A period ending on the as-of day is still current.
        lg.person("ENDS-TODAY")
        lg.period("ENDS-TODAY", date(2024, 3, 2), AS_OF)
        lg.credit("ENDS-TODAY", AS_OF, "1.0")
        lg.person("ENDS-TODAY-DONE")
        lg.period("ENDS-TODAY-DONE", date(2024, 3, 2), AS_OF)
        lg.credit("ENDS-TODAY-DONE", date(2024, 3, 2), "1.0")  # first day of the period
        lg.credit("ENDS-TODAY-DONE", AS_OF, "1.0")             # last day of the period
        # The window's edge: 90 days after as-of is at risk, 91 is not.
        lg.person("EDGE-90")
        lg.period("EDGE-90", date(2024, 5, 31), AS_OF + timedelta(days=90))
        lg.person("EDGE-91")
        lg.period("EDGE-91", date(2024, 6, 1), AS_OF + timedelta(days=91))
        # R5: one credit serves two certifications whose periods contain it.
        lg.person("SHARED")
        lg.period("SHARED", date(2025, 1, 1), date(2026, 12, 31), "Personal Trainer")
        lg.period("SHARED", date(2025, 6, 1), date(2027, 5, 31), "Group Fitness Instructor")
        lg.credit("SHARED", date(2025, 7, 1), "1.5")
        lg.credit("SHARED", date(2025, 3, 1), "0.5")  # before the second period began
        # R4: 3.0 in the last period carries nothing into this one.
        lg.person("BEYOND")
        lg.period("BEYOND", date(2023, 1, 1), date(2024, 12, 31))
        lg.period("BEYOND", date(2025, 1, 1), date(2026, 12, 31))
        lg.credit("BEYOND", date(2024, 2, 1), "2.0")
        lg.credit("BEYOND", date(2024, 6, 1), "1.0")
        lg.credit("BEYOND", date(2025, 1, 1), "0.5")
        # Lapsed: ended under 2.0, nothing later.
        lg.person("LAPSED")
        lg.period("LAPSED", date(2024, 1, 1), date(2025, 12, 31))
        lg.credit("LAPSED", date(2025, 12, 31), "1.0")
        lg.credit("LAPSED", date(2026, 1, 1), "1.0")  # after the period: R6 would refuse it; not counted
        # Ended under 2.0 but renewed by a later period: closed, not lapsed.
        lg.person("RENEWED")
        lg.period("RENEWED", date(2023, 12, 1), date(2025, 11, 30))
        lg.period("RENEWED", date(2025, 12, 1), date(2027, 11, 30))
        lg.credit("RENEWED", date(2024, 1, 1), "0.5")
        # More than 2.0 in the current period: complete, the surplus shown, nothing needed.
        lg.person("OVER")
        lg.period("OVER", date(2025, 1, 1), date(2026, 12, 31))
        lg.credit("OVER", date(2025, 2, 1), "1.5")
        lg.credit("OVER", date(2025, 3, 1), "1.1")
        # Ended with 2.0 and no later period on file: complete.
        lg.person("ENDED-DONE")
        lg.period("ENDED-DONE", date(2023, 6, 1), date(2025, 5, 31))
        lg.credit("ENDED-DONE", date(2024, 6, 1), "2.0")
        # Starts after as-of.
        lg.person("FUTURE")
        lg.period("FUTURE", date(2026, 6, 1), date(2028, 5, 31))
        # R12: two CPR courses count 0.2 together, so 1.6 + 0.2 + 0.2 is 1.8 (and AED its own 0.2).
        lg.person("CPR")
        lg.period("CPR", date(2025, 1, 1), date(2026, 12, 31))
        lg.credit("CPR", date(2025, 2, 1), "1.6")
        lg.credit("CPR", date(2025, 3, 1), "0.2", category="cpr")
        lg.credit("CPR", date(2025, 4, 1), "0.2", category="cpr")
        lg.person("CPR-AED")
        lg.period("CPR-AED", date(2025, 1, 1), date(2026, 12, 31))
        lg.credit("CPR-AED", date(2025, 2, 1), "1.6")
        lg.credit("CPR-AED", date(2025, 3, 1), "0.2", category="cpr")
        lg.credit("CPR-AED", date(2025, 4, 1), "0.2", category="aed")
        # R24: a reversed credit does not count.
        lg.person("REVERSED")
        lg.period("REVERSED", date(2025, 1, 1), date(2026, 12, 31))
        lg.credit("REVERSED", date(2025, 2, 1), "1.5")
        lg.reverse(lg.credit("REVERSED", date(2025, 3, 1), "0.5"))

    got = statuses_by_id(engine)
    pt = "Personal Trainer"
    assert got[("EXACT", pt, date(2025, 1, 1))] == (20, "complete")
    assert got[("UNDER", pt, date(2025, 1, 1))] == (19, "on_track")
    assert got[("ENDS-TODAY", pt, date(2024, 3, 2))] == (10, "at_risk")
    assert got[("ENDS-TODAY-DONE", pt, date(2024, 3, 2))] == (20, "complete")
    assert got[("EDGE-90", pt, date(2024, 5, 31))] == (0, "at_risk")
    assert got[("EDGE-91", pt, date(2024, 6, 1))] == (0, "on_track")
    assert got[("SHARED", pt, date(2025, 1, 1))] == (20, "complete")
    assert got[("SHARED", "Group Fitness Instructor", date(2025, 6, 1))] == (15, "on_track")
    assert got[("BEYOND", pt, date(2023, 1, 1))] == (30, "closed")
    assert got[("BEYOND", pt, date(2025, 1, 1))] == (5, "on_track")
    assert got[("LAPSED", pt, date(2024, 1, 1))] == (10, "lapsed")
    assert got[("RENEWED", pt, date(2023, 12, 1))] == (5, "closed")
    assert got[("RENEWED", pt, date(2025, 12, 1))] == (0, "on_track")
    assert got[("ENDED-DONE", pt, date(2023, 6, 1))] == (20, "complete")
    assert got[("OVER", pt, date(2025, 1, 1))] == (26, "complete")
    assert got[("FUTURE", pt, date(2026, 6, 1))] == (0, "not_started")
    assert got[("CPR", pt, date(2025, 1, 1))] == (18, "on_track")
    assert got[("CPR-AED", pt, date(2025, 1, 1))] == (20, "complete")
    assert got[("REVERSED", pt, date(2025, 1, 1))] == (15, "on_track")

    # A shorter window moves the edge with it; the day after as-of judges ENDS-TODAY as ended.
    assert statuses_by_id(engine, warn_days=0)[("ENDS-TODAY", pt, date(2024, 3, 2))] == (10, "at_risk")
    assert statuses_by_id(engine, warn_days=0)[("EDGE-90", pt, date(2024, 5, 31))] == (0, "on_track")
    later = statuses_by_id(engine, as_of=AS_OF + timedelta(days=1))
    assert later[("ENDS-TODAY", pt, date(2024, 3, 2))] == (10, "lapsed")
    assert later[("ENDS-TODAY-DONE", pt, date(2024, 3, 2))] == (20, "complete")


def test_default_month_is_the_month_before_the_as_of_day():
    assert default_month(date(2026, 3, 1)) == date(2026, 2, 1)
    assert default_month(date(2026, 1, 1)) == date(2025, 12, 1)
    assert default_month(date(2026, 3, 15)) == date(2026, 3, 1)
    assert parse_month("2026-02") == date(2026, 2, 1)
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month("2026-13")


def test_redact_url_strips_the_password():
    url = "postgresql+psycopg://cec:s3cr3t@db.example.org:5432/cec?sslpassword=k3y&application_name=x"
    label = redact_url(url)
    assert "s3cr3t" not in label and "k3y" not in label and "***" not in label
    assert label == "postgresql+psycopg://cec@db.example.org:5432/cec?application_name=x"
    assert redact_url("sqlite:///cec-batch.sqlite3") == "sqlite:///cec-batch.sqlite3"


# -- the Summary sheet against the ledger ----------------------------------------------------
CERTIFICATIONS = ("Personal Trainer", "Group Fitness Instructor", "Health Coach")


def random_world(engine, seed=20260301):
    """A few hundred periods, credits over fourteen months, reversals, files and exceptions."""
    rnd = random.Random(seed)
    with engine.begin() as conn:
        lg = Ledger(conn)
        catalogue = [lg.course(f"CEP{100000 + i}", f"Provider {i % 5}", category=cat)
                     for i, cat in enumerate(["standard"] * 12 + ["cpr", "aed", "first_aid", "cpr"])]
        categories = {n: ("standard" if i < 12 else ["cpr", "aed", "first_aid", "cpr"][i - 12])
                      for i, n in enumerate(catalogue)}
        month_files = {}
        for k in range(15):  # January 2025 .. March 2026
            first = date(2025 + k // 12, k % 12 + 1, 1)
            month_files[first] = [lg.file(utc(first.year, first.month, rnd.randint(1, 28), rnd.randint(0, 23)),
                                          kind=rnd.choice(["roster", "roster", "certificate"]),
                                          provider=rnd.choice([None, "Given Provider"])) for _ in range(3)]
        months = sorted(month_files)
        posted_ids = []
        for p in range(150):
            cid = lg.person(f"P{p:04d}")
            for cert in rnd.sample(CERTIFICATIONS, rnd.randint(1, 3)):
                start = AS_OF - timedelta(days=rnd.randint(-60, 1200))
                lg.period(cid, start, start + timedelta(days=729), cert)
                if rnd.random() < 0.3:
                    lg.period(cid, start - timedelta(days=730), start - timedelta(days=1), cert)
            for course in rnd.sample(catalogue, rnd.randint(0, 8)):
                month = rnd.choice(months)
                posted = utc(month.year, month.month, rnd.randint(1, 28), rnd.randint(0, 23))
                category = categories[course]
                ceus = "0.2" if category != "standard" else rnd.choice(["0.1", "0.3", "0.5", "0.7", "1.0", "1.5"])
                posted_ids.append(lg.credit(
                    cid, posted.date() - timedelta(days=rnd.randint(0, 900)), ceus, category=category,
                    source=rnd.choice(["roster", "roster", "certificate", "petition", "resolution"]),
                    course=course, file_id=rnd.choice(month_files[month]), posted_at=posted))
        for credit_id in rnd.sample(posted_ids, len(posted_ids) // 12):
            lg.reverse(credit_id, utc(2026, rnd.choice([1, 2, 3]), rnd.randint(1, 28)))
        # Month boundaries, to the microsecond.
        lg.person("EDGE")
        lg.period("EDGE", date(2025, 1, 1), date(2026, 12, 31))
        lg.credit("EDGE", date(2025, 5, 1), "0.5", posted_at=datetime(2026, 2, 1, tzinfo=timezone.utc))
        lg.credit("EDGE", date(2025, 5, 2), "0.5",
                  posted_at=datetime(2026, 1, 31, 23, 59, 59, 999999, tzinfo=timezone.utc))
        lg.credit("EDGE", date(2025, 5, 3), "0.5", posted_at=datetime(2026, 3, 1, tzinfo=timezone.utc))
        kinds = ["unknown_course_number", "duplicate", "unknown_certificant", "invalid_date", "ceus_mismatch",
                 "outside_period"]
        for _ in range(80):
            kind = rnd.choice(kinds)
            lg.exception(kind, severity="warning" if kind == "ceus_mismatch" else "error",
                         file_id=rnd.choice(month_files[rnd.choice(months[-4:])]),
                         course=rnd.choice(catalogue + ["CA99999", ""]), completed=date(2026, 1, rnd.randint(1, 28)),
                         status=rnd.choice(["open", "open", "resolved", "dismissed"]))


def _day(v):
    return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])


def hand_worked_statuses(conn, as_of, warn_days):
    """The rules of rules.md worked in plain Python over the raw rows, as a clerk would."""
    periods = conn.execute(text("SELECT certificant_id, certification, period_start, period_end "
                                "FROM certifications")).all()
    standing = conn.execute(text("SELECT certificant_id, completion_date, ceus, category FROM credits "
                                 "WHERE credit_id NOT IN (SELECT credit_id FROM reversals)")).all()
    by_person = defaultdict(list)
    for cid, completed, ceus, category in standing:
        by_person[cid].append((_day(completed), Decimal(str(ceus)).quantize(Decimal("0.1")), category))
    counts = Counter()
    for cid, cert, start, end in periods:
        start, end = _day(start), _day(end)
        per_category = defaultdict(Decimal)
        for completed, ceus, category in by_person[cid]:
            if start <= completed <= end:
                per_category[category] += ceus
        total = sum((min(v, Decimal("0.2")) if c in ("cpr", "aed", "first_aid") else v)
                    for c, v in per_category.items())
        renewed = any(_day(s) > end for c2, n2, s, _e in periods if c2 == cid and n2 == cert)
        if start > as_of:
            status = "not_started"
        elif end < as_of:
            status = "closed" if renewed else ("complete" if total >= 2 else "lapsed")
        elif total >= 2:
            status = "complete"
        elif end <= as_of + timedelta(days=warn_days):
            status = "at_risk"
        else:
            status = "on_track"
        counts[(cert, status)] += 1
    return counts


def ledger_query(conn, sql, **params):
    """A direct SQL query, its time bounds bound with the ledger's own column type."""
    from sqlalchemy import bindparam

    stmt = text(sql).bindparams(*[bindparam(k, type_=credits.c.posted_at.type) for k in params])
    return conn.execute(stmt, params).all()


def read_summary(path):
    """The Summary sheet's tables, found by their header rows."""
    ws = load_workbook(path)["Summary"]
    rows = []
    for r in ws.iter_rows():
        values = [c.value for c in r]
        while values and values[-1] is None:
            values.pop()
        rows.append(values)
    first = [r[0] if r else None for r in rows]

    def table(header, length=None):
        i = first.index(header)
        out = []
        for r in rows[i + 1:]:
            if not r or r[0] in (None, "Total") or (length is not None and len(out) == length):
                return out, r
            out.append(r)
        return out, None

    statuses, status_total = table("Certification")
    sources, source_total = table("Source")
    reversal_row = rows[first.index("Reversals recorded in the month")]
    months, _ = table("Month", 12)
    kinds, kind_total = table("Kind")
    not_counted = next(r[0] for r in rows if r and str(r[0]).startswith("Not counted above"))
    return {"title": rows[0][0], "subtitle": rows[1][0], "not_counted": not_counted,
            "statuses": statuses, "status_total": status_total,
            "sources": sources, "source_total": source_total, "reversals": reversal_row, "months": months,
            "kinds": kinds, "kind_total": kind_total, "ws": ws}


def test_every_summary_figure_matches_the_ledger(engine, tmp_path):
    random_world(engine)
    out = tmp_path / "compliance.xlsx"
    summary = write_compliance_workbook(engine, out, AS_OF, 90, MONTH)
    got = read_summary(out)

    with engine.connect() as conn:
        # Statuses by certification: the rules worked by hand.
        expected = hand_worked_statuses(conn, AS_OF, 90)
        assert {r[0] for r in got["statuses"]} == {c for c, _ in expected}
        for name, complete, on_track, at_risk, lapsed, total in got["statuses"]:
            want = [expected[(name, s)] for s in ("complete", "on_track", "at_risk", "lapsed")]
            assert [complete, on_track, at_risk, lapsed] == want, name
            assert total == sum(want)
        assert got["status_total"][1:6] == [
            sum(expected[(c, s)] for c in CERTIFICATIONS) for s in ("complete", "on_track", "at_risk", "lapsed")
        ] + [sum(v for (c, s), v in expected.items() if s in ("complete", "on_track", "at_risk", "lapsed"))]
        closed = sum(v for (c, s), v in expected.items() if s == "closed")
        not_started = sum(v for (c, s), v in expected.items() if s == "not_started")
        assert summary["statuses"]["closed"] == closed and summary["statuses"]["not_started"] == not_started
        assert f"{closed:,} closed period" in got["not_counted"]
        assert f"and {not_started:,} period" in got["not_counted"]
        assert all(summary["statuses"][s] > 0 for s in ("complete", "on_track", "at_risk", "lapsed", "closed"))

        # Credits posted in the month, by source: SQL on the ledger.
        start, end = datetime(2026, 2, 1, tzinfo=timezone.utc), datetime(2026, 3, 1, tzinfo=timezone.utc)
        by_source = {s: (n, round(float(c), 1)) for s, n, c in ledger_query(
            conn, "SELECT source, COUNT(*), SUM(ceus) FROM credits WHERE posted_at >= :a AND posted_at < :b "
                  "GROUP BY source", a=start, b=end)}
        assert {r[0]: (r[1], r[2]) for r in got["sources"]} == {
            s: by_source.get(s, (0, 0.0)) for s in ("roster", "certificate", "petition", "resolution")}
        assert got["source_total"][1] == sum(n for n, _ in by_source.values())
        assert got["source_total"][2] == pytest.approx(sum(c for _, c in by_source.values()))
        (n_rev, cecs_rev), = ledger_query(
            conn, "SELECT COUNT(*), COALESCE(SUM(c.ceus), 0) FROM reversals r JOIN credits c "
                  "ON c.credit_id = r.credit_id WHERE r.reversed_at >= :a AND r.reversed_at < :b", a=start, b=end)
        assert got["reversals"][1:3] == [n_rev, pytest.approx(float(cecs_rev))]
        assert n_rev > 0

        # Twelve months, March 2025 .. February 2026: one SQL query per month.
        assert [r[0].date() for r in got["months"]] == [date(2025 + (m + 2) // 12, (m + 2) % 12 + 1, 1)
                                                         for m in range(12)]
        for month_first, n, cecs in got["months"]:
            a = datetime(month_first.year, month_first.month, 1, tzinfo=timezone.utc)
            b = datetime(a.year + a.month // 12, a.month % 12 + 1, 1, tzinfo=timezone.utc)
            (want_n, want_cecs), = ledger_query(
                conn, "SELECT COUNT(*), COALESCE(SUM(ceus), 0) FROM credits "
                      "WHERE posted_at >= :a AND posted_at < :b", a=a, b=b)
            assert (n, cecs) == (want_n, pytest.approx(float(want_cecs))), month_first
        assert got["months"][-1][1] == got["source_total"][1]

        # Open exceptions by kind.
        open_by_kind = dict(conn.execute(text(
            "SELECT kind, COUNT(*) FROM exceptions WHERE status = 'open' GROUP BY kind")).all())
        assert {r[0]: r[2] for r in got["kinds"]} == open_by_kind
        assert {r[0]: r[1] for r in got["kinds"]}["ceus_mismatch"] == "warning"
        assert [r[2] for r in got["kinds"]] == sorted((r[2] for r in got["kinds"]), reverse=True)
        assert got["kind_total"][2] == sum(open_by_kind.values())

    # The title line: as-of date and the database it came from.
    assert "2026-03-01" in got["title"]
    assert redact_url(engine.url) in got["subtitle"]
    assert "warning window 90 days" in got["subtitle"] and "report month 2026-02" in got["subtitle"]


def test_summary_of_a_hand_worked_sample(engine, tmp_path):
    """A world small enough to count on one's fingers."""
    with engine.begin() as conn:
        lg = Ledger(conn)
        lg.person("A")
        lg.period("A", date(2025, 1, 1), date(2026, 12, 31), "Personal Trainer")
        lg.period("A", date(2025, 1, 1), date(2026, 4, 30), "Health Coach")
        lg.credit("A", date(2025, 6, 1), "2.0", posted_at=utc(2026, 2, 3))                       # roster
        lg.person("B")
        lg.period("B", date(2024, 1, 1), date(2025, 12, 31), "Personal Trainer")
        lg.credit("B", date(2025, 6, 1), "0.5", source="petition", posted_at=utc(2026, 2, 28, 23))
        gone = lg.credit("B", date(2025, 6, 2), "1.5", source="certificate", posted_at=utc(2025, 12, 5))
        lg.reverse(gone, utc(2026, 2, 4))
        lg.exception("duplicate")
        lg.exception("duplicate")
        lg.exception("ceus_mismatch", severity="warning")
        lg.exception("invalid_date", status="resolved")
    out = tmp_path / "c.xlsx"
    summary = write_compliance_workbook(engine, out, AS_OF, 90, MONTH)
    got = read_summary(out)
    assert got["statuses"] == [["Health Coach", 1, 0, 0, 0, 1], ["Personal Trainer", 1, 0, 0, 1, 2]]
    assert got["status_total"][1:] == [2, 0, 0, 1, 3]
    assert got["sources"] == [["roster", 1, 2.0], ["certificate", 0, 0.0], ["petition", 1, 0.5],
                              ["resolution", 0, 0.0]]
    assert got["source_total"][1:3] == [2, 2.5]
    assert got["reversals"][1:3] == [1, 1.5]
    assert [r[1] for r in got["months"]] == [0] * 9 + [1, 0, 2]
    assert got["kinds"] == [["duplicate", "error", 2], ["ceus_mismatch", "warning", 1]]
    assert summary["statuses"] == {"complete": 2, "on_track": 0, "at_risk": 0, "lapsed": 1, "closed": 0,
                                   "not_started": 0}
    wb = load_workbook(out)
    lapsed = [[c.value for c in r] for r in wb["Lapsed"].iter_rows(min_row=4)]
    assert lapsed == [[datetime(2025, 12, 31), "B", "Ann Lee", "b@example.org", "Personal Trainer", 0.5, 1.5,
                       datetime(2024, 1, 1)]]


# -- providers -----------------------------------------------------------------------------
def test_providers_worked_by_hand(engine):
    with engine.begin() as conn:
        lg = Ledger(conn)
        for cid in ("A", "B", "C", "D", "E", "F"):
            lg.person(cid)
        acme = lg.course("CEP100001", "Acme")
        bolt = lg.course("CEP100002", "Bolt")
        f1 = lg.file(utc(2026, 2, 10, 9))
        lg.credit("A", date(2026, 2, 1), "1.0", course=acme, file_id=f1)     # 9 days
        lg.credit("B", date(2026, 1, 31), "1.0", course=acme, file_id=f1)    # 10 days
        c = lg.credit("C", date(2026, 1, 11), "1.0", course=acme, file_id=f1)  # 30 days
        lg.exception("ceus_mismatch", severity="warning", file_id=f1, course=acme, completed=date(2026, 1, 11),
                     credit_id=c)
        lg.exception("duplicate", file_id=f1, course=acme, completed=date(2026, 1, 1))  # 40 days
        lg.exception("unknown_course_number", file_id=f1, course="CA99999", completed=date(2026, 2, 5))  # 5 days
        f2 = lg.file(utc(2026, 2, 20), provider="Bolt (as given)")
        lg.credit("D", date(2026, 2, 18), "1.0", course=bolt, file_id=f2)    # 2 days
        lg.exception("unknown_course_number", file_id=f2, course="XX1")
        lg.exception("future_date", file_id=f2, course=bolt, completed=date(2026, 3, 5))  # after arrival
        f3 = lg.file(utc(2026, 2, 15), kind="certificate")
        lg.credit("E", date(2025, 12, 1), "1.0", course=acme, file_id=f3, source="certificate")  # not a roster
        f4 = lg.file(datetime(2026, 3, 1, tzinfo=timezone.utc))             # next month
        lg.credit("F", date(2026, 2, 1), "1.0", course=acme, file_id=f4)
        f5 = lg.file(datetime(2026, 1, 31, 23, 59, 59, tzinfo=timezone.utc))  # last month
        lg.credit("F", date(2026, 1, 1), "1.0", course=bolt, file_id=f5)
    with engine.connect() as conn:
        table = provider_figures(conn, MONTH)
    rows = table.to_dict("records")
    assert [r["provider"] for r in rows] == [NO_PROVIDER, "Bolt (as given)", "Bolt", "Acme"]
    no, given, bolt_row, acme_row = rows
    assert (no["rows"], no["posted"], no["errors"], no["exception_rate"]) == (1, 0, 1, 1.0)
    assert (no["median_days"], no["worst_days"], no["unknown_course_number"]) == (5, 5, 1)
    assert (given["rows"], given["posted"], given["errors"], given["unknown_course_number"]) == (1, 0, 1, 1)
    assert pd_isna(given["median_days"]) and pd_isna(given["worst_days"])
    assert (bolt_row["rows"], bolt_row["posted"], bolt_row["errors"], bolt_row["exception_rate"]) == (2, 1, 1, 0.5)
    assert (bolt_row["median_days"], bolt_row["worst_days"], bolt_row["future_date"]) == (2, 2, 1)
    assert (acme_row["rows"], acme_row["posted"], acme_row["errors"]) == (5, 4, 1)
    assert acme_row["exception_rate"] == pytest.approx(0.2)
    assert (acme_row["median_days"], acme_row["worst_days"]) == (20, 40)  # 9, 10, 30, 40
    assert (acme_row["duplicate"], acme_row["ceus_mismatch"], acme_row["unknown_course_number"]) == (1, 1, 0)


def pd_isna(v):
    return v is None or v != v


# -- the workbook's craft ---------------------------------------------------------------------
def test_charts_point_at_the_summary_tables(engine, tmp_path):
    random_world(engine, seed=7)
    out = tmp_path / "c.xlsx"
    write_compliance_workbook(engine, out, AS_OF, 90, MONTH)
    got = read_summary(out)
    ws = got["ws"]
    header_row = next(r[0].row for r in ws.iter_rows() if r[0].value == "Certification")
    first, last = header_row + 1, header_row + len(got["statuses"])
    bar, line = sorted(ws._charts, key=lambda c: isinstance(c, LineChart))
    assert isinstance(bar, BarChart) and isinstance(line, LineChart)
    assert bar.grouping == "stacked"
    assert len(bar.series) == 4
    for i, series in enumerate(bar.series):
        col = "BCDE"[i]
        assert series.val.numRef.f == f"'Summary'!${col}${first}:${col}${last}"
        assert series.tx.strRef.f.replace("$", "") == f"'Summary'!{col}{header_row}"
        assert series.cat.numRef.f == f"'Summary'!$A${first}:$A${last}"
    assert [ws[f"{c}{header_row}"].value for c in "BCDE"] == ["Complete", "On track", "At risk", "Lapsed"]
    assert [ws[f"A{r}"].value for r in range(first, last + 1)] == sorted(CERTIFICATIONS)

    month_header = next(r[0].row for r in ws.iter_rows() if r[0].value == "Month")
    (series,) = line.series
    assert series.val.numRef.f == f"'Summary'!$B${month_header + 1}:$B${month_header + 12}"
    assert series.cat.numRef.f == f"'Summary'!$A${month_header + 1}:$A${month_header + 12}"
    assert ws[f"B{month_header}"].value == "Credits"
    assert ws[f"A{month_header + 12}"].value == datetime(2026, 2, 1)
    assert ws[f"A{month_header + 1}"].value == datetime(2025, 3, 1)


def test_list_sheets_are_frozen_filtered_and_formatted(engine, tmp_path):
    random_world(engine, seed=11)
    out = tmp_path / "c.xlsx"
    summary = write_compliance_workbook(engine, out, AS_OF, 90, MONTH)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "At risk", "Lapsed", "Providers", "All certifications"]
    for name in wb.sheetnames[1:]:
        ws = wb[name]
        n = summary["sheets"][name]
        assert n > 0, name
        assert ws.freeze_panes == "A4"
        assert ws.auto_filter.ref == f"A3:{ws.cell(3, ws.max_column).column_letter}{3 + n}"
        assert "2026" in ws["A1"].value and redact_url(engine.url) in ws["A2"].value
        assert ws.max_row == 3 + n
        for col in range(1, ws.max_column + 1):
            assert ws.column_dimensions[ws.cell(3, col).column_letter].width >= 7
    at_risk = wb["At risk"]
    assert [c.value for c in at_risk[3]] == ["Period end", "Days left", "Certificant ID", "Name", "Email",
                                             "Certification", "CECs earned", "CECs needed", "Period start"]
    ends = [r[0].value for r in at_risk.iter_rows(min_row=4)]
    assert ends == sorted(ends)
    assert all(AS_OF <= e.date() <= AS_OF + timedelta(days=90) for e in ends)
    row = at_risk[4]
    assert row[0].is_date and row[0].number_format == "yyyy-mm-dd"
    assert row[6].number_format == "0.0" and isinstance(row[6].value, (int, float))
    assert all(r[6].value + r[7].value == pytest.approx(2.0) for r in at_risk.iter_rows(min_row=4))
    everything = wb["All certifications"]
    statuses = Counter(r[6].value for r in everything.iter_rows(min_row=4))
    assert statuses["Complete"] == summary["statuses"]["complete"]
    assert statuses["Closed"] == summary["statuses"]["closed"]
    assert sum(statuses.values()) == summary["certifications"]
    providers = wb["Providers"]
    rates = [r[4].value for r in providers.iter_rows(min_row=4)]
    assert rates == sorted(rates, reverse=True)
    assert providers["E4"].number_format == "0.0%"


def test_text_cells_are_escaped_and_numbers_stay_numbers(engine, tmp_path):
    with engine.begin() as conn:
        lg = Ledger(conn)
        lg.person("=1+1", first="=HYPERLINK(\"http://evil\")", last="x", email="@evil.example")
        lg.period("=1+1", date(2024, 4, 1), date(2026, 3, 31), "-Trainer")
        course = lg.course("CEP100009", "+Provider")
        lg.credit("=1+1", date(2026, 2, 1), "0.5", course=course,
                  file_id=lg.file(utc(2026, 2, 10)))
    out = tmp_path / "c.xlsx"
    write_compliance_workbook(engine, out, AS_OF, 90, MONTH)
    wb = load_workbook(out)
    row = wb["At risk"][4]
    assert [c.value for c in row[2:6]] == ["'=1+1", "'=HYPERLINK(\"http://evil\") x", "'@evil.example",
                                           "'-Trainer"]
    assert all(c.data_type == "s" for c in row[2:6])
    assert row[1].value == 30 and row[1].data_type == "n"
    assert row[6].value == 0.5 and row[6].data_type == "n"
    assert wb["Providers"]["A4"].value == "'+Provider"
    assert wb["Summary"]["A6"].value == "'-Trainer"


def test_empty_store_gives_a_workbook(engine, tmp_path):
    out = tmp_path / "empty.xlsx"
    summary = write_compliance_workbook(engine, out, AS_OF)
    assert summary["certifications"] == 0 and summary["providers"] == 0
    wb = load_workbook(out)
    assert wb["Summary"]["A6"].value == "(no certifications)"
    assert wb["At risk"].max_row == 3


@pytest.mark.slow
def test_workbook_opens_in_libreoffice(engine, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        print("\n" + "!" * 70 + "\nLibreOffice is not installed: the workbook was NOT opened in it\n" + "!" * 70)
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui): NOT checked")
    random_world(engine, seed=3)
    out = tmp_path / "compliance.xlsx"
    write_compliance_workbook(engine, out, AS_OF, 90, MONTH)
    profile = tmp_path / "lo-profile"  # its own profile: another LibreOffice running elsewhere does not block us
    done = subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(out)], capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "compliance.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), done.stdout + done.stderr
    assert pdf.stat().st_size > 10_000


# -- the command -------------------------------------------------------------------------------
def test_cli_writes_the_workbook_and_prints_json(engine, db_url, tmp_path):
    random_world(engine, seed=5)
    out = tmp_path / "reports"
    out.mkdir()
    result = CliRunner().invoke(main, ["--db", db_url, "--today", "2026-03-01", "report", "compliance",
                                       "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["as_of"] == "2026-03-01" and summary["month"] == "2026-02" and summary["warn_days"] == 90
    assert summary["out"] == str(out / "compliance-2026-03-01.xlsx")
    assert (out / "compliance-2026-03-01.xlsx").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left behind

    result = CliRunner().invoke(main, ["--db", db_url, "report", "compliance", "--as-of", "2026-03-15",
                                       "--warn-days", "30", "--month", "2026-01", "--out", str(out / "m.xlsx")])
    assert result.exit_code == 0, result.output
    assert "Compliance as of 2026-03-15" in result.output and "month 2026-01" in result.output
    assert "at risk" in result.output and "Credits posted in 2026-01" in result.output


@pytest.mark.parametrize("args, message", [
    (["--as-of", "2026-02-30"], "'2026-02-30' is not a date"),
    (["--month", "2026-1"], "is not a month in the form YYYY-MM"),
    (["--month", "2026-04"], "--month 2026-04 is after the as-of date 2026-03-01"),
    (["--warn-days", "-1"], "-1 is not in the range x>=0"),
    (["--out-name", "x.csv"], None),
])
def test_cli_usage_errors_exit_2(args, message, tmp_path):
    if args[0] == "--out-name":
        args, message = ["--out", str(tmp_path / "x.csv")], "is an .xlsx file"
        argv = args
    else:
        argv = ["--out", str(tmp_path / "c.xlsx"), *args]
    db = f"sqlite:///{tmp_path / 'cec.sqlite3'}"
    result = CliRunner().invoke(main, ["--db", db, "--today", "2026-03-01", "report", "compliance", *argv])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "c.xlsx").exists()


def test_cli_missing_folder_exits_2(tmp_path):
    db = f"sqlite:///{tmp_path / 'cec.sqlite3'}"
    result = CliRunner().invoke(main, ["--db", db, "report", "compliance", "--out",
                                       str(tmp_path / "nope" / "c.xlsx")])
    assert result.exit_code == 2
    assert "does not exist; create it first" in result.output


def test_report_commands_have_help():
    for argv in (["report", "--help"], ["report", "compliance", "--help"]):
        result = CliRunner().invoke(main, argv)
        assert result.exit_code == 0 and "Usage:" in result.output


def test_cli_folder_with_a_slash_must_exist(tmp_path):
    db = f"sqlite:///{tmp_path / 'cec.sqlite3'}"
    result = CliRunner().invoke(main, ["--db", db, "report", "compliance", "--out", f"{tmp_path}/reports/"])
    assert result.exit_code == 2
    assert "the folder does not exist; create it first" in result.output


# -- the monthly job ---------------------------------------------------------------------------
JOBS = Path(__file__).resolve().parent.parent / "jobs"


def _command_after_program(words):
    i = next(i for i, w in enumerate(words) if w.endswith("/cec-batch"))
    return words[i + 1:]


@pytest.mark.parametrize("source", ["cec-batch-monthly.service", "crontab.example"])
def test_the_scheduled_command_line_runs(source, db_url, engine, tmp_path):
    """The monthly job's command, as the unit or cron line spells it, writes the workbook."""
    text_ = (JOBS / source).read_text()
    if source.endswith(".service"):
        line = next(l for l in text_.splitlines() if l.startswith("ExecStart="))
        words = shlex.split(line.removeprefix("ExecStart="))
    else:
        line = next(l for l in text_.splitlines() if "report compliance" in l and not l.startswith("#"))
        words = shlex.split(line.split("&&")[-1].split(">>")[0])
    reports = tmp_path / "reports"
    reports.mkdir()
    argv = [w.replace("${CEC_REPORTS_DIR}", str(reports)).replace("$CEC_REPORTS_DIR", str(reports))
            for w in _command_after_program(words)]
    assert argv[:2] == ["report", "compliance"]
    result = CliRunner().invoke(main, argv, env={"CEC_DB_URL": db_url, "CEC_TODAY": "2026-03-01",
                                                 "CEC_OPERATOR": "scheduler"})
    assert result.exit_code == 0, result.output
    assert (reports / "compliance-2026-03-01.xlsx").exists()
    assert "month 2026-02" in result.output


def test_job_settings_name_every_variable_the_jobs_use():
    env = (JOBS / "cec-batch.env.example").read_text()
    names = {l.split("=", 1)[0] for l in env.splitlines() if l and not l.startswith("#")}
    assert {"CEC_DB_URL", "CEC_OPERATOR", "CEC_REPORTS_DIR"} <= names
    assert "CEC_TODAY" not in names
    timer = (JOBS / "cec-batch-monthly.timer").read_text()
    assert "OnCalendar=*-*-01 06:00:00" in timer and "Persistent=true" in timer
