"""Workspace settings and opt-in redacted feedback samples.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspace_settings",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("workspace", sa.String(64), primary_key=True),
        sa.Column("sensitivity", sa.String(16), nullable=False, server_default="balanced"),
        sa.Column("policy_url", sa.String(500)),
        sa.Column("privacy_officer", sa.String(200)),
        sa.Column("emergency_number", sa.String(32), nullable=False, server_default="911"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "feedback_samples",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("check_id", sa.String(36), nullable=False, index=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("redacted", sa.String(10000), nullable=False),
        sa.Column("predicted", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("feedback_samples")
    op.drop_table("workspace_settings")
