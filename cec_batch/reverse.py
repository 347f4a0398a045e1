"""Reversing a posted credit (R24): the credit stays in the ledger, and a reversal row says why."""

from __future__ import annotations

from datetime import date
from typing import Callable

from sqlalchemy import Engine

from cec_batch.errors import CecError, UsageError
from cec_batch.store import ledger


class AlreadyReversed(CecError):
    """The credit was reversed before: a credit is reversed once (R24)."""


def reverse_credit(open_engine: Callable[[], Engine], credit_id: int, reason: str, *, operator: str, today: date,
                   dry_run: bool = False) -> dict:
    """Reverse CREDIT_ID for REASON in a batch of its own; the summary of what was done (rolled back if DRY_RUN).

    OPEN_ENGINE opens the store, once the reason is known to be given. Raises UsageError when
    the reason is empty or the credit does not exist, AlreadyReversed when it stands reversed already.
    """
    reason = reason.strip()
    if not reason:
        raise UsageError("--reason must say why the credit is reversed")
    with ledger.write_transaction(open_engine()) as conn:
        credit = ledger.credit_by_id(conn, credit_id)
        if credit is None:
            raise UsageError(f"credit {credit_id} does not exist")
        if credit["reversal_id"] is not None:
            raise AlreadyReversed(f"credit {credit_id} is already reversed ({credit['reversal_reason']})")
        batch_id = ledger.start_batch(conn, "reverse", operator, today)
        reversal_id = ledger.insert_reversal(conn, credit_id, reason, operator, batch_id)
        summary = {"credit_id": credit_id, "reversal_id": reversal_id, "batch_id": batch_id,
                   "certificant_id": credit["certificant_id"], "course_number": credit["course_number"],
                   "ceus": str(credit["ceus"]), "reason": reason, "dry_run": dry_run}
        ledger.finish_batch(conn, batch_id, "done", summary)
        if dry_run:
            conn.rollback()
    return summary
