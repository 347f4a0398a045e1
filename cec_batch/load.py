"""Loading reference data (certificants, certifications, courses): read, keep the rows that can load, upsert."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from sqlalchemy import Engine

from cec_batch.readers.reference import read_reference
from cec_batch.store import refdata
from cec_batch.store.ledger import write_transaction


def load_reference(open_engine: Callable[[], Engine], kind: str, file: Path, *, dry_run: bool = False) -> dict:
    """Upsert the good rows of FILE (a KIND of reference data); the summary, bad rows listed as problems.

    A certification of a person not in the registry is a bad row: certificants load first.
    OPEN_ENGINE opens the store once the file has been read. Raises UnreadableFile when FILE
    cannot be read at all.
    """
    loaded = read_reference(file, kind)
    rows = loaded.rows
    with write_transaction(open_engine()) as conn:
        if kind == "certifications":
            known = refdata.known_certificants(conn, {r["certificant_id"] for r in rows})
            good = []
            for r in rows:
                if r["certificant_id"] in known:
                    good.append(r)
                else:
                    loaded.problems.append(f"{file.name}: certificant {r['certificant_id']} ({r['certification']}) "
                                           f"is not in the registry; load certificants first")
            rows = good
        count = refdata.upsert(conn, kind, rows)
        if dry_run:
            conn.rollback()
    return {"kind": kind, "file": file.name, "loaded": count, "bad_rows": len(loaded.problems),
            "problems": loaded.problems, "dry_run": dry_run}
