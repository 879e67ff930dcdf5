"""People's e-mail addresses, for invitations (kept in the database only, never in the agenda file)

Revision ID: 0010_people_email
Revises: 0009_document_symbols
Create Date: 2026-12-07 01:20:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_people_email'
down_revision = '0009_document_symbols'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email', sa.String(length=254), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('email')
