"""Applying files to the ledger: each file once (R26), in one transaction, with provenance (R25).

`Ingest` runs a batch: it opens the batch row, reads each file (isolated from the
program, see readers.isolate), runs the rules over its rows and writes the
credits and exceptions of one file in one transaction. A file whose bytes were
applied before is reported and left alone, so a re-run after a crash finishes
the work without posting anything twice.
"""

from __future__ import annotations

import gc
import logging
import os
import tempfile
import traceback
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterator, NamedTuple

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from cec_batch.archive import file_sha256
from cec_batch.certificate_choice import choose_fields
from cec_batch.config import Limits, make_output_dir
from cec_batch.errors import UnreadableFile, describe, first_line
from cec_batch.match import Matcher
from cec_batch.model import ROW_FIELDS, Finding, Outcome, PersonRecord, ReadResult, StandingCredit
from cec_batch.normalize import is_blank, normalize_course_number, normalize_id
from cec_batch.match import PersonRef
from cec_batch.prescreen import quick_screen
from cec_batch.rules import Screened, settle, settles_clean, screen
from cec_batch.store import ledger, refdata
from cec_batch.store.registry import StoreLookup

log = logging.getLogger(__name__)
RETRIES = 5


@dataclass
class FileReport:
    """What happened to one file."""

    path: Path
    sha256: str = ""
    status: str = "pending"  # applied, already_applied, unreadable, failed
    kind: str = ""
    file_id: int | None = None
    rows: int = 0
    credits: int = 0
    ceus: str = "0.0"
    outcomes: Counter = field(default_factory=Counter)  # exception kind -> count
    message: str = ""
    notes: list[str] = field(default_factory=list)
    blank_pages: int = 0

    def as_dict(self) -> dict:
        return {"file": self.path.name, "path": str(self.path), "sha256": self.sha256, "status": self.status,
                "kind": self.kind, "rows": self.rows, "credits": self.credits, "ceus": self.ceus,
                "exceptions": dict(sorted(self.outcomes.items())), "message": self.message,
                "notes": self.notes, "blank_pages": self.blank_pages, "file_id": self.file_id}


class Ingest:
    """One batch of files applied to the store."""

    def __init__(self, engine: Engine, *, operator: str, today: date, limits: Limits | None = None,
                 command: str = "ingest", course: str | None = None, provider: str | None = None,
                 image_dir: Path | None = None, dry_run: bool = False, reader=None,
                 fault_dir: Path | None = None):
        from cec_batch.readers import read_file

        self.engine, self.operator, self.today = engine, operator, today
        self.limits = limits or Limits.from_env()
        self.course, self.provider, self.image_dir = course, provider, image_dir
        # Where the details of an internal error go (see _fault): the system temp folder unless told.
        self.fault_dir = fault_dir or Path(tempfile.gettempdir()) / "cec-batch-faults"
        self.dry_run, self.command = dry_run, command
        self.read = reader or read_file
        self.reports: list[FileReport] = []
        self._catalogue = None
        self._dry_conn = None
        self.batch_id: int | None = None
        self._archive_path: str | None = None
        # Read-ahead (apply's NEXT_PATH): the next file's reading, started while this one is posted,
        # with the file's identity when it started; and the reading this file's first attempt takes.
        self._ahead: tuple[Path, tuple, object] | None = None
        self._started = None
        self._next_path: Path | None = None

    # -- the batch ---------------------------------------------------------------
    def __enter__(self) -> "Ingest":
        if self.dry_run:
            # A dry run works inside one transaction that is rolled back at the end,
            # so later files see what earlier ones would have posted.
            self._dry_conn = self.engine.connect().execution_options(immediate=True)
            self._dry_trans = self._dry_conn.begin()
            self.batch_id = ledger.start_batch(self._dry_conn, self.command, self.operator, self.today)
            refdata.fill_name_keys(self._dry_conn)
        else:
            with ledger.write_transaction(self.engine) as conn:
                self.batch_id = ledger.start_batch(conn, self.command, self.operator, self.today)
                # Certificants written by other means than `load` get their matching keys.
                refdata.fill_name_keys(conn)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._drop_ahead()
        status = "failed" if exc_type else ("partial" if self.failed else "done")
        if self.dry_run:
            self._dry_trans.rollback()
            self._dry_conn.close()
            return
        with ledger.write_transaction(self.engine) as conn:
            ledger.finish_batch(conn, self.batch_id, status, self.summary())

    @property
    def failed(self) -> bool:
        return any(r.status in ("unreadable", "failed") for r in self.reports)

    def _transaction(self, conn=None):
        if self.dry_run:
            return _Savepoint(self._dry_conn)
        return ledger.write_transaction(conn if conn is not None else self.engine)

    def _reference(self, conn):
        """The catalogue (courses looked up as files name them, kept for the batch) and a matcher
        that looks people up on CONN (one per file), both reading through CONN."""
        if self._catalogue is None:
            self._catalogue = ledger.Catalogue(conn)
        self._catalogue.conn = conn
        return self._catalogue, Matcher(lookup=StoreLookup(conn))

    # -- one file -------------------------------------------------------------------
    def apply(self, path: Path, *, original_name: str | None = None, sha256: str | None = None,
              archive_path: str | None = None, next_path: Path | None = None) -> FileReport:
        """Read, check and post one file; never raises for a bad file.

        NEXT_PATH, when given, is the file the caller applies next: once this file's reader has
        sent its last rows, the next file's reader is started (read-ahead), so that its parse
        happens while this file is posted. Nothing of it is used unless the next apply is of
        that same file, unchanged since (device, inode, size and modification time); otherwise,
        and on every retry, the file is read again as usual.
        """
        report = FileReport(path=path)
        self._archive_path = archive_path
        self._next_path = next_path
        self.reports.append(report)
        name = original_name or path.name
        try:
            try:
                report.sha256 = sha256 or file_sha256(path)
            except OSError as exc:
                report.status, report.message = "failed", f"{name}: cannot open ({exc.strerror or exc})"
                return report
            self._started = self._take_ahead(path)
            with self._connection() as conn:
                prior = ledger.find_file(conn, report.sha256)
            if prior is not None:
                return self._already(report, prior, name)
            try:
                self._read_and_post(report, name)
            except Exception as exc:  # noqa: BLE001 - a fault of the program or the database, not of the file
                return self._fault(report, name, exc)
            if report.status == "applied" and not self.dry_run:
                ledger.refresh_statistics(self.engine, report.credits)
            return report
        finally:
            if self._started is not None:  # not taken (already applied, a fault before the read)
                self._started.close()
                self._started = None
            self._next_path = None

    # -- read-ahead -------------------------------------------------------------------
    def _take_ahead(self, path: Path):
        """The reading of PATH started by the previous apply, if it is of this very file; else none
        (any other is ended)."""
        ahead, self._ahead = self._ahead, None
        if ahead is None:
            return None
        ahead_path, identity, started = ahead
        try:
            if ahead_path == path and _identity(path) == identity:
                return started
        except OSError:
            pass
        started.close()
        return None

    def _start_next(self) -> None:
        """Start reading the next file (see apply), if it is one that is read in chunks."""
        path = self._next_path
        if path is None or (self._ahead is not None and self._ahead[0] == path):
            return
        self._drop_ahead()
        if not self._streams(path):
            return
        from cec_batch.readers import start_stream

        try:
            identity = _identity(path)
            started = start_stream(path, limits=self.limits, chunk_rows=self.CHUNK_ROWS)
        except (UnreadableFile, OSError):
            return  # its own turn says what is wrong with it
        if started is not None:
            self._ahead = (path, identity, started)

    def _drop_ahead(self) -> None:
        if self._ahead is not None:
            self._ahead[2].close()
            self._ahead = None

    # A roster this large is read in chunks, each matched, checked and posted while the reader
    # goes on, all in the file's one transaction: memory follows the chunk, not the file. Every
    # roster that can be read so is (a small one is one chunk): the rows cross from the reader as
    # plain lists, so an ingest never builds a DataFrame, nor imports pandas to build one.
    STREAM_BYTES = 0
    CHUNK_ROWS = 50_000
    # The people of a streamed file (matcher and records) are kept over this many rows, then let go.
    KEEP_ROWS = 200_000

    def _streams(self, path: Path) -> bool:
        from cec_batch.readers import read_file, streams

        if self.read is not read_file:
            return False
        try:
            return path.stat().st_size >= self.STREAM_BYTES and streams(path)
        except OSError:
            return False

    def _read_and_post(self, report: FileReport, name: str) -> FileReport:
        path = report.path
        if self._streams(path):
            return self._stream_and_post(report, name)
        if self._started is not None:
            self._started.close()
            self._started = None
        try:
            with gc_paused():
                result = self.read(path, limits=self.limits, image_dir=self.image_dir)
        except UnreadableFile as exc:
            return self._unreadable(report, name, exc.reason)
        report.kind, report.notes, report.blank_pages = result.kind, list(result.notes), result.blank_pages
        return self._posting(report, name, lambda conn: self._post(conn, report, result, name))

    def _stream_and_post(self, report: FileReport, name: str) -> FileReport:
        """_read_and_post for a file read in chunks: the read happens inside the write transaction,
        so a retry reads the file again, and an unreadable file leaves nothing of its chunks."""
        try:
            return self._posting(report, name, lambda conn: self._post_stream(conn, report, name))
        except UnreadableFile as exc:
            report.outcomes.clear()
            report.rows, report.credits, report.ceus, report.file_id = 0, 0, "0.0", None
            return self._unreadable(report, name, exc.reason)

    def _posting(self, report: FileReport, name: str, work) -> FileReport:
        """WORK(conn) in one write transaction, tried again when the database asks for it."""
        for attempt in range(RETRIES):
            try:
                with self._transaction() as conn, gc_paused():
                    work(conn)
                break
            except IntegrityError as exc:
                # Another run applied the same bytes, or posted the same credit, in the
                # meantime: look again with what is now in the ledger.
                with self._connection() as conn:
                    prior = ledger.find_file(conn, report.sha256)
                if prior is not None:
                    return self._already(report, prior, name)
                if attempt == RETRIES - 1:
                    self._refused(report, name, exc)
            except OperationalError as exc:
                if not ledger.retryable(exc) or attempt == RETRIES - 1:
                    self._refused(report, name, exc)
                    break
        return report

    def _post_stream(self, conn, report: FileReport, name: str) -> None:
        # The reading started ahead serves the first attempt only: a retry reads the file again.
        started, self._started = self._started, None
        try:
            self._post_stream_from(conn, report, name, started)
        finally:
            if started is not None:  # ended if something failed before the reading was taken
                started.close()

    def _post_stream_from(self, conn, report: FileReport, name: str, started) -> None:
        from cec_batch.readers import stream_file

        catalogue, _matcher = self._reference(conn)
        file_id = ledger.insert_file(conn, sha256=report.sha256, original_name=name,
                                     size_bytes=report.path.stat().st_size, kind="roster",
                                     batch_id=self.batch_id, operator=self.operator, rows=0,
                                     provider=self.provider, archive_path=self._archive_path)
        source = Source(file_id, name, "roster")
        report.outcomes.clear()
        done = {"rows": 0, "credits": 0, "ceus": Decimal("0")}
        kept = _KeptPeople(conn, file_id, self.KEEP_ROWS)

        def post_chunk(chunk: dict[str, list]) -> None:
            columns = self._columns(chunk)
            rows = [_RowAt(columns, i) for i in range(len(columns["location"]))]
            matcher = kept.matcher(len(rows))
            screened = screen_rows(columns, rows, catalogue=catalogue, matcher=matcher, today=self.today)
            records = kept.records({s.outcome.certificant_id for s in screened if not s.finished})
            posted = post_outcomes(conn, [Pending(raw, s, source) for raw, s in zip(rows, screened)],
                                   batch_id=self.batch_id, operator=self.operator, records=records)
            for p in posted:
                if p.credit_id is not None:
                    done["credits"] += 1
                    done["ceus"] += p.outcome.ceus
                if p.outcome.exceptions:
                    report.outcomes.update(f.kind for f in p.outcome.exceptions)
            done["rows"] += len(rows)

        result = stream_file(report.path, limits=self.limits, on_chunk=post_chunk, chunk_rows=self.CHUNK_ROWS,
                             started=started, when_read=self._start_next if self._next_path else None)
        ledger.set_file_rows(conn, file_id, done["rows"], format_note=result.format_note)
        report.kind, report.notes, report.blank_pages = result.kind, list(result.notes), result.blank_pages
        credits = done["credits"]
        report.status, report.file_id, report.rows = "applied", file_id, done["rows"]
        report.credits, report.ceus = credits, str(done["ceus"] if credits else "0.0")
        report.message = (f"{name}: {done['rows']} rows, {credits} credits, "
                          f"{sum(report.outcomes.values())} exceptions")

    def _columns(self, table) -> dict[str, list]:
        """The ROW_FIELDS of a frame, or of a streamed chunk (lists by field), as lists (the --course
        number where a row has none)."""
        n = len(table["location"])
        columns = {f: (_as_list(table[f]) if f in table else [None] * n) for f in ROW_FIELDS}
        if self.course:
            columns["course_number"] = [self.course if is_blank(v) else v for v in columns["course_number"]]
        return columns

    @staticmethod
    def _refused(report: FileReport, name: str, exc: DBAPIError) -> None:
        """The database would not take the file's write, even after the retries: the file stays unapplied."""
        report.status = "failed"
        report.message = f"{name}: the database refused the write ({first_line(exc) or type(exc).__name__})"

    def _fault(self, report: FileReport, name: str, exc: Exception) -> FileReport:
        """An unexpected error while applying one file: its transaction was rolled back, nothing of it is
        recorded (so a later run applies it afresh), and the batch goes on with the next file. The
        traceback goes to a file named in the message, for whoever looks into it."""
        where = ""
        try:
            folder = self.fault_dir
            make_output_dir(folder)
            stamp = ledger.now().strftime("%Y%m%dT%H%M%S")
            fault = folder / f"{stamp}-{os.getpid()}-{len(self.reports)}.txt"
            fault.write_text(f"{name}\n{report.sha256}\n\n" + "".join(traceback.format_exception(exc)),
                             encoding="utf-8")
            where = f"; details in {fault}"
        except OSError:
            pass
        log.debug("%s: internal error", name, exc_info=exc)
        report.outcomes.clear()
        report.file_id, report.rows, report.credits, report.ceus = None, 0, 0, "0.0"
        report.status = "failed"
        report.message = (f"{name}: not processed because of an internal error ({describe(exc)}); "
                          f"nothing posted from it{where}")
        return report

    def _connection(self):
        if self.dry_run:
            return _Borrowed(self._dry_conn)
        return self.engine.connect()

    def _already(self, report: FileReport, prior, name: str) -> FileReport:
        report.status, report.file_id = "already_applied", prior["file_id"]
        report.message = (f"{name}: already applied on {prior['applied_at']:%Y-%m-%d %H:%M} in batch "
                          f"{prior['batch_id']} as {prior['original_name']}; nothing posted")
        return report

    def _unreadable(self, report: FileReport, name: str, reason: str) -> FileReport:
        report.status, report.kind, report.message = "unreadable", "unreadable", f"{name}: {reason}"
        report.outcomes["unreadable_file"] += 1
        size = report.path.stat().st_size if report.path.exists() else 0
        try:
            with self._transaction() as conn:
                file_id = ledger.insert_file(conn, sha256=report.sha256, original_name=name, size_bytes=size,
                                             kind="unreadable", batch_id=self.batch_id, operator=self.operator,
                                             provider=self.provider, archive_path=self._archive_path)
                ledger.insert_exceptions(conn, [dict(
                    kind="unreadable_file", severity="error", rule="R20", file_id=file_id, source_file=name,
                    source_location="", certificant_ref="", course_number="", detail=reason,
                    data={"sha256": report.sha256}, status="open", batch_id=self.batch_id,
                    operator=self.operator, created_at=ledger.now())])
            report.file_id = file_id
        except IntegrityError:
            with self._connection() as conn:
                prior = ledger.find_file(conn, report.sha256)
            if prior is not None:
                return self._already(report, prior, name)
            raise
        return report

    def _post(self, conn, report: FileReport, result: ReadResult, name: str) -> None:
        catalogue, matcher = self._reference(conn)
        frame = result.rows
        if result.kind == "certificate":
            # The reader knew neither registry nor catalogue: settle the page's person and course here.
            frame = choose_fields(frame, catalogue=catalogue, matcher=matcher)
        columns = self._columns(frame)
        rows = [_RowAt(columns, i) for i in range(len(frame))]
        screened = screen_rows(columns, rows, catalogue=catalogue, matcher=matcher, today=self.today)
        file_id = ledger.insert_file(conn, sha256=report.sha256, original_name=name,
                                     size_bytes=report.path.stat().st_size, kind=result.kind,
                                     batch_id=self.batch_id, operator=self.operator, rows=len(rows),
                                     provider=self.provider, archive_path=self._archive_path,
                                     format_note=result.format_note)
        source = Source(file_id, name, "certificate" if result.kind == "certificate" else "roster")
        posted = post_outcomes(conn, [Pending(raw, s, source) for raw, s in zip(rows, screened)],
                               batch_id=self.batch_id, operator=self.operator)
        posted_ceus = [p.outcome.ceus for p in posted if p.credit_id is not None]
        credits, total = len(posted_ceus), sum(posted_ceus, Decimal("0"))
        for p in posted:
            if p.outcome.exceptions:
                report.outcomes.update(f.kind for f in p.outcome.exceptions)
        report.status, report.file_id, report.rows = "applied", file_id, len(rows)
        report.credits, report.ceus = credits, str(total if credits else "0.0")
        report.message = f"{name}: {len(rows)} rows, {credits} credits, {sum(report.outcomes.values())} exceptions"

    # -- the summary -------------------------------------------------------------------
    def summary(self) -> dict:
        by_kind: Counter = Counter()
        by_status: Counter = Counter()
        for r in self.reports:
            by_kind.update(r.outcomes)
            by_status[r.status] += 1
        return {
            "batch_id": self.batch_id, "dry_run": self.dry_run, "operator": self.operator,
            "today": self.today.isoformat(),
            "files": {"total": len(self.reports), **dict(sorted(by_status.items()))},
            "rows": sum(r.rows for r in self.reports),
            "credits": sum(r.credits for r in self.reports),
            "exceptions": dict(sorted(by_kind.items())),
            "exceptions_total": sum(by_kind.values()),
            "details": [r.as_dict() for r in self.reports],
        }


def screen_rows(columns: dict[str, list], rows: list["_RowAt"], *, catalogue, matcher: Matcher,
                today: date) -> list[Screened]:
    """Screen a file's rows: the registry read for the people they name only, in two bulk look-ups.

    The distinct IDs first; clean rows are then screened in bulk (prescreen), and the
    others, whose emails and names are looked up together, one by one through the rules.
    """
    id_of = {v: normalize_id(v) for v in set(_hashable(columns["certificant_id"]))}
    matcher.prefetch(ids=set(id_of.values()) - {None})
    if isinstance(catalogue, ledger.Catalogue):
        catalogue.prefetch({normalize_course_number(v).value for v in set(_hashable(columns["course_number"]))
                            if not is_blank(v)} - {None})
    quick = quick_screen(columns, catalogue=catalogue, matcher=matcher, today=today, id_of=id_of)
    slow = [i for i, q in enumerate(quick) if q is None]
    if slow:
        emails, names = set(), []
        for i in slow:
            r = rows[i].get()
            ref = PersonRef.from_row(r["certificant_id"], r["first_name"], r["last_name"], r["full_name"],
                                     r["email"])
            if ref.email:
                emails.add(ref.email)
            names.extend(ref.names)
        matcher.prefetch(emails=emails, names=names)
    return [q if q is not None else screen(rows[i].get(), catalogue=catalogue, matcher=matcher, today=today)
            for i, q in enumerate(quick)]


def _identity(path: Path) -> tuple:
    """What tells a file apart from a changed or replaced one at the same path."""
    st = path.stat()
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _as_list(values) -> list:
    return values.tolist() if hasattr(values, "tolist") else list(values)


def _hashable(values: list) -> Iterator:
    for v in values:
        try:
            hash(v)
        except TypeError:
            continue
        yield v


class _KeptPeople:
    """The people a streamed file names, kept from chunk to chunk for up to KEEP_ROWS rows and then let
    go (memory follows that many rows, not the file): the matcher that looked them up, and their
    records as this transaction sees them, which post_outcomes keeps up to date as it posts (R14:
    the credits of earlier chunks count), so a person is read once, not once a chunk."""

    def __init__(self, conn, file_id: int, keep_rows: int):
        self.conn, self.file_id, self.keep_rows = conn, file_id, keep_rows
        self.rows = 0
        self._matcher: Matcher | None = None
        self._records: dict[str, PersonRecord] = {}
        self._generations: dict[tuple[str, str], int] = defaultdict(int)

    def matcher(self, rows: int) -> Matcher:
        """The matcher for the next chunk, of ROWS rows: a new one (and no records) every KEEP_ROWS rows."""
        if self._matcher is None or self.rows + rows > self.keep_rows:
            self._matcher = Matcher(lookup=StoreLookup(self.conn))
            self._records, self._generations = {}, defaultdict(int)
            self.rows = 0
        self.rows += rows
        return self._matcher

    def records(self, ids: set[str]) -> tuple[dict, dict]:
        """The records of IDS (and of the others kept), those not kept yet read from the ledger."""
        new = ids - self._records.keys()
        if new:
            records, generations = ledger.load_records(self.conn, new, this_file=self.file_id)
            self._records.update(records)
            self._generations.update(generations)
        return self._records, self._generations


# -- posting evaluated rows ------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """Where a group of rows came from: the applied file (R25) and the credits' `source`."""

    file_id: int | None
    name: str          # the file's original base name
    kind: str          # credits.source: roster, certificate, resolution


class Pending(NamedTuple):
    """A screened row waiting to be settled against the ledger and written."""

    raw: dict                  # the row as read (kept with its exceptions, see raw_row)
    screened: Screened
    source: Source
    note: str | None = None    # recorded with the credit, before the rules' own notes
    data: dict | None = None   # added to the data of each exception of the row


class Posted(NamedTuple):
    """What became of one pending row."""

    outcome: Outcome
    credit_id: int | None           # the credit posted, or None
    exception_ids: list[int] | None  # the exceptions recorded (only when asked for)


def post_outcomes(conn, pending: list[Pending], *, batch_id: int, operator: str,
                  exception_ids: bool = False, records: tuple[dict, dict] | None = None) -> list[Posted]:
    """Settle PENDING rows against the ledger (R6, R9-R14) and write their credits and exceptions.

    Runs inside the caller's transaction. Rows are settled in order, and each credit
    posted counts for the rows after it (R14 within the list: a later row for the same
    person and course is a duplicate). With EXCEPTION_IDS the new exception IDs are
    returned (one insert per row: for small lists such as staff decisions). RECORDS, when
    given, are the people's records and generations (as ledger.load_records returns them)
    as this transaction sees them; they are read here otherwise, and are updated either way.
    """
    if records is None:
        ids = {p.screened.outcome.certificant_id for p in pending if not p.screened.finished}
        records = ledger.load_records(conn, ids)
    records, generations = records
    posted_at = ledger.now()
    # IDs for every row that may still post; SQLite leaves unused ones free, PostgreSQL skips them.
    # (A row is finished when screening found an error: Screened.finished, spelt out in these loops.)
    free_ids = iter(ledger.allocate_credit_ids(conn, sum(not p.screened.outcome.exceptions for p in pending)))
    credit_rows, exception_rows, evaluated = [], [], []
    add_credit, add_evaluated = credit_rows.append, evaluated.append
    values: dict = {}  # settles_clean's memo of the CECs of each course and stated cell
    for p in pending:
        s = p.screened
        out, credit_id = s.outcome, None
        if not out.exceptions:
            cid = out.certificant_id
            record = records.get(cid)
            if record is None:
                record = records[cid] = PersonRecord()
            value = settles_clean(s.course, out.completion_date, record, s.stated_ceus, values)
            if value is not None:  # settle would post VALUE and say nothing more
                out.ceus = value
            else:
                out = settle(s, record)
            if out.posts:
                credit_id = next(free_ids)
                course_number, source = out.course_number, p.source
                key = (cid, course_number)
                generation = generations[key]
                generations[key] = generation + 1
                # R14 within the list: a later row for the same course is a duplicate of this one.
                record.standing[course_number] = StandingCredit(
                    credit_id, course_number, out.completion_date, out.category,
                    f"this batch, {source.name} {out.location}")
                note = None
                if p.note or out.notes:
                    note = "; ".join(([p.note] if p.note else []) + out.notes) or None
                add_credit((credit_id, cid, course_number, generation, out.completion_date, out.ceus, out.category,
                            source.kind, source.file_id, source.name, out.location, batch_id, operator, posted_at,
                            note))
        if out.exceptions:  # errors, or warnings on a posted credit
            rows = [exception_row(f, out, p, credit_id, batch_id=batch_id, operator=operator)
                    for f in out.exceptions]
            exception_rows.extend(rows)
        else:
            rows = ()
        add_evaluated((out, credit_id, rows))
    # Credits first: a warning points at its credit.
    ledger.insert_credits(conn, credit_rows)
    if not exception_ids:
        ledger.insert_exceptions(conn, exception_rows)
        return [Posted(out, credit_id, None) for out, credit_id, _rows in evaluated]
    return [Posted(out, credit_id, [ledger.insert_exception(conn, **row) for row in rows])
            for out, credit_id, rows in evaluated]


def exception_row(f: Finding, out: Outcome, p: Pending, credit_id: int | None, *, batch_id: int,
                  operator: str) -> dict:
    """The exceptions-table row of finding F about a pending row, with its provenance (R25)."""
    data = dict(f.data)
    if out.notes:
        data.setdefault("notes", out.notes)
    if p.data:
        data.update(p.data)
    # The row as read, so that staff's decision can be re-checked by the same rules.
    data["row"] = raw_row(p.raw)
    return dict(kind=f.kind, severity=f.severity, rule=f.rule, file_id=p.source.file_id, source_file=p.source.name,
                source_location=out.location, certificant_ref=out.certificant_ref[:300],
                certificant_id=out.certificant_id, course_number=(out.course_number or "")[:64],
                completion_date=out.completion_date, detail=f.detail, data=data, credit_id=credit_id,
                status="open", batch_id=batch_id, operator=operator, created_at=ledger.now())


class _Savepoint:
    """A savepoint in the dry run's outer transaction, shaped like write_transaction."""

    def __init__(self, conn):
        self.conn = conn

    def __enter__(self):
        self.sp = self.conn.begin_nested()
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if exc_type:
            self.sp.rollback()
        else:
            self.sp.commit()
        return False


class _Borrowed:
    def __init__(self, conn):
        self.conn = conn

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc):
        return False


@contextmanager
def gc_paused():
    """No cyclic garbage collection while a file's rows are built and evaluated.

    A roster of a million rows creates millions of small objects, and each
    collection would walk all of them again; reference counting still frees
    everything as usual.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _RowAt:
    """Row I of a file's columns, made into a dict only when needed (an exception keeps it)."""

    __slots__ = ("columns", "i")

    def __init__(self, columns: dict[str, list], i: int):
        self.columns, self.i = columns, i

    def get(self) -> dict:
        return {f: col[self.i] for f, col in self.columns.items()}


def raw_row(raw) -> dict:
    """A row's raw fields as JSON-safe values (dates as ISO text, numbers as numbers)."""
    if isinstance(raw, _RowAt):
        raw = raw.get()
    out = {}
    for k in ROW_FIELDS:
        v = raw.get(k)
        if k == "read":
            continue
        if is_blank(v):
            v = None
        elif hasattr(v, "isoformat"):
            v = v.isoformat()
        elif isinstance(v, Decimal):
            v = str(v)
        elif not isinstance(v, (str, int, float)):
            v = str(v)
        out[k] = v
    if raw.get("read"):
        out["read"] = raw["read"]
    return out
