"""Record the provider a file was sent by, and how a credit was read (OCR corrections, ID typos).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("files") as batch:
        batch.add_column(sa.Column("provider", sa.String(length=200), nullable=True))
    with op.batch_alter_table("credits") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("credits") as batch:
        batch.drop_column("note")
    with op.batch_alter_table("files") as batch:
        batch.drop_column("provider")
