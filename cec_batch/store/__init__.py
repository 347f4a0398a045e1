"""The store: tables, schema versions and every SQL statement of the program."""

from cec_batch.store.db import open_store  # noqa: F401
