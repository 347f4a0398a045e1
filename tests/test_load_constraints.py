"""A first load of periods in chunks: the unique period constraint (dropped for the rows on PostgreSQL,
added again after them, or before the first chunk whose keys could meet earlier ones) is there
afterwards and the rows are those of one pass, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from cec_batch.store import open_store
from cec_batch.store.tables import certifications as table

from cli_helpers import cli, write
from small_world import CERTIFICANTS

HEADER = "certificant_id,certification,period_start,period_end\n"
IN_ORDER = [
    "104233,Health Coach,2024-01-01,2024-12-31",
    "104233,Personal Trainer,2025-01-01,2026-12-31",
    "104234,Personal Trainer,2025-01-01,2026-12-31",
    "104235,Health Coach,2025-03-01,2027-02-28",
    "200001,Personal Trainer,2025-01-01,2026-12-31",
]
# Keys that go back down in a later chunk, and a key given again with other values (the last wins).
OUT_OF_ORDER = IN_ORDER[2:] + IN_ORDER[:2] + ["104234,Personal Trainer,2025-01-01,2027-06-30"]


def _state(url):
    eng = open_store(url)
    with eng.connect() as conn:
        rows = [tuple(map(str, r)) for r in conn.execute(text(
            "SELECT certificant_id, certification, period_start, period_end FROM certifications ORDER BY 1, 2, 3"))]
    uniques = {(u["name"], tuple(u["column_names"])) for u in inspect(eng).get_unique_constraints("certifications")}
    eng.dispose()
    return rows, uniques


DECLARED = {(c.name, tuple(col.name for col in c.columns)) for c in table.constraints
            if c.__class__.__name__ == "UniqueConstraint"}


@pytest.mark.parametrize("lines", [IN_ORDER, OUT_OF_ORDER], ids=["in key order", "out of order"])
def test_first_load_of_periods_in_chunks_keeps_the_unique_constraint_and_the_rows_of_one_pass(
        db_url, tmp_path, monkeypatch, lines):
    from cec_batch.readers import reference

    people = write(tmp_path / "c.csv", CERTIFICANTS)
    periods = write(tmp_path / "p.csv", HEADER + "\n".join(lines) + "\n")
    whole = f"sqlite:///{tmp_path / 'whole.sqlite3'}"
    for url, size in ((whole, 10_000), (db_url, 2)):
        monkeypatch.setattr(reference, "CHUNK_ROWS", size)
        cli(url, "load", "certificants", str(people))
        cli(url, "load", "certifications", str(periods))
    rows, uniques = _state(db_url)
    assert (rows, uniques) == _state(whole)
    assert uniques == DECLARED and len(rows) == 5
    assert ("104234", "Personal Trainer", "2025-01-01", "2027-06-30" if lines is OUT_OF_ORDER else "2026-12-31") \
        in rows
    # the constraint holds: a period given twice by other means is refused
    eng = open_store(db_url)
    with pytest.raises(Exception, match="(?i)unique"):
        with eng.begin() as conn:
            conn.execute(table.insert().values(certificant_id="104233", certification="Health Coach",
                                               period_start=__import__("datetime").date(2024, 1, 1),
                                               period_end=__import__("datetime").date(2024, 12, 31)))
    eng.dispose()
    # a reload upserts into the loaded table (changed end, one new period)
    cli(db_url, "load", "certifications", str(write(tmp_path / "p2.csv", HEADER + "\n".join(
        [IN_ORDER[0].replace("2024-12-31", "2025-06-30"), "104235,Personal Trainer,2026-01-01,2027-12-31"]) + "\n")))
    rows, uniques = _state(db_url)
    assert uniques == DECLARED and len(rows) == 6
    assert ("104233", "Health Coach", "2024-01-01", "2025-06-30") in rows
