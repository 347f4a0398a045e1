"""The registered-certificant check of a periods load (refdata.known_certificants): exactly the IDs
in the registry, whether a batch of IDs is read as a range of the key or looked up one by one."""

from __future__ import annotations

import random

import pytest

from cec_batch.store import refdata
from cec_batch.store.tables import certificants

# Digits, upper and lower case letters mixed: the range must follow the store's own key order.
REGISTRY = sorted({f"{n}" for n in range(1000, 1400)} | {f"A{n}" for n in range(50)} | {f"b{n}" for n in range(50)}
                  | {"Z9", "z", "0", "99999999"})
ABSENT = ["1000a", "0999", "A", "B1", "b100", "zz", "999", "1400", "Y", "A50"]


@pytest.fixture
def registry(engine):
    with engine.begin() as conn:
        conn.execute(certificants.insert(), [{"certificant_id": cid, "first_name": "F", "last_name": "L"}
                                             for cid in REGISTRY])
    return engine


@pytest.mark.parametrize("batch", [3, 7, 5000])
def test_known_certificants_are_exactly_those_in_the_registry(registry, monkeypatch, batch):
    monkeypatch.setattr(refdata, "CHUNK", batch)
    rng = random.Random(batch)
    asks = [
        REGISTRY,  # everyone: dense ranges
        REGISTRY[::2] + ABSENT,  # every other one, and some nobody has
        rng.sample(REGISTRY, 9) + ABSENT[:3],  # a few, far apart: ranges that hold many more keys
        ABSENT,
        [],
    ]
    with registry.connect() as conn:
        for ids in asks:
            shuffled = ids[:]
            rng.shuffle(shuffled)
            assert refdata.known_certificants(conn, shuffled) == set(ids) & set(REGISTRY)


def test_a_sparse_batch_is_looked_up_key_by_key_not_read_as_its_whole_range(registry, monkeypatch):
    # Two IDs at either end of the registry: the range between them holds every key; the batch
    # is looked up instead of reading it (the range read stops after RANGE_SPREAD keys per ID).
    statements = []
    from sqlalchemy import event

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(registry, "before_cursor_execute", seen)
    with registry.connect() as conn:
        assert refdata.known_certificants(conn, [REGISTRY[0], REGISTRY[-1], "nobody"]) == {REGISTRY[0], REGISTRY[-1]}
    event.remove(registry, "before_cursor_execute", seen)
    ranges = [p for s, p in statements if "BETWEEN" in s]
    lookups = [p for s, p in statements if " IN (" in s]
    if registry.dialect.name == "sqlite":
        assert ranges and ranges[0][-1] == 3 * refdata.RANGE_SPREAD + 1
        assert lookups and set(lookups[0]) == {REGISTRY[0], REGISTRY[-1], "nobody"}
    else:  # one array parameter per batch
        assert not ranges and not lookups
        assert [sorted(p[0]) for s, p in statements if "= ANY(" in s] == [sorted([REGISTRY[0], REGISTRY[-1], "nobody"])]


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_first_load_leaves_the_planner_statistics_of_the_table_on_postgresql(db_url):
    # Without them (autovacuum had not come by yet), PostgreSQL read the whole registry for every
    # batch of keys the next load asked about.
    from sqlalchemy import text

    from cec_batch.store import open_store
    from cec_batch.store.ledger import write_transaction

    engine = open_store(db_url)
    columns = {"certificant_id": [f"{n}" for n in range(100000, 100400)], "first_name": ["Ann"] * 400,
               "last_name": ["Lee"] * 400, "email": [None] * 400, "birth_date": [None] * 400}
    with write_transaction(engine) as conn:
        refdata.upsert_chunks(conn, "certificants", [columns])
    with engine.connect() as conn:
        analysed = conn.execute(text("SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL "
                                     "FROM pg_stat_user_tables WHERE relid = 'certificants'::regclass")).scalar()
        tuples = conn.execute(text("SELECT reltuples FROM pg_class WHERE oid = 'certificants'::regclass")).scalar()
    engine.dispose()
    assert analysed and tuples == 400
