"""The column-wise pass over reference files must accept only what the row checks accept, unchanged.

Every record the fast pass takes must be one the row check (`_certificant`, `_certification`) takes,
giving the same values of the same types; every other record goes the row way. So a reference file
loads the same rows, with the same problems, whichever way each of its rows went.
"""

from __future__ import annotations

import csv

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cec_batch.readers import reference
from cec_batch.readers.reference import COLUMNS, read_reference

from conftest import SAMPLES

FAST_KINDS = ("certificants", "certifications")


def row_path(kind: str, header: list[str], records: list[list]) -> list[dict | str]:
    """What the row checks alone make of each record: its checked row, or its problem text."""
    names = COLUMNS[kind]
    where = [header.index(c) if c in header else None for c in names]
    out = []
    for record in records:
        try:
            out.append(reference._CHECKS[kind](reference._row_values(names, where, record)))
        except ValueError as exc:
            out.append(str(exc))
    return out


def assert_fast_agrees(kind: str, header: list[str], records: list[list]) -> int:
    """Each record the fast pass takes, the row check takes with the same values; how many it took."""
    names = COLUMNS[kind]
    where = [header.index(c) if c in header else None for c in names]
    taken, others = reference._FAST[kind](reference._raw_columns(names, where, records))
    slow = row_path(kind, header, records)
    for k, record in enumerate(records):
        if k in others:
            continue
        fast = {name: taken[name][k] for name in names}
        assert isinstance(slow[k], dict), (record, slow[k])
        assert fast == slow[k], record
        assert [type(v) for v in fast.values()] == [type(v) for v in slow[k].values()], record
    return len(records) - len(others)


def sample_records(kind: str) -> tuple[list[str], list[list]]:
    with open(SAMPLES / "reference" / f"{kind}.csv", encoding="utf-8-sig", newline="") as fh:
        header, *records = list(csv.reader(fh))
    return header, [r for r in records if r]


@pytest.mark.parametrize("kind", FAST_KINDS)
def test_fast_pass_agrees_with_the_row_checks_on_every_sample_row(kind):
    header, records = sample_records(kind)
    assert assert_fast_agrees(kind, header, records) == len(records)  # the samples are plain: all taken


# Cells near the edges of what the row checks accept as they are.
SPACES = ["", " ", "\t", "\u00a0", "\u200b", "\ufeff", "\u3000", "\x1f", "\n"]
IDS = ["104233", "00123", "A12", "#104233", "104233.0", "104 233", "１０４２３３", "x", "-1", "1e3", "Ⅻ"]
NAMES = ["Ann", "O'Brien", "José", "van der Berg", "Zoë-Ann", "李", "A", "  ", "\u200b", "N/A", "x\ny"]
EMAILS = ["ann@example.com", "Ann@Example.com", "mailto:a@b.org", "<a@b.org>", "Ann Lee <a@b.org>",
          "a@b@c", "not-an-email", "a@", "@b", "a b@c.d", "a@b.org;", "ａ@b.org", "a+tag@b-c.org",
          "a@b.org\nc@d.org", "\na@b.org"]
DATES = ["2024-02-29", "2023-02-29", "2023-02-30", "2023-1-5", "2023-01-01T10:00", "2023-01-01 09:00:00",
         "２０２３-01-01", "01/02/2023", "2023-13-01", "0000-01-01", "9999-12-31", "20230101", "2023-W01-1"]


def cell(base: list[str]):
    """A cell: one of BASE (or arbitrary text), with white space or zero-width marks around it at times."""
    core = st.one_of(st.sampled_from(base), st.text(max_size=8))
    edge = st.sampled_from([""] * len(SPACES) + SPACES)  # as often bare as not
    return st.builds(lambda before, text, after: before + text + after, edge, core, edge)


PLAIN = {  # cells the fast pass takes
    "certificants": (["104233", "00123", "A12"], ["Ann", "O'Brien", "José", "van der Berg", "李"],
                     ["Lee", "Zoë-Ann", "de la Cruz"], ["ann@example.com", "a+tag@b-c.org", ""],
                     ["1980-01-02", "2024-02-29", ""]),
    "certifications": (["104233", "00123"], ["Personal Trainer", "Group Fitness Instructor"],
                       ["2024-01-01", "2024-02-29"], ["2025-12-31", "2024-02-29", "2023-12-31"]),
}
TRICKY = {
    "certificants": (cell(IDS), cell(NAMES), cell(NAMES), cell(EMAILS + [""]), cell(DATES + [""])),
    "certifications": (cell(IDS), cell(NAMES + ["Personal Trainer"]), cell(DATES), cell(DATES)),
}


@st.composite
def records(draw, kind: str):
    """A plain record of KIND with at times one cell made tricky, or cut short, or given a cell too many."""
    cells = [draw(st.sampled_from(values)) for values in PLAIN[kind]]
    if draw(st.booleans()):
        j = draw(st.integers(min_value=0, max_value=len(cells) - 1))
        cells[j] = draw(TRICKY[kind][j])
    cut = draw(st.sampled_from([len(cells)] * 6 + list(range(len(cells) + 2))))
    return cells[:cut] if cut < len(cells) else cells + ["extra"] * (cut - len(cells))


@pytest.mark.parametrize("kind", FAST_KINDS)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_pass_takes_only_what_the_row_checks_take_unchanged(kind, data):
    batch = data.draw(st.lists(records(kind), min_size=1, max_size=12))
    assert_fast_agrees(kind, list(COLUMNS[kind]), batch)


@pytest.mark.parametrize("kind", FAST_KINDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_file_reads_as_the_row_checks_alone_read_it(kind, data, tmp_path_factory, monkeypatch):
    # Mixed batches: plain rows (the fast way) among tricky ones (the row way); rows and problems
    # come out in file order, with the file's row numbers, whatever the batch size.
    plain = {"certificants": ["1001", "Ann", "Lee", "ann@example.com", "1980-01-02"],
             "certifications": ["1001", "Personal Trainer", "2024-01-01", "2025-12-31"]}[kind]
    body = data.draw(st.lists(st.one_of(st.just(plain), records(kind)), min_size=1, max_size=15))
    monkeypatch.setattr(reference, "BATCH_ROWS", data.draw(st.integers(min_value=1, max_value=6)))
    path = tmp_path_factory.mktemp("ref") / f"{kind}.csv"
    header = list(COLUMNS[kind])
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *body])
    with open(path, encoding="utf-8", newline="") as fh:
        written = list(csv.reader(fh))[1:]  # as the csv module reads them back (e.g. a lone "" cell)
    loaded = read_reference(path, kind)
    expected = row_path(kind, header, [r for r in written if r])
    numbers = [i for i, r in enumerate(written, start=2) if r]
    assert loaded.rows == [r for r in expected if isinstance(r, dict)]
    assert loaded.problems == [f"{path.name} row {i}: {r}" for i, r in zip(numbers, expected) if isinstance(r, str)]
