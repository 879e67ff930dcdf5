"""Lists of speakers, their entries and focal points

Revision ID: 0008_list_of_speakers
Revises: 0007_registrations
Create Date: 2026-12-07 01:11:35.303881
"""
from alembic import op
import sqlalchemy as sa
import conference.db


revision = '0008_list_of_speakers'
down_revision = '0007_registrations'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('focal_points',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('person_key', sa.String(length=80), nullable=False),
    sa.Column('delegation', sa.String(length=200), nullable=False),
    sa.Column('named_at', conference.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('link_id', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conference_id', 'person_key', name='uq_focal_points_person')
    )
    op.create_table('speakers_lists',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('session_key', sa.String(length=80), nullable=False),
    sa.Column('opens_at', conference.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closes_at', conference.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('confirmed_revision', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', conference.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('modified_at', conference.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conference_id', 'session_key', name='uq_speakers_lists_session')
    )
    op.create_table('speakers_list_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('person_key', sa.String(length=80), nullable=False),
    sa.Column('delegation', sa.String(length=200), nullable=False),
    sa.Column('group', sa.String(length=40), nullable=False),
    sa.Column('level', sa.String(length=24), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('placed', sa.Boolean(), nullable=False),
    sa.Column('after', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('merged_into', sa.Integer(), nullable=True),
    sa.Column('joint', sa.JSON(), nullable=False),
    sa.Column('inscribed_at', conference.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('inscribed_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['speakers_lists.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('speakers_list_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speakers_list_entries_list_id'), ['list_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('speakers_list_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speakers_list_entries_list_id'))

    op.drop_table('speakers_list_entries')
    op.drop_table('speakers_lists')
    op.drop_table('focal_points')
