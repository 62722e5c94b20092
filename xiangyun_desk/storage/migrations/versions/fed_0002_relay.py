"""federation: relay items and the tiers of the registry

Revision ID: fed_0002
Revises: perf_0004
Create Date: 2026-12-08

``relay_item``: every station bundle a tier applied, kept as the station signed it (manifest,
signature, decrypted payload) so that it can be forwarded to the next tier. ``county_station``
gains ``tier``: ``station`` for the existing rows, ``county`` / ``prefecture`` for the
forwarding tiers a prefecture or province enrols.
"""
import sqlalchemy as sa
from alembic import op

revision = 'fed_0002'
down_revision = 'perf_0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("county_station", sa.Column("tier", sa.String(12), nullable=False,
                                              server_default="station"))
    op.create_table(
        "relay_item",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("county_code", sa.String(20), nullable=False),
        sa.Column("station_code", sa.String(20), nullable=False),
        sa.Column("bundle_seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("signing_key", sa.String(100), nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("manifest", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("via", sa.String(20), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("county_code", "station_code", "manifest_sha256",
                            name="uq_relay_item_bundle"),
    )


def downgrade() -> None:
    op.drop_table("relay_item")
    with op.batch_alter_table("county_station") as batch:
        batch.drop_column("tier")
