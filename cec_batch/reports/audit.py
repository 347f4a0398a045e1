"""The audit trail as a workbook (`cec-batch audit --out FILE.xlsx`): one row per change."""

from __future__ import annotations

from pathlib import Path

from cec_batch.reports.export import write_table
from cec_batch.store.audit import COLUMNS


def write_audit_workbook(out: Path, events: list[dict]) -> int:
    """Write EVENTS (store.audit.audit_events) to OUT, oldest first; returns the number of rows."""
    return write_table(out, COLUMNS, ([e[c] for c in COLUMNS] for e in events), sheet="Audit trail",
                       numeric=("batch_id", "credit_id", "exception_id"))
