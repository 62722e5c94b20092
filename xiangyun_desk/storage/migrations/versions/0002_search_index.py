"""search index and filter indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

FTS5 search indexes for every register with a search key (kept in step by triggers; see
storage/search_index.py), filled from the existing rows, and indexes that let the visitor log and
the relief visits be listed by category, and their deleted records, in date order without reading
every row (docs/performance.md).
"""
import sqlalchemy as sa
from alembic import op

from xiangyun_desk.storage import search_index, search_pg

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

CATEGORY_INDEXES = (
    ("ix_visit_live_purpose_time", "visit", ["deleted_at", "purpose", "visited_at"]),
    ("ix_relief_live_campaign_date", "relief_visit", ["deleted_at", "campaign", "visit_date"]),
)
# The deleted records in date order (the "show deleted" view, and the deleted matches that a
# live search count leaves out) without reading the live ones.
DELETED_INDEXES = (
    ("ix_visit_deleted_time", "visit", ["visited_at"]),
    ("ix_relief_deleted_date", "relief_visit", ["visit_date"]),
)


def _connection():
    """The sqlite3 connection under Alembic's, with the function the triggers call."""
    dbapi = op.get_bind().connection.driver_connection
    search_index.register_functions(dbapi)
    return dbapi


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _connection()
        for table in search_index.TABLES:
            for statement in search_index.create_statements(table):
                bind.exec_driver_sql(statement)
            search_index.rebuild(bind.exec_driver_sql, table)
    else:  # PostgreSQL: a GIN index over the key's grams (storage/search_pg.py)
        for table in search_index.TABLES:
            for statement in search_pg.create_statements(table):
                op.execute(statement)
    for name, table, columns in CATEGORY_INDEXES:
        op.create_index(name, table, columns, unique=False)
    for name, table, columns in DELETED_INDEXES:
        op.create_index(name, table, columns, unique=False,
                        sqlite_where=sa.text("deleted_at IS NOT NULL"),
                        postgresql_where=sa.text("deleted_at IS NOT NULL"))


def downgrade() -> None:
    for name, table, _columns in CATEGORY_INDEXES + DELETED_INDEXES:
        op.drop_index(name, table_name=table)
    bind = op.get_bind()
    for table in search_index.TABLES:
        statements = search_index.drop_statements(table) if bind.dialect.name == "sqlite" \
            else search_pg.drop_statements(table)
        for statement in statements:
            bind.exec_driver_sql(statement)
