"""Reading and writing the ledger: batches, files, credits, reversals, exceptions.

Bulk where the data is bulky: one query per table per file, credits inserted with
one executemany (SQLite) or COPY (PostgreSQL), never a round trip per row.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from contextlib import contextmanager
from datetime import date, datetime, timezone
from decimal import Decimal
from collections.abc import Mapping
from typing import Iterable, Iterator

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from cec_batch.model import Certificant, Course, Period, PersonRecord, StandingCredit
from cec_batch.store.bulk import as_date, driver_errors, rows_for_keys
from cec_batch.store.tables import batches, certificants, courses, credits, exceptions, files, reversals

log = logging.getLogger(__name__)

CREDIT_COLUMNS = ("credit_id", "certificant_id", "course_number", "generation", "completion_date", "ceus",
                  "category", "source", "file_id", "source_file", "source_location", "batch_id", "operator",
                  "posted_at", "note")
CHUNK = 5000


def now() -> datetime:
    """The time stamped on what is written (UTC, aware): the one clock of the program."""
    return datetime.now(timezone.utc)


@contextmanager
def write_transaction(bind: Engine | Connection) -> Iterator[Connection]:
    """A transaction that takes the write lock at once (SQLite: BEGIN IMMEDIATE).

    BIND is an engine (a connection is opened and closed for it) or an open connection
    outside any transaction, which stays open afterwards.
    """
    if isinstance(bind, Connection):
        conn = bind.execution_options(immediate=True)
        with conn.begin():
            yield conn
        return
    with bind.connect() as conn:
        conn = conn.execution_options(immediate=True)
        with conn.begin():
            yield conn


def retryable(exc: DBAPIError) -> bool:
    """Whether a database error is a lost race (deadlock, serialization, a locked SQLite file) worth retrying."""
    text = str(exc.orig).lower()
    return any(s in text for s in ("deadlock", "could not serialize", "database is locked", "serialization"))


def data_version(conn: Connection) -> int | None:
    """SQLite: a number that changes on this connection whenever any other connection commits.

    What this connection read earlier is still what the database holds if the number is
    the same now. None on other databases (no such guarantee is offered there).
    """
    if conn.dialect.name != "sqlite":
        return None
    return conn.exec_driver_sql("PRAGMA data_version").scalar_one()


# -- batches -----------------------------------------------------------------------
def start_batch(conn: Connection, command: str, operator: str, processing_date: date | None = None) -> int:
    """A new running batch: its wall-clock start, and the date it works as (--today), when given."""
    return conn.execute(insert(batches).values(command=command, operator=operator, started_at=now(),
                                               processing_date=processing_date, status="running")
                        .returning(batches.c.batch_id)).scalar_one()


def mark_interrupted_batches(conn: Connection, command: str) -> int:
    """Batches of COMMAND still marked running (their process was killed): mark them interrupted; how many."""
    res = conn.execute(update(batches).where(batches.c.command == command, batches.c.status == "running")
                       .values(status="interrupted"))
    return res.rowcount or 0


def finish_batch(conn: Connection, batch_id: int, status: str, summary: dict) -> None:
    conn.execute(update(batches).where(batches.c.batch_id == batch_id)
                 .values(finished_at=now(), status=status, summary=json.loads(json.dumps(summary, default=str))))


# -- reference data ------------------------------------------------------------------
def load_registry(conn: Connection) -> list[Certificant]:
    """Everyone (tools and tests; matching looks people up through store.registry instead)."""
    rows = conn.execute(select(certificants.c.certificant_id, certificants.c.first_name, certificants.c.last_name,
                               certificants.c.email, certificants.c.birth_date))
    return [Certificant(*r) for r in rows]


def load_catalogue(conn: Connection) -> dict[str, Course]:
    rows = conn.execute(select(courses.c.course_number, courses.c.title, courses.c.provider, courses.c.ceus,
                               courses.c.category, courses.c.approved_from, courses.c.approved_to))
    return {r[0]: Course(r[0], r[1], r[2], Decimal(r[3]), r[4], r[5], r[6]) for r in rows}


class Catalogue(Mapping):
    """The catalogue of approved courses, read as rows name them (course number -> Course).

    `prefetch` reads a file's distinct numbers in one indexed query; a number asked
    for later is one small query; iterating (R8's nearest numbers, for a number that is
    not in the catalogue) reads the whole catalogue once. Answers are kept, so the same
    object serves a batch; CONN is the connection to read on (the current file's).
    """

    def __init__(self, conn: Connection):
        self.conn = conn
        self._known: dict[str, Course | None] = {}
        self._whole = False

    def _read(self, where=None) -> list[Course]:
        q = select(courses.c.course_number, courses.c.title, courses.c.provider, courses.c.ceus,
                   courses.c.category, courses.c.approved_from, courses.c.approved_to)
        if where is not None:
            q = q.where(where)
        return [Course(r[0], r[1], r[2], Decimal(r[3]), r[4], r[5], r[6]) for r in self.conn.execute(q)]

    def prefetch(self, numbers: Iterable) -> None:
        new = sorted({n for n in numbers if n.__class__ is str and n not in self._known})
        if not new or self._whole:
            return
        for group in _chunks(new, 500):
            for c in self._read(courses.c.course_number.in_(group)):
                self._known[c.course_number] = c
            for n in group:
                self._known.setdefault(n, None)

    def get(self, number, default=None):
        if number.__class__ is not str:
            return default
        if number not in self._known and not self._whole:
            self.prefetch((number,))
        found = self._known.get(number)
        return default if found is None else found

    def __getitem__(self, number):
        found = self.get(number)
        if found is None:
            raise KeyError(number)
        return found

    def __contains__(self, number):
        return self.get(number) is not None

    def _everything(self) -> dict[str, Course]:
        if not self._whole:
            self._known = {c.course_number: c for c in self._read()}
            self._whole = True  # nothing is added to _known after this
            self._all = {n: c for n, c in self._known.items() if c is not None}
        return self._all

    def __iter__(self):
        return iter(self._everything())

    def __len__(self):
        return len(self._everything())


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


_PERIODS = "SELECT certificant_id, certification, period_start, period_end FROM certifications"
_CREDITS = ("SELECT c.credit_id, c.certificant_id, c.course_number, c.completion_date, c.category, c.source_file, "
            "c.source_location, c.batch_id, c.file_id, r.reversal_id "
            "FROM credits c LEFT OUTER JOIN reversals r ON r.credit_id = c.credit_id")


def load_records(conn: Connection, ids: Iterable[str] | None, *, this_file: int | None = None
                 ) -> tuple[dict[str, PersonRecord], dict[tuple[str, str], int]]:
    """Periods and standing credits of IDS, and how many credits each (person, course) has had.

    The count is the `generation` of the next credit for that pair (see tables.credits).
    IDS None: everyone with a period or a credit (anyone else has an empty record).
    A credit from file THIS_FILE (posted earlier in the same transaction, a file applied in
    chunks) is described as post_outcomes describes those it has just posted ("this batch, ...").
    """
    everyone = ids is None
    ids = None if everyone else sorted(set(ids))
    records: dict[str, PersonRecord] = defaultdict(PersonRecord) if everyone else {i: PersonRecord() for i in ids}
    generations: dict[tuple[str, str], int] = defaultdict(int)
    # Only the people asked for, through the certificant indexes: never a scan that grows with the registry.
    where = "" if everyone else " WHERE certificant_id IN ({keys})"
    days = _Days()  # each distinct date value of the rows converted once
    for cid, name, start, end in rows_for_keys(conn, _PERIODS + where, ids, CHUNK):
        records[cid].periods.append(Period(name, days[start], days[end]))
    where = "" if everyone else " WHERE c.certificant_id IN ({keys})"
    for credit_id, cid, course, day, category, src, loc, batch_id, file_id, reversal_id in rows_for_keys(
            conn, _CREDITS + where, ids, CHUNK):
        generations[(cid, course)] += 1
        if reversal_id is None:
            if file_id == this_file and this_file is not None:
                shown = f"this batch, {src} {loc}"
            else:
                shown = f"batch {batch_id}" + (f", {src} {loc}".rstrip() if src else "")
            records[cid].standing[course] = StandingCredit(credit_id, course, days[day], category, shown)
    for rec in records.values():
        if len(rec.periods) > 1:
            rec.periods.sort(key=lambda p: (p.start, p.certification))
    return dict(records), generations


class _Days(dict):
    """A date column's values (store.bulk.as_date), each distinct one converted once."""

    def __missing__(self, value):
        day = self[value] = as_date(value)
        return day


# -- files ---------------------------------------------------------------------------
def find_file(conn: Connection, sha256: str):
    """The earlier application of these bytes, or None (R26)."""
    return conn.execute(select(files).where(files.c.sha256 == sha256)).mappings().first()


def insert_file(conn: Connection, **values) -> int:
    values.setdefault("applied_at", now())
    return conn.execute(insert(files).values(**values).returning(files.c.file_id)).scalar_one()


def set_file_rows(conn: Connection, file_id: int, rows: int, format_note: str | None = None) -> None:
    """The row count of a file applied in chunks, and what the file really is (see readers), known at its end."""
    conn.execute(update(files).where(files.c.file_id == file_id).values(rows=rows, format_note=format_note))


# -- credits and exceptions ----------------------------------------------------------------
def refresh_statistics(engine: Engine, added: int) -> bool:
    """PostgreSQL: ANALYZE credits after ADDED new credits were committed, when the table has no
    planner statistics yet or grew by a tenth since they were taken (autovacuum's rule, applied at
    once rather than up to a minute later). Without them the planner takes the look-ups of the next
    file's people for a large share of the table and reads credits whole for each batch of keys.
    Whether it ran; never raises (a store that refuses it is only slower)."""
    if engine.dialect.name != "postgresql" or added <= 0:
        return False
    try:
        with engine.connect() as conn:
            known = conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE oid = 'credits'::regclass").scalar()
            if known is not None and known >= 0 and added < 0.1 * known:
                return False
            # SKIP_LOCKED: a run of autovacuum's, or another ANALYZE, already at it is left to finish.
            conn.exec_driver_sql("ANALYZE (SKIP_LOCKED) credits")
            conn.commit()
        return True
    except DBAPIError as exc:
        log.debug("ANALYZE credits not run: %s", exc)
        return False


def allocate_credit_ids(conn: Connection, n: int) -> list[int]:
    """N new credit IDs, reserved inside the current write transaction."""
    if n == 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence('credits', 'credit_id')) FROM generate_series(1, %s)" % int(n))
        return [r[0] for r in rows]
    start = conn.execute(select(func.coalesce(func.max(credits.c.credit_id), 0))).scalar_one() + 1
    return list(range(start, start + n))


def insert_credits(conn: Connection, rows: list[tuple]) -> None:
    """Insert credit tuples in CREDIT_COLUMNS order in bulk.

    This goes to the driver directly (COPY, executemany), so its errors are raised as the
    SQLAlchemy exceptions the rest of the program handles (IntegrityError for a credit that
    another run posted meanwhile, OperationalError for a lock), exactly as a Core insert would.
    """
    if not rows:
        return
    with driver_errors(conn, "INSERT INTO credits"):
        _insert_credits_raw(conn, rows)


def _insert_credits_raw(conn: Connection, rows: list[tuple]) -> None:
    raw = conn.connection.driver_connection
    cols = ", ".join(CREDIT_COLUMNS)
    if conn.dialect.name == "postgresql":
        with raw.cursor() as cur, cur.copy(f"COPY credits ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in CREDIT_COLUMNS)
    # The stdlib driver stores what it is given: write dates, CECs and times as SQLAlchemy
    # would (ISO text, decimal text, "YYYY-MM-DD HH:MM:SS.ffffff").
    days: dict[date, str] = {}
    stamps: dict[datetime, str] = {}
    converted = []
    for r in rows:
        day, stamp = r[4], r[13]
        d = days.get(day) or days.setdefault(day, day.isoformat())
        t = stamps.get(stamp) or stamps.setdefault(stamp, stamp.strftime("%Y-%m-%d %H:%M:%S.%f"))
        converted.append((*r[:4], d, str(r[5]), *r[6:13], t, r[14]))
    cur = raw.cursor()
    try:
        cur.executemany(f"INSERT INTO credits ({cols}) VALUES ({marks})", converted)
    finally:
        cur.close()


def insert_exceptions(conn: Connection, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(exceptions), rows)


def insert_exception(conn: Connection, **values) -> int:
    """Insert one exception; its exception_id."""
    return conn.execute(insert(exceptions).values(**values).returning(exceptions.c.exception_id)).scalar_one()


def lock_exceptions(conn: Connection, ids: list[int]) -> dict[int, dict]:
    """The exceptions with IDS, by ID, locked for this transaction (PostgreSQL: SELECT ... FOR UPDATE)."""
    found: dict[int, dict] = {}
    for group in _chunks(sorted(ids), 1000):
        q = select(exceptions).where(exceptions.c.exception_id.in_(group)).with_for_update()
        found.update({r["exception_id"]: dict(r) for r in conn.execute(q).mappings()})
    return found


def close_exception(conn: Connection, exception_id: int, status: str, resolution: str, operator: str,
                    batch_id: int | None = None) -> bool:
    """Close open exception EXCEPTION_ID with staff's RESOLUTION in BATCH_ID; False if it was not open."""
    done = conn.execute(update(exceptions).where(exceptions.c.exception_id == exception_id,
                                                 exceptions.c.status == "open")
                        .values(status=status, resolution=resolution, resolved_by=operator, resolved_at=now(),
                                resolved_batch_id=batch_id))
    return done.rowcount == 1


def credit_by_id(conn: Connection, credit_id: int):
    q = (select(credits, reversals.c.reversal_id, reversals.c.reason.label("reversal_reason"))
         .outerjoin(reversals, reversals.c.credit_id == credits.c.credit_id)
         .where(credits.c.credit_id == credit_id))
    return conn.execute(q).mappings().first()


def insert_reversal(conn: Connection, credit_id: int, reason: str, operator: str, batch_id: int) -> int:
    return conn.execute(insert(reversals).values(credit_id=credit_id, reason=reason, operator=operator,
                                                 batch_id=batch_id, reversed_at=now())
                        .returning(reversals.c.reversal_id)).scalar_one()


# -- exports -------------------------------------------------------------------------
def credit_rows(conn: Connection) -> Iterator[tuple]:
    """Every credit, reversed ones included, in the export's column order."""
    q = (select(credits.c.credit_id, credits.c.certificant_id, credits.c.course_number, credits.c.completion_date,
                credits.c.ceus, credits.c.source_file, credits.c.source_location, credits.c.batch_id,
                credits.c.posted_at, credits.c.operator, reversals.c.reversal_id.is_not(None))
         .outerjoin(reversals, reversals.c.credit_id == credits.c.credit_id)
         .order_by(credits.c.credit_id))
    for row in conn.execute(q):
        yield tuple(row[:-1]) + (bool(row[-1]),)


def exception_rows(conn: Connection, status: str = "open") -> Iterator[tuple]:
    q = select(exceptions.c.exception_id, exceptions.c.kind, exceptions.c.severity, exceptions.c.source_file,
               exceptions.c.source_location, exceptions.c.certificant_ref, exceptions.c.course_number,
               exceptions.c.completion_date, exceptions.c.detail, exceptions.c.status).order_by(exceptions.c.exception_id)
    if status != "all":
        q = q.where(exceptions.c.status == status)
    yield from (tuple(r) for r in conn.execute(q))
