"""Short-lived server state that holds no mail content: the ports, and in-memory versions.

- `DraftLedger`: which reply drafts we created, so a repeated or retried
  "Reply to both" click opens the same draft instead of making a second one.
- `RecentIntros`: for the compose trigger, which introductions this user opened
  lately: only participants' addresses (hashed, except the introducer's, which the
  "put them back on Cc" fix must write), keyed by a keyed hash of the user id, expiring.

Both are Protocols. `MemoryDraftLedger` and `MemoryRecentIntros` keep them in this
process (tests, one-process demo); `app.store` keeps them in the shared database so
several instances agree.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

V = TypeVar("V")
DRAFT_TTL_SECONDS = 15 * 60
INTRO_TTL_SECONDS = 14 * 24 * 3600
MAX_ENTRIES = 50_000


class TTLMap(Generic[V]):
    """A bounded dict whose entries expire; the oldest go first when it is full."""

    def __init__(
        self,
        ttl: float,
        max_entries: int = MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._clock = clock
        self._data: OrderedDict[str, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> V | None:
        """The live value for `key`, if any."""
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            if item[0] < self._clock():
                del self._data[key]
                return None
            return item[1]

    def put(self, key: str, value: V) -> None:
        """Store `value` until the TTL runs out."""
        with self._lock:
            self._data[key] = (self._clock() + self._ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self._max:
                self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


class Hasher:
    """Keyed hashes, so stored keys reveal neither users nor addresses."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def __call__(self, *parts: str) -> str:
        message = "\x1f".join(parts).encode("utf-8")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()


class DraftInProgress(Exception):
    """Another click is still creating this draft; try again in a moment."""


@dataclass(frozen=True, slots=True)
class CreatedReply:
    """A draft we created: enough to open it again."""

    draft_id: str
    thread_id: str


@dataclass(frozen=True, slots=True)
class RememberedIntro:
    """An introduction the user opened: the introducer's address and hashed participants."""

    introducer: str
    introducer_name: str
    participants: frozenset[str]


class RecentIntros(Protocol):
    """Introductions each user opened recently, found again from a draft's recipients."""

    def remember(
        self, user: str, introducer: str, introducer_name: str, others: Iterable[str]
    ) -> None:
        """Keep this introduction for the user (newest first, at most 20)."""
        ...

    def find(self, user: str, recipients: Iterable[str]) -> RememberedIntro | None:
        """The newest remembered introduction whose other people are among `recipients`."""
        ...


class DraftLedger(Protocol):
    """Drafts created per (user, message, content): the same click twice opens one draft.

    Use: `with ledger.lock(key):` then `get(key)`, and create and `put` only when it is None.
    """

    def key(self, user: str, message_id: str, content: bytes) -> str:
        """The idempotency key of one reply."""
        ...

    def lock(self, key: str) -> AbstractContextManager[object]:
        """Held while one caller checks and creates the draft for `key`."""
        ...

    def get(self, key: str) -> CreatedReply | None:
        """The draft already created under this key."""
        ...

    def put(self, key: str, reply: CreatedReply) -> None:
        """Record a created draft."""
        ...


def draft_key(hasher: Hasher, user: str, message_id: str, content: bytes) -> str:
    """The idempotency key of one reply: a keyed hash, so it names neither user nor message."""
    return hasher("draft", user, message_id, hashlib.sha256(content).hexdigest())


class MemoryRecentIntros:
    """`RecentIntros` in this process."""

    def __init__(self, hasher: Hasher, ttl: float = INTRO_TTL_SECONDS) -> None:
        self._hash = hasher
        self._by_user: TTLMap[tuple[RememberedIntro, ...]] = TTLMap(ttl)

    def remember(
        self, user: str, introducer: str, introducer_name: str, others: Iterable[str]
    ) -> None:
        """Keep this introduction for the user (newest first, at most 20)."""
        key = self._hash("user", user)
        entry = RememberedIntro(
            introducer.lower(),
            introducer_name,
            frozenset(self._hash("addr", a.lower()) for a in others if a),
        )
        kept = [e for e in self._by_user.get(key) or () if e.participants != entry.participants]
        self._by_user.put(key, (entry, *kept)[:20])

    def find(self, user: str, recipients: Iterable[str]) -> RememberedIntro | None:
        """The newest remembered introduction whose other people are among `recipients`."""
        hashed = {self._hash("addr", r.lower()) for r in recipients if r}
        for entry in self._by_user.get(self._hash("user", user)) or ():
            if entry.participants and entry.participants & hashed:
                return entry
        return None


class MemoryDraftLedger:
    """`DraftLedger` in this process: a lock per key guards concurrent clicks."""

    def __init__(self, hasher: Hasher, ttl: float = DRAFT_TTL_SECONDS) -> None:
        self._hash = hasher
        self._drafts: TTLMap[CreatedReply] = TTLMap(ttl)
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def key(self, user: str, message_id: str, content: bytes) -> str:
        """The idempotency key of one reply."""
        return draft_key(self._hash, user, message_id, content)

    def lock(self, key: str) -> threading.Lock:
        """A lock per key, so two concurrent clicks cannot both create a draft."""
        with self._guard:
            if len(self._locks) > 1024:
                self._locks = {k: v for k, v in self._locks.items() if v.locked()}
            return self._locks.setdefault(key, threading.Lock())

    def get(self, key: str) -> CreatedReply | None:
        """The draft already created under this key."""
        return self._drafts.get(key)

    def put(self, key: str, reply: CreatedReply) -> None:
        """Record a created draft."""
        self._drafts.put(key, reply)
