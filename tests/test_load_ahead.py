"""Reading a reference file ahead in a child process (load.py, readers.isolate.iter_ahead) leaves the
store as reading it in the one process does: the same rows and blocking keys, the same problems
with their file and row numbers, and a file applied whole or not at all."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from cec_batch import load
from cec_batch.errors import UnreadableFile
from cec_batch.readers import isolate, reference
from cec_batch.store import open_store

from cli_helpers import cli, write
from conftest import SAMPLES

TABLES = {"certificants": "certificant_id", "certifications": "certificant_id, certification, period_start",
          "courses": "course_number"}

# Faults of every kind the reader reports, a key given again (in another chunk: the last wins), keys
# out of order, blank lines, a blank email, a name holding the separator the pipe joins text with,
# names that go the row way (edge spaces, a zero-width mark), and a period of an unknown person.
FAULTY_CERTIFICANTS = """certificant_id,first_name,last_name,email,birth_date
104233,Robert,Smith,bob@example.com,1980-01-02
104234,Maria,Garcia,,

104235, Maria ,Garcia\u200b,MARIA2@Example.com,1981-02-30
300001,Ann,Lee,not-an-email,
104236,Jo\x1fe,O'Brien,jo@example.com,1990-12-01
,No,Id,,
104230,Zed,Early,zed@example.com,1970-01-01
104233,Bob,Smith,bob@example.com,1980-01-02
104237,Ana Lucia,de la Cruz,ana@example.com,2001-07-04T00:00:00
"""
FAULTY_CERTIFICATIONS = """certificant_id,certification,period_start,period_end
104233,Personal Trainer,2025-01-01,2026-12-31
104234,Personal Trainer,2025-01-01,2024-12-31
999999,Personal Trainer,2025-01-01,2026-12-31

104230,Health Coach,2025-03-01,2027-02-28
104233,Personal Trainer,2025-01-01,2027-06-30
104236,Health\x1fCoach,2025-01-01,not a date
104237,Health Coach,2025-01-01,2026-01-01
"""


@pytest.fixture
def ahead_calls(monkeypatch):
    """Count the files read ahead (so a test knows that path was taken)."""
    calls = []
    real = isolate.iter_ahead

    def counted(*args, **kwargs):
        calls.append(kwargs["path"])
        return real(*args, **kwargs)

    monkeypatch.setattr(isolate, "iter_ahead", counted)
    return calls


def _load_all(tmp_path: Path, name: str, files: dict[str, Path], monkeypatch, *, ahead: bool) -> tuple[list, dict]:
    monkeypatch.setattr(load, "READ_AHEAD_BYTES", 0 if ahead else 1 << 62)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))  # a core to spare, however busy the machine
    url = f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
    outputs = [cli(url, "load", kind, str(path), ok=(0, 1)).output for kind, path in files.items()]
    return outputs, _tables(url)


def _tables(url: str) -> dict[str, list]:
    engine = open_store(url)
    engine.dispose()
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        # Periods without their surrogate id: chunks of other sizes write them in another order.
        return {t: con.execute(f"SELECT {'*' if t != 'certifications' else 'certificant_id, certification, period_start, period_end'}"
                               f" FROM {t} ORDER BY {order}").fetchall() for t, order in TABLES.items()}
    finally:
        con.close()


@pytest.mark.parametrize("chunk_rows", [1, 2, 100_000])
def test_sample_registry_loads_the_same_read_ahead(tmp_path, monkeypatch, ahead_calls, chunk_rows):
    monkeypatch.setattr(load, "AHEAD_CHUNK_ROWS", chunk_rows)
    files = {kind: SAMPLES / "reference" / f"{kind}.csv" for kind in TABLES}
    plain = _load_all(tmp_path, "plain", files, monkeypatch, ahead=False)
    assert ahead_calls == []
    ahead = _load_all(tmp_path, "ahead", files, monkeypatch, ahead=True)
    assert ahead_calls == list(files.values())
    assert ahead == plain
    assert len(plain[1]["certificants"]) == 237 and all(row[5] for row in plain[1]["certificants"])


@pytest.mark.parametrize("chunk_rows", [1, 3, 100_000])
def test_faulty_files_report_the_same_problems_read_ahead(tmp_path, monkeypatch, ahead_calls, chunk_rows):
    monkeypatch.setattr(load, "AHEAD_CHUNK_ROWS", chunk_rows)
    files = {"certificants": write(tmp_path / "c.csv", FAULTY_CERTIFICANTS),
             "certifications": write(tmp_path / "p.csv", FAULTY_CERTIFICATIONS)}
    plain = _load_all(tmp_path, "plain", files, monkeypatch, ahead=False)
    ahead = _load_all(tmp_path, "ahead", files, monkeypatch, ahead=True)
    assert len(ahead_calls) == 2
    assert ahead == plain
    outputs, tables = ahead
    assert "c.csv row 6: email 'not-an-email' is not an email address" in outputs[0]
    assert "c.csv row 5: birth_date '1981-02-30' is not a date YYYY-MM-DD" in outputs[0]
    assert "c.csv row 8: certificant_id is missing" in outputs[0]
    assert "p.csv row 3: period_end 2024-12-31 is before period_start 2025-01-01" in outputs[1]
    assert "certificant 999999 (Personal Trainer) is not in the registry" in outputs[1]
    people = {row[0]: row for row in tables["certificants"]}
    assert people["104233"][1] == "Bob" and people["104234"][3] is None and people["104236"][1] == "Jo\x1fe"
    assert ("104233", "Personal Trainer", "2025-01-01", "2027-06-30") in tables["certifications"]


def test_a_file_unreadable_after_its_first_chunks_loads_nothing_read_ahead(tmp_path, monkeypatch, ahead_calls):
    # The csv module refuses a cell over its field limit: rows 2-4 were read (and written) before.
    monkeypatch.setattr(load, "AHEAD_CHUNK_ROWS", 1)
    body = FAULTY_CERTIFICANTS.splitlines()
    path = write(tmp_path / "c.csv", "\n".join(body[:4] + ['104299,"' + "x" * 200_000 + '",Long,,'] + body[4:]) + "\n")
    plain = _load_all(tmp_path, "plain", {"certificants": path}, monkeypatch, ahead=False)
    ahead = _load_all(tmp_path, "ahead", {"certificants": path}, monkeypatch, ahead=True)
    assert ahead_calls == [path]
    assert ahead == plain
    assert "cannot be read as CSV after row" in ahead[0][0] and ahead[1]["certificants"] == []


_REAL_AHEAD = load._ahead_chunks


def _dies_after_one_chunk(file, kind):
    """In the child: the first chunk, then the process ends without a word (as a killed reader would)."""
    yield next(_REAL_AHEAD(file, kind))
    os._exit(3)


def test_a_reader_that_dies_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "AHEAD_CHUNK_ROWS", 1)
    monkeypatch.setattr(load, "_ahead_chunks", _dies_after_one_chunk)
    url = f"sqlite:///{tmp_path / 'died.sqlite3'}"
    path = SAMPLES / "reference" / "certificants.csv"
    with pytest.raises(UnreadableFile, match="stopped without an answer"):
        load.load_reference(lambda: open_store(url), "certificants", path, read_ahead=True)
    assert _tables(url)["certificants"] == []


def test_reads_ahead_only_large_files_into_sqlite_with_a_core_to_spare(tmp_path, monkeypatch):
    path = write(tmp_path / "c.csv", FAULTY_CERTIFICANTS)
    monkeypatch.setattr(load, "READ_AHEAD_BYTES", path.stat().st_size)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.9, 3.0, 3.0))
    assert load.reads_ahead("sqlite:///x.sqlite3", path)
    assert not load.reads_ahead("postgresql+psycopg://u@h/db", path)
    monkeypatch.setattr(os, "getloadavg", lambda: (2.0, 0.5, 0.5))  # every core busy: no gain
    assert not load.reads_ahead("sqlite:///x.sqlite3", path)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.9, 3.0, 3.0))
    monkeypatch.setattr(load, "READ_AHEAD_BYTES", path.stat().st_size + 1)
    assert not load.reads_ahead("sqlite:///x.sqlite3", path)
    assert not load.reads_ahead("sqlite:///x.sqlite3", tmp_path / "missing.csv")


class _Text(str):
    pass


@pytest.mark.parametrize("values", [
    ["a", "", None, "b"], [None], [""], [], ["a\x1fb", "c"], ["a", _Text("b")], ["a", 1, None],
])
def test_text_columns_cross_the_pipe_unchanged(values):
    back = isolate._unpack_list(isolate._pack_objects(values))
    assert back == values and list(map(type, back)) == list(map(type, values))


def _children() -> list[str]:
    return [pid for task in Path("/proc/self/task").iterdir() for pid in (task / "children").read_text().split()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="Linux /proc")
def test_a_store_that_cannot_be_opened_ends_the_reader(monkeypatch):
    monkeypatch.setattr(load, "AHEAD_CHUNK_ROWS", 1)  # the child has more chunks to send

    def no_store():
        raise RuntimeError("the store cannot be opened")

    with pytest.raises(RuntimeError, match="cannot be opened"):
        load.load_reference(no_store, "certificants", SAMPLES / "reference" / "certificants.csv", read_ahead=True)
    assert _children() == []
