"""Two indexes no query uses, dropped: every load of the registry paid to build or keep them.

- ix_certificants_last_name: people are looked up by ID, email and the blocking keys
  (surname_key, first_key, the two sound keys: store.registry); nothing searches last_name.
- ix_certifications_certificant: periods are read by certificant_id, which leads the unique
  index of uq_certifications_period (certificant_id, certification, period_start), and that
  index serves those look-ups (tests/test_unused_indexes.py asks each store's planner).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_certificants_last_name", table_name="certificants")
    op.drop_index("ix_certifications_certificant", table_name="certifications")


def downgrade() -> None:
    op.create_index("ix_certifications_certificant", "certifications", ["certificant_id"], unique=False)
    op.create_index("ix_certificants_last_name", "certificants", ["last_name"], unique=False)
