"""Registrations of participants and each conference's registration settings

Revision ID: 0007_registrations
Revises: 0006
Create Date: 2026-12-07 01:08:55.869872
"""
from alembic import op
import sqlalchemy as sa
import conference.db


revision = '0007_registrations'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('registration_settings',
    sa.Column('conference_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('opens_at', conference.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closes_at', conference.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('retention_days', sa.Integer(), nullable=False),
    sa.Column('modified_at', conference.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('conference_id')
    )
    op.create_table('registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_latin', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('function', sa.String(length=200), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('delegation', sa.String(length=200), nullable=False),
    sa.Column('group', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('email_key', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('gender', sa.String(length=20), nullable=True),
    sa.Column('needs', sa.String(length=1000), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('token_expires_at', conference.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('source_key', sa.String(length=64), nullable=False),
    sa.Column('created_at', conference.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('confirmed_at', conference.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_at', conference.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decision_reason', sa.String(length=1000), nullable=False),
    sa.Column('person_key', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_conference_status', ['conference_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_email_key'), ['email_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_source_key'), ['source_key'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registrations_source_key'))
        batch_op.drop_index(batch_op.f('ix_registrations_email_key'))
        batch_op.drop_index(batch_op.f('ix_registrations_created_at'))
        batch_op.drop_index('ix_registrations_conference_status')

    op.drop_table('registrations')
    op.drop_table('registration_settings')
