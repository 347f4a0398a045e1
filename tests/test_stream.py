"""A roster read in chunks (posted while the reader goes on) ends exactly as one read whole.

Ingest streams a large roster, CSV or workbook (Ingest.STREAM_BYTES); here the threshold is set to
nothing and the chunks made small, so that duplicates and repeated people fall across
chunk boundaries. The ledger afterwards must be the same, credit for credit and
exception for exception, as after the same file applied in one piece.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import date

import pytest
from sqlalchemy import select

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.post import Ingest
from cec_batch.readers import stream_file, streams
from cec_batch.store import open_store
from cec_batch.store.tables import credits, exceptions, files

from cli_helpers import cli, write
from conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "bench"))
import world  # noqa: E402

TODAY = date(2026, 11, 15)
STREAMED_SAMPLES = sorted(p for p in (SAMPLES / "rosters").iterdir() if streams(p))


def ledger_of(engine, credit_ids: bool) -> tuple[list, list, list]:
    def plain(text):
        return text if credit_ids else re.sub(r"credit \d+", "credit N", text)

    with engine.connect() as conn:
        posted = [tuple(r) for r in conn.execute(
            select(credits.c.credit_id if credit_ids else credits.c.certificant_id, credits.c.certificant_id,
                   credits.c.course_number, credits.c.generation, credits.c.completion_date, credits.c.ceus,
                   credits.c.source_file, credits.c.source_location, credits.c.note)
            .order_by(credits.c.source_location, credits.c.credit_id))]
        raised = []
        for r in conn.execute(select(exceptions).order_by(exceptions.c.exception_id)).mappings():
            data = dict(r["data"] or {})
            if not credit_ids:
                data.pop("credit_id", None)
            raised.append((r["kind"], r["severity"], r["rule"], r["source_file"], r["source_location"],
                           r["certificant_ref"], r["certificant_id"], r["course_number"], r["completion_date"],
                           plain(r["detail"]), data, r["credit_id"] is not None, r["status"]))
        applied = [tuple(r) for r in conn.execute(
            select(files.c.original_name, files.c.kind, files.c.rows, files.c.format_note))]
    return posted, raised, applied


def apply_all(url, paths, *, stream: bool, chunk: int, monkeypatch, course=None, keep: int = 200_000):
    monkeypatch.setattr(Ingest, "STREAM_BYTES", 0 if stream else 1 << 62)
    monkeypatch.setattr(Ingest, "CHUNK_ROWS", chunk)
    monkeypatch.setattr(Ingest, "KEEP_ROWS", keep)
    engine = open_store(url)
    with Ingest(engine, operator="clerk", today=TODAY, limits=Limits(), course=course) as run:
        reports = [run.apply(p) for p in paths]
    return engine, [(r.status, r.rows, r.credits, r.ceus, dict(r.outcomes), r.notes) for r in reports]


def load_samples(url):
    for kind in ("certificants", "certifications", "courses"):
        cli(url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv"))


def second_store(db_url, tmp_path, request):
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'whole.sqlite3'}"
    # Another schema in the same scratch database (as the db_url fixture makes them).
    import uuid

    from sqlalchemy import create_engine, text

    base = db_url.split("?")[0]
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()

    request.addfinalizer(drop)
    return f"{base}?options=-csearch_path%3D{schema}"


def test_there_are_csv_and_workbook_samples_to_stream():
    suffixes = [p.suffix for p in STREAMED_SAMPLES]
    assert suffixes.count(".csv") >= 3 and suffixes.count(".xlsx") >= 3 and ".ods" in suffixes, STREAMED_SAMPLES


def test_sample_rosters_streamed_in_chunks_of_two_rows_end_as_read_whole(db_url, tmp_path, request, monkeypatch):
    whole_url = second_store(db_url, tmp_path, request)
    load_samples(db_url)
    load_samples(whole_url)
    streamed, s_reports = apply_all(db_url, STREAMED_SAMPLES, stream=True, chunk=2, monkeypatch=monkeypatch)
    whole, w_reports = apply_all(whole_url, STREAMED_SAMPLES, stream=False, chunk=2, monkeypatch=monkeypatch)
    assert s_reports == w_reports
    exact = db_url.startswith("sqlite")  # PostgreSQL skips credit IDs differently (sequences)
    assert ledger_of(streamed, exact) == ledger_of(whole, exact)
    assert any(r[2] for r in s_reports) and any(r[4] for r in s_reports)
    streamed.dispose()
    whole.dispose()


@pytest.mark.parametrize("name", ["csv1000k", "xlsx200k"])
def test_the_scale_worlds_roster_streamed_ends_as_read_whole(db_url, tmp_path, request, monkeypatch, name):
    folder = tmp_path / "world"
    manifest = world.build(folder, 0.01, only={name})
    roster = folder / manifest["rosters"][name]["file"]
    whole_url = second_store(db_url, tmp_path, request)
    for url in (db_url, whole_url):
        for kind in ("certificants", "certifications", "courses"):
            cli(url, "load", kind, str(folder / "reference" / f"{kind}.csv"))
    # Chunks of 997 rows: the planted duplicates (every 1,000th row repeats the one before) straddle them;
    # the people are kept for two chunks at a time, so some are read again after they were let go.
    streamed, s_reports = apply_all(db_url, [roster], stream=True, chunk=997, keep=2000, monkeypatch=monkeypatch)
    whole, w_reports = apply_all(whole_url, [roster], stream=False, chunk=997, monkeypatch=monkeypatch)
    assert s_reports == w_reports
    assert s_reports[0][2] == manifest["rosters"][name]["posted"]
    exact = db_url.startswith("sqlite")
    assert ledger_of(streamed, exact) == ledger_of(whole, exact)
    streamed.dispose()
    whole.dispose()


def test_a_file_that_fails_part_way_through_leaves_nothing_of_its_chunks(engine, db_url, tmp_path, monkeypatch):
    load_samples(db_url)
    body = "ACE ID,First Name,Last Name,Course #,Date Completed\n" + "".join(
        f"104233,Robert,Smith,CA2345{i % 10},03/05/2026\n" for i in range(50))
    path = write(tmp_path / "long.csv", body)
    monkeypatch.setattr(Ingest, "STREAM_BYTES", 0)
    monkeypatch.setattr(Ingest, "CHUNK_ROWS", 5)
    with Ingest(engine, operator="clerk", today=TODAY, limits=Limits(max_rows=20)) as run:
        report = run.apply(path)
    assert report.status == "unreadable", report.message
    assert "more than 20 rows" in report.message
    with engine.connect() as conn:
        assert conn.execute(select(credits.c.credit_id)).all() == []
        assert [r[0] for r in conn.execute(select(exceptions.c.kind))] == ["unreadable_file"]
        assert [r[0] for r in conn.execute(select(files.c.kind))] == ["unreadable"]


@pytest.mark.parametrize("course", ["CA23456"])
def test_the_course_option_applies_to_every_chunk(engine, db_url, tmp_path, monkeypatch, course):
    load_samples(db_url)
    body = "ACE ID,First Name,Last Name,Date Completed\n100128,William,Tran,03/05/2026\n" \
           "100822,Leila,Mbeki,03/05/2026\n101189,Margaret,Doyle,03/06/2026\n"
    path = write(tmp_path / "nocourse.csv", body)
    monkeypatch.setattr(Ingest, "STREAM_BYTES", 0)
    monkeypatch.setattr(Ingest, "CHUNK_ROWS", 1)
    with Ingest(engine, operator="clerk", today=TODAY, limits=Limits(), course=course) as run:
        report = run.apply(path)
    assert report.status == "applied" and report.rows == 3
    with engine.connect() as conn:
        numbers = {r[0] for r in conn.execute(select(credits.c.course_number))}
        kinds = [r[0] for r in conn.execute(select(exceptions.c.kind))]
    assert numbers == {course} and report.credits >= 2 and report.credits + len(kinds) >= 3


def test_a_busy_parent_holds_the_reader_back_without_using_up_its_deadline(tmp_path):
    # The queue holds two chunks, so the reader waits for the parent, which takes 0.4 s a chunk: seven
    # chunks or more (the header is looked for in the first 30 rows, which come as one) take longer
    # than the second allowed to parse, and the reading still ends well.
    ids = [str(104000 + i) for i in range(36)]
    body = "ACE ID,First Name,Last Name,Course #,Date Completed\n" + "".join(
        f"{cid},Robert,Smith,CA23456,03/05/2026\n" for cid in ids)
    path = write(tmp_path / "slow.csv", body)
    taken = []

    def busy(chunk):
        time.sleep(0.4)
        taken.append(chunk["certificant_id"])

    result = stream_file(path, limits=Limits(parse_seconds=1), on_chunk=busy, chunk_rows=1)
    assert len(taken) >= 7 and sum(taken, []) == ids and result.kind == "roster"


def test_a_failing_chunk_ends_the_reading_without_hanging(tmp_path):
    body = "ACE ID,First Name,Last Name,Course #,Date Completed\n" + "".join(
        f"10423{i % 10},Robert,Smith,CA23456,03/05/2026\n" for i in range(200))
    path = write(tmp_path / "long.csv", body)

    def refuse(chunk):
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError, match="went away"):
        stream_file(path, limits=Limits(), on_chunk=refuse, chunk_rows=1)


def test_a_streamed_workbook_without_a_header_is_refused_by_name(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    for i in range(60):  # past the rows the header is looked for in, and over several chunks
        wb.active.append([f"value {i}", i, "something else"])
    path = tmp_path / "headless.xlsx"
    wb.save(path)
    with pytest.raises(UnreadableFile, match="no recognisable header row"):
        stream_file(path, limits=Limits(), on_chunk=lambda chunk: None, chunk_rows=5)
