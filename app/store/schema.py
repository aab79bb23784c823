"""The store's tables (SQLAlchemy Core), as the migrations create them.

Keeps: no mail content. Users appear only as keyed hashes; of an introduction we keep
the introducer's address and name (the "put them back on Cc" fix writes them) and
keyed hashes of the other participants' addresses. `tests/store/test_migrate.py`
checks that the migrated database matches these definitions.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, MetaData, String, Table

HASH = 64  # hex HMAC-SHA256
TEXT = 200  # names and sign-offs are clipped to this many characters
ADDRESS = 320  # RFC 5321's longest address
STAGE = 16  # new, replied, connected, loop_closed

metadata = MetaData()

store_meta = Table(
    "store_meta",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", String(TEXT), nullable=False),
)

preferences = Table(
    "preferences",
    metadata,
    Column("user_hash", String(HASH), primary_key=True),
    Column("name", String(TEXT), nullable=False),
    Column("sign_off", String(TEXT), nullable=False),
    Column("next_step", String(16), nullable=False),
    Column("tone", String(16), nullable=False),
    # The checks the user switched off, space-separated: a check added later starts on.
    Column("disabled_checks", String(400), nullable=False),
    Column("variant", Integer, nullable=False),
    Column("updated_at", Float, nullable=False),
    # The suggested reply's language: "auto" (the introduction's) or a code (migration 0002).
    Column("language", String(8), nullable=False, server_default="auto"),
)

recent_intros = Table(
    "recent_intros",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_hash", String(HASH), nullable=False),
    Column("people_hash", String(HASH), nullable=False),  # the participant set, to keep it once
    Column("introducer", String(ADDRESS), nullable=False),
    Column("introducer_name", String(TEXT), nullable=False),
    Column("seen_at", Float, nullable=False),
    # The homepage list: Gmail's opaque thread id (to link to it) and the follow-up stage.
    Column("thread_id", String(TEXT), nullable=False, server_default=""),
    Column("stage", String(STAGE), nullable=False, server_default="new"),
    Column("introduced_at", Float, nullable=False, server_default="0"),
    Column("expires_at", Float, nullable=False),
    Index("ix_recent_intros_user", "user_hash", "people_hash", unique=True),
    Index("ix_recent_intros_expires", "expires_at"),
)

recent_intro_people = Table(
    "recent_intro_people",
    metadata,
    Column(
        "intro_id",
        Integer,
        ForeignKey("recent_intros.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("person_hash", String(HASH), primary_key=True),
    Index("ix_recent_intro_people_person", "person_hash"),
)

draft_claims = Table(
    "draft_claims",
    metadata,
    Column("key", String(HASH), primary_key=True),
    Column("owner", String(32), nullable=False),  # random token of the click holding the claim
    Column("draft_id", String(TEXT), nullable=True),  # set once the draft exists
    Column("thread_id", String(TEXT), nullable=True),
    Column("expires_at", Float, nullable=False),
    Index("ix_draft_claims_expires", "expires_at"),
)
