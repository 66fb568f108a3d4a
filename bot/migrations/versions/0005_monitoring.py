"""Channels with opt-in monitoring.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "monitored_channels",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("channel", sa.String(256), primary_key=True),
        sa.Column("workspace", sa.String(64)),
        sa.Column("enabled_by", sa.String(64)),
        sa.Column("enabled_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("monitored_channels")
