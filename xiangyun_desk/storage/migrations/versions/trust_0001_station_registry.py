"""county station registry: stations, their keys and enrolment state

Revision ID: trust_0001
Revises: perf_0002
Create Date: 2026-12-07

``county_station`` (storage/sync_models.py) replaces ``station_enrolment``: the county's list
of its stations (code, name, township, whether a monthly bundle is expected) with each
station's trusted signing key and how it came to be trusted. Every station an existing county
database pinned at its first bundle is carried over as ``first_use`` ("confirmed by first use",
shown with a prompt to verify); a station that was re-enrolled (key forgotten) as ``pending``.
Stations are keyed by (county code, station code) so that the short code can be qualified
country-wide later.
"""
import sqlalchemy as sa
from alembic import op

revision = 'trust_0001'
down_revision = 'perf_0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'county_station',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('county_code', sa.String(length=20), nullable=False),
        sa.Column('code', sa.String(length=20), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('township', sa.String(length=100), nullable=False),
        sa.Column('monthly_expected', sa.Boolean(), nullable=False),
        sa.Column('source', sa.String(length=12), nullable=False),
        sa.Column('key_state', sa.String(length=12), nullable=False),
        sa.Column('fingerprint', sa.String(length=40), nullable=True),
        sa.Column('signing_key', sa.String(length=100), nullable=True),
        sa.Column('confirmed_at', sa.DateTime(), nullable=True),
        sa.Column('offered_key', sa.String(length=100), nullable=True),
        sa.Column('offered_fingerprint', sa.String(length=40), nullable=True),
        sa.Column('offered_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('last_import_at', sa.DateTime(), nullable=True),
        sa.Column('history', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('county_code', 'code', name='uq_county_station_code'),
    )
    bind = op.get_bind()
    setting = sa.table('setting', sa.column('key', sa.String), sa.column('value', sa.Text))
    county = bind.execute(sa.select(setting.c.value).where(setting.c.key == 'code')).scalar()
    old = sa.table('station_enrolment', sa.column('station_code', sa.String),
                   sa.column('station_name', sa.String), sa.column('signing_key', sa.String),
                   sa.column('fingerprint', sa.String), sa.column('enrolled_at', sa.DateTime),
                   sa.column('last_import_at', sa.DateTime), sa.column('history', sa.Text))
    new = sa.table('county_station', *(sa.column(c) for c in (
        'county_code', 'code', 'name', 'township', 'monthly_expected', 'source', 'key_state',
        'fingerprint', 'signing_key', 'created_at', 'updated_at', 'last_import_at',
        'history')))
    rows = [{
        'county_code': county or '', 'code': r.station_code, 'name': r.station_name or '',
        'township': '', 'monthly_expected': True, 'source': 'migrated',
        'key_state': 'first_use' if r.signing_key else 'pending',
        'fingerprint': r.fingerprint if r.signing_key else None,
        'signing_key': r.signing_key, 'created_at': r.enrolled_at,
        'updated_at': r.enrolled_at, 'last_import_at': r.last_import_at,
        'history': r.history or '[]',
    } for r in bind.execute(sa.select(old))]
    if rows:
        bind.execute(new.insert(), rows)
    op.drop_table('station_enrolment')


def downgrade() -> None:
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
    bind = op.get_bind()
    new = sa.table('county_station', *(sa.column(c) for c in (
        'code', 'name', 'key_state', 'fingerprint', 'signing_key', 'created_at',
        'last_import_at', 'history')))
    old = sa.table('station_enrolment', *(sa.column(c) for c in (
        'station_code', 'station_name', 'signing_key', 'fingerprint', 'enrolled_at',
        'last_import_at', 'history')))
    rows = [{
        'station_code': r.code, 'station_name': r.name,
        # Only keys the county trusts go back: a pending key would be pinned by trust on
        # first use in the older version, which is what this revision removed.
        'signing_key': r.signing_key if r.key_state != 'pending' else None,
        'fingerprint': r.fingerprint if r.key_state != 'pending' else None,
        'enrolled_at': r.created_at, 'last_import_at': r.last_import_at,
        'history': r.history or '[]',
    } for r in bind.execute(sa.select(new))]
    if rows:
        bind.execute(old.insert(), rows)
    op.drop_table('county_station')
