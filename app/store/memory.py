"""The state adapters that live in this process: preferences, recent introductions, drafts.

For tests and the one-process demo (`INTRO_DATABASE_URL=memory://`): lost on restart,
and not shared between processes. The `app.store.sql_*` adapters keep the same ports
(`app.service.ports`) in the shared database. Keeps: no mail content, and user ids and
participants' addresses only as keyed hashes. Standard library only (no SQLAlchemy).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from app.core.preferences import Preferences
from app.service.ports import (
    DRAFT_TTL_SECONDS,
    INTRO_TTL_SECONDS,
    CreatedReply,
    IntroListing,
    RememberedIntro,
)
from app.store.hashkey import Hasher, draft_key

V = TypeVar("V")
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


class MemoryPreferences:
    """`PreferencesStore` in this process."""

    def __init__(self) -> None:
        self._prefs: dict[str, Preferences] = {}

    def load(self, user_id: str) -> Preferences:
        """The user's preferences, or the defaults."""
        return self._prefs.get(user_id, Preferences())

    def save(self, user_id: str, prefs: Preferences) -> None:
        """Remember the user's preferences."""
        self._prefs[user_id] = prefs


class MemoryRecentIntros:
    """`RecentIntros` in this process."""

    def __init__(
        self,
        hasher: Hasher,
        ttl: float = INTRO_TTL_SECONDS,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._hash = hasher
        self._wall = wall_clock
        self._by_user: TTLMap[tuple[tuple[RememberedIntro, IntroListing], ...]] = TTLMap(ttl)

    def remember(
        self,
        user: str,
        introducer: str,
        introducer_name: str,
        others: Iterable[str],
        *,
        thread_id: str = "",
        stage: str = "new",
        introduced_at: float = 0.0,
    ) -> None:
        """Keep this introduction for the user (newest first, at most 20)."""
        key = self._hash("user", user)
        entry = RememberedIntro(
            introducer.lower(),
            introducer_name,
            frozenset(self._hash("addr", a.lower()) for a in others if a),
        )
        listing = IntroListing(thread_id, stage, self._wall(), introduced_at)
        same = (entry.participants, thread_id)
        kept = [
            e for e in self._by_user.get(key) or () if (e[0].participants, e[1].thread_id) != same
        ]
        self._by_user.put(key, ((entry, listing), *kept)[:20])

    def find(self, user: str, recipients: Iterable[str]) -> RememberedIntro | None:
        """The newest remembered introduction whose other people are among `recipients`."""
        hashed = {self._hash("addr", r.lower()) for r in recipients if r}
        for entry, _ in self._by_user.get(self._hash("user", user)) or ():
            if entry.participants and entry.participants & hashed:
                return entry
        return None

    def listing(self, user: str) -> tuple[IntroListing, ...]:
        """The user's live introductions that have a thread id, newest first."""
        found = self._by_user.get(self._hash("user", user)) or ()
        return tuple(listing for _, listing in found if listing.thread_id)


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
