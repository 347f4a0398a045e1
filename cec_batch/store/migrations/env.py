"""Alembic environment: runs on the connection the program hands it."""

from __future__ import annotations

from alembic import context

from cec_batch.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the program always passes a connection
    raise RuntimeError("cec_batch migrations run through `cec-batch db upgrade`")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
