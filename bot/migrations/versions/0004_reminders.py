"""Channel reminders, their deliveries (unique per due time) and the last tip per channel.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("workspace", sa.String(64)),
        sa.Column("channel", sa.String(256), nullable=False, index=True),
        sa.Column("cadence", sa.String(16), nullable=False),
        sa.Column("days", sa.String(32), nullable=False),
        sa.Column("at_time", sa.String(5), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(32)),
        sa.Column("next_run", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("created_by", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "reminder_deliveries",
        sa.Column("reminder_id", sa.Integer, primary_key=True),
        sa.Column("due_at", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("tip", sa.Integer, nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "channel_tips",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("channel", sa.String(256), primary_key=True),
        sa.Column("last_tip", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("channel_tips")
    op.drop_table("reminder_deliveries")
    op.drop_table("reminders")
