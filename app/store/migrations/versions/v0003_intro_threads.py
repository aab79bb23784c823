"""recent_intros gains the Gmail thread id, the follow-up stage and the introduction's
date, for the homepage list.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add `thread_id` (Gmail's opaque id, "" when unknown), `stage` (new … loop_closed)
    and `introduced_at` (the introduction's Date, Unix seconds, 0 when unknown)."""
    with op.batch_alter_table("recent_intros") as batch:
        batch.add_column(sa.Column("thread_id", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("stage", sa.String(16), nullable=False, server_default="new"))
        batch.add_column(sa.Column("introduced_at", sa.Float, nullable=False, server_default="0"))


def downgrade() -> None:
    """Drop the two columns."""
    with op.batch_alter_table("recent_intros") as batch:
        batch.drop_column("introduced_at")
        batch.drop_column("stage")
        batch.drop_column("thread_id")
