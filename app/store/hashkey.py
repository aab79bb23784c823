"""Keyed hashes (HMAC-SHA256), so stored keys reveal neither users nor addresses.

Every adapter, in memory or in SQL, hashes through one `Hasher`. Its key is
`INTRO_HASH_KEY` when set (production: Secret Manager), so that a copy of the database
alone does not let anyone test guesses of user ids or addresses; otherwise the SQL store
keeps a key of its own (`sql_store.stored_hash_key`) and memory storage makes one per
process. Standard library only: memory storage must not load SQLAlchemy.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


class Hasher:
    """Keyed hashes, so stored keys reveal neither users nor addresses."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def __call__(self, *parts: str) -> str:
        message = "\x1f".join(parts).encode("utf-8")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()


def draft_key(hasher: Hasher, user: str, message_id: str, content: bytes) -> str:
    """The idempotency key of one reply: a keyed hash, so it names neither user nor message."""
    return hasher("draft", user, message_id, hashlib.sha256(content).hexdigest())
