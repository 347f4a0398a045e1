"""The readers' registry: every input file is shown to each registered reader, and exactly one must claim it."""

from __future__ import annotations

import pytest

from cec_batch import readers
from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.readers import READERS, Reader, identify, read_file, register

from conftest import SAMPLES


def sample_inputs():
    return sorted(p for d in ("rosters", "certificates") for p in (SAMPLES / d).iterdir()
                  if p.suffix.lower() not in (".py", ".md"))


@pytest.mark.parametrize("path", sample_inputs(), ids=lambda p: p.name)
def test_every_sample_is_claimed_by_one_reader_of_its_kind(path):
    claimed = [r.kind for r in READERS if r.identify(path)]
    want = "certificate" if path.suffix == ".pdf" else "roster"
    if path.name == "corrupt_truncated.xlsx":
        assert claimed in ([], [want])  # a broken workbook may be refused before any reader
    else:
        assert claimed == [want] and identify(path).kind == want


def test_a_file_two_readers_claim_is_unreadable_and_the_message_names_both(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("ACE ID,Name,Course Number,Date\n100001,Ann Lee,CA23456,03/05/2026\n", encoding="utf-8")
    greedy = register(Reader("ledger", lambda path: True, lambda path, **kw: None, "nothing"))
    try:
        with pytest.raises(UnreadableFile) as err:
            read_file(roster, limits=Limits())
    finally:
        READERS.remove(greedy)
    message = str(err.value)
    assert "the roster reader" in message and "the ledger reader" in message
    assert readers.sniff_kind(roster) == "roster"  # and alone again, the roster reader has it


def test_a_file_no_reader_claims_says_what_it_appears_to_be(tmp_path):
    png = tmp_path / "roster.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with pytest.raises(UnreadableFile, match="image"):
        identify(png)
