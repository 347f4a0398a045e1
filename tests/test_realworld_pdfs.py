"""Every PDF of the real-world corpus ends as a ReadResult or an UnreadableFile.

The corpus (shared/corpus/realworld, see its README) holds other people's test fixtures:
encrypted, malformed, fuzzed, image-only, rotated and huge PDFs. None is a certificate;
none may crash the reader, hang it or raise anything but UnreadableFile (R20). Each file
is read in a forked child under the parse limits, as in production (readers.isolate);
OCR is capped at the first page of each file to keep the suite quick.
"""

from __future__ import annotations

import functools
import math
import time
from pathlib import Path

import pytest

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.model import ROW_FIELDS, ReadResult
from cec_batch.readers.certificate_pdf import read_certificates
from cec_batch.readers.isolate import run_isolated

PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "realworld" / "pdf"
LIMITS = Limits(parse_seconds=60)
MAX_PAGES = 1      # production reads every page; here the first shows the reader copes

FILES = sorted(p.name for p in PDFS.iterdir()) if PDFS.is_dir() else []

# What the isolation (or the reader's last-resort catch) says when the child crashed, hung or
# raised something unexpected: for this corpus those are failures of the reader, not outcomes.
FAILURES = ("crashed reading it", "stopped without an answer", "took longer than", "could not be read (")

# Files whose outcome is known (the corpus README lists their passwords; PROBE.tsv their sizes).
EXPECTED_REASONS = {
    "pdfplumber_password-example.pdf": "needs a password",
    "pypdf_encrypted-file.pdf": "needs a password",
    "pypdf_crazyones-encrypted-256.pdf": "needs a password",
    "pypdf_encryption_r2-user-password.pdf": "needs a password",
    "pypdf_libreoffice-writer-password.pdf": "needs a password",
    "camelot_health_protected.pdf": "needs a password",
    "pypdf_encryption_r6-empty-password.pdf": None,  # empty user password: opens without one
    "ocrmypdf_invalid.pdf": "not a PDF, or damaged beyond repair",
    "pdfplumber_empty.pdf": "empty file (0 bytes)",
    "ocrmypdf_hugemono.pdf": "too large to render",
}


@pytest.mark.skipif(not PDFS.is_dir(), reason=f"real-world corpus not found at {PDFS}")
@pytest.mark.parametrize("name", FILES)
def test_realworld_pdf_is_read_or_reported(name, tmp_path):
    path = PDFS / name
    started = time.monotonic()
    func = functools.partial(read_certificates, path, limits=LIMITS, image_dir=tmp_path, max_pages=MAX_PAGES)
    try:
        result = run_isolated(func, limits=LIMITS, path=path, crash_label="the PDF library")
    except UnreadableFile as exc:
        assert exc.path == path
        assert exc.reason and "\n" not in exc.reason
        assert not any(f in exc.reason for f in FAILURES), exc.reason
        outcome = exc.reason
    else:
        assert isinstance(result, ReadResult) and result.kind == "certificate"
        assert list(result.rows.columns) == list(ROW_FIELDS)
        assert not any(isinstance(v, float) and math.isnan(v) for v in result.rows.to_numpy().ravel())
        assert result.rows["location"].map(lambda loc: isinstance(loc, str) and loc.startswith("page ")).all()
        # Nothing here is a certificate: a page the reader would post without review is a false reading.
        confident = result.rows[result.rows["review"].isna()]
        assert confident.empty, confident[["location", "full_name", "course_number", "completion_date"]]
        outcome = None
    assert time.monotonic() - started < LIMITS.parse_seconds + 5
    if name in EXPECTED_REASONS:
        want = EXPECTED_REASONS[name]
        if want is None:
            assert outcome is None, outcome
        else:
            assert outcome is not None and want in outcome, outcome
