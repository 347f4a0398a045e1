"""Runs at the same time (contract: ingest and nightly may overlap; the database keeps credits unique)."""

from __future__ import annotations

import csv
import json
import subprocess

import pytest

from cli_helpers import argv
from conftest import SAMPLES


def cec(db_url, *args):
    return argv(db_url, *args, operator="race")


@pytest.mark.slow
def test_two_ingests_of_the_same_credits_at_once_post_each_credit_once(db_url, tmp_path):
    for kind in ("certificants", "certifications", "courses"):
        assert subprocess.run(cec(db_url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv")),
                              capture_output=True).returncode == 0
    # Two rosters with different bytes (so both are applied) and the same 40 credits.
    source = SAMPLES / "rosters" / "riverside_semicolon_cp1252.csv"
    body = source.read_bytes()
    rosters = []
    for i in range(4):
        p = tmp_path / f"copy{i}.csv"
        p.write_bytes(body + b"\r\n" * (i + 1))  # trailing blank lines: new bytes, same rows
        rosters.append(p)
    procs = [subprocess.Popen(cec(db_url, "ingest", "--json", str(p)), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for p in rosters]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
    assert all("Traceback" not in err for _out, err in outs)
    out = tmp_path / "credits.csv"
    assert subprocess.run(cec(db_url, "export", "credits", "--out", str(out)), capture_output=True).returncode == 0
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    keys = [(r["certificant_id"], r["course_number"]) for r in rows]
    assert len(keys) == len(set(keys)) == 28  # riverside posts 28 credits, once, whoever won each race
    summaries = [json.loads(o) for o, _err in outs]
    assert sum(s["credits"] for s in summaries) == 28
    assert sum(s["exceptions"].get("duplicate", 0) for s in summaries) == 3 * 28
