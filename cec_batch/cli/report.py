"""Report commands: the monthly compliance workbook."""

from __future__ import annotations

from cec_batch.cli import main  # noqa: F401
