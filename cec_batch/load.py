"""Loading reference data (certificants, certifications, courses): read, keep the rows that can load, upsert."""

from __future__ import annotations

import itertools
import operator
import os
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine

from cec_batch.post import gc_paused
from cec_batch.readers.reference import read_reference_chunks
from cec_batch.store import refdata
from cec_batch.store.ledger import write_transaction

# A file at least this large is read ahead in a child process when the store is SQLite (`reads_ahead`).
READ_AHEAD_BYTES = 4 * 1024 * 1024
# Good rows a chunk when reading ahead (reference.CHUNK_ROWS otherwise): the first chunk is read
# before anything is written and the last written after the reading is done, so smaller chunks
# leave less of either alone; memory is about a chunk in each process.
AHEAD_CHUNK_ROWS = 100_000


def reads_ahead(url: str, file: Path) -> bool:
    """Whether `load` of FILE into the store at URL reads ahead in a child process.

    On SQLite the writing is one core's work in this process (the driver's inserts, the index
    builds), so reading and checking the next chunk on another core shortens the load, when the
    machine has one to spare: with every core busy (a load average at or above the number of
    cores) the two processes only take turns, and the second costs more CPU than it saves (about
    2 s more wall for a million certificants at load average 4-5 on two cores). On PostgreSQL the
    server's process does most of the writing already: the file is read here. The rows and
    problems are the same either way.
    """
    from sqlalchemy.engine import make_url

    try:
        large = file.stat().st_size >= READ_AHEAD_BYTES
    except OSError:
        return False  # the reader says what is wrong with it
    if not (large and hasattr(os, "fork") and make_url(url).get_backend_name() == "sqlite"):
        return False
    return os.getloadavg()[0] < (os.cpu_count() or 1)


def load_reference(open_engine: Callable[[], Engine], kind: str, file: Path, *, dry_run: bool = False,
                   read_ahead: bool = False) -> dict:
    """Upsert the good rows of FILE (a KIND of reference data); the summary, bad rows listed as problems.

    A certification of a person not in the registry is a bad row: certificants load first.
    The file is read, checked and upserted a chunk at a time in one transaction, so memory
    follows the chunk, not the registry. OPEN_ENGINE opens the store once the first chunk has
    been read. Raises UnreadableFile when FILE cannot be read (nothing is then loaded).

    READ_AHEAD (for SQLite stores, see `reads_ahead`): a forked child reads and checks the next
    chunk, and makes its values as SQLite takes them (dates as text), while this
    process writes the chunk before. The rows, the problems and the transaction are the same
    as without it (tests/test_load_ahead.py), the problems in the same order: the bad rows, then
    the periods of people not in the registry, each in file order, whatever the chunks.
    """
    problems: list[str] = []  # the bad rows, in file order
    unregistered: list[str] = []  # then the periods of people not in the registry, in file order
    with gc_paused():  # from the first row read: the rows are millions of small objects
        parts = _read_ahead(file, kind) if read_ahead else read_reference_chunks(file, kind)
        try:
            first = next(parts)  # a file that cannot be read at all fails before the store is opened
            engine = open_engine()

            def chunks(conn):
                for part in itertools.chain([first], parts):
                    problems.extend(part.problems)
                    columns = part.columns
                    if kind == "certifications" and len(part):
                        columns = _registered_only(conn, file, columns, unregistered)
                    yield columns

            with write_transaction(engine) as conn:
                count = refdata.upsert_chunks(conn, kind, chunks(conn))
                if dry_run:
                    conn.rollback()
        finally:
            parts.close()  # reading ahead: the child ends with it, whatever happened here
    problems += unregistered  # in the same order however the file was cut into chunks
    return {"kind": kind, "file": file.name, "loaded": count, "bad_rows": len(problems),
            "problems": problems, "dry_run": dry_run}


def _read_ahead(file: Path, kind: str):
    """The chunks of FILE read, checked and made ready in a child process, one chunk ahead."""
    from cec_batch.readers.isolate import iter_ahead

    chunks = iter_ahead(_ahead_chunks, file, kind, path=file)
    try:
        for chunk in chunks:
            yield _Part(chunk)
    finally:
        chunks.close()


def _ahead_chunks(file: Path, kind: str):
    """In the child: each chunk of FILE as its problems and its rows' columns as SQLite takes them,
    one dict of lists (text columns cross the pipe as one string each).

    The blocking keys of certificants are left to the parent (refdata works them out): with them
    here the child was the slower of the two (about 4.4 s of CPU a million certificants against
    the parent's 2.5 s before the index builds); without them the two are about even.
    """
    for part in read_reference_chunks(file, kind, size=AHEAD_CHUNK_ROWS):
        yield {_PROBLEMS: part.problems, **refdata.sqlite_columns(part.columns)}


_PROBLEMS = "problems"  # not a column name of any kind


class _Part:
    """A chunk read ahead: its problems, and its columns as the store takes them."""

    def __init__(self, chunk: dict[str, list]):
        self.problems = chunk.pop(_PROBLEMS)
        self.columns = chunk

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), ()))


def _registered_only(conn, file: Path, columns: dict[str, list], problems: list[str]) -> dict[str, list]:
    """The periods of COLUMNS whose certificant is in the registry; each other one a problem."""
    ids = columns["certificant_id"]
    if all(map(operator.le, ids, itertools.islice(ids, 1, None))):  # the usual periods file: in key order
        distinct = list(itertools.compress(ids, itertools.chain([True], map(operator.ne, itertools.islice(ids, 1, None), ids))))
    else:
        distinct = list(dict.fromkeys(ids))  # in file order: usually key order, so sorting it is linear
    missing = refdata.unregistered(conn, distinct)
    if not missing:
        return columns
    keep = [k for k, cid in enumerate(ids) if cid not in missing]
    for k, cid in enumerate(ids):
        if cid in missing:
            problems.append(f"{file.name}: certificant {cid} ({columns['certification'][k]}) "
                            f"is not in the registry; load certificants first")
    return {name: [values[k] for k in keep] for name, values in columns.items()}
