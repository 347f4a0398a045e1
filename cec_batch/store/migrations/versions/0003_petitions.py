"""Petitions for courses that are not pre-approved (R21-R23) and their supporting documents.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('petitions',
    sa.Column('petition_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('certificant_id', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('completion_date', sa.Date(), nullable=False),
    sa.Column('basis', sa.String(length=16), nullable=False),
    sa.Column('hours', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('university_extension', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('grade', sa.String(length=8), nullable=True),
    sa.Column('activity', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('computed_ceus', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='pending', nullable=False),
    sa.Column('decided_ceus', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('decided_by', sa.String(length=100), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('credit_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("basis IN ('contact_hours','semester_hours','quarter_hours')", name=op.f('ck_petitions_basis')),
    sa.CheckConstraint("status IN ('pending','approved','denied')", name=op.f('ck_petitions_status')),
    sa.CheckConstraint('hours > 0', name=op.f('ck_petitions_positive_hours')),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.batch_id'], name=op.f('fk_petitions_batch_id_batches')),
    sa.ForeignKeyConstraint(['certificant_id'], ['certificants.certificant_id'], name=op.f('fk_petitions_certificant_id_certificants')),
    sa.ForeignKeyConstraint(['credit_id'], ['credits.credit_id'], name=op.f('fk_petitions_credit_id_credits')),
    sa.PrimaryKeyConstraint('petition_id', name=op.f('pk_petitions'))
    )
    op.create_index('ix_petitions_certificant', 'petitions', ['certificant_id'], unique=False)
    op.create_index('ix_petitions_status', 'petitions', ['status'], unique=False)
    op.create_table('petition_documents',
    sa.Column('document_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=500), nullable=False),
    sa.Column('archive_path', sa.String(length=1000), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.petition_id'], name=op.f('fk_petition_documents_petition_id_petitions')),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_petition_documents')),
    sa.UniqueConstraint('petition_id', 'sha256', name='uq_petition_documents_file')
    )
    op.create_index('ix_petition_documents_sha256', 'petition_documents', ['sha256'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_petition_documents_sha256', table_name='petition_documents')
    op.drop_table('petition_documents')
    op.drop_index('ix_petitions_status', table_name='petitions')
    op.drop_index('ix_petitions_certificant', table_name='petitions')
    op.drop_table('petitions')
