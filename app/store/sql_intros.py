"""`RecentIntros` in SQL: the introductions each user opened lately, shared by every instance.

Keeps: no mail content. A row holds the user's keyed hash, the introducer's address
and name (the "put them back on Cc" fix writes them), Gmail's opaque thread id, the
follow-up stage and the introduction's date (the homepage list), and, in
`recent_intro_people`, keyed hashes of the other participants' addresses. Rows expire
after 14 days; each user keeps the newest 20; expired rows are purged on a write, now
and then.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.exc import IntegrityError

from app.service.ports import INTRO_TTL_SECONDS, IntroListing, RememberedIntro
from app.store.dialect import insert
from app.store.hashkey import Hasher
from app.store.housekeeping import Housekeeping
from app.store.schema import ADDRESS, STAGE, TEXT, recent_intro_people, recent_intros

KEEP_PER_USER = 20
_intros = recent_intros.c
_people = recent_intro_people.c


class SqlRecentIntros:
    """Introductions each user opened recently, found again from a draft's recipients."""

    def __init__(
        self,
        engine: Engine,
        hasher: Hasher,
        *,
        clock: Callable[[], float] = time.time,
        ttl: float = INTRO_TTL_SECONDS,
    ) -> None:
        self._engine = engine
        self._hash = hasher
        self._clock = clock
        self._ttl = ttl
        self._housekeeping = Housekeeping(clock)

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
        people = sorted({self._hash("addr", a.lower()) for a in others if a})
        if not people:
            return  # nothing a draft's recipients could ever match
        user_hash, now = self._hash("user", user), self._clock()
        row = {
            "user_hash": user_hash,
            # One row per participant set and thread: two threads with the same people
            # are two rows of the homepage list.
            "people_hash": self._hash("people", *people, *([thread_id] if thread_id else [])),
            "introducer": introducer.lower()[:ADDRESS],
            "introducer_name": introducer_name[:TEXT],
            "seen_at": now,
            "expires_at": now + self._ttl,
            "thread_id": thread_id[:TEXT],
            "stage": stage[:STAGE],
            "introduced_at": introduced_at,
        }
        try:
            with self._engine.begin() as conn:
                if self._housekeeping.due():
                    conn.execute(delete(recent_intros).where(_intros.expires_at <= now))
                _replace(conn, row, people)
                _trim(conn, user_hash)
        except IntegrityError:
            return  # a concurrent call just remembered the same introduction

    def find(self, user: str, recipients: Iterable[str]) -> RememberedIntro | None:
        """The newest remembered introduction whose other people are among `recipients`."""
        hashed = {self._hash("addr", r.lower()) for r in recipients if r}
        if not hashed:
            return None
        shared = select(_people.intro_id).where(
            _people.intro_id == _intros.id, _people.person_hash.in_(hashed)
        )
        query = (
            select(_intros.id, _intros.introducer, _intros.introducer_name)
            .where(_intros.user_hash == self._hash("user", user))
            .where(_intros.expires_at > self._clock(), shared.exists())
            .order_by(_intros.seen_at.desc(), _intros.id.desc())
            .limit(1)
        )
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
            if row is None:
                return None
            found = conn.execute(select(_people.person_hash).where(_people.intro_id == row.id))
            participants = frozenset(str(value) for value in found.scalars())
        return RememberedIntro(str(row.introducer), str(row.introducer_name), participants)

    def listing(self, user: str) -> tuple[IntroListing, ...]:
        """The user's live introductions that have a thread id, newest first."""
        query = (
            select(_intros.thread_id, _intros.stage, _intros.seen_at, _intros.introduced_at)
            .where(_intros.user_hash == self._hash("user", user))
            .where(_intros.expires_at > self._clock(), _intros.thread_id != "")
            .order_by(_intros.seen_at.desc(), _intros.id.desc())
            .limit(KEEP_PER_USER)
        )
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return tuple(
            IntroListing(str(r.thread_id), str(r.stage), float(r.seen_at), float(r.introduced_at))
            for r in rows
        )


def _replace(conn: Connection, row: dict[str, object], people: list[str]) -> None:
    # The same participant set is kept once: the newer sighting replaces the older.
    conn.execute(
        delete(recent_intros).where(
            _intros.user_hash == row["user_hash"], _intros.people_hash == row["people_hash"]
        )
    )
    result = conn.execute(insert(conn, recent_intros).values(**row))
    intro_id = result.inserted_primary_key[0] if result.inserted_primary_key else None
    conn.execute(
        insert(conn, recent_intro_people),
        [{"intro_id": intro_id, "person_hash": p} for p in people],
    )


def _trim(conn: Connection, user_hash: str) -> None:
    # Participants go with their introduction (ON DELETE CASCADE).
    older = (
        select(_intros.id)
        .where(_intros.user_hash == user_hash)
        .order_by(_intros.seen_at.desc(), _intros.id.desc())
        .offset(KEEP_PER_USER)
    )
    stale = [int(value) for value in conn.execute(older).scalars()]
    if stale:
        conn.execute(delete(recent_intros).where(_intros.id.in_(stale)))
