"""What a file really was, each batch's processing date, and which batch closed an exception.

- files.format_note: the file's real format when its name says otherwise (a renamed .xls),
  for the provider's feedback.
- batches.processing_date: the date the batch worked as (--today), beside its wall-clock
  start; the monthly report counts by it. Batches from before this revision have none and are
  counted by the day they started.
- exceptions.resolved_batch_id: the batch (so the command) that closed the exception, for
  the audit trail beside resolved_by and resolved_at.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("files") as batch:
        batch.add_column(sa.Column("format_note", sa.Text(), nullable=True))
    with op.batch_alter_table("batches") as batch:
        batch.add_column(sa.Column("processing_date", sa.Date(), nullable=True))
    with op.batch_alter_table("exceptions") as batch:
        batch.add_column(sa.Column("resolved_batch_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_exceptions_resolved_batch_id_batches", "batches",
                                 ["resolved_batch_id"], ["batch_id"])


def downgrade() -> None:
    with op.batch_alter_table("exceptions") as batch:
        batch.drop_constraint("fk_exceptions_resolved_batch_id_batches", type_="foreignkey")
        batch.drop_column("resolved_batch_id")
    with op.batch_alter_table("batches") as batch:
        batch.drop_column("processing_date")
    with op.batch_alter_table("files") as batch:
        batch.drop_column("format_note")
