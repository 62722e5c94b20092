"""sync bundles: export and import history, station enrolment

Revision ID: sync_0001
Revises: sec_0001
Create Date: 2026-11-24

Bookkeeping tables of sync bundles (storage/sync_models.py): ``bundle_export`` and
``reference_import`` at a station, ``station_enrolment``, ``bundle_import`` and
``reference_export`` at the county. No existing table changes.
"""
from alembic import op
import sqlalchemy as sa


revision = 'sync_0001'
down_revision = 'sec_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'bundle_export',
        sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=False),
        sa.Column('folder', sa.Text(), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('from_seq', sa.Integer(), nullable=False),
        sa.Column('to_seq', sa.Integer(), nullable=False),
        sa.Column('record_count', sa.Integer(), nullable=False),
        sa.Column('counts', sa.Text(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('confirmed_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('seq'),
    )
    op.create_table(
        'station_enrolment',
        sa.Column('station_code', sa.String(length=20), nullable=False),
        sa.Column('station_name', sa.String(length=100), nullable=False),
        sa.Column('signing_key', sa.String(length=100), nullable=True),
        sa.Column('fingerprint', sa.String(length=40), nullable=True),
        sa.Column('enrolled_at', sa.DateTime(), nullable=False),
        sa.Column('last_import_at', sa.DateTime(), nullable=True),
        sa.Column('history', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('station_code'),
    )
    op.create_table(
        'bundle_import',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=False),
        sa.Column('file_sha256', sa.String(length=64), nullable=True),
        sa.Column('manifest_sha256', sa.String(length=64), nullable=True),
        sa.Column('station_code', sa.String(length=20), nullable=True),
        sa.Column('station_name', sa.String(length=100), nullable=True),
        sa.Column('bundle_seq', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=12), nullable=True),
        sa.Column('from_seq', sa.Integer(), nullable=True),
        sa.Column('to_seq', sa.Integer(), nullable=True),
        sa.Column('bundle_created_at', sa.DateTime(), nullable=True),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('report', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_bundle_import_station_seq', 'bundle_import',
                    ['station_code', 'bundle_seq'], unique=False)
    op.create_table(
        'reference_export',
        sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=False),
        sa.Column('counts', sa.Text(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('seq'),
    )
    op.create_table(
        'reference_import',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=False),
        sa.Column('ref_seq', sa.Integer(), nullable=True),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('report', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('reference_import')
    op.drop_table('reference_export')
    op.drop_index('ix_bundle_import_station_seq', table_name='bundle_import')
    op.drop_table('bundle_import')
    op.drop_table('station_enrolment')
    op.drop_table('bundle_export')
