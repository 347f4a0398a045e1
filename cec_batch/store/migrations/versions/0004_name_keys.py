"""Blocking keys on certificants (surname, first name, two Soundex keys), indexed, filled for existing rows.

Matching looks a file's people up through these indexes instead of reading the whole
registry (see store.registry). `load` keeps them up to date from now on.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("certificants") as batch:
        batch.add_column(sa.Column("surname_key", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("first_key", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("sound_key", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("first_sound", sa.String(length=8), nullable=True))
    op.create_index("ix_certificants_name", "certificants", ["surname_key", "first_key"])
    op.create_index("ix_certificants_sound_key", "certificants", ["sound_key"])
    op.create_index("ix_certificants_first_sound", "certificants", ["first_sound"])
    from cec_batch.store.refdata import fill_name_keys

    fill_name_keys(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_certificants_first_sound", table_name="certificants")
    op.drop_index("ix_certificants_sound_key", table_name="certificants")
    op.drop_index("ix_certificants_name", table_name="certificants")
    with op.batch_alter_table("certificants") as batch:
        batch.drop_column("first_sound")
        batch.drop_column("sound_key")
        batch.drop_column("first_key")
        batch.drop_column("surname_key")
