"""The nightly run with real processes: inbox to archive, the lock, and crashes at any instant."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from cec_batch.store import open_store
from cec_batch.store.tables import credits, exceptions, files

from cli_helpers import TODAY, argv
from conftest import SAMPLES

KILLS = int(os.environ.get("CEC_TEST_KILLS", "20"))


def cec(db_url, *args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(argv(db_url, *args, operator="night"), capture_output=True, text=True, timeout=300, **kw)


def load_reference(db_url):
    for kind in ("certificants", "certifications", "courses"):
        res = cec(db_url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv"))
        assert res.returncode == 0, res.stderr


def fill_inbox(inbox: Path) -> list[str]:
    inbox.mkdir(parents=True, exist_ok=True)
    names = []
    for p in sorted((SAMPLES / "rosters").iterdir()):
        if p.is_file():
            shutil.copy(p, inbox / p.name)
            names.append(p.name)
    return names


def nightly_args(base: Path) -> list[str]:
    return ["nightly", "--inbox", str(base / "inbox"), "--archive", str(base / "archive"),
            "--reports", str(base / "reports")]


def ledger_state(db_url) -> dict:
    """The ledger as a comparable value: what was posted and refused, not when or in which batch."""
    eng = open_store(db_url)
    with eng.connect() as conn:
        key_of = {r.credit_id: (r.certificant_id, r.course_number) for r in conn.execute(select(credits))}
        cr = sorted((r.certificant_id, r.course_number, r.generation, r.completion_date.isoformat(), str(r.ceus),
                     r.category, r.source, r.source_file, r.source_location, r.note or "")
                    for r in conn.execute(select(credits)))
        ex = sorted((r.kind, r.source_file, r.source_location, r.certificant_ref, r.course_number,
                     re.sub(r"(credit|batch) \d+", r"\1 N", r.detail), r.status,
                     str(key_of.get(r.credit_id)))
                    for r in conn.execute(select(exceptions)))
        fl = sorted((r.sha256, r.original_name, r.kind, r.rows) for r in conn.execute(select(files)))
    eng.dispose()
    return {"credits": cr, "exceptions": ex, "files": fl}


def archive_hashes(archive: Path) -> list[str]:
    return sorted(p.stem for p in archive.glob("*/*") if not p.name.startswith("."))


@pytest.fixture
def reference_db(db_url):
    load_reference(db_url)
    return db_url


@pytest.mark.slow
def test_nightly_moves_every_file_to_the_archive_and_writes_reports(reference_db, tmp_path):
    names = fill_inbox(tmp_path / "inbox")
    res = cec(reference_db, *nightly_args(tmp_path), "--json")
    assert res.returncode == 1, res.stderr  # the sample folder holds one corrupt file
    s = json.loads(res.stdout)
    assert s["files"]["total"] == len(names) and s["files"]["unreadable"] == 1
    assert list((tmp_path / "inbox").iterdir()) == []
    assert len(archive_hashes(tmp_path / "archive")) == len(names)
    reports = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert f"exceptions-{TODAY}.xlsx" in reports
    assert any(n.startswith(f"nightly-{TODAY}-batch") and n.endswith(".json") for n in reports)
    # The next night finds an empty inbox and changes nothing.
    before = ledger_state(reference_db)
    again = cec(reference_db, *nightly_args(tmp_path), "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["files"]["total"] == 0
    assert ledger_state(reference_db) == before


@pytest.mark.slow
def test_two_nightly_runs_started_together_one_works_the_other_exits_75(reference_db, tmp_path):
    fill_inbox(tmp_path / "inbox")
    cmd = argv(reference_db, *nightly_args(tmp_path), operator="night")
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [1, 75], (codes, outs)
    locked = outs[[p.returncode for p in procs].index(75)][1]
    assert "another nightly run holds" in locked and "Traceback" not in locked


@pytest.mark.slow
def test_nightly_killed_at_random_instants_then_rerun_gives_the_uninterrupted_ledger(db_url, tmp_path):
    """SIGKILL at KILLS random instants, each followed by a normal re-run (R26, contract)."""
    load_reference(db_url)
    # The reference: one uninterrupted run, timed, on a copy of the store.
    base_url, fresh = _store_factory(db_url, tmp_path)
    ref_url = fresh("reference")
    fill_inbox(tmp_path / "ref" / "inbox")
    t0 = time.monotonic()
    assert cec(ref_url, *nightly_args(tmp_path / "ref")).returncode == 1
    full = time.monotonic() - t0
    expected = ledger_state(ref_url)
    expected_archive = archive_hashes(tmp_path / "ref" / "archive")
    rnd = random.Random(20261128)
    for i in range(KILLS):
        url = fresh(f"k{i}")
        base = tmp_path / f"run{i}"
        names = fill_inbox(base / "inbox")
        p = subprocess.Popen(argv(url, *nightly_args(base), operator="night"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.0, full))
        p.send_signal(signal.SIGKILL)
        p.wait()
        res = cec(url, *nightly_args(base))
        assert res.returncode in (0, 1), res.stderr
        assert "Traceback" not in res.stderr
        assert list((base / "inbox").iterdir()) == [], f"run {i}: files left in the inbox"
        assert archive_hashes(base / "archive") == expected_archive, f"run {i}: archive differs"
        assert not list((base / "archive").glob("*/.*.part")), f"run {i}: partial copy left"
        assert ledger_state(url) == expected, f"run {i}: ledger differs after a kill"
        assert len(names) == len(expected_archive)


def _store_factory(db_url: str, tmp_path: Path):
    """Copies of the store as it is now (reference data loaded), one per trial."""
    if db_url.startswith("sqlite"):
        src = Path(db_url.removeprefix("sqlite:///"))
        eng = open_store(db_url)
        with eng.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        eng.dispose()

        def fresh(name: str) -> str:
            dst = tmp_path / f"{name}.sqlite3"
            shutil.copy(src, dst)
            return f"sqlite:///{dst}"

        return db_url, fresh

    from sqlalchemy import create_engine, text

    schema = re.search(r"search_path%3D(\w+)", db_url).group(1)
    base = db_url.split("?")[0]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")

    def fresh(name: str) -> str:
        new = f"{schema}_{name}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{new}"'))
        url = f"{base}?options=-csearch_path%3D{new}"
        open_store(url).dispose()
        with admin.begin() as conn:  # the reference data, copied from the loaded store
            for table in ("certificants", "certifications", "courses"):
                conn.execute(text(f'INSERT INTO "{new}".{table} SELECT * FROM "{schema}".{table}'))
        return url

    return db_url, fresh
