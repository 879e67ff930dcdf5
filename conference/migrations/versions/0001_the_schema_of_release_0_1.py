"""The schema of release 0.1

Revision ID: 0001
Revises: 
The tables of release 0.1, as its create_all made them.
Create Date: 2026-11-30 22:53:44.397882
"""
from alembic import op
import sqlalchemy as sa
import conference.db


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Release 0.1 made its tables with create_all, before migrations: such a database is adopted
    # by creating only what it lacks (a table's indexes come with the table).
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if 'conferences' not in existing:
        op.create_table('conferences',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('title', sa.JSON(), nullable=False),
        sa.Column('timezone', sa.String(length=64), nullable=False),
        sa.Column('languages', sa.JSON(), nullable=False),
        sa.Column('platform_url', sa.String(length=500), nullable=False),
        sa.Column('floor_listen_url', sa.String(length=500), nullable=False),
        sa.Column('venue', sa.JSON(), nullable=False),
        sa.Column('organisers', sa.JSON(), nullable=False),
        sa.Column('booths', sa.JSON(), nullable=False),
        sa.Column('source_digest', sa.String(length=64), nullable=False),
        sa.Column('modified_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('slug')
        )
    if 'objectives' not in existing:
        op.create_table('objectives',
        sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('title', sa.JSON(), nullable=False),
        sa.Column('working_translations', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('number')
        )
    if 'principles' not in existing:
        op.create_table('principles',
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('title', sa.JSON(), nullable=False),
        sa.Column('working_translations', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('key')
        )
    if 'access_tokens' not in existing:
        op.create_table('access_tokens',
        sa.Column('id', sa.String(length=40), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('session_key', sa.String(length=80), nullable=True),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('delegation', sa.String(length=200), nullable=False),
        sa.Column('group', sa.String(length=40), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=True),
        sa.Column('booth', sa.String(length=8), nullable=True),
        sa.Column('person_key', sa.String(length=80), nullable=True),
        sa.Column('issued_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', conference.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id')
        )
    if 'days' not in existing:
        op.create_table('days',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('conference_id', 'date')
        )
    if 'event_log' not in existing:
        op.create_table('event_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('session_key', sa.String(length=80), nullable=True),
        sa.Column('at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('actor', sa.String(length=200), nullable=False),
        sa.Column('action', sa.String(length=60), nullable=False),
        sa.Column('payload', sa.JSON(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id')
        )
    if 'event_log' not in existing:
        with op.batch_alter_table('event_log', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_event_log_session_key'), ['session_key'], unique=False)

    if 'key_messages' not in existing:
        op.create_table('key_messages',
        sa.Column('pk', sa.Integer(), nullable=False),
        sa.Column('id', sa.String(length=120), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('session_key', sa.String(length=80), nullable=False),
        sa.Column('created_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('client_key', sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('pk'),
        sa.UniqueConstraint('conference_id', 'id', name='uq_key_messages_id'),
        sa.UniqueConstraint('conference_id', 'session_key', 'client_key', name='uq_key_messages_client_key')
        )
    if 'key_messages' not in existing:
        with op.batch_alter_table('key_messages', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_key_messages_session_key'), ['session_key'], unique=False)

    if 'people' not in existing:
        op.create_table('people',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('names', sa.JSON(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('organisation', sa.String(length=200), nullable=False),
        sa.Column('delegation', sa.String(length=200), nullable=False),
        sa.Column('group', sa.String(length=40), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=True),
        sa.Column('rank', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('conference_id', 'key')
        )
    if 'speech_texts' not in existing:
        op.create_table('speech_texts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('session_key', sa.String(length=80), nullable=False),
        sa.Column('slot_key', sa.String(length=120), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('uploaded_by', sa.String(length=200), nullable=False),
        sa.Column('uploader', sa.String(length=200), nullable=False),
        sa.Column('uploaded_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('conference_id', 'slot_key', 'revision', name='uq_speech_texts_revision')
        )
    if 'speech_texts' not in existing:
        with op.batch_alter_table('speech_texts', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_speech_texts_session_key'), ['session_key'], unique=False)
            batch_op.create_index(batch_op.f('ix_speech_texts_slot_key'), ['slot_key'], unique=False)

    if 'agenda_items' not in existing:
        op.create_table('agenda_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('number', sa.Integer(), nullable=True),
        sa.Column('title', sa.JSON(), nullable=False),
        sa.Column('description', sa.JSON(), nullable=False),
        sa.Column('starts_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('ends_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('objectives', sa.JSON(), nullable=False),
        sa.Column('stated_minutes', sa.Integer(), nullable=True),
        sa.Column('intervention_minutes', sa.Integer(), nullable=True),
        sa.Column('chair_title', sa.String(length=20), nullable=True),
        sa.Column('chair_role', sa.JSON(), nullable=False),
        sa.Column('chair_person_id', sa.Integer(), nullable=True),
        sa.Column('sequence', sa.Integer(), nullable=False),
        sa.Column('modified_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['chair_person_id'], ['people.id'], ),
        sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('conference_id', 'key')
        )
    if 'key_message_revisions' not in existing:
        op.create_table('key_message_revisions',
        sa.Column('pk', sa.Integer(), nullable=False),
        sa.Column('message_pk', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('objectives', sa.JSON(), nullable=False),
        sa.Column('principles', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('stakeholder_group', sa.String(length=200), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('author', sa.String(length=200), nullable=False),
        sa.Column('saved_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['message_pk'], ['key_messages.pk'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('pk'),
        sa.UniqueConstraint('message_pk', 'number', name='uq_key_message_revisions_number')
        )
    if 'key_message_revisions' not in existing:
        with op.batch_alter_table('key_message_revisions', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_key_message_revisions_message_pk'), ['message_pk'], unique=False)

    if 'live_states' not in existing:
        op.create_table('live_states',
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('updated_at', conference.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['item_id'], ['agenda_items.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('item_id')
        )
    if 'slots' not in existing:
        op.create_table('slots',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=120), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('role', sa.JSON(), nullable=False),
        sa.Column('minutes', sa.Integer(), nullable=True),
        sa.Column('speaker_id', sa.Integer(), nullable=True),
        sa.Column('language', sa.String(length=8), nullable=True),
        sa.Column('tbd', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['item_id'], ['agenda_items.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['speaker_id'], ['people.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('conference_id', 'key')
        )




def downgrade() -> None:
    op.drop_table('slots')
    op.drop_table('live_states')
    with op.batch_alter_table('key_message_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_message_revisions_message_pk'))

    op.drop_table('key_message_revisions')
    op.drop_table('agenda_items')
    with op.batch_alter_table('speech_texts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speech_texts_slot_key'))
        batch_op.drop_index(batch_op.f('ix_speech_texts_session_key'))

    op.drop_table('speech_texts')
    op.drop_table('people')
    with op.batch_alter_table('key_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_messages_session_key'))

    op.drop_table('key_messages')
    with op.batch_alter_table('event_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_log_session_key'))

    op.drop_table('event_log')
    op.drop_table('days')
    op.drop_table('access_tokens')
    op.drop_table('principles')
    op.drop_table('objectives')
    op.drop_table('conferences')
