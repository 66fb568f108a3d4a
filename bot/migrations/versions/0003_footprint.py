"""Digital-footprint checklist progress.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "footprint_progress",
        sa.Column("user_hash", sa.String(64), primary_key=True),
        sa.Column("step_id", sa.String(32), primary_key=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("footprint_progress")
