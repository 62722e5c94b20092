"""search index: triggers note changed rows, the index is updated at commit

Revision ID: perf_0002
Revises: perf_0001
Create Date: 2026-11-24

The triggers of 0002 wrote the FTS5 index row by row; FTS5 writes its in-memory data out at every
statement's savepoint, so each row of an ``executemany`` (demo data, a county import) cost three
times what it costs in one statement, and a writer without the ``xyd_search_grams`` function
failed. Now the triggers note the changed rows in ``search_pending`` (plain SQL) and the program
updates the index from it in set-based statements before every commit (storage/search_index.py).
The index itself is unchanged. Nothing to do on PostgreSQL.
"""
from alembic import op

from xiangyun_desk.storage import search_index

revision = 'perf_0002'
down_revision = 'perf_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # PostgreSQL keeps its GIN index current itself (storage/search_pg.py)
    search_index.register_functions(bind.connection.driver_connection)
    bind.exec_driver_sql(search_index.PENDING_TABLE)
    for table in search_index.TABLES:
        for statement in search_index.drop_trigger_statements(table):
            bind.exec_driver_sql(statement)
        for statement in search_index.pending_trigger_statements(table):
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    search_index.register_functions(bind.connection.driver_connection)
    search_index.flush(bind.exec_driver_sql)
    for table in search_index.TABLES:
        for statement in search_index.drop_trigger_statements(table):
            bind.exec_driver_sql(statement)
        for statement in search_index.create_statements(table)[1:]:  # 0002's triggers
            bind.exec_driver_sql(statement)
    bind.exec_driver_sql(f"DROP TABLE {search_index.PENDING}")
