"""Read-ahead: the next file's reader parses it while this one is posted, and nothing else changes.

Ingest.apply(next_path=...) starts the next file's reading once this file's reader has ended;
the next apply takes it if it is of the same, unchanged file. The ledger, the reports and the
unreadable files must be exactly as when every file is read at its own turn.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from cec_batch.config import Limits
from cec_batch.nightly import run_nightly
from cec_batch.post import Ingest
from cec_batch.store import open_store
from cec_batch.store.tables import credits

from cli_helpers import write
from conftest import SAMPLES
from test_nightly import ledger_state
from test_stream import ledger_of, load_samples, second_store

TODAY = date(2026, 11, 15)
ROSTERS = SAMPLES / "rosters"


def _all_children() -> list[int]:
    found = []
    for tid in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{tid}/children") as fh:
            found.extend(int(p) for p in fh.read().split())
    return found


_BEFORE: set[int] = set()


@pytest.fixture(autouse=True)
def _children_before_the_test():
    """Children this process had before the test (another test's program still being reaped when
    the suite runs on a busy machine) are not the test's."""
    _BEFORE.clear()
    _BEFORE.update(_all_children())
    yield


def children() -> list[int]:
    """This process's child processes started during the test (zombies included: a reader that
    ended and is not yet reaped)."""
    return [p for p in _all_children() if p not in _BEFORE]


@functools.lru_cache(maxsize=1)
def _headless_bytes() -> bytes:
    # Made once: a workbook saved again in another second has other bytes (its creation time, its
    # zip entries' times), and two inboxes compared file by file must hold the same file.
    wb = Workbook()
    for i in range(60):
        wb.active.append([f"value {i}", i, "something else"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def headless(path: Path) -> Path:
    """A workbook the reader streams and then refuses: no header row in it."""
    path.write_bytes(_headless_bytes())
    return path


def inbox_of(folder: Path) -> list[Path]:
    """Streamed rosters with an unreadable streamed workbook and a corrupt file among them."""
    folder.mkdir(parents=True, exist_ok=True)
    names = ["acme_title_lines_last_first.xlsx", None, "late_batch_duplicates.xlsx", "corrupt_truncated.xlsx",
             "peak_two_sheets_nicknames.xlsx", "riverside_semicolon_cp1252.csv", "summit_conference_event.csv"]
    paths = []
    for i, name in enumerate(names):
        if name is None:
            paths.append(headless(folder / f"{i}_no_header.xlsx"))
        else:
            paths.append(Path(shutil.copy(ROSTERS / name, folder / f"{i}_{name}")))
    return paths


def apply_files(url: str, paths: list[Path], *, ahead: bool):
    """Apply PATHS in one batch, each with the next as NEXT_PATH when AHEAD; the reports, and which
    file was being read ahead when each apply returned."""
    engine = open_store(url)
    started = []
    with Ingest(engine, operator="clerk", today=TODAY, limits=Limits()) as batch:
        reports = []
        for i, p in enumerate(paths):
            nxt = paths[i + 1] if ahead and i + 1 < len(paths) else None
            r = batch.apply(p, next_path=nxt)
            started.append(batch._ahead[0].name if batch._ahead else None)
            reports.append((r.path.name, r.status, r.rows, r.credits, r.ceus, dict(r.outcomes), r.message))
    return engine, reports, started


def test_read_ahead_gives_the_reports_and_ledger_of_files_read_at_their_turn(db_url, tmp_path, request):
    other = second_store(db_url, tmp_path, request)
    load_samples(db_url)
    load_samples(other)
    paths = inbox_of(tmp_path / "in")
    ahead, a_reports, started = apply_files(db_url, paths, ahead=True)
    assert children() == [], "a reader started ahead was left behind"
    plain, p_reports, _ = apply_files(other, paths, ahead=False)
    # The next file is read ahead after every streamed file, the refused one too; the corrupt file
    # is not streamed, so neither it nor the file after it is read ahead.
    names = [p.name for p in paths]
    assert started == [names[1], names[2], None, None, names[5], names[6], None]
    assert [r[1] for r in a_reports] == ["applied", "unreadable", "applied", "unreadable", "applied", "applied",
                                         "applied"]
    assert a_reports == p_reports
    assert "no recognisable header row" in a_reports[1][6]
    exact = db_url.startswith("sqlite")  # PostgreSQL skips credit IDs differently (sequences)
    assert ledger_of(ahead, exact) == ledger_of(plain, exact)
    ahead.dispose()
    plain.dispose()


def test_a_file_changed_after_its_reading_started_ahead_is_read_again(engine, db_url, tmp_path):
    load_samples(db_url)
    head = "ACE ID,First Name,Last Name,Course #,Date Completed\n"
    first = write(tmp_path / "first.csv", head + "100128,William,Tran,CA23456,03/05/2026\n")
    second = write(tmp_path / "second.csv", head + "100822,Leila,Mbeki,CA23456,03/05/2026\n")
    with Ingest(engine, operator="clerk", today=TODAY, limits=Limits()) as batch:
        batch.apply(first, next_path=second)
        assert batch._ahead is not None and batch._ahead[0] == second
        # Rewritten in place before its turn (a new size and modification time): what is applied
        # is what the file holds at its turn, the bytes its hash is taken of.
        write(second, head + "101189,Margaret,Doyle,CA23456,03/06/2026\n100822,Leila,Mbeki,CA23456,03/05/2026\n")
        report = batch.apply(second)
    assert report.status == "applied" and report.rows == 2, report.message
    with engine.connect() as conn:
        posted = sorted(r[0] for r in conn.execute(select(credits.c.certificant_id)
                                                   .where(credits.c.source_file == "second.csv")))
    assert posted == ["100822", "101189"]
    assert children() == []


def test_a_reading_started_ahead_for_a_file_applied_before_is_ended(engine, db_url, tmp_path):
    load_samples(db_url)
    first = Path(shutil.copy(ROSTERS / "acme_title_lines_last_first.xlsx", tmp_path / "a.xlsx"))
    again = Path(shutil.copy(ROSTERS / "peak_two_sheets_nicknames.xlsx", tmp_path / "b.xlsx"))
    with Ingest(engine, operator="clerk", today=TODAY, limits=Limits()) as batch:
        assert batch.apply(again).status == "applied"
        batch.apply(first, next_path=again)
        assert batch._ahead is not None
        report = batch.apply(again)
        assert report.status == "already_applied"
        assert batch._ahead is None and children() == []


def test_nightly_reads_the_next_file_while_posting_and_ends_as_files_ingested_one_by_one(db_url, tmp_path,
                                                                                          request):
    other = second_store(db_url, tmp_path, request)
    load_samples(db_url)
    load_samples(other)
    inbox = tmp_path / "inbox"
    paths = inbox_of(inbox)
    copies = inbox_of(tmp_path / "one-by-one")
    reading = []

    def progress(i, n, report):
        reading.append(len(children()))  # the next file's reader, running or ended and not yet taken

    engine = open_store(db_url)
    result = run_nightly(engine, inbox=inbox, archive=tmp_path / "archive", reports=tmp_path / "reports",
                         operator="night", today=TODAY, progress=progress)
    engine.dispose()
    assert result.failed and list(inbox.iterdir()) == []
    assert reading == [1, 1, 0, 0, 1, 1, 0]
    assert children() == []
    # The same files, one batch each, as separate `ingest` commands would apply them.
    single = open_store(other)
    for p in copies:
        with Ingest(single, operator="night", today=TODAY, limits=Limits()) as batch:
            batch.apply(p)
    single.dispose()
    mine, theirs = ledger_state(db_url), ledger_state(other)
    assert mine["credits"] and mine["exceptions"]
    assert mine["credits"] == theirs["credits"]
    assert mine["exceptions"] == theirs["exceptions"]
    assert sorted((sha, kind, rows) for sha, _name, kind, rows in mine["files"]) == \
        sorted((sha, kind, rows) for sha, _name, kind, rows in theirs["files"])
