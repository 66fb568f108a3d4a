"""Events, checks (audit) and feedback.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "processed_events",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("event_id", sa.String(128), primary_key=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    op.create_table(
        "checks",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("workspace", sa.String(64)),
        sa.Column("channel", sa.String(64)),
        sa.Column("entry_point", sa.String(32), nullable=False),
        sa.Column("user_hash", sa.String(64)),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("labels", sa.JSON, nullable=False),
        sa.Column("scores", sa.JSON, nullable=False),
        sa.Column("verdict", sa.String(8), nullable=False),
        sa.Column("model_version", sa.String(32), nullable=False),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("check_id", sa.String(36), nullable=False, index=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("user_hash", sa.String(64)),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.UniqueConstraint("check_id", "user_hash"),
    )


def downgrade() -> None:
    op.drop_table("feedback")
    op.drop_table("checks")
    op.drop_table("processed_events")
