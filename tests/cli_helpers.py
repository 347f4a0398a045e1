"""Running the command line in-process from tests: the shared options, files to feed it, exports to read."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from click.testing import CliRunner

from cec_batch.cli import main

TODAY = "2026-11-15"


def cli(db_url, *args, ok=(0,), operator="clerk"):
    """Run `cec-batch ARGS` against DB_URL as of TODAY; the exit code must be in OK, and no traceback shown."""
    res = CliRunner().invoke(main, ["--db", db_url, "--today", TODAY, "--operator", operator, *args])
    assert res.exit_code in ok, (res.exit_code, res.output, res.exception)
    assert "Traceback" not in res.output
    return res


def argv(db_url, *args, operator="clerk") -> list[str]:
    """The same command line for a real process (subprocess), as the scheduler would run it."""
    return [sys.executable, "-m", "cec_batch", "--db", db_url, "--today", TODAY, "--operator", operator, *args]


def write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def export(db_url, tmp_path, what, *extra) -> list[dict]:
    """`export WHAT` (credits or exceptions) as CSV, read back as dicts."""
    out = tmp_path / f"{what}.csv"
    cli(db_url, "export", what, "--out", str(out), *extra)
    with open(out, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))
