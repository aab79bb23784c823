"""The in-process adapters: the homepage list of recent introductions, and its expiry."""

from __future__ import annotations

from app.store.hashkey import Hasher
from app.store.memory import MemoryRecentIntros, TTLMap

JOE = "joe@example.com"
SUE = "sue@example.org"


class _Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_listing_gives_thread_and_stage_newest_first() -> None:
    clock = _Clock()
    recent = MemoryRecentIntros(Hasher(b"k"), wall_clock=clock)
    recent.remember("u1", JOE, "Joe", [SUE], thread_id="t1", stage="replied", introduced_at=7.0)
    clock.now += 60
    recent.remember("u1", JOE, "Joe", ["x@example.com"], thread_id="t2", stage="connected")
    listed = recent.listing("u1")
    assert [(i.thread_id, i.stage) for i in listed] == [("t2", "connected"), ("t1", "replied")]
    assert listed[0].seen_at == clock.now
    assert listed[1].introduced_at == 7.0
    assert recent.listing("u2") == ()


def test_a_newer_sighting_replaces_the_older_one() -> None:
    recent = MemoryRecentIntros(Hasher(b"k"))
    recent.remember("u1", JOE, "Joe", [SUE], thread_id="t1", stage="replied")
    recent.remember("u1", JOE, "Joe", [SUE], thread_id="t1", stage="loop_closed")
    assert [i.stage for i in recent.listing("u1")] == ["loop_closed"]
    found = recent.find("u1", [SUE])
    assert found is not None
    assert found.introducer == JOE


def test_rows_without_a_thread_are_not_listed() -> None:
    recent = MemoryRecentIntros(Hasher(b"k"))
    recent.remember("u1", JOE, "Joe", [SUE])
    assert recent.listing("u1") == ()
    assert recent.find("u1", [SUE]) is not None


def test_the_list_expires_with_the_introductions() -> None:
    now = [0.0]
    recent = MemoryRecentIntros(Hasher(b"k"), ttl=10)
    recent._by_user = TTLMap(10, clock=lambda: now[0])  # the expiry clock, moved by hand
    recent.remember("u1", JOE, "Joe", [SUE], thread_id="t1")
    assert len(recent.listing("u1")) == 1
    now[0] = 11
    assert recent.listing("u1") == ()


def test_two_threads_with_the_same_people_are_two_rows() -> None:
    recent = MemoryRecentIntros(Hasher(b"k"))
    recent.remember("u1", JOE, "Joe", [SUE], thread_id="t1", stage="connected")
    recent.remember("u1", JOE, "Joe", [SUE], thread_id="t2")
    assert [i.thread_id for i in recent.listing("u1")] == ["t2", "t1"]
