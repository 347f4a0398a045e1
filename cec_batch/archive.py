"""The archive of received files (R26, R27): content-addressed, never overwritten.

A file is kept as ARCHIVE/<first two hex digits>/<sha256><suffix>; the original
name lives in the store. Moving into the archive is plan-then-act: the target is
written under a temporary name in the same folder, synced and renamed, so a
crash leaves either the old state or the new one, never half a file.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import Connection, Engine

from cec_batch.config import make_output_dir
from cec_batch.errors import UsageError
from cec_batch.store import ledger
from cec_batch.store import petitions as petition_store


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex: the file's identity in the store and its archive name."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def archive_path(archive: Path, sha256: str, suffix: str) -> Path:
    return archive / sha256[:2] / f"{sha256}{suffix.lower()}"


def store_file(src: Path, archive: Path, sha256: str, *, move: bool = True) -> Path:
    """Put SRC into the archive under its hash; an existing archived copy is kept as it is."""
    target = archive_path(archive, sha256, src.suffix)
    make_output_dir(target.parent)
    if target.exists():
        if move:
            src.unlink(missing_ok=True)
        return target
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    shutil.copyfile(src, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    if move:
        src.unlink(missing_ok=True)
    return target


# -- R27: retention of archived originals ---------------------------------------------------
_ARCHIVED = re.compile(r"([0-9a-f]{64})(\.[^/\\]*)?")


def four_years_before(day: date) -> date:
    """The same calendar day four years earlier (Feb 29 becomes Feb 28)."""
    try:
        return day.replace(year=day.year - 4)
    except ValueError:
        return day.replace(year=day.year - 4, day=28)


def check_purge_date(before: date, today: date) -> date:
    """R27: nothing younger than four years is removed; returns the latest date allowed."""
    limit = four_years_before(today)
    if before > limit:
        raise UsageError(f"--before {before.isoformat()} is too late: originals are kept at least four years "
                         f"(R27); the latest allowed date as of {today.isoformat()} is {limit.isoformat()}; "
                         f"nothing removed")
    return limit


def scan_archive(archive: Path) -> tuple[dict[str, list[Path]], list[Path]]:
    """Archived originals by hash (ARCHIVE/xx/<sha256><suffix>), and every other file found.

    Dot files are the program's own (the nightly lock, copies being written) and are
    not listed; nothing but an archived original is ever removed.
    """
    by_hash: dict[str, list[Path]] = {}
    other: list[Path] = []
    for p in sorted(archive.rglob("*")):
        rel = p.relative_to(archive)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_symlink():
            other.append(p)
            continue
        if not p.is_file():
            continue
        m = _ARCHIVED.fullmatch(rel.name)
        if len(rel.parts) == 2 and m and rel.parts[0] == m.group(1)[:2]:
            by_hash.setdefault(m.group(1), []).append(p)
        else:
            other.append(p)
    return by_hash, other


def _utc_day(when) -> date:
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    return when.date()  # naive values are stored in UTC (SQLite keeps no zone)


def plan_purge(by_hash: dict[str, list[Path]], other: list[Path], records: dict[str, list[dict]],
               before: date, archive: Path) -> dict:
    """Which archived originals to remove: every record of the hash received before BEFORE.

    A hash the store does not know is kept (and listed); so is a document of a petition
    that is still pending, whatever its age: it is still needed for the decision.
    """
    remove, young, pending, unknown = [], [], [], []
    for sha, paths in sorted(by_hash.items()):
        recs = records.get(sha) or []
        for p in paths:
            entry = {"path": str(p.relative_to(archive)), "sha256": sha, "names": sorted({r["name"] for r in recs})}
            if not recs:
                unknown.append(entry)
                continue
            received = max(_utc_day(r["received"]) for r in recs)
            entry["received"] = received.isoformat()
            if any(r["pending"] for r in recs):
                pending.append(entry)
            elif received < before:
                remove.append(entry)
            else:
                young.append(entry)
    unknown.extend({"path": str(p.relative_to(archive)), "sha256": None, "names": []} for p in other)
    return {"remove": remove, "kept_young": young, "kept_pending": pending, "unknown": unknown}


def purge_plan(conn: Connection, archive: Path, before: date) -> dict:
    """Scan ARCHIVE and look its hashes up in the store."""
    by_hash, other = scan_archive(archive)
    return plan_purge(by_hash, other, petition_store.archive_records(conn, by_hash), before, archive)


def remove_planned(plan: dict, archive: Path) -> tuple[list[dict], list[dict]]:
    """Remove the planned files; returns (removed, failed)."""
    removed, failed = [], []
    for entry in plan["remove"]:
        try:
            (archive / entry["path"]).unlink()
            removed.append(entry)
        except FileNotFoundError:
            removed.append({**entry, "note": "already gone"})
        except OSError as exc:
            failed.append({**entry, "error": exc.strerror or str(exc)})
    return removed, failed


def purge(open_engine: Callable[[], Engine], archive: Path, before: date, *, today: date, operator: str,
          remove: bool, dry_run: bool = False) -> dict:
    """R27: list (or, when REMOVE and not DRY_RUN, remove) the archived originals whose every store
    record is older than BEFORE.

    Refuses (UsageError) a BEFORE later than four years before TODAY and a missing ARCHIVE.
    Acting is plan-then-act: the plan is recorded in a batch first, so that a crash midway
    leaves a running batch naming what may be gone; the plan is then made again under the
    write lock and carried out. The summary lists what was removed and what failed.
    """
    limit = check_purge_date(before, today)
    if not archive.is_dir():
        raise UsageError(f"--archive {archive}: no such folder")
    archive = archive.resolve()
    act = remove and not dry_run
    engine = open_engine()
    base = {"archive": str(archive), "before": before.isoformat(), "today": today.isoformat(),
            "latest_allowed": limit.isoformat(), "dry_run": dry_run, "listing_only": not act,
            "operator": operator, "batch_id": None}
    if not act:
        with engine.connect() as conn:
            plan = purge_plan(conn, archive, before)
        return {**base, **_purge_counts(plan), "remove": plan["remove"], "kept_pending": plan["kept_pending"],
                "unknown": plan["unknown"], "removed": [], "failed": []}
    with ledger.write_transaction(engine) as conn:
        # The intent is recorded first: a crash mid-way leaves a running batch naming what may be gone.
        plan = purge_plan(conn, archive, before)
        batch_id = ledger.start_batch(conn, "archive-purge", operator, today)
        petition_store.set_batch_summary(conn, batch_id, {**base, "batch_id": batch_id,
                                                          "planned": [e["sha256"] for e in plan["remove"]]})
    with ledger.write_transaction(engine) as conn:
        plan = purge_plan(conn, archive, before)  # again, under the write lock
        removed, failed = remove_planned(plan, archive)
        summary = {**base, "batch_id": batch_id, **_purge_counts(plan), "remove": plan["remove"],
                   "kept_pending": plan["kept_pending"], "unknown": plan["unknown"], "removed": removed,
                   "removed_sha256": [e["sha256"] for e in removed], "failed": failed}
        ledger.finish_batch(conn, batch_id, "partial" if failed else "done", summary)
    return summary


def _purge_counts(plan: dict) -> dict:
    return {"counts": {k: len(v) for k, v in plan.items()}}
