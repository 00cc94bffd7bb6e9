"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_blobs'))
    )
    op.create_table('communes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('county', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communes')),
    sa.UniqueConstraint('code', name=op.f('uq_communes_code'))
    )
    op.create_table('hub_config',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_hub_config'))
    )
    op.create_table('messages',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('sender', sa.String(length=200), nullable=False),
    sa.Column('doc_type', sa.String(length=64), nullable=True),
    sa.Column('reference', sa.String(length=200), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages'))
    )
    op.create_table('rate_limits',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('window_start', sa.BigInteger(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limits'))
    )
    op.create_table('security_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=True),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_security_events'))
    )
    with op.batch_alter_table('security_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_security_events_at'), ['at'], unique=False)

    op.create_table('staff_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_users')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_users_username'))
    )
    op.create_table('streams',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('rebuilt_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_streams'))
    )
    op.create_table('blob_access',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_blob_access_commune_id_communes')),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], name=op.f('fk_blob_access_sha256_blobs')),
    sa.PrimaryKeyConstraint('sha256', 'commune_id', name=op.f('pk_blob_access'))
    )
    op.create_table('blob_refs',
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('pending', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_blob_refs_commune_id_communes')),
    sa.PrimaryKeyConstraint('commune_id', 'sha256', name=op.f('pk_blob_refs'))
    )
    with op.batch_alter_table('blob_refs', schema=None) as batch_op:
        batch_op.create_index('ix_blob_refs_pending', ['commune_id', 'pending'], unique=False)

    op.create_table('blob_uploads',
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('offset', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_blob_uploads_commune_id_communes')),
    sa.PrimaryKeyConstraint('commune_id', 'sha256', name=op.f('pk_blob_uploads'))
    )
    op.create_table('devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node', sa.String(length=64), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('hostname', sa.String(length=200), nullable=False),
    sa.Column('app_version', sa.String(length=50), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ack', sa.BigInteger(), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('pending', sa.Integer(), nullable=False),
    sa.Column('clock_skew_ms', sa.BigInteger(), nullable=True),
    sa.Column('last_ip', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_devices_commune_id_communes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('node', name=op.f('uq_devices_node')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_devices_token_hash'))
    )
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_devices_commune_id'), ['commune_id'], unique=False)

    op.create_table('enrol_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('hint', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('used_node', sa.String(length=64), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_enrol_codes_commune_id_communes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrol_codes')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_enrol_codes_code_hash'))
    )
    with op.batch_alter_table('enrol_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrol_codes_commune_id'), ['commune_id'], unique=False)

    op.create_table('message_attachments',
    sa.Column('message_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_attachments_message_id_messages')),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], name=op.f('fk_message_attachments_sha256_blobs')),
    sa.PrimaryKeyConstraint('message_id', 'position', name=op.f('pk_message_attachments'))
    )
    op.create_table('message_replies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=36), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.String(length=64), nullable=False),
    sa.Column('number', sa.BigInteger(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('attachments', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_message_replies_commune_id_communes')),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_replies_message_id_messages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_replies')),
    sa.UniqueConstraint('message_id', 'commune_id', 'entry_id', name='uq_message_replies_entry')
    )
    op.create_table('message_targets',
    sa.Column('message_id', sa.String(length=36), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.Column('pub_seq', sa.BigInteger(), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('receipt_number', sa.BigInteger(), nullable=True),
    sa.Column('receipt_year', sa.Integer(), nullable=True),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('entry_id', sa.String(length=64), nullable=True),
    sa.Column('receipt_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_message_targets_commune_id_communes')),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_targets_message_id_messages')),
    sa.PrimaryKeyConstraint('message_id', 'commune_id', name=op.f('pk_message_targets'))
    )
    with op.batch_alter_table('message_targets', schema=None) as batch_op:
        batch_op.create_index('ix_message_targets_commune', ['commune_id', 'delivered_at'], unique=False)

    op.create_table('pub_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('stream', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('item_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('targets_all', sa.Boolean(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['stream'], ['streams.name'], name=op.f('fk_pub_items_stream_streams')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pub_items')),
    sa.UniqueConstraint('stream', 'seq', name='uq_pub_items_stream_seq')
    )
    with op.batch_alter_table('pub_items', schema=None) as batch_op:
        batch_op.create_index('ix_pub_items_item', ['stream', 'item_id', 'version'], unique=False)

    op.create_table('staff_sessions',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['staff_users.id'], name=op.f('fk_staff_sessions_user_id_staff_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_staff_sessions'))
    )
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_sessions_user_id'), ['user_id'], unique=False)

    op.create_table('changes',
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_changes_device_id_devices')),
    sa.PrimaryKeyConstraint('device_id', 'seq', name=op.f('pk_changes'))
    )
    op.create_table('pub_targets',
    sa.Column('pub_item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_pub_targets_commune_id_communes')),
    sa.ForeignKeyConstraint(['pub_item_id'], ['pub_items.id'], name=op.f('fk_pub_targets_pub_item_id_pub_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pub_item_id', 'commune_id', name=op.f('pk_pub_targets'))
    )
    with op.batch_alter_table('pub_targets', schema=None) as batch_op:
        batch_op.create_index('ix_pub_targets_commune', ['commune_id', 'pub_item_id'], unique=False)

    op.create_table('replica',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('number', sa.BigInteger(), nullable=True),
    sa.Column('direction', sa.String(length=16), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('registered_at', sa.String(length=40), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('correspondent', sa.Text(), nullable=True),
    sa.Column('doc_type', sa.String(length=64), nullable=True),
    sa.Column('search', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_replica_commune_id_communes')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_replica_device_id_devices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_replica')),
    sa.UniqueConstraint('commune_id', 'kind', 'record_id', name='uq_replica_record')
    )
    with op.batch_alter_table('replica', schema=None) as batch_op:
        batch_op.create_index('ix_replica_number', ['commune_id', 'kind', 'year', 'number'], unique=False)
        batch_op.create_index('ix_replica_page', ['commune_id', 'kind', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('replica', schema=None) as batch_op:
        batch_op.drop_index('ix_replica_page')
        batch_op.drop_index('ix_replica_number')

    op.drop_table('replica')
    with op.batch_alter_table('pub_targets', schema=None) as batch_op:
        batch_op.drop_index('ix_pub_targets_commune')

    op.drop_table('pub_targets')
    op.drop_table('changes')
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_sessions_user_id'))

    op.drop_table('staff_sessions')
    with op.batch_alter_table('pub_items', schema=None) as batch_op:
        batch_op.drop_index('ix_pub_items_item')

    op.drop_table('pub_items')
    with op.batch_alter_table('message_targets', schema=None) as batch_op:
        batch_op.drop_index('ix_message_targets_commune')

    op.drop_table('message_targets')
    op.drop_table('message_replies')
    op.drop_table('message_attachments')
    with op.batch_alter_table('enrol_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrol_codes_commune_id'))

    op.drop_table('enrol_codes')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_devices_commune_id'))

    op.drop_table('devices')
    op.drop_table('blob_uploads')
    with op.batch_alter_table('blob_refs', schema=None) as batch_op:
        batch_op.drop_index('ix_blob_refs_pending')

    op.drop_table('blob_refs')
    op.drop_table('blob_access')
    op.drop_table('streams')
    op.drop_table('staff_users')
    with op.batch_alter_table('security_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_security_events_at'))

    op.drop_table('security_events')
    op.drop_table('rate_limits')
    op.drop_table('messages')
    op.drop_table('hub_config')
    op.drop_table('communes')
    op.drop_table('blobs')
