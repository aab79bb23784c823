"""SqlRecentIntros: introductions a user opened, found again from a draft's recipients."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import Table, func, insert, select

from app.service.ports import INTRO_TTL_SECONDS
from app.store.schema import recent_intro_people, recent_intros
from app.store.sql_intros import KEEP_PER_USER
from app.store.sql_store import Store
from tests.store.conftest import FakeClock, dump

USER = "1122334455"
JOE = "Joe.Smith@example.com"
SUE = "sue.park@example.org"


def _count(store: Store, table: Table = recent_intros) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_found_by_a_recipient(store: Store) -> None:
    """A draft addressed to Sue finds the introduction Joe made, with Joe's address."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE, "dana@reyes.example"])
    found = store.recent.find(USER, ["SUE.PARK@example.org"])
    assert found is not None
    assert (found.introducer, found.introducer_name) == (JOE.lower(), "Joe Smith")
    assert len(found.participants) == 2


def test_unrelated_or_no_recipients_find_nothing(store: Store) -> None:
    """Recipients outside the introduction, or none at all, match nothing."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE])
    assert store.recent.find(USER, ["someone@else.example"]) is None
    assert store.recent.find(USER, ["", ""]) is None


def test_per_user(store: Store) -> None:
    """One user's introductions are invisible to another user."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE])
    assert store.recent.find("another-user", [SUE]) is None


def test_expires_after_fourteen_days(store: Store, clock: FakeClock) -> None:
    """An introduction is forgotten once its 14 days are over."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE])
    clock.advance(INTRO_TTL_SECONDS - 1)
    assert store.recent.find(USER, [SUE]) is not None
    clock.advance(2)
    assert store.recent.find(USER, [SUE]) is None


def test_expired_rows_are_purged_on_a_later_write(store: Store, clock: FakeClock) -> None:
    """Expired introductions and their participants leave the tables on a later write."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE, "x@example.com"])
    clock.advance(INTRO_TTL_SECONDS + 3600)
    store.recent.remember("other", "ann@example.com", "Ann", ["bo@example.com"])
    assert (_count(store), _count(store, recent_intro_people)) == (1, 1)


def test_newest_first_and_seen_again_moves_up(store: Store, clock: FakeClock) -> None:
    """The newest matching introduction wins; opening an older one again makes it newest."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE])
    clock.advance(60)
    store.recent.remember(USER, "ann@example.com", "Ann Lee", [SUE, "bo@example.com"])
    found = store.recent.find(USER, [SUE])
    assert found is not None
    assert found.introducer == "ann@example.com"
    clock.advance(60)
    store.recent.remember(USER, JOE, "Joe S.", [SUE])
    found = store.recent.find(USER, [SUE])
    assert found is not None
    assert found.introducer_name == "Joe S."
    assert _count(store) == 2


def test_keeps_the_newest_twenty_per_user(store: Store, clock: FakeClock) -> None:
    """Each user keeps the newest 20 introductions; the rest go with their participants."""
    for n in range(KEEP_PER_USER + 5):
        clock.advance(1)
        store.recent.remember(USER, JOE, "Joe", [f"p{n}@example.com"])
    assert _count(store) == KEEP_PER_USER
    assert _count(store, recent_intro_people) == KEEP_PER_USER
    assert store.recent.find(USER, ["p0@example.com"]) is None
    assert store.recent.find(USER, [f"p{KEEP_PER_USER + 4}@example.com"]) is not None


def test_nothing_to_match_is_not_stored(store: Store) -> None:
    """An introduction with no other participant is not kept (nothing could find it)."""
    store.recent.remember(USER, JOE, "Joe Smith", ["", ""])
    assert _count(store) == 0


def test_stores_hashes_not_participants(store: Store) -> None:
    """Only the introducer's address is kept in clear; users and others are keyed hashes."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE, "dana@reyes.example"])
    stored = dump(store)
    assert JOE.lower() in stored
    for secret in (USER, SUE, "sue.park", "dana@reyes.example", "reyes.example"):
        assert secret not in stored


def test_shared_between_instances(store: Store, second_store: Store) -> None:
    """An introduction opened on one instance is found from a draft on another."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE])
    found = second_store.recent.find(USER, [SUE])
    assert found is not None
    assert found.introducer == JOE.lower()


def test_same_intro_remembered_at_once_by_two_instances(store: Store) -> None:
    """A concurrent insert of the same introduction wins quietly: one row, no error."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one writer at a time: the two writes cannot overlap")
    hashed = store.hasher("addr", SUE)
    row = {
        "user_hash": store.hasher("user", USER),
        "people_hash": store.hasher("people", hashed),
        "introducer": JOE.lower(),
        "introducer_name": "Joe",
        "seen_at": 0.0,
        "expires_at": 4e9,
    }
    with store.engine.connect() as other:
        other.execute(insert(recent_intros).values(**row))  # not committed yet
        later = threading.Thread(target=store.recent.remember, args=(USER, JOE, "Joe", [SUE]))
        later.start()
        time.sleep(0.5)  # the thread's insert now waits on the unique index
        other.commit()
        later.join(timeout=30)
    assert _count(store) == 1


def test_listing_gives_thread_and_stage_newest_first(store: Store, clock: FakeClock) -> None:
    """The homepage list: each introduction's thread id, stage and time, newest first."""
    store.recent.remember(
        USER, JOE, "Joe Smith", [SUE], thread_id="t-old", stage="replied", introduced_at=1.5e9
    )
    clock.advance(60)
    store.recent.remember(USER, JOE, "Joe Smith", ["x@example.com"], thread_id="t-new")
    listed = store.recent.listing(USER)
    assert [(i.thread_id, i.stage) for i in listed] == [("t-new", "new"), ("t-old", "replied")]
    assert listed[0].seen_at == clock.now
    assert (listed[0].introduced_at, listed[1].introduced_at) == (0.0, 1.5e9)
    assert store.recent.listing("another-user") == ()


def test_a_newer_sighting_moves_the_stage_on(store: Store, clock: FakeClock) -> None:
    """Opening the same introduction later replaces its stage (one row per participant set)."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE], thread_id="t1", stage="replied")
    clock.advance(60)
    store.recent.remember(USER, JOE, "Joe Smith", [SUE], thread_id="t1", stage="connected")
    assert [(i.thread_id, i.stage) for i in store.recent.listing(USER)] == [("t1", "connected")]


def test_listing_skips_rows_without_a_thread_and_expires(store: Store, clock: FakeClock) -> None:
    """Rows kept without a thread id (older callers) are not listed; 14 days later, none are."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE])
    store.recent.remember(USER, JOE, "Joe Smith", ["x@example.com"], thread_id="t1")
    assert [i.thread_id for i in store.recent.listing(USER)] == ["t1"]
    clock.advance(INTRO_TTL_SECONDS + 1)
    assert store.recent.listing(USER) == ()


def test_listing_keeps_no_names_or_addresses(store: Store) -> None:
    """What the list reads holds neither names nor addresses; the tables hold no stage text
    beyond the four stages."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE], thread_id="t1", stage="loop_closed")
    listed = store.recent.listing(USER)
    assert "Joe" not in repr(listed)
    assert SUE not in repr(listed)
    assert SUE not in dump(store)


def test_two_threads_with_the_same_people_are_two_rows(store: Store) -> None:
    """Joe introducing Sue twice, in two threads: both are listed; compose finds the newer."""
    store.recent.remember(USER, JOE, "Joe Smith", [SUE], thread_id="t1", stage="connected")
    store.recent.remember(USER, JOE, "Joe Smith", [SUE], thread_id="t2")
    assert [i.thread_id for i in store.recent.listing(USER)] == ["t2", "t1"]
    assert store.recent.find(USER, [SUE]) is not None
