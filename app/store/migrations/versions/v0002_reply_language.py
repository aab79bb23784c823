"""The language of the suggested reply: `preferences.language` ("auto" or a language code).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the column; rows saved before it read as "auto" (the introduction's language)."""
    with op.batch_alter_table("preferences") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=False, server_default="auto"))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("preferences") as batch:
        batch.drop_column("language")
