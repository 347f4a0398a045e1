"""Every spreadsheet and CSV of the real-world corpus ends as a ReadResult or an UnreadableFile.

The corpus (shared/corpus/realworld, see its README) holds other people's test fixtures:
encrypted, corrupt, mislabelled and hostile files. None may crash the batch, hang it or
raise anything but UnreadableFile.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import pytest

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.model import ROW_FIELDS, ReadResult
from cec_batch.readers import read_file

SHEETS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "realworld" / "sheets"
LIMITS = Limits(parse_seconds=20)

FILES = sorted(p.name for p in SHEETS.iterdir()) if SHEETS.is_dir() else []

# Files whose outcome is known (see the corpus's PROBE.tsv and measurements.md).
EXPECTED_REASONS = {
    "openpyxl_null_file.xlsx": "empty file (0 bytes)",
    "roo_emptysheets.csv": "empty file (0 bytes)",
    "calamine_pass_protected.xlsx": "password-protected workbook",
    "calamine_pass_protected.ods": "password-protected workbook",
    "calamine_pass_protected.xlsb": "password-protected workbook",
    "msoffcrypto_example_password.xlsx": "password-protected workbook",
    "msoffcrypto_rc4cryptoapi_password.xls": "password-protected workbook",
    "msoffcrypto_xor_password_123456789012345.xls": "password-protected workbook",
    "roo_encrypted-letmein.ods": "password-protected workbook",
    "edr_EmptyZipFile.xlsx": "not a spreadsheet: a ZIP archive without a workbook in it",
    "edr_Test_git_issue_382_oom.xls": "needed more than",  # calamine aborts the process on this one
    "edr_Test_Issue_12556_corrupt.xls": "crashed reading it (PanicException",
    "calamine_issue_594_dos.ods": "too large to read",
    "roo_no_spreadsheet_file.txt": "no recognisable header row",
}
# Strict OOXML: openpyxl finds no sheets here; these must be read (their sheets just lack a roster header).
STRICT_OOXML = ("calamine_strict_iso_paths.xlsx", "edr_strict_TestOpen.xlsx", "roo_strict.xlsx")


@pytest.mark.skipif(not SHEETS.is_dir(), reason=f"real-world corpus not found at {SHEETS}")
@pytest.mark.parametrize("name", FILES)
def test_realworld_file_is_read_or_reported(name):
    path = SHEETS / name
    started = time.monotonic()
    try:
        result = read_file(path, limits=LIMITS)
    except UnreadableFile as exc:
        assert exc.path == path
        assert exc.reason and "\n" not in exc.reason
        outcome = exc.reason
    else:
        assert isinstance(result, ReadResult) and result.kind == "roster"
        assert list(result.rows.columns) == list(ROW_FIELDS)
        assert all(dtype == object for dtype in result.rows.dtypes)
        assert not any(isinstance(v, float) and math.isnan(v) for v in result.rows.to_numpy().ravel())
        assert result.rows["location"].map(lambda loc: isinstance(loc, str) and loc.startswith("row ")).all()
        outcome = None
    assert time.monotonic() - started < LIMITS.parse_seconds + 5
    if name in EXPECTED_REASONS:
        assert outcome is not None and EXPECTED_REASONS[name] in outcome, outcome
    if name in STRICT_OOXML:
        assert outcome is None or "no recognisable header row" in outcome, outcome
