"""Run the sample world end to end, as a clerk would, with the real command line.

    python samples/run_demo.py --out demo [--today 2026-11-15]
    python samples/run_demo.py --golden      # rewrite samples/expected/ (review the diff!)

Creates a SQLite store in OUT, loads the sample reference data, puts every
sample roster and certificate in an inbox and runs the nightly job over it
(archive, reports, exceptions workbook, provider feedback), then exports the
credits and exceptions. With --golden the exports are split per input file and
written to samples/expected/ as the golden files the tests compare against.
"""

from __future__ import annotations

import argparse
import csv
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference"
INPUTS = [HERE / "rosters", HERE / "certificates"]
EXPECTED = HERE / "expected"
# Columns that change with every run (the clock) are left out of golden files.
VOLATILE = {"posted_at"}


def store_url(out: Path) -> str:
    return f"sqlite:///{out / 'cec-batch.sqlite3'}"


def cec(out: Path, *args: str, check: bool = True, capture: bool = False,
        db_url: str | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("cec-batch")
    cmd = [str(exe) if exe.exists() else "cec-batch", "--db", db_url or store_url(out), *args]
    res = subprocess.run(cmd, text=True, capture_output=capture, cwd=out)
    if check and res.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {res.returncode}\n{res.stderr if capture else ''}")
    return res


def run(out: Path, today: str, quiet: bool = False, db_url: str | None = None) -> dict[str, Path]:
    """Load the reference data, run the nightly job over an inbox of every sample, export.

    The store is a SQLite file in OUT unless DB_URL names another (the tests' PostgreSQL).
    """
    out.mkdir(parents=True, exist_ok=True)

    def cli(*args: str, **kw) -> subprocess.CompletedProcess:
        return cec(out, *args, db_url=db_url, **kw)

    env_today = ["--today", today, "--operator", "demo"]
    for kind in ("certificants", "certifications", "courses"):
        cli(*env_today, "load", kind, str(REFERENCE / f"{kind}.csv"), capture=quiet)
    # What arrived: provider rosters, and the mailroom's scans and emailed certificates.
    inbox = out / "inbox"
    for src, folder in ((HERE / "rosters", "rosters"), (HERE / "certificates", "scans")):
        (inbox / folder).mkdir(parents=True, exist_ok=True)
        for p in sorted(src.iterdir()):
            if p.is_file() and p.suffix.lower() not in (".py", ".md"):
                shutil.copy(p, inbox / folder / p.name)
    cli(*env_today, "nightly", "--inbox", str(inbox), "--archive", str(out / "archive"),
        "--reports", str(out / "reports"), capture=quiet)
    files = {"workbook": out / "reports" / f"exceptions-{today}.xlsx", "exceptions_csv": out / "exceptions.csv",
             "credits_csv": out / "credits.csv"}
    cli("export", "exceptions", "--status", "all", "--out", str(files["exceptions_csv"]), capture=True)
    cli("export", "credits", "--out", str(files["credits_csv"]), capture=True)
    if not quiet:  # the compliance manager's monthly workbook, as of the same day
        cli(*env_today, "report", "compliance", "--out", str(out / "reports"))
        files["audit_for"] = desk_next_day(out, files["workbook"], today, db_url)
    return files


def desk_next_day(out: Path, workbook: Path, today: str, db_url: str | None = None) -> str | None:
    """The next day at the desk: a credit posted with a CEC warning is reversed (posted in error)
    and its warning dismissed through the workbook; the audit trail of that person shows all three."""
    import json
    from datetime import date, timedelta

    from openpyxl import load_workbook

    def cli(*args: str, **kw) -> subprocess.CompletedProcess:
        return cec(out, *args, db_url=db_url, **kw)

    listed = json.loads(cli("exceptions", "list", "--json", capture=True).stdout)
    warning = next((e for e in listed["exceptions"] if e["kind"] == "ceus_mismatch" and e["certificant_id"]), None)
    if warning is None:
        return None
    next_day = ["--today", (date.fromisoformat(today) + timedelta(days=1)).isoformat(), "--operator", "clerk"]
    credit = json.loads(cli("audit", "--certificant", warning["certificant_id"], "--json", capture=True).stdout)
    credit_id = next(e["credit_id"] for e in credit["events"]
                     if e["event"] == "credit posted" and e["location"] == warning["source_location"])
    cli(*next_day, "reverse", str(credit_id), "--reason", "posted to the wrong person (demo)", capture=True)
    wb = load_workbook(workbook)
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[2]]
        if "exception_id" in header and "resolution" in header:
            eid, res = header.index("exception_id") + 1, header.index("resolution") + 1
            for r in range(3, ws.max_row + 1):
                if ws.cell(r, eid).value == warning["exception_id"]:
                    ws.cell(r, res).value = "dismiss: credit reversed, see the audit trail"
    desk = out / "desk.xlsx"
    wb.save(desk)
    cli(*next_day, "resolve", str(desk), capture=True)
    print(f"\nAudit trail of certificant {warning['certificant_id']} (posted, reversed, dismissed):")
    cli(*next_day, "audit", "--certificant", warning["certificant_id"])
    return warning["certificant_id"]


def split_by_source(csv_path: Path) -> tuple[list[str], dict[str, list[list[str]]]]:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    keep = [i for i, h in enumerate(header) if h not in VOLATILE]
    src = header.index("source_file")
    groups: dict[str, list[list[str]]] = defaultdict(list)
    for r in body:
        groups[r[src]].append([r[i] for i in keep])
    return [header[i] for i in keep], groups


def golden_files(files: dict[str, Path]) -> dict[str, str]:
    """The expected exports per input file: {relative path under expected/: CSV text}."""
    result: dict[str, str] = {}
    names = sorted(p.name for d in INPUTS if d.exists() for p in d.iterdir()
                   if p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in (".py", ".md"))
    for what in ("credits", "exceptions"):
        header, groups = split_by_source(files[f"{what}_csv"])
        for name in names:
            lines = [",".join(header)] + [_csv_line(r) for r in groups.get(name, [])]
            result[f"{name}.{what}.csv"] = "\n".join(lines) + "\n"
    return result


def _csv_line(row: list[str]) -> str:
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(row)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("demo"))
    ap.add_argument("--today", default="2026-11-15")
    ap.add_argument("--golden", action="store_true", help="rewrite samples/expected/ from a fresh run")
    args = ap.parse_args()
    if args.golden:
        with tempfile.TemporaryDirectory() as tmp:
            files = run(Path(tmp), args.today, quiet=True)
            golden = golden_files(files)
        shutil.rmtree(EXPECTED, ignore_errors=True)
        EXPECTED.mkdir()
        for name, text in golden.items():
            (EXPECTED / name).write_text(text, encoding="utf-8")
        print(f"wrote {len(golden)} golden files to {EXPECTED}; review `git diff samples/expected` line by line")
        return
    files = run(args.out.resolve(), args.today)
    print(f"\nExceptions workbook for staff: {files['workbook']}")
    print(f"Exports: {files['exceptions_csv']}, {files['credits_csv']}")
    if files.get("audit_for"):
        print(f"Audit trail: cec-batch --db {store_url(args.out.resolve())} audit --certificant {files['audit_for']}")
    print("\nThe review desk on this store (a page in the browser; Ctrl-C stops it):")
    exe = Path(sys.executable).with_name("cec-batch")
    print(f"  {shlex.quote(str(exe) if exe.exists() else 'cec-batch')} --db {shlex.quote(store_url(args.out.resolve()))} "
          f"--today {args.today} --operator demo desk")


if __name__ == "__main__":
    main()
