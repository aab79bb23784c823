"""The SQL store: opens the shared database (engine, schema at head, hash key) and its adapters.

Without `INTRO_HASH_KEY` the hashes use a key made once and kept in the database
(`stored_hash_key`): every process and instance that shares the database then hashes
alike, and hashes survive restarts. Production sets `INTRO_HASH_KEY` (see `hashkey`).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from app.store.dialect import insert
from app.store.engine import connect
from app.store.hashkey import Hasher
from app.store.migrate import upgrade
from app.store.schema import store_meta
from app.store.sql_intros import SqlRecentIntros
from app.store.sql_ledger import SqlDraftLedger
from app.store.sql_preferences import SqlPreferences

KEY_NAME = "hash_key"


@dataclass(frozen=True, slots=True)
class Store:
    """Everything kept in the shared database, over one engine (and its pool)."""

    engine: Engine
    hasher: Hasher
    preferences: SqlPreferences
    recent: SqlRecentIntros
    ledger: SqlDraftLedger

    def close(self) -> None:
        """Close the pool's connections."""
        self.engine.dispose()


def open_store(
    url: str, hash_key: str | None = None, *, clock: Callable[[], float] = time.time
) -> Store:
    """Connect to `url`, migrate it to the newest schema, and build the state objects.

    Without `hash_key` the hashes use a key the database keeps for itself.
    """
    engine = connect(url)
    try:
        upgrade(engine)
        hasher = Hasher(hash_key.encode("utf-8") if hash_key else stored_hash_key(engine))
    except Exception:
        engine.dispose()
        raise
    return Store(
        engine=engine,
        hasher=hasher,
        preferences=SqlPreferences(engine, hasher, clock),
        recent=SqlRecentIntros(engine, hasher, clock=clock),
        ledger=SqlDraftLedger(engine, hasher, clock=clock),
    )


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
