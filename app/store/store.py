"""Opening the store: engine, schema at head, hash key, and the three state objects."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from app.state import Hasher
from app.store.engine import connect
from app.store.hashkey import stored_hash_key
from app.store.intros import SqlRecentIntros
from app.store.ledger import SqlDraftLedger
from app.store.migrate import upgrade
from app.store.preferences import SqlPreferences


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

    Without `hash_key` the hashes use a key the database keeps for itself (see `hashkey`).
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
