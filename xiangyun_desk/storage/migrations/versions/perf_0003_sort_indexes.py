"""indexes for sorting the large registers by any listed column

Revision ID: perf_0003
Revises: fed_0001
Create Date: 2026-12-08

The visitor log and the relief visits are listed a block at a time along an index in display
order (services/registers.py, RowIds). With an index on (deleted_at, column) for every listed
column, sorting by any column reads the first screen from the index instead of sorting every
record (1.9 s at 1,000,000 visits for the name; issue 15, docs/performance.md). The date column
and the category column already have theirs (0001, perf_0002).
"""
from alembic import op

revision = 'perf_0003'
down_revision = 'fed_0001'
branch_labels = None
depends_on = None

SORTED = {
    "visit": ("name", "gender", "phone", "id_number", "employer", "purpose", "party_size",
              "status", "staff", "follow_up_on"),
    "relief_visit": ("campaign", "name", "gender", "category", "id_number", "phone", "employer",
                     "cash_fen", "goods", "goods_value_fen", "visitors"),
}
INDEXES = tuple((f"ix_{table}_sort_{column}", table, ["deleted_at", column])
                for table, columns in SORTED.items() for column in columns)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
