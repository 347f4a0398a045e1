"""Personal data: what the program writes is its owner's only (unless a share group is set), the logs
of a full run name no one, and a database password is never printed."""

from __future__ import annotations

import csv
import grp
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from cli_helpers import argv
from conftest import SAMPLES

CERTIFICATES = ("text_classic.pdf", "text_missing_course_number.pdf", "scan_minimal_blurred_jpeg.pdf")


def cec(db_url, *args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(argv(db_url, *args, operator="night"), capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


def sample_world_run(db_url, base: Path, env=None) -> subprocess.CompletedProcess:
    for kind in ("certificants", "certifications", "courses"):
        res = cec(db_url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv"), env=env)
        assert res.returncode == 0, res.stderr
    inbox = base / "inbox"
    inbox.mkdir()
    for p in sorted((SAMPLES / "rosters").iterdir()):
        shutil.copy(p, inbox / p.name)
    for name in CERTIFICATES:
        shutil.copy(SAMPLES / "certificates" / name, inbox / name)
    res = cec(db_url, "nightly", "--inbox", str(inbox), "--archive", str(base / "out" / "archive"),
              "--reports", str(base / "out" / "reports"), env=env)
    assert res.returncode == 1, res.stderr  # the sample world holds one corrupt workbook
    for args in (("export", "credits", "--out", str(base / "out" / "exports" / "credits.xlsx")),
                 ("export", "exceptions", "--out", str(base / "out" / "exports" / "exceptions.csv")),
                 ("report", "compliance", "--as-of", "2026-12-01", "--out",
                  str(base / "out" / "reports" / "compliance.xlsx"))):
        done = cec(db_url, *args, env=env)
        assert done.returncode == 0, done.stderr
    return res


def written(base: Path) -> tuple[list[Path], list[Path]]:
    files, folders = [], []
    for root, dirs, names in os.walk(base):
        folders.extend(Path(root) / d for d in dirs)
        files.extend(Path(root) / n for n in names)
    return files, folders


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    """One nightly run on the sample world (and the exports and report after it), for the two tests below."""
    base = tmp_path_factory.mktemp("sample-world")
    res = sample_world_run(f"sqlite:///{base / 'store.sqlite3'}", base)
    return base, res


def test_nightly_on_the_sample_world_writes_everything_owner_only(sample_run):
    tmp_path, _res = sample_run
    files, folders = written(tmp_path / "out")
    kinds = {p.suffix for p in files}
    assert {".xlsx", ".json", ".csv", ".png"} <= kinds, kinds  # reports, summary, export, review images
    assert any(p.parent.name == "feedback" for p in files)
    assert any("archive" in p.parts for p in files)
    wrong = [(str(p), oct(stat.S_IMODE(p.stat().st_mode))) for p in files if stat.S_IMODE(p.stat().st_mode) != 0o600]
    assert not wrong, wrong
    wrong = [(str(p), oct(stat.S_IMODE(p.stat().st_mode))) for p in folders
             if stat.S_IMODE(p.stat().st_mode) != 0o700]
    assert not wrong, wrong
    assert stat.S_IMODE((tmp_path / "store.sqlite3").stat().st_mode) == 0o600


def test_share_group_opens_the_outputs_to_that_group_for_reading(tmp_path):
    group = grp.getgrgid(os.getgid()).gr_name
    db_url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    sample_world_run(db_url, tmp_path, env={"CEC_SHARE_GROUP": group})
    files, folders = written(tmp_path / "out")
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o640 for p in files)
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o777 == 0o750 for p in folders)
    assert all(p.stat().st_gid == os.getgid() for p in files + folders)


def _sample_people() -> list[str]:
    needles = []
    with open(SAMPLES / "reference" / "certificants.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            needles.append(f"{r['first_name']} {r['last_name']}")
            needles.append(f"{r['last_name']}, {r['first_name']}")
            if r["email"]:
                needles.append(r["email"])
            if r["birth_date"]:
                y, m, d = r["birth_date"].split("-")
                needles += [r["birth_date"], f"{m}/{d}/{y}"]
    return needles


def test_logs_of_a_full_run_at_info_name_no_one(sample_run):
    _base, res = sample_run
    assert " INFO " in res.stderr or "nightly [" in res.stderr  # the run did log
    logs = res.stderr.lower()
    found = [n for n in _sample_people() if n.lower() in logs]
    assert not found, found


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://postgres:Sup3rS3cret@127.0.0.1:1/none",          # nothing listens there
    "postgresql+psycopg://postgres:Sup3rS3cret@127.0.0.1:5432:99/none",    # a malformed port
    "nosuchdb://postgres:Sup3rS3cret@127.0.0.1/none",                      # an unknown dialect
    "postgresql+psycopg://postgres:Sup3rS3cret@127.0.0.1:5432/no_such_database_here",
])
def test_a_database_password_is_never_printed(url, tmp_path):
    for args in (("exceptions", "list"), ("db", "status"), ("ingest", str(SAMPLES / "rosters" / "header_only_no_rows.csv"))):
        res = subprocess.run(argv(url, *args), capture_output=True, text=True, timeout=120)
        out = res.stdout + res.stderr
        assert "Sup3rS3cret" not in out, out
        assert "Traceback" not in out, out
        assert res.returncode != 0
