"""Roster ingest against the bare read of the same file (a benchmark, not a test).

Builds (once, cached in bench/out/) a 200,000-row roster and a 100,000-person
registry, then times in one run:
  - the bare read: pandas.read_excel(engine="calamine") of the roster;
  - `ingest` of the roster into a fresh SQLite store holding the registry
    (sniff, isolated read, normalise, match, rules, one transaction of inserts).
Goal: ingest within 1.5x the bare read.

It also times, in the same run, the parts of ingest that no matching or rule
can shorten, so the ratio can be read against its floor:
  - python-calamine's parse of the sheet into Python cells (no DataFrame);
  - the isolated read (readers.read_file: the child process, rows back in the parent);
  - the SQLite insert of the same credits alone (one executemany, the ledger's
    constraints and indexes, rolled back).
Each figure is the median of --repeat interleaved rounds (default 3), with its range.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
         "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Maria",
         "José", "Zoë", "Søren", "Aoife", "Wei", "Priya", "Ahmed", "Fatima", "Olga", "Kenji"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Núñez", "O'Brien", "van der Berg", "Smith-Jones", "Kowalski", "Nguyen", "Kim", "Patel", "Müller", "Rossi"]


def build_world(people: int, rows: int, seed: int = 7) -> tuple[Path, list[tuple], list[tuple], list[tuple]]:
    rnd = random.Random(seed)
    certificants, certifications, courses = [], [], []
    for i in range(people):
        cid = str(100000 + i)
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        certificants.append((cid, first, last, f"p{cid}@example.com", None))
        start = date(2025, 1, 1) + timedelta(days=rnd.randrange(0, 300))
        certifications.append((cid, "Personal Trainer", start, start.replace(year=start.year + 2) - timedelta(days=1)))
    prefixes = ["CEP", "CP", "CA", "CS", "CL"]
    for i in range(80):
        num = f"{prefixes[i % 5]}{10000 + i * 37:05d}"
        courses.append((num, f"Course {i}", f"Provider {i % 7}", "0.8", "standard", date(2024, 1, 1), None))
    roster = OUT / f"roster_{rows}.xlsx"
    if not roster.exists():
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Roster")
        ws.append(["Provider roster, generated for the benchmark"])
        ws.append([])
        ws.append(["ACE ID", "First Name", "Last Name", "Email", "Course #", "Date Completed", "CECs", "Notes"])
        for r in range(rows):
            cid, first, last, email, _ = certificants[r % people]
            course = courses[(r // people + r) % len(courses)][0]
            day = date(2026, 1, 1) + timedelta(days=rnd.randrange(0, 300))
            ws.append([int(cid), first, last, email, course, day, 0.8, ""])
        OUT.mkdir(parents=True, exist_ok=True)
        wb.save(roster)
    return roster, certificants, certifications, courses


def make_store(path: Path, certificants, certifications, courses) -> str:
    from cec_batch.store import open_store

    if path.exists():
        path.unlink()
    url = f"sqlite:///{path}"
    open_store(url).dispose()
    con = sqlite3.connect(path)
    with con:
        from cec_batch.normalize import person_keys

        con.executemany("INSERT INTO certificants (certificant_id, first_name, last_name, email, birth_date, "
                        "surname_key, first_key, sound_key, first_sound) VALUES (?,?,?,?,?,?,?,?,?)",
                        [(*p, *person_keys(p[1], p[2])) for p in certificants])
        con.executemany("INSERT INTO certifications (certificant_id, certification, period_start, period_end) "
                        "VALUES (?,?,?,?)", [(a, b, c.isoformat(), d.isoformat()) for a, b, c, d in certifications])
        con.executemany("INSERT INTO courses VALUES (?,?,?,?,?,?,?)",
                        [(a, b, c, d, e, f.isoformat(), None) for a, b, c, d, e, f, _ in courses])
    con.close()
    return url


def main() -> dict:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3, help="rounds; each figure is their median")
    args = ap.parse_args()

    import pandas as pd

    from cec_batch.post import Ingest
    from cec_batch.store import open_store

    OUT.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    roster, certificants, certifications, courses = build_world(args.people, args.rows)
    print(f"world: {args.rows:,} roster rows, {args.people:,} people ({time.perf_counter() - t:.1f} s to build)")
    # The machine is shared: each figure is the median of --repeat rounds, the rounds interleaved
    # so that a busy moment falls on both sides of the ratio.
    times: dict[str, list[float]] = {k: [] for k in ("bare", "ingest", "parse", "read", "insert")}
    for _ in range(args.repeat):
        url = make_store(OUT / "bench.sqlite3", certificants, certifications, courses)
        t = time.perf_counter()
        frame = pd.read_excel(roster, sheet_name=None, engine="calamine", header=None)
        times["bare"].append(time.perf_counter() - t)
        del frame

        engine = open_store(url)
        t = time.perf_counter()
        with Ingest(engine, operator="bench", today=date(2026, 11, 15)) as batch:
            report = batch.apply(roster)
        times["ingest"].append(time.perf_counter() - t)
        engine.dispose()
        assert report.status == "applied", report.message
        for key, seconds in zip(("parse", "read", "insert"), floor_parts(roster, OUT / "bench.sqlite3")):
            times[key].append(seconds)
    med = {k: statistics.median(v) for k, v in times.items()}
    bare = med["bare"]

    def line(label: str, key: str) -> None:
        spread = f"{min(times[key]):.2f}-{max(times[key]):.2f}"
        print(f"{label:<44}{med[key]:>9.2f}{med[key] / bare:>8.2f}{spread:>13}")

    print(f"{'step (median of ' + str(args.repeat) + ' rounds)':<44}{'seconds':>9}{'ratio':>8}{'range':>13}")
    line("bare read: pandas + calamine", "bare")
    line("cec-batch ingest (read, match, rules, post)", "ingest")
    print(f"  posted {report.credits:,} credits, {sum(report.outcomes.values()):,} exceptions "
          f"{dict(report.outcomes)}; goal: ratio <= 1.5")
    print("parts no rule can shorten (same rounds):")
    line("  python-calamine: sheet to Python cells", "parse")
    line("  isolated read (child, rows back)", "read")
    line("  SQLite insert of the same credits", "insert")
    floor = med["read"] + med["insert"]
    print(f"{'  read, then insert (no overlap)':<44}{floor:>9.2f}{floor / bare:>8.2f}")
    return {"bare_s": bare, "ingest_s": med["ingest"], "ratio": med["ingest"] / bare, "parse_s": med["parse"],
            "read_s": med["read"], "insert_s": med["insert"]}


def floor_parts(roster: Path, store: Path) -> tuple[float, float, float]:
    """Seconds for the cells alone, the isolated read, and re-inserting the credits ingest posted."""
    import python_calamine

    from cec_batch.config import Limits
    from cec_batch.readers import read_file

    t = time.perf_counter()
    cells = python_calamine.CalamineWorkbook.from_path(str(roster)).get_sheet_by_index(0).to_python()
    parse = time.perf_counter() - t
    del cells
    t = time.perf_counter()
    result = read_file(roster, limits=Limits.from_env())
    read = time.perf_counter() - t
    del result
    con = sqlite3.connect(store, isolation_level=None)
    try:
        rows = con.execute("SELECT * FROM credits").fetchall()
        marks = ", ".join("?" * len(rows[0]))
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM credits")
        t = time.perf_counter()
        con.executemany(f"INSERT INTO credits VALUES ({marks})", rows)
        insert = time.perf_counter() - t
        con.execute("ROLLBACK")
    finally:
        con.close()
    return parse, read, insert


if __name__ == "__main__":
    main()
