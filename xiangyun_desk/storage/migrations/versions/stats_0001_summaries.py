"""summary tables behind the figures

Revision ID: stats_0001
Revises: fig_0001
Create Date: 2026-12-07

Period figures at 10,000,000 records in well under a second (issue 15 "Figures at scale"):
``stats_day``, ``stats_month`` (additive figures per station and day/month), ``stats_member`` /
``stats_people`` (distinct people per month and year), ``stats_fair`` (per fair and station),
pending lists filled by triggers and a flush at every commit (storage/summary.py). Filled here
from the existing records. The same on SQLite and PostgreSQL, except the trigger syntax and
date functions (asked of the connection's dialect).
"""
from alembic import op

from xiangyun_desk.storage import summary

revision = 'stats_0001'
down_revision = 'fig_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    summary.metadata.create_all(bind)
    for statement in summary.create_statements(dialect):
        bind.exec_driver_sql(statement)
    for statement in summary.rebuild_statements(dialect):
        bind.exec_driver_sql(statement)
    summary.flush(bind.exec_driver_sql, dialect)


def downgrade() -> None:
    bind = op.get_bind()
    for statement in summary.drop_statements(bind.dialect.name):
        bind.exec_driver_sql(statement)
