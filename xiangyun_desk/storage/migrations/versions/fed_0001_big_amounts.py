"""amounts in fen as 64-bit integers (PostgreSQL)

Revision ID: fed_0001
Revises: stats_0002
Create Date: 2026-12-08

A PostgreSQL ``integer`` holds at most 2**31-1 fen (about 21.5 million yuan), below the one
ceiling of the domain (``domain/money.py`` MAX_FEN, 100 million yuan) and far below the sums an
upper tier keeps in its summaries. ``relief_visit.cash_fen`` / ``goods_value_fen`` and the
summaries' sums (``s1``, ``s2``) become ``bigint``. SQLite's INTEGER is already 64-bit: nothing
changes there (a batch rebuild would drop the summary triggers for no gain).
"""
from alembic import op

revision = 'fed_0001'
down_revision = 'stats_0002'
branch_labels = None
depends_on = None

COLUMNS = (("relief_visit", "cash_fen"), ("relief_visit", "goods_value_fen"),
           ("stats_day", "s1"), ("stats_day", "s2"), ("stats_month", "s1"),
           ("stats_month", "s2"))


def _alter(kind: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        bind.exec_driver_sql(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {kind}")


def upgrade() -> None:
    _alter("bigint")


def downgrade() -> None:
    _alter("integer")
