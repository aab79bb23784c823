"""`DraftLedger` in SQL: one draft per "Reply to both", whichever instance the click lands on.

A click claims its key by inserting a row (`INSERT ... ON CONFLICT DO NOTHING`): only
one insert can win, in one process or across Cloud Run instances. The winner creates
the draft and records it on the row; a concurrent click waits for that record and
opens the same draft. A claim whose holder died (no draft after `CLAIM_SECONDS`) and a
recorded draft past its 15 minutes may be taken over. A click that gives up waiting
raises `DraftInProgress` rather than risk a second draft.
Keeps: keys are keyed hashes of (user, message, content); draft and thread ids only.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from enum import Enum
from types import TracebackType

from sqlalchemy import Engine, delete, select, update

from app.service.ports import DRAFT_TTL_SECONDS, CreatedReply, DraftInProgress
from app.store.dialect import insert
from app.store.hashkey import Hasher, draft_key
from app.store.housekeeping import Housekeeping
from app.store.schema import draft_claims

CLAIM_SECONDS = 60.0  # longer than any Gmail call (its timeout is at most 30 s)
WAIT_SECONDS = 20.0  # how long a second click waits for the first one's draft
_rows = draft_claims.c


class _Claim(Enum):
    OWNED = "owned"  # this click creates the draft
    DONE = "done"  # the draft exists: `get` returns it
    BUSY = "busy"  # another click is creating it


class SqlDraftLedger:
    """Drafts created per (user, message, content), in the `draft_claims` table."""

    def __init__(
        self,
        engine: Engine,
        hasher: Hasher,
        *,
        clock: Callable[[], float] = time.time,
        ttl: float = DRAFT_TTL_SECONDS,
        wait: float = WAIT_SECONDS,
    ) -> None:
        self._engine = engine
        self._hash = hasher
        self._clock = clock
        self._ttl = ttl
        self._wait = wait
        self._housekeeping = Housekeeping(clock)

    def key(self, user: str, message_id: str, content: bytes) -> str:
        """The idempotency key of one reply."""
        return draft_key(self._hash, user, message_id, content)

    def lock(self, key: str) -> ClaimGuard:
        """Claim `key` (or wait for the click that holds it) for the `with` block."""
        return ClaimGuard(self, key)

    def get(self, key: str) -> CreatedReply | None:
        """The draft already created under this key."""
        query = select(_rows.draft_id, _rows.thread_id).where(
            _rows.key == key, _rows.draft_id.is_not(None), _rows.expires_at > self._clock()
        )
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else CreatedReply(str(row.draft_id), str(row.thread_id))

    def put(self, key: str, reply: CreatedReply) -> None:
        """Record a created draft (on the claim row, or a new row)."""
        values = {
            "draft_id": reply.draft_id,
            "thread_id": reply.thread_id,
            "expires_at": self._clock() + self._ttl,
        }
        with self._engine.begin() as conn:
            statement = insert(conn, draft_claims).values(key=key, owner=_token(), **values)
            conn.execute(statement.on_conflict_do_update(index_elements=[_rows.key], set_=values))

    def claim(self, key: str, owner: str) -> _Claim:
        """One attempt to claim `key` for `owner`."""
        now = self._clock()
        with self._engine.begin() as conn:
            if self._housekeeping.due():
                conn.execute(delete(draft_claims).where(_rows.expires_at <= now))
            fresh = {
                "owner": owner,
                "draft_id": None,
                "thread_id": None,
                "expires_at": now + CLAIM_SECONDS,
            }
            # RETURNING, not rowcount: drivers report -1 for INSERT ... ON CONFLICT.
            won = conn.execute(
                insert(conn, draft_claims)
                .values(key=key, **fresh)
                .on_conflict_do_nothing()
                .returning(_rows.key)
            ).first()
            if won is not None:
                return _Claim.OWNED
            row = conn.execute(select(draft_claims).where(_rows.key == key)).first()
            if row is None:
                return _Claim.BUSY  # purged between the two statements: try again
            if row.expires_at > now:
                return _Claim.BUSY if row.draft_id is None else _Claim.DONE
            # Expired: a dead holder's claim or an old draft. Take it over, once.
            taken = conn.execute(
                update(draft_claims)
                .where(_rows.key == key, _rows.owner == row.owner)
                .values(**fresh)
                .returning(_rows.key)
            ).first()
            return _Claim.BUSY if taken is None else _Claim.OWNED

    def release(self, key: str, owner: str) -> None:
        """Drop `owner`'s claim unless a draft was recorded (the creation failed)."""
        with self._engine.begin() as conn:
            conn.execute(
                delete(draft_claims).where(
                    _rows.key == key, _rows.owner == owner, _rows.draft_id.is_(None)
                )
            )

    @property
    def wait_seconds(self) -> float:
        """How long `lock` waits for another click before raising `DraftInProgress`."""
        return self._wait


class ClaimGuard:
    """The `with` block of one click: claims on entry, releases an unused claim on exit."""

    def __init__(self, ledger: SqlDraftLedger, key: str) -> None:
        self._ledger = ledger
        self._key = key
        self._owner = _token()
        self._owned = False

    def __enter__(self) -> ClaimGuard:
        deadline = time.monotonic() + self._ledger.wait_seconds
        pause = 0.02
        while True:
            state = self._ledger.claim(self._key, self._owner)
            if state is not _Claim.BUSY:
                self._owned = state is _Claim.OWNED
                return self
            if time.monotonic() >= deadline:
                raise DraftInProgress("another click is creating this draft")
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._owned:
            self._ledger.release(self._key, self._owner)


def _token() -> str:
    return secrets.token_hex(16)
