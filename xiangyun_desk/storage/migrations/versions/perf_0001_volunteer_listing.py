"""listing index for volunteers

Revision ID: perf_0001
Revises: sync_0001
Create Date: 2026-11-24

Volunteers are listed in their default order (created_at) block by block along an index instead
of all sorted at start-up (docs/performance.md).
"""
from alembic import op

revision = 'perf_0001'
down_revision = 'sync_0001'
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_volunteer_live_created", "volunteer", ["deleted_at", "created_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
