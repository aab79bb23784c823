"""The key of the keyed hashes, when `INTRO_HASH_KEY` is not set: made once, kept in the database.

Every process and instance that shares the database then hashes alike, and hashes
survive restarts. Production sets `INTRO_HASH_KEY` (Secret Manager), so that a copy of
the database alone does not let anyone test guesses of user ids or addresses.
"""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, select

from app.store.dialect import insert
from app.store.schema import store_meta

KEY_NAME = "hash_key"


def stored_hash_key(engine: Engine) -> bytes:
    """The database's own hash key, created by the first process that asks."""
    with engine.begin() as conn:
        conn.execute(
            insert(conn, store_meta)
            .values(name=KEY_NAME, value=secrets.token_hex(32))
            .on_conflict_do_nothing()
        )
        value = conn.execute(
            select(store_meta.c.value).where(store_meta.c.name == KEY_NAME)
        ).scalar_one()
    return bytes.fromhex(str(value))
