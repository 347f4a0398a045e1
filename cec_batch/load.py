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
    parts = read_reference_chunks(file, kind)
    first = next(parts)  # a file that cannot be read at all fails before the store is opened
    engine = open_engine()

    def chunks(conn):
        for part in itertools.chain([first], parts):
            problems.extend(part.problems)
            rows = part.rows
            if kind == "certifications" and rows:
                known = refdata.known_certificants(conn, {r["certificant_id"] for r in rows})
                for r in rows:
                    if r["certificant_id"] not in known:
                        problems.append(f"{file.name}: certificant {r['certificant_id']} ({r['certification']}) "
                                        f"is not in the registry; load certificants first")
                rows = [r for r in rows if r["certificant_id"] in known]
            yield rows

    with write_transaction(engine) as conn, gc_paused():
        count = refdata.upsert_chunks(conn, kind, chunks(conn))
        if dry_run:
            conn.rollback()
    return {"kind": kind, "file": file.name, "loaded": count, "bad_rows": len(problems),
            "problems": problems, "dry_run": dry_run}
