"""The document symbol of a conference, per language (the agenda file's optional `symbol`)

Revision ID: 0009_document_symbols
Revises: 0008_list_of_speakers
Create Date: 2026-12-07 01:20:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_document_symbols'
down_revision = '0008_list_of_speakers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing conferences have no symbol: an empty table of texts.
    with op.batch_alter_table('conferences', schema=None) as batch_op:
        batch_op.add_column(sa.Column('symbol', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))


def downgrade() -> None:
    with op.batch_alter_table('conferences', schema=None) as batch_op:
        batch_op.drop_column('symbol')
