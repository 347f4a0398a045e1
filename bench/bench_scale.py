"""Scale: a registry of 1,000,000 certificants, a million rows a night (a benchmark, not a test).

Builds the world of bench/world.py (once, cached in bench/out/scale-<scale>/, never
committed), then, in one run, measures every row of the scale table with its goal:
  load       the three `load` commands into a new store (SQLite, PostgreSQL)
  small      `ingest` of a 10-row roster against that store and against a 3,000-person one
  xlsx       `ingest` of one 200,000-row xlsx next to pandas + calamine's bare read of it; floors of
             its parts: the isolated reader alone, the parent's posting (ingest CPU less the reader's)
  nightly    `nightly` over five 200,000-row xlsx (1,000,000 rows), peak memory (SQLite, PostgreSQL);
             floors of its parts: the five files' single ingests in a row, their readers alone
             (--no-floors skips these, about as long again as the nightly)
  csv        `ingest` of one 1,000,000-row CSV, peak memory
  cost       seconds per row of a CSV ingest at 10,000, 100,000 and 1,000,000 rows
Every command runs as a real process (`python -m cec_batch`), each on a fresh copy of
the loaded store (stores and databases named with this run's process ID, removed at the
end, so that two runs at once never share one); peak memory is the largest sum of the resident memory of the command
and its reader process, sampled every 20 ms. Each ingest's posted and exception counts
are compared with what the generator planted.

    python bench/bench_scale.py                 # everything at full size (takes a while)
    python bench/bench_scale.py --scale 0.1     # a tenth of every size, for a quick look
    python bench/bench_scale.py --only load,small --stores sqlite
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
import world  # noqa: E402

PARTS = ("load", "small", "xlsx", "nightly", "csv", "cost")
PG_URL = os.environ.get("CEC_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TODAY = world.TODAY.isoformat()


# -- running the program -------------------------------------------------------------
def _tree_rss(pid: int) -> int:
    """Resident bytes of PID and its descendants (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


class Run:
    """One command as a real process: seconds, peak memory of its process tree, exit code, JSON output."""

    def __init__(self, url: str, *args: str, cwd: Path | None = None):
        cmd = [sys.executable, "-m", "cec_batch", "--db", url, "--today", TODAY, "--operator", "bench", *args]
        peak = 0
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        done = threading.Event()

        def sample():
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, err = proc.communicate()
        self.seconds = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU seconds of the command and its reader: less disturbed than wall time on a shared machine.
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        done.set()
        sampler.join()
        self.peak, self.code = peak, proc.returncode
        self.out, self.err = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
        self.summary = None
        if "--json" in args:
            try:
                self.summary = json.loads(self.out)
            except ValueError:
                pass
        if self.code not in (0,) and self.summary is None:
            raise SystemExit(f"{' '.join(args[:2])} failed ({self.code}): {self.err.strip()[-400:]}")


# -- stores ------------------------------------------------------------------------
class Stores:
    """A loaded registry per store kind, copied afresh for each measurement.

    Every name (SQLite files, PostgreSQL databases) carries this run's process ID, so two runs
    at once never share a store; `drop` removes them all at the end."""

    def __init__(self, tag: str):
        self.tag = f"{tag}_{os.getpid()}"
        self.folder = OUT / "stores"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.n = 0
        self.made: set[str] = set()  # PostgreSQL databases made by this run

    def _pg(self, sql: str) -> None:
        from sqlalchemy import create_engine, text

        eng = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        try:
            with eng.connect() as conn:
                conn.execute(text(sql))
        finally:
            eng.dispose()

    def _file(self, name: str) -> Path:
        return self.folder / f"{name}.sqlite3"

    def _db(self, name: str) -> str:
        return f"bench_{name}"

    def _url(self, kind: str, name: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{self._file(name)}"
        return PG_URL.rsplit("/", 1)[0] + "/" + self._db(name)

    def _remove_file(self, name: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(self._file(name)) + suffix).unlink(missing_ok=True)

    def _new_db(self, name: str, template: str | None = None) -> None:
        self._pg(f'DROP DATABASE IF EXISTS "{self._db(name)}" WITH (FORCE)')
        self._pg(f'CREATE DATABASE "{self._db(name)}"' + (f' TEMPLATE "{self._db(template)}"' if template else ""))
        self.made.add(self._db(name))

    def template(self, kind: str) -> str:
        return self._url(kind, self.tag)

    def new_template(self, kind: str) -> str:
        if kind == "sqlite":
            self._remove_file(self.tag)
        else:
            self._new_db(self.tag)
        return self.template(kind)

    def has_template(self, kind: str) -> bool:
        if kind == "sqlite":
            return self._file(self.tag).exists()
        return self._db(self.tag) in self.made

    def copy(self, kind: str) -> str:
        """A fresh copy of the loaded store (the last one made is last_copy)."""
        self.n += 1
        run = f"run_{self.tag}"
        if kind == "sqlite":
            self._remove_file(run)
            shutil.copyfile(self._file(self.tag), self._file(run))
        else:
            self._new_db(run, template=self.tag)
        return self._url(kind, run)

    def last_copy(self, kind: str) -> str:
        return self._url(kind, f"run_{self.tag}")

    def drop(self) -> None:
        """Remove every store this run made."""
        for name in (self.tag, f"run_{self.tag}"):
            self._remove_file(name)
        for db in sorted(self.made):
            try:
                self._pg(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            except Exception as exc:  # noqa: BLE001 - a left-over database is reported, not fatal
                print(f"could not drop PostgreSQL database {db}: {exc}")
        self.made.clear()


def load_all(stores: Stores, kind: str, folder: Path) -> tuple[float, float]:
    """Seconds and CPU seconds for the three `load` commands into a new store of KIND."""
    url = stores.new_template(kind)
    total = cpu = 0.0
    for what in ("certificants", "certifications", "courses"):
        run = Run(url, "load", what, "--json", str(folder / "reference" / f"{what}.csv"))
        if run.summary is None or run.summary.get("bad_rows"):
            raise SystemExit(f"load {what}: {run.out[-300:]} {run.err[-300:]}")
        total += run.seconds
        cpu += run.cpu
    if kind == "sqlite":  # the copies start from a checkpointed file
        import sqlite3

        con = sqlite3.connect(stores._file(stores.tag))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    return total, cpu


def load_floor(folder: Path, stores: Stores) -> str:
    """What the SQLite load's parts cost alone, measured in a process of their own on the same files.

    Reading: the three files read and checked, their values made as SQLite takes them, and the
    blocking keys, without writing (what the load's reading child and its parent do for the rows).
    Writing: the loaded store's rows copied into a new store by SQLite alone (INSERT ... SELECT,
    the secondary indexes built after, one commit), no Python per row: a floor for the inserts,
    the index builds and the commit. Starting Python and the libraries is the third part. With
    the reading overlapped with the writing, the load cannot take less than the larger of the
    first two plus the third.
    """
    src = stores._file(stores.tag)
    out = subprocess.run([sys.executable, str(Path(__file__)), "--load-floor", str(folder), str(src)],
                         capture_output=True, text=True, check=True)
    f = json.loads(out.stdout.strip().splitlines()[-1])
    return (f"reading and checking {f['read_wall']:.1f} s (CPU {f['read_cpu']:.1f} s, of it blocking keys "
            f"{f['keys_cpu']:.1f} s); SQLite's inserts, index builds and commits {f['write_wall']:.1f} s "
            f"(CPU {f['write_cpu']:.1f} s); starting Python and the libraries, three times, {3 * import_floor():.1f} s")


def _load_floor_main(folder: Path, src: Path) -> None:
    """The measurements of load_floor, in this process; one JSON line."""
    sys.path.insert(0, str(HERE.parent))  # the package beside this benchmark
    import gc
    import sqlite3

    from cec_batch.normalize import person_key_columns
    from cec_batch.readers.reference import read_reference_chunks
    from cec_batch.store import open_store, refdata

    gc.disable()  # as `load` runs
    result = {"keys_cpu": 0.0}
    t, c = time.perf_counter(), time.process_time()
    for what in ("certificants", "certifications", "courses"):
        for part in read_reference_chunks(folder / "reference" / f"{what}.csv", what):
            columns = refdata.sqlite_columns(part.columns)
            if what == "certificants":
                k = time.process_time()
                person_key_columns(columns["first_name"], columns["last_name"])
                result["keys_cpu"] += time.process_time() - k
            del columns, part
    result["read_wall"], result["read_cpu"] = time.perf_counter() - t, time.process_time() - c
    gc.enable()
    dst = OUT / "stores" / "floor.sqlite3"
    dst.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    open_store(f"sqlite:///{dst}").dispose()  # the schema, as the first `load` makes it
    con = sqlite3.connect(dst, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL", f"cache_size=-{refdata.LOAD_CACHE_KIB}"):
        con.execute(f"PRAGMA {pragma}")
    con.execute("ATTACH DATABASE ? AS src", (str(src),))
    t, c = time.perf_counter(), time.process_time()
    for what in ("certificants", "certifications", "courses"):
        con.execute("BEGIN IMMEDIATE")
        indexes = con.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? "
                              "AND sql IS NOT NULL", (what,)).fetchall()
        for name, _sql in indexes:
            con.execute(f'DROP INDEX "{name}"')
        con.execute(f"INSERT INTO main.{what} SELECT * FROM src.{what}")
        for _name, sql in indexes:
            con.execute(sql)
        con.execute("COMMIT")
    result["write_wall"], result["write_cpu"] = time.perf_counter() - t, time.process_time() - c
    con.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    print(json.dumps(result))


def ingest(stores: Stores, kind: str, path: Path) -> Run:
    return Run(stores.copy(kind), "ingest", "--json", str(path))


def check_counts(summary: dict, plans: list[dict], what: str) -> str:
    want_credits = sum(p["posted"] for p in plans)
    want: dict[str, int] = {}
    for p in plans:
        for k, v in p["exceptions"].items():
            want[k] = want.get(k, 0) + v
    got = summary.get("exceptions", {})
    if summary.get("credits") == want_credits and got == want:
        return "counts as planted"
    return f"COUNTS DIFFER ({what}): credits {summary.get('credits')} vs {want_credits}, {got} vs {want}"


# -- the table ---------------------------------------------------------------------
class Table:
    def __init__(self):
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, measured: str, goal: str, met: bool | None) -> None:
        self.rows.append((what, measured, goal, "-" if met is None else ("met" if met else "MISSED")))
        print(f"  {what}: {measured} [goal {goal}: {self.rows[-1][3]}]", flush=True)

    def print(self) -> None:
        widths = [max(len(r[i]) for r in self.rows + [("what", "measured", "goal", "")]) for i in range(4)]
        line = "| " + " | ".join(f"{{:<{w}}}" for w in widths) + " |"
        print()
        print(line.format("what", "measured", "goal", ""))
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for r in self.rows:
            print(line.format(*r))


def gb(n: int) -> str:
    return f"{n / 1e9:.2f} GB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of every size (default 1: 1,000,000 people)")
    ap.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts: {', '.join(PARTS)}")
    ap.add_argument("--stores", default="sqlite,postgresql")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the short measurements (median)")
    ap.add_argument("--no-floors", dest="floors", action="store_false",
                    help="nightly: skip the floors of its parts (the five files' single ingests and readers alone, "
                         "about as long again as the nightly itself)")
    args = ap.parse_args()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    kinds = [k.strip() for k in args.stores.split(",") if k.strip()]
    s = args.scale
    print(f"machine: {os.cpu_count()} cores; {Path('/proc/loadavg').read_text().split()[:3]} load average at start")
    # The commands run as an installed program does: with the package's bytecode compiled (pip
    # compiles at install). Without it, under PYTHONDONTWRITEBYTECODE, every start would compile
    # every module again, about 0.06 s of each short command.
    compileall.compile_dir(HERE.parent / "cec_batch", quiet=1)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set: the package's bytecode was compiled once, before the runs")
    t = time.perf_counter()
    folder = OUT / f"scale-{s:g}"
    manifest = world.build(folder, s)
    small_folder = OUT / "registry-3000"
    small = world.build(small_folder, 0.003, only={"r10"})
    print(f"world: {manifest['people']:,} certificants, {manifest['periods']:,} periods, "
          f"{manifest['courses']:,} courses ({time.perf_counter() - t:.0f} s to build or find)", flush=True)
    plans = manifest["rosters"]

    def roster(name: str) -> Path:
        return folder / plans[name]["file"]

    table = Table()
    big, little = Stores(f"s{str(s).replace('.', '_')}"), Stores("r3000")
    try:
        people = f"{manifest['people']:,}"
        load_goal = {"sqlite": 15.0 * s, "postgresql": 20.0 * s}
        for kind in kinds:
            if "load" in parts or not big.has_template(kind):
                seconds, _cpu = load_all(big, kind, folder)
                if "load" in parts:
                    met = seconds <= load_goal[kind]
                    table.add(f"load the registry ({people} people), {kind}", f"{seconds:.1f} s (CPU {_cpu:.1f} s)",
                              f"<= {load_goal[kind]:g} s", met)
                    if kind == "sqlite" and not met:
                        table.add("  its parts alone, same files (the load's floor)", load_floor(folder, big), "",
                                  None)
            if "small" in parts:
                load_all(little, kind, small_folder)

                r10_big, r10_small, cpu_big, cpu_small, floor = [], [], [], [], []
                for _ in range(max(3, args.repeat)):
                    run = ingest(big, kind, roster("r10"))
                    assert check_counts(run.summary, [plans["r10"]], "r10") == "counts as planted", run.summary
                    r10_big.append(run.seconds)
                    cpu_big.append(run.cpu)
                    run = ingest(little, kind, small_folder / small["rosters"]["r10"]["file"])
                    r10_small.append(run.seconds)
                    cpu_small.append(run.cpu)
                    floor.append(import_floor())
                a, b, f = statistics.median(r10_big), statistics.median(r10_small), statistics.median(floor)
                table.add(f"ingest of a 10-row roster, {kind} ({people} vs 3,000 people)",
                          f"{a:.2f} s vs {b:.2f} s ({a - b:+.2f} s); CPU {statistics.median(cpu_big):.2f} s vs "
                          f"{statistics.median(cpu_small):.2f} s; floor: starting Python with the libraries {f:.2f} s",
                          "<= 0.5 s and within 0.2 s", a <= 0.5 and a - b <= 0.2)
        if "xlsx" in parts and "sqlite" in kinds:
            import pandas as pd

            path = roster("xlsx200k")
            bare, ing, note = [], [], ""
            for _ in range(args.repeat):
                t = time.perf_counter()
                frame = pd.read_excel(path, sheet_name=None, engine="calamine", header=None)
                bare.append(time.perf_counter() - t)
                del frame
                run = ingest(big, "sqlite", path)
                ing.append(run.seconds)
                cpu = run.cpu
                note = check_counts(run.summary, [plans["xlsx200k"]], "xlsx")
            # The floors of the parts, from this run: the reader alone (the ingest's child, rows sent
            # and dropped), and the parent's posting (the ingest's CPU less the reader's).
            alone = ReaderAlone(path)
            a, b = statistics.median(ing), statistics.median(bare)
            table.add(f"ingest of one {plans['xlsx200k']['rows']:,}-row xlsx vs pandas+calamine bare read, sqlite",
                      f"{a:.1f} s vs {b:.1f} s: {a / b:.2f}x (ingest CPU {cpu:.1f} s); floors: isolated reader alone "
                      f"{alone.seconds:.1f} s (CPU {alone.cpu:.1f} s), parent's posting CPU ~{cpu - alone.cpu:.1f} s "
                      f"(ingest CPU less the reader's); {note}", "<= 1.5x", a / b <= 1.5)
        if "nightly" in parts:
            readers: dict[str, ReaderAlone] = {}
            names = [f"nightly{i}" for i in range(1, 6)]
            total = sum(plans[n]["rows"] for n in names)
            for kind in kinds:
                work = OUT / "nightly"
                shutil.rmtree(work, ignore_errors=True)
                inbox = work / "inbox"
                inbox.mkdir(parents=True)
                for n in names:
                    shutil.copyfile(roster(n), inbox / Path(plans[n]["file"]).name)
                run = Run(big.copy(kind), "nightly", "--json", "--inbox", str(inbox), "--archive", str(work / "archive"),
                          "--reports", str(work / "reports"))
                note = check_counts(run.summary or {}, [plans[n] for n in names], "nightly")
                wrong = lookalike_credits(big.last_copy(kind), [plans[n] for n in names])
                note += f", {wrong} credits to look-alikes"
                floors = ""
                if args.floors:
                    # From the same run: the five files ingested one after another into one fresh copy (what
                    # the nightly does, without its read-ahead and with a start per file), and each file's
                    # reader alone; the parent's posting is the ingests' CPU less the readers'.
                    url = big.copy(kind)
                    singles = [Run(url, "ingest", "--json", str(roster(n))) for n in names]
                    for n in names:
                        readers.setdefault(n, ReaderAlone(roster(n)))
                    one_cpu, read_cpu = sum(r.cpu for r in singles), sum(readers[n].cpu for n in names)
                    floors = (f"; floors: the five single ingests in a row {sum(r.seconds for r in singles):.1f} s "
                              f"(CPU {one_cpu:.1f} s), readers alone {sum(readers[n].seconds for n in names):.1f} s "
                              f"(CPU {read_cpu:.1f} s), parent's posting CPU ~{one_cpu - read_cpu:.1f} s")
                goal = 60.0 * s
                table.add(f"nightly over {total:,} rows (five xlsx), {kind}",
                          f"{run.seconds:.1f} s (CPU {run.cpu:.1f} s), peak {gb(run.peak)}{floors}; {note}",
                          f"< {goal:g} s, peak <= 3 GB",
                          run.seconds < goal and run.peak <= 3e9 and note.startswith("counts as planted") and not wrong)
        csv_1m = None
        if "csv" in parts:
            for kind in kinds:
                run = ingest(big, kind, roster("csv1000k"))
                ok = run.summary is not None and run.summary["files"].get("applied") == 1
                note = check_counts(run.summary, [plans["csv1000k"]], "csv") if ok else \
                    (run.summary or {}).get("details", [{}])[0].get("message", run.err[-200:])
                table.add(f"ingest of one {plans['csv1000k']['rows']:,}-row CSV, {kind}",
                          f"{run.seconds:.1f} s (CPU {run.cpu:.1f} s), peak {gb(run.peak)}; {note}",
                          "ingested, memory bounded (<= 1 GB reader)",
                          ok and note == "counts as planted")
                if kind == "sqlite" and ok:
                    csv_1m = run
        if "cost" in parts and "sqlite" in kinds:
            cost = {}
            for name in ("csv10k", "csv100k", "csv1000k"):
                rows = plans[name]["rows"]
                if name == "csv1000k" and csv_1m is not None:
                    run = csv_1m
                else:
                    run = ingest(big, "sqlite", roster(name))
                if run.summary is None or run.summary["files"].get("applied") != 1:
                    break  # not ingested: no cost to show
                cost[rows] = run.seconds / rows
            sizes = sorted(cost)
            if len(sizes) < 3:
                sizes += [0] * (3 - len(sizes))
                cost.setdefault(0, float("nan"))
            shown = ", ".join(f"{n:,} rows {cost[n] * 1e6:.1f} us" for n in sizes)
            ratio = cost[sizes[2]] / cost[sizes[1]]
            table.add("cost per row of a CSV ingest, sqlite", f"{shown}; 1M/100k {ratio:.2f}x", "<= 1.3x", ratio <= 1.3)
        table.print()
    finally:
        big.drop()
        little.drop()
    print(f"load average at the end: {Path('/proc/loadavg').read_text().split()[:3]}")


class ReaderAlone:
    """An ingest's reader on its own: a process that streams PATH through the isolated child, as an
    ingest does, and drops the rows (no store). Seconds and CPU of the process and its child."""

    CODE = ("import sys; from pathlib import Path; from cec_batch.config import Limits; "
            "from cec_batch.readers import stream_file; "
            "stream_file(Path(sys.argv[1]), limits=Limits(), on_chunk=lambda chunk: None)")

    def __init__(self, path: Path):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", self.CODE, str(path)], check=True)
        self.seconds = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def import_floor() -> float:
    """Seconds to start Python and import the libraries an ingest of a roster needs (click, SQLAlchemy,
    rapidfuzz; not pandas, which it no longer imports)."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import click, sqlalchemy, rapidfuzz"], check=True)
    return time.perf_counter() - t


def lookalike_credits(url: str, plans: list[dict]) -> int:
    """Credits posted from the rows planted as look-alikes (must be none)."""
    from sqlalchemy import create_engine, select

    from cec_batch.store.tables import credits

    eng = create_engine(url)
    try:
        with eng.connect() as conn:
            posted = set(conn.execute(select(credits.c.source_file, credits.c.source_location)))
    finally:
        eng.dispose()
    return sum((Path(p["file"]).name, loc) in posted for p in plans for loc in p["planted"]["unknown_certificant"])


if __name__ == "__main__":
    if sys.argv[1:2] == ["--load-floor"]:
        _load_floor_main(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
