"""The initial schema: reference data, ledger, exceptions, files and batches.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from alembic import op

from cec_batch.store.tables import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The first revision creates the tables as they were first released. Later
# revisions must spell out their own operations (never import `metadata` again).
INITIAL_TABLES = (
    "certificants", "certifications", "courses", "batches", "files",
    "credits", "reversals", "exceptions",
)


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind, tables=[metadata.tables[t] for t in INITIAL_TABLES])


def downgrade() -> None:
    bind = op.get_bind()
    metadata.drop_all(bind, tables=[metadata.tables[t] for t in INITIAL_TABLES])
