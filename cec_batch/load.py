"""Loading reference data (certificants, certifications, courses): read, keep the rows that can load, upsert."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine

from cec_batch.post import gc_paused
from cec_batch.readers.reference import read_reference_chunks
from cec_batch.store import refdata
from cec_batch.store.ledger import write_transaction


def load_reference(open_engine: Callable[[], Engine], kind: str, file: Path, *, dry_run: bool = False) -> dict:
    """Upsert the good rows of FILE (a KIND of reference data); the summary, bad rows listed as problems.

    A certification of a person not in the registry is a bad row: certificants load first.
    The file is read, checked and upserted a chunk at a time in one transaction, so memory
    follows the chunk, not the registry. OPEN_ENGINE opens the store once the first chunk has
    been read. Raises UnreadableFile when FILE cannot be read (nothing is then loaded).
    """
    problems: list[str] = []
    with gc_paused():  # from the first row read: the rows are millions of small objects
        parts = read_reference_chunks(file, kind)
        first = next(parts)  # a file that cannot be read at all fails before the store is opened
        engine = open_engine()

        def chunks(conn):
            for part in itertools.chain([first], parts):
                problems.extend(part.problems)
                columns = part.columns
                if kind == "certifications" and len(part):
                    columns = _registered_only(conn, file, columns, problems)
                yield columns

        with write_transaction(engine) as conn:
            count = refdata.upsert_chunks(conn, kind, chunks(conn))
            if dry_run:
                conn.rollback()
    return {"kind": kind, "file": file.name, "loaded": count, "bad_rows": len(problems),
            "problems": problems, "dry_run": dry_run}


def _registered_only(conn, file: Path, columns: dict[str, list], problems: list[str]) -> dict[str, list]:
    """The periods of COLUMNS whose certificant is in the registry; each other one a problem."""
    ids = columns["certificant_id"]
    distinct = list(dict.fromkeys(ids))  # in file order: usually key order, so sorting it is linear
    known = refdata.known_certificants(conn, distinct)
    if len(known) == len(distinct):
        return columns
    keep = [k for k, cid in enumerate(ids) if cid in known]
    for k, cid in enumerate(ids):
        if cid not in known:
            problems.append(f"{file.name}: certificant {cid} ({columns['certification'][k]}) "
                            f"is not in the registry; load certificants first")
    return {name: [values[k] for k in keep] for name, values in columns.items()}
