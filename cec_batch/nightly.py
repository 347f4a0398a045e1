"""The scheduled run: inbox to ledger to archive, safe against crashes and overlaps.

For each file in the inbox, in name order:
  1. hash it and copy it into the archive under its hash (never overwriting);
  2. apply it to the store in one transaction (R26: bytes applied before are
     recognised and left alone);
  3. remove it from the inbox.
While a file is posted, the next one's reader already parses it (read-ahead); only its
reading starts early, and the steps above stay in this order for each file.
A run killed at any instant leaves each file either untouched in the inbox, or
copied to the archive and maybe applied; the next run repeats what is missing
and nothing else, so the ledger ends the same as after an uninterrupted run.
A lock file (flock, released by the kernel when the process dies) keeps two runs
from overlapping.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Engine

from cec_batch.archive import file_sha256, store_file
from cec_batch.config import make_output_dir
from cec_batch.post import FileReport, Ingest
from cec_batch.store import ledger
from cec_batch.store.ledger import write_transaction

log = logging.getLogger(__name__)
LOCK_NAME = ".cec-batch-nightly.lock"
SKIP_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")


class Locked(Exception):
    """Another nightly run holds the lock."""


@contextmanager
def run_lock(folder: Path) -> Iterator[Path]:
    """Hold the nightly lock in FOLDER for the duration; raise Locked if another run has it."""
    make_output_dir(folder)
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode(errors="replace").strip()
            raise Locked(f"another nightly run holds {path}" + (f" ({holder})" if holder else "")) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        yield path
    finally:
        os.close(fd)


def inbox_files(inbox: Path) -> list[Path]:
    """Every file waiting in the inbox (folders walked), in name order; files still being written are left."""
    files = []
    for p in sorted(inbox.rglob("*")):
        if not p.is_file() or p.name == LOCK_NAME:
            continue
        rel = p.relative_to(inbox)
        if any(part.startswith(".") for part in rel.parts) or p.name.startswith("~$"):
            continue
        if p.suffix.lower() in SKIP_SUFFIXES:
            continue
        files.append(p)
    return files


def mark_interrupted(engine: Engine) -> int:
    """Batches of earlier nightly runs still marked running were killed: say so."""
    with write_transaction(engine) as conn:
        return ledger.mark_interrupted_batches(conn, "nightly")


def clean_partial_copies(archive: Path) -> int:
    """Remove half-written archive copies left by a killed run (they have temporary names)."""
    n = 0
    if archive.exists():
        for p in archive.glob("*/.*.part"):
            p.unlink(missing_ok=True)
            n += 1
    return n


@dataclass
class NightlyResult:
    summary: dict
    reports: list[Path]
    failed: bool


def run_nightly(engine: Engine, *, inbox: Path, archive: Path, reports: Path, operator: str, today: date,
                progress: Callable[[int, int, FileReport], None] | None = None,
                write_reports: Callable[..., list[Path]] | None = None) -> NightlyResult:
    """One nightly run (the caller holds the lock)."""
    interrupted = mark_interrupted(engine)
    clean_partial_copies(archive)
    files = inbox_files(inbox)
    make_output_dir(reports)
    with Ingest(engine, operator=operator, today=today, command="nightly",
                image_dir=reports / "review-images", fault_dir=reports / "faults") as batch:
        for i, path in enumerate(files, 1):
            try:
                sha = file_sha256(path)
            except OSError as exc:
                report = FileReport(path=path, status="failed", message=f"{path.name}: cannot open ({exc})")
                batch.reports.append(report)
            else:
                stored = store_file(path, archive, sha, move=False)
                # The next file's reader starts while this one is posted (read-ahead, see Ingest.apply).
                report = batch.apply(path, original_name=path.name, sha256=sha, archive_path=str(stored),
                                     next_path=files[i] if i < len(files) else None)
                if report.status in ("applied", "already_applied", "unreadable"):
                    path.unlink(missing_ok=True)  # handled: it leaves the inbox
            if progress:
                progress(i, len(files), report)
    summary = batch.summary()
    summary.update(command="nightly", inbox=str(inbox), archive=str(archive), interrupted_runs=interrupted)
    written: list[Path] = []
    if write_reports is not None:
        written = write_reports(engine, summary=summary, reports=reports, today=today)
    summary["reports"] = [str(p) for p in written]
    summary_path = reports / f"nightly-{today.isoformat()}-batch{summary['batch_id']}.json"
    _atomic_write(summary_path, json.dumps(summary, indent=2, sort_keys=True, default=str))
    written.append(summary_path)
    return NightlyResult(summary, written, batch.failed)


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
