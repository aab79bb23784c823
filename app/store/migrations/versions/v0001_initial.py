"""Initial schema: store_meta, preferences, recent_intros (+ people), draft_claims.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create every table of the first release."""
    op.create_table(
        "store_meta",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.create_table(
        "preferences",
        sa.Column("user_hash", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("sign_off", sa.String(200), nullable=False),
        sa.Column("next_step", sa.String(16), nullable=False),
        sa.Column("tone", sa.String(16), nullable=False),
        sa.Column("disabled_checks", sa.String(400), nullable=False),
        sa.Column("variant", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    _intros()
    op.create_table(
        "draft_claims",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("owner", sa.String(32), nullable=False),
        sa.Column("draft_id", sa.String(200), nullable=True),
        sa.Column("thread_id", sa.String(200), nullable=True),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index("ix_draft_claims_expires", "draft_claims", ["expires_at"])


def _intros() -> None:
    op.create_table(
        "recent_intros",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_hash", sa.String(64), nullable=False),
        sa.Column("people_hash", sa.String(64), nullable=False),
        sa.Column("introducer", sa.String(320), nullable=False),
        sa.Column("introducer_name", sa.String(200), nullable=False),
        sa.Column("seen_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index(
        "ix_recent_intros_user", "recent_intros", ["user_hash", "people_hash"], unique=True
    )
    op.create_index("ix_recent_intros_expires", "recent_intros", ["expires_at"])
    op.create_table(
        "recent_intro_people",
        sa.Column(
            "intro_id",
            sa.Integer,
            sa.ForeignKey("recent_intros.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("person_hash", sa.String(64), primary_key=True),
    )
    op.create_index("ix_recent_intro_people_person", "recent_intro_people", ["person_hash"])


def downgrade() -> None:
    """Drop every table (development only: the data is short-lived or re-entered)."""
    for table in ("recent_intro_people", "recent_intros", "draft_claims", "preferences"):
        op.drop_table(table)
    op.drop_table("store_meta")
