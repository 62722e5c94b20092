"""summaries: relief_visit.person_key and indexes the flush can use

Revision ID: stats_0002
Revises: stats_0001
Create Date: 2026-12-08

At scale the flush of stats_0001 read every relief record for each changed person (SQLite uses
an index on an expression only against constants) and a whole day of all stations for each
changed station-day. ``relief_visit.person_key`` is now a generated column (VIRTUAL on SQLite,
STORED on PostgreSQL) with a plain index, and the station indexes lead with
(station_code, deleted_at). People are now also counted per quarter, so the summaries are
recounted from the records.
"""
from alembic import op

from xiangyun_desk.storage import summary

revision = 'stats_0002'
down_revision = 'stats_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    for name in summary.REPLACED_INDEXES:
        bind.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    bind.exec_driver_sql(summary.person_column_sql(dialect))
    for statement in summary.INDEXES_SQL:
        if statement.split()[2] in summary.REPLACED_INDEXES:
            bind.exec_driver_sql(statement)
    for statement in summary.rebuild_statements(dialect):  # recount: people per quarter are new
        bind.exec_driver_sql(statement)
    summary.flush(bind.exec_driver_sql, dialect)


def downgrade() -> None:
    bind = op.get_bind()
    for name in summary.REPLACED_INDEXES:
        bind.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    bind.exec_driver_sql("ALTER TABLE relief_visit DROP COLUMN person_key")
