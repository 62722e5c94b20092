"""intention.position: the position (岗位) an intention is for

Revision ID: fig_0001
Revises: trust_0001
Create Date: 2026-12-07

Optional: intentions recorded before this revision have none (NULL). The value is one of the
employer's positions (its 招聘工种 list) when given.
"""
import sqlalchemy as sa
from alembic import op

revision = 'fig_0001'
down_revision = 'trust_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("intention") as batch:
        batch.add_column(sa.Column("position", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("intention") as batch:
        batch.drop_column("position")
