"""`cec-batch archive purge`: originals are kept at least four years (R27); unknown files are never removed."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import insert, select

from cec_batch.errors import UsageError
from cec_batch.petitions import check_purge_date, four_years_before
from cec_batch.store import open_store
from cec_batch.store.tables import batches, certificants, files, petition_documents, petitions

from cli_helpers import cli

OLD = datetime(2020, 3, 1, 9, 0, tzinfo=timezone.utc)
YOUNG = datetime(2025, 6, 1, 9, 0, tzinfo=timezone.utc)


def archived(archive, body: bytes, suffix: str):
    sha = hashlib.sha256(body).hexdigest()
    path = archive / sha[:2] / f"{sha}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return sha, path


@pytest.fixture
def world(db_url, tmp_path):
    """An archive with an old and a young roster, old petition documents (decided and pending), strangers."""
    archive = tmp_path / "archive"
    w = {"archive": archive}
    w["old"] = archived(archive, b"old roster", ".csv")
    w["young"] = archived(archive, b"young roster", ".xlsx")
    w["old_doc"] = archived(archive, b"old transcript", ".pdf")
    w["pending_doc"] = archived(archive, b"pending transcript", ".pdf")
    w["unknown"] = archived(archive, b"nobody knows me", ".pdf")
    w["stray"] = archive / "notes.txt"
    w["stray"].write_text("left here by hand")
    (archive / ".cec-batch-nightly.lock").write_text("pid 1")
    eng = open_store(db_url)
    with eng.begin() as conn:
        batch_id = conn.execute(insert(batches).values(command="ingest", operator="clerk", started_at=OLD,
                                                       status="done").returning(batches.c.batch_id)).scalar_one()
        conn.execute(insert(files), [
            dict(sha256=w["old"][0], original_name="old.csv", size_bytes=10, kind="roster", batch_id=batch_id,
                 applied_at=OLD, operator="clerk", rows=1, provider=None, archive_path=str(w["old"][1])),
            dict(sha256=w["young"][0], original_name="young.xlsx", size_bytes=12, kind="roster",
                 batch_id=batch_id, applied_at=YOUNG, operator="clerk", rows=1, provider=None,
                 archive_path=str(w["young"][1])),
        ])
        conn.execute(insert(certificants).values(certificant_id="104233", first_name="Robert", last_name="Smith"))
        for status, key in (("denied", "old_doc"), ("pending", "pending_doc")):
            pid = conn.execute(insert(petitions).values(
                certificant_id="104233", title="Anatomy", provider="State U", completion_date=date(2019, 5, 1),
                basis="contact_hours", hours=8, university_extension=False, activity=False, computed_ceus=0.8,
                status=status, created_by="clerk", created_at=OLD, batch_id=batch_id)
                .returning(petitions.c.petition_id)).scalar_one()
            conn.execute(insert(petition_documents).values(
                petition_id=pid, sha256=w[key][0], original_name=f"{key}.pdf", archive_path=str(w[key][1]),
                size_bytes=5))
    eng.dispose()
    return w


def present(w):
    return {k for k in ("old", "young", "old_doc", "pending_doc", "unknown") if w[k][1].exists()}


ALL = {"old", "young", "old_doc", "pending_doc", "unknown"}


def test_r27_four_years_is_counted_on_the_calendar():
    assert four_years_before(date(2026, 11, 15)) == date(2022, 11, 15)
    assert four_years_before(date(2028, 2, 29)) == date(2024, 2, 29)
    assert four_years_before(date(2104, 2, 29)) == date(2100, 2, 28)  # 2100 is no leap year
    assert check_purge_date(date(2022, 11, 15), date(2026, 11, 15)) == date(2022, 11, 15)
    with pytest.raises(UsageError):
        check_purge_date(date(2022, 11, 16), date(2026, 11, 15))


def test_r27_refuses_a_date_younger_than_four_years(db_url, world):
    res = cli(db_url, "archive", "purge", "--archive", str(world["archive"]), "--before", "2022-11-16", "--yes",
              ok=(2,))
    assert "--before 2022-11-16 is too late: originals are kept at least four years (R27)" in res.output
    assert "the latest allowed date as of 2026-11-15 is 2022-11-15; nothing removed" in res.output
    assert present(world) == ALL and world["stray"].exists()


def test_r27_without_yes_only_lists(db_url, world):
    res = cli(db_url, "archive", "purge", "--archive", str(world["archive"]), "--before", "2022-01-01")
    assert f"to remove  {world['old'][0][:2]}/{world['old'][0]}.csv  (old.csv, received 2020-03-01)" in res.output
    assert "Nothing removed: add --yes to remove these 2 files." in res.output
    assert "unknown, kept  notes.txt" in res.output
    assert f"unknown, kept  {world['unknown'][0][:2]}/{world['unknown'][0]}.pdf" in res.output
    assert "pending petition, kept" in res.output and ".lock" not in res.output
    assert present(world) == ALL


def test_r27_dry_run_removes_nothing(db_url, world):
    res = cli(db_url, "archive", "purge", "--archive", str(world["archive"]), "--before", "2022-01-01", "--yes",
              "--dry-run", "--json")
    s = json.loads(res.output)
    assert s["dry_run"] is True and s["removed"] == [] and len(s["remove"]) == 2 and s["batch_id"] is None
    assert present(world) == ALL
    eng = open_store(db_url)
    with eng.connect() as conn:
        assert conn.execute(select(batches).where(batches.c.command == "archive-purge")).first() is None
    eng.dispose()


def test_r27_removes_only_old_known_files_with_yes(db_url, world):
    res = cli(db_url, "archive", "purge", "--archive", str(world["archive"]), "--before", "2022-01-01", "--yes",
              "--json")
    s = json.loads(res.output)
    assert sorted(s["removed_sha256"]) == sorted([world["old"][0], world["old_doc"][0]])
    assert present(world) == {"young", "pending_doc", "unknown"}
    assert world["stray"].exists() and (world["archive"] / ".cec-batch-nightly.lock").exists()
    assert s["counts"] == {"remove": 2, "kept_young": 1, "kept_pending": 1, "unknown": 2}
    eng = open_store(db_url)
    with eng.connect() as conn:
        b = conn.execute(select(batches).where(batches.c.command == "archive-purge")).mappings().one()
        kept_rows = conn.execute(select(files.c.sha256, files.c.archive_path)).all()
    eng.dispose()
    assert b["batch_id"] == s["batch_id"] and b["status"] == "done" and b["operator"] == "clerk"
    assert sorted(b["summary"]["removed_sha256"]) == sorted(s["removed_sha256"])
    assert len(kept_rows) == 2 and all(r[1] for r in kept_rows)  # files rows are left as they were
    again = cli(db_url, "archive", "purge", "--archive", str(world["archive"]), "--before", "2022-01-01", "--yes")
    assert "removed: 0" in again.output


def test_r27_record_on_the_cutoff_day_is_kept(db_url, world):
    res = cli(db_url, "archive", "purge", "--archive", str(world["archive"]), "--before", "2020-03-01", "--yes",
              "--json")
    assert json.loads(res.output)["removed"] == []
    res = cli(db_url, "archive", "purge", "--archive", str(world["archive"]), "--before", "2020-03-02", "--yes",
              "--json")
    assert len(json.loads(res.output)["removed"]) == 2


def test_r27_missing_archive_is_a_usage_error(db_url, tmp_path):
    res = cli(db_url, "archive", "purge", "--archive", str(tmp_path / "nope"), "--before", "2020-01-01", ok=(2,))
    assert "no such folder" in res.output
