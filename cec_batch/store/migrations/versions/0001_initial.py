"""The initial schema: reference data, ledger, exceptions, files and batches.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('batches',
    sa.Column('batch_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('command', sa.String(length=40), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), server_default='running', nullable=False),
    sa.Column('summary', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('batch_id', name=op.f('pk_batches'))
    )
    op.create_table('certificants',
    sa.Column('certificant_id', sa.String(length=32), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('certificant_id', name=op.f('pk_certificants'))
    )
    op.create_index('ix_certificants_email', 'certificants', ['email'], unique=False)
    op.create_index('ix_certificants_last_name', 'certificants', ['last_name'], unique=False)
    op.create_table('courses',
    sa.Column('course_number', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('ceus', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('approved_from', sa.Date(), nullable=False),
    sa.Column('approved_to', sa.Date(), nullable=True),
    sa.CheckConstraint("category IN ('standard','event','cpr','aed','first_aid','activity')", name=op.f('ck_courses_category')),
    sa.PrimaryKeyConstraint('course_number', name=op.f('pk_courses'))
    )
    op.create_table('certifications',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('certificant_id', sa.String(length=32), nullable=False),
    sa.Column('certification', sa.String(length=100), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.CheckConstraint('period_end >= period_start', name=op.f('ck_certifications_period_order')),
    sa.ForeignKeyConstraint(['certificant_id'], ['certificants.certificant_id'], name=op.f('fk_certifications_certificant_id_certificants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certifications')),
    sa.UniqueConstraint('certificant_id', 'certification', 'period_start', name='uq_certifications_period')
    )
    op.create_index('ix_certifications_certificant', 'certifications', ['certificant_id'], unique=False)
    op.create_table('files',
    sa.Column('file_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=500), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('rows', sa.Integer(), server_default='0', nullable=False),
    sa.Column('archive_path', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.batch_id'], name=op.f('fk_files_batch_id_batches')),
    sa.PrimaryKeyConstraint('file_id', name=op.f('pk_files')),
    sa.UniqueConstraint('sha256', name=op.f('uq_files_sha256'))
    )
    op.create_table('credits',
    sa.Column('credit_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('certificant_id', sa.String(length=32), nullable=False),
    sa.Column('course_number', sa.String(length=16), nullable=False),
    sa.Column('generation', sa.Integer(), server_default='0', nullable=False),
    sa.Column('completion_date', sa.Date(), nullable=False),
    sa.Column('ceus', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=True),
    sa.Column('source_file', sa.String(length=500), server_default='', nullable=False),
    sa.Column('source_location', sa.String(length=100), server_default='', nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('ceus > 0', name=op.f('ck_credits_positive')),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.batch_id'], name=op.f('fk_credits_batch_id_batches')),
    sa.ForeignKeyConstraint(['certificant_id'], ['certificants.certificant_id'], name=op.f('fk_credits_certificant_id_certificants')),
    sa.ForeignKeyConstraint(['file_id'], ['files.file_id'], name=op.f('fk_credits_file_id_files')),
    sa.PrimaryKeyConstraint('credit_id', name=op.f('pk_credits')),
    sa.UniqueConstraint('certificant_id', 'course_number', 'generation', name='uq_credits_standing')
    )
    op.create_index('ix_credits_batch', 'credits', ['batch_id'], unique=False)
    op.create_index('ix_credits_certificant_date', 'credits', ['certificant_id', 'completion_date'], unique=False)
    op.create_table('exceptions',
    sa.Column('exception_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('rule', sa.String(length=8), server_default='', nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=True),
    sa.Column('source_file', sa.String(length=500), server_default='', nullable=False),
    sa.Column('source_location', sa.String(length=100), server_default='', nullable=False),
    sa.Column('certificant_ref', sa.String(length=300), server_default='', nullable=False),
    sa.Column('certificant_id', sa.String(length=32), nullable=True),
    sa.Column('course_number', sa.String(length=64), server_default='', nullable=False),
    sa.Column('completion_date', sa.Date(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('credit_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), server_default='open', nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=100), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.batch_id'], name=op.f('fk_exceptions_batch_id_batches')),
    sa.ForeignKeyConstraint(['credit_id'], ['credits.credit_id'], name=op.f('fk_exceptions_credit_id_credits')),
    sa.ForeignKeyConstraint(['file_id'], ['files.file_id'], name=op.f('fk_exceptions_file_id_files')),
    sa.PrimaryKeyConstraint('exception_id', name=op.f('pk_exceptions'))
    )
    op.create_index('ix_exceptions_status_kind', 'exceptions', ['status', 'kind'], unique=False)
    op.create_table('reversals',
    sa.Column('reversal_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('credit_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('reversed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.batch_id'], name=op.f('fk_reversals_batch_id_batches')),
    sa.ForeignKeyConstraint(['credit_id'], ['credits.credit_id'], name=op.f('fk_reversals_credit_id_credits')),
    sa.PrimaryKeyConstraint('reversal_id', name=op.f('pk_reversals')),
    sa.UniqueConstraint('credit_id', name=op.f('uq_reversals_credit_id'))
    )


def downgrade() -> None:
    op.drop_table('reversals')
    op.drop_index('ix_exceptions_status_kind', table_name='exceptions')
    op.drop_table('exceptions')
    op.drop_index('ix_credits_certificant_date', table_name='credits')
    op.drop_index('ix_credits_batch', table_name='credits')
    op.drop_table('credits')
    op.drop_table('files')
    op.drop_index('ix_certifications_certificant', table_name='certifications')
    op.drop_table('certifications')
    op.drop_table('courses')
    op.drop_index('ix_certificants_last_name', table_name='certificants')
    op.drop_index('ix_certificants_email', table_name='certificants')
    op.drop_table('certificants')
    op.drop_table('batches')
