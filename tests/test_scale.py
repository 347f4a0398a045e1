"""The scale benchmark's world at 1/100 (10,000 certificants, a 10,000-row roster): counts as planted.

The same generator as `make bench` (bench/world.py); no timing here. On SQLite and on
PostgreSQL the roster posts exactly the rows the generator meant to post, raises
exactly the exceptions it planted, gives no credit to a planted look-alike and posts
each planted ID typo to the person the name and email say.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from cec_batch.config import Limits
from cec_batch.post import Ingest
from cec_batch.store.tables import credits, exceptions

from cli_helpers import cli
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import world  # noqa: E402

ROSTER = "csv1000k"  # 1,000,000 rows at full scale: 10,000 here


@pytest.fixture(scope="module")
def small_world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("world")
    manifest = world.build(folder, 0.01, only={ROSTER})
    return folder, manifest


def test_ten_thousand_rows_post_and_fail_exactly_as_planted(small_world, db_url, engine):
    folder, manifest = small_world
    for kind in ("certificants", "certifications", "courses"):
        cli(db_url, "load", kind, str(folder / "reference" / f"{kind}.csv"))
    plan = manifest["rosters"][ROSTER]
    assert plan["rows"] == 10_000 and manifest["people"] == 10_000
    with Ingest(engine, operator="clerk", today=world.TODAY, limits=Limits()) as run:
        report = run.apply(folder / plan["file"])
    assert report.status == "applied", report.message
    assert report.rows == plan["rows"]
    assert report.credits == plan["posted"]
    assert dict(report.outcomes) == plan["exceptions"]
    with engine.connect() as conn:
        posted = {loc: cid for loc, cid in conn.execute(select(credits.c.source_location, credits.c.certificant_id))}
        raised = Counter((kind, loc) for kind, loc in conn.execute(select(exceptions.c.kind,
                                                                          exceptions.c.source_location)))
    for kind, locations in plan["planted"].items():
        for loc in locations:
            assert raised[(kind, loc)] == 1, (kind, loc)
            assert loc not in posted, (kind, loc, posted.get(loc))
    assert plan["planted"]["unknown_certificant"], "the world plants look-alikes"
    assert plan["id_typos"], "the world plants ID typos"
    for loc, cid in plan["id_typos"].items():
        assert posted.get(loc) == cid, loc
    assert sum(raised.values()) == sum(plan["exceptions"].values())
    # Every other credit went to the person the row's ID names (or, without one, its email: p<ID>@...).
    assert len(posted) == plan["posted"]
    rows = (folder / plan["file"]).read_text(encoding="utf-8").splitlines()
    for loc, cid in posted.items():
        if loc in plan["id_typos"]:
            continue
        given, _first, _last, mail = rows[int(loc.split()[1]) - 1].split(",")[:4]
        assert cid == (given or mail[1:mail.index("@")]), (loc, cid, given, mail)


def test_the_world_is_the_same_every_time(small_world, tmp_path):
    folder, manifest = small_world
    again = world.build(tmp_path, 0.01, only={ROSTER})
    assert again["rosters"] == manifest["rosters"]
    for name in ("reference/certificants.csv", "reference/certifications.csv", manifest["rosters"][ROSTER]["file"]):
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name


def test_the_planted_rows_are_what_the_manifest_says(small_world):
    folder, manifest = small_world
    plan = manifest["rosters"][ROSTER]
    lines = (folder / plan["file"]).read_text(encoding="utf-8").splitlines()
    by_loc = {f"row {i + 1}": line.split(",") for i, line in enumerate(lines)}
    for loc in plan["planted"]["unknown_certificant"]:
        cid, _first, last, mail = by_loc[loc][:4]
        assert not cid and not mail and "x" in last
    for loc in plan["planted"]["future_date"]:
        month, day, year = map(int, by_loc[loc][5].split("/"))
        assert date(year, month, day) > world.TODAY
