"""Room for Teams conversation and team ids (well over 64 characters); sensitivity unset by default.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

WIDENED = (("checks", "workspace"), ("checks", "channel"), ("reminders", "workspace"),
           ("monitored_channels", "workspace"), ("workspace_settings", "workspace"))


def upgrade() -> None:
    for table, column in WIDENED:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.String(256), existing_type=sa.String(64))
    with op.batch_alter_table("workspace_settings") as batch:
        batch.alter_column("sensitivity", existing_type=sa.String(16), nullable=True, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("workspace_settings") as batch:
        batch.alter_column("sensitivity", existing_type=sa.String(16), nullable=False, server_default="balanced")
    for table, column in WIDENED:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.String(64), existing_type=sa.String(256))
