"""cec_batch: continuing-education credits, from rosters and certificates to a ledger."""

__version__ = "0.1.0"
