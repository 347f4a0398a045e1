"""`report compliance` on one million certification periods, against a bare baseline (a benchmark, not a test).

    python bench/bench_compliance.py [--certifications 1000000] [--credits N] [--rebuild]

Builds (once, cached in bench/out/ while its size matches) a SQLite store with N
certification periods held by about N/2.3 people, 1.5 credits per period, 1% of them
reversed, files and exceptions for every month. Then times in one run:
  - the bare baseline: read the certifications table (sqlite3) and stream as many
    rows of plain values into a write-only openpyxl workbook;
  - the real command, `python -m cec_batch ... report compliance --json`, in a fresh
    process: its wall time and peak memory (the child's maximum resident set size).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = date(2026, 3, 1)
CERTIFICATIONS = ("Personal Trainer", "Group Fitness Instructor", "Health Coach", "Medical Exercise Specialist",
                  "Orthopedic Exercise Specialist")
SOURCES = ("roster",) * 7 + ("certificate",) * 2 + ("petition", "resolution")
KINDS = ("unknown_course_number", "duplicate", "unknown_certificant", "invalid_date", "outside_period",
         "ceus_mismatch", "course_not_approved", "ambiguous_certificant", "needs_review")
CHUNK = 50_000


def _ts(day: date, seconds: int) -> str:
    """A timestamp as SQLAlchemy stores DateTime on SQLite."""
    return (datetime(day.year, day.month, day.day) + timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(path: Path, n_periods: int, n_credits: int, seed: int = 1) -> None:
    """A store of N_PERIODS certification periods and N_CREDITS credits, inserted in bulk."""
    from cec_batch.store import open_store

    path.unlink(missing_ok=True)
    open_store(f"sqlite:///{path}").dispose()  # the schema, at the program's version
    rnd = random.Random(seed)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("INSERT INTO batches (batch_id, command, operator, started_at, status) "
               "VALUES (1, 'bench', 'bench', '2026-01-01 00:00:00.000000', 'done')")

    n_courses = 3000
    providers = [f"Provider {i:03d}" for i in range(120)]
    categories = ["standard"] * 90 + ["event"] * 5 + ["cpr", "aed", "first_aid"] + ["standard"] * 2
    course_rows = [(f"CEP{100000 + i}", f"Course {i}", providers[i % len(providers)],
                    rnd.choice([0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5]), rnd.choice(categories), "2018-01-01", None)
                   for i in range(n_courses)]
    db.executemany("INSERT INTO courses VALUES (?,?,?,?,?,?,?)", course_rows)

    # Files: about 80 per month over 26 months.
    months = [date(2024 + (k + 1) // 12, (k + 1) % 12 + 1, 1) for k in range(26)]  # Feb 2024 .. Mar 2026
    file_rows, files_by_month = [], {}
    for m in months:
        files_by_month[m] = []
        for _ in range(80):
            fid = len(file_rows) + 1
            applied = _ts(m, rnd.randrange(27 * 86400))
            file_rows.append((fid, f"{fid:064x}", f"roster-{fid}.xlsx", 20_000,
                              "roster" if rnd.random() < 0.85 else "certificate", 1, applied, "bench", 0))
            files_by_month[m].append((fid, applied))
    db.executemany("INSERT INTO files (file_id, sha256, original_name, size_bytes, kind, batch_id, applied_at, "
                   "operator, rows) VALUES (?,?,?,?,?,?,?,?,?)", file_rows)

    # People and their periods: one to three certifications each; a current period for
    # most, the period before it for some (renewed), an ended one only for a few (lapsed).
    people, periods = [], []
    i = 0
    while len(periods) < n_periods:
        cid = f"C{i:07d}"
        people.append((cid, f"First{i % 997}", f"Last{i % 1999}", f"{cid.lower()}@example.org", None))
        for cert in rnd.sample(CERTIFICATIONS, rnd.choice((1, 1, 1, 2, 2, 3))):
            lapsed = rnd.random() < 0.04
            start = AS_OF - timedelta(days=rnd.randrange(730, 1100) if lapsed else rnd.randrange(-30, 730))
            spans = [start] + ([start - timedelta(days=730)] if rnd.random() < 0.4 else [])
            for s in spans[: n_periods - len(periods)]:
                periods.append((cid, cert, s.isoformat(), (s + timedelta(days=729)).isoformat()))
        i += 1
    db.executemany("INSERT INTO certificants (certificant_id, first_name, last_name, email, birth_date) "
                   "VALUES (?,?,?,?,?)", people)  # no ingest here: the matching keys are not needed
    for k in range(0, len(periods), CHUNK):
        db.executemany("INSERT INTO certifications (certificant_id, certification, period_start, period_end) "
                       "VALUES (?,?,?,?)", periods[k:k + CHUNK])

    # Credits: completion 1-120 days before the file that brought them; posted when applied.
    credit_rows, used = [], set()
    while len(credit_rows) < n_credits:
        cid = people[rnd.randrange(len(people))][0]
        course = course_rows[rnd.randrange(n_courses)]
        if (cid, course[0]) in used:
            continue
        used.add((cid, course[0]))
        m = months[rnd.randrange(len(months))]
        fid, applied = files_by_month[m][rnd.randrange(80)]
        completed = (date.fromisoformat(applied[:10]) - timedelta(days=rnd.randrange(1, 120))).isoformat()
        credit_rows.append((cid, course[0], 0, completed, course[3], course[4], rnd.choice(SOURCES), fid,
                            "roster.xlsx", "row 2", 1, "bench", applied))
    del used
    for k in range(0, len(credit_rows), CHUNK):
        db.executemany("INSERT INTO credits (certificant_id, course_number, generation, completion_date, ceus, "
                       "category, source, file_id, source_file, source_location, batch_id, operator, posted_at) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", credit_rows[k:k + CHUNK])
    n = len(credit_rows)
    del credit_rows
    reversed_ids = rnd.sample(range(1, n + 1), n // 100)
    db.executemany("INSERT INTO reversals (credit_id, reason, operator, batch_id, reversed_at) "
                   "VALUES (?, 'bench', 'bench', 1, '2026-02-15 10:00:00.000000')", [(c,) for c in reversed_ids])

    exception_rows = []
    for m in months:
        for _ in range(n_credits // 400):
            fid, applied = files_by_month[m][rnd.randrange(80)]
            kind = rnd.choice(KINDS)
            course = course_rows[rnd.randrange(n_courses)][0] if rnd.random() < 0.7 else "CA99999"
            completed = date.fromisoformat(applied[:10]) - timedelta(days=rnd.randrange(1, 90))
            exception_rows.append((kind, "warning" if kind == "ceus_mismatch" else "error", fid, "roster.xlsx",
                                   "row 3", "someone", course, completed.isoformat(), f"{kind}: bench",
                                   "open" if m >= months[-6] else "resolved", 1, "bench", applied))
    db.executemany("INSERT INTO exceptions (kind, severity, file_id, source_file, source_location, certificant_ref, "
                   "course_number, completion_date, detail, status, batch_id, operator, created_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", exception_rows)
    db.commit()
    db.execute("ANALYZE")
    db.close()


def counts(path: Path) -> dict:
    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("certificants", "certifications", "credits", "reversals", "exceptions", "files")}
    finally:
        db.close()


def bare_baseline(db_path: Path, out: Path) -> float:
    """Seconds to read every certification period and stream one plain row each into a workbook."""
    from openpyxl import Workbook

    t0 = time.perf_counter()
    db = sqlite3.connect(db_path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("All")
    for row in db.execute("SELECT certificant_id, certificant_id, certification, period_start, period_end, "
                          "0.0, 'on_track' FROM certifications"):
        ws.append(row)
    wb.save(out)
    db.close()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--certifications", type=int, default=1_000_000)
    ap.add_argument("--credits", type=int, default=None, help="default: 1.5 per certification period")
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "compliance.sqlite3")
    ap.add_argument("--out", type=Path, default=None, help="the workbook (default: beside the database)")
    ap.add_argument("--rebuild", action="store_true", help="build the store even if one of that size exists")
    args = ap.parse_args()
    n_credits = args.credits if args.credits is not None else args.certifications * 3 // 2
    args.db.parent.mkdir(parents=True, exist_ok=True)
    out = args.out or args.db.with_name("compliance-bench.xlsx")

    have = counts(args.db) if args.db.exists() else {}
    if args.rebuild or have.get("certifications") != args.certifications or have.get("credits") != n_credits:
        t0 = time.perf_counter()
        build(args.db, args.certifications, n_credits)
        print(f"built {args.db} in {time.perf_counter() - t0:.0f} s")
    print("store: " + ", ".join(f"{k} {v:,}" for k, v in counts(args.db).items()))

    baseline = bare_baseline(args.db, out.with_name("baseline.xlsx"))

    cmd = [sys.executable, "-m", "cec_batch", "--db", f"sqlite:///{args.db}", "--today", AS_OF.isoformat(),
           "report", "compliance", "--out", str(out), "--json"]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"report failed (exit {done.returncode}):\n{done.stderr}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: KiB
    summary = json.loads(done.stdout)
    print(f"{'step':<52}{'seconds':>9}{'ratio':>8}")
    print(f"{'bare: read certifications, write as many plain rows':<52}{baseline:>9.1f}{1:>8.2f}")
    print(f"{'cec-batch report compliance (whole command)':<52}{wall:>9.1f}{wall / baseline:>8.2f}")
    print(f"peak memory of the command: {peak_mb:,.0f} MB (max RSS)")
    print(f"  workbook {out} ({out.stat().st_size / 1e6:.1f} MB); sheets: "
          + ", ".join(f"{k} {v:,}" for k, v in summary["sheets"].items()))
    print("  statuses: " + ", ".join(f"{k} {v:,}" for k, v in summary["statuses"].items()))


if __name__ == "__main__":
    main()
