"""what each county import changed, so that it can be undone

Revision ID: perf_0004
Revises: perf_0003
Create Date: 2026-12-08

Instead of a whole copy of the county database before every import (minutes at ten million
records), each applied bundle records the ids of the records it added and the former state of
those it changed (services/bundles/undo.py); the whole copy is made at most once a day
(services/backup.py; issue 15).
"""
import sqlalchemy as sa
from alembic import op

revision = 'perf_0004'
down_revision = 'perf_0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_undo",
        sa.Column("import_id", sa.Integer, nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("before", sa.Text, nullable=True),  # the record as it was; NULL: it was new
        sa.PrimaryKeyConstraint("import_id", "table_name", "record_id"),
    )


def downgrade() -> None:
    op.drop_table("import_undo")
