"""summary tables behind the figures

Revision ID: stats_0001
Revises: fig_0001
Create Date: 2026-12-07

Period figures at 10,000,000 records in well under a second (issue 15 "Figures at scale"):
``stats_day``, ``stats_month`` (additive figures per station and day/month), ``stats_member`` /
``stats_people`` (distinct people per period), ``stats_fair`` (per fair and station), pending
lists filled by triggers and a flush at every commit (storage/summary.py). Every existing record
is noted as pending here; stats_0002 fills the summaries. The same on SQLite and PostgreSQL,
except the trigger syntax and date functions (asked of the connection's dialect).

(As first released this revision filled the summaries itself, with the indexes below; stats_0002
replaces three of them. Its statements are kept here as they were.)
"""
from alembic import op

from xiangyun_desk.storage import summary

revision = 'stats_0001'
down_revision = 'fig_0001'
branch_labels = None
depends_on = None

PERSON = ("CASE WHEN id_number IS NOT NULL THEN id_number "
          "ELSE name || '|' || coalesce(phone_norm, '') END")
INDEXES = [
    "CREATE INDEX ix_visit_station_time ON visit (station_code, visited_at)",
    "CREATE INDEX ix_relief_station_date ON relief_visit (station_code, visit_date)",
    f"CREATE INDEX ix_relief_person ON relief_visit (({PERSON}))",
    "CREATE INDEX ix_volunteer_station ON volunteer (station_code)",
    "CREATE INDEX ix_stats_month_period ON stats_month (month, register)",
]


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    summary.metadata.create_all(bind)
    for statement in [*summary.TABLES_SQL, *INDEXES, *summary.trigger_statements(dialect)]:
        bind.exec_driver_sql(statement)
    for statement in summary.rebuild_statements(dialect):
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    for statement in summary.drop_statements(bind.dialect.name):
        bind.exec_driver_sql(statement)
