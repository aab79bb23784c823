"""SqlDraftLedger: one draft per "Reply to both", across threads and instances."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from app.service.ports import DRAFT_TTL_SECONDS, CreatedReply, DraftInProgress, DraftLedger
from app.store.schema import draft_claims
from app.store.sql_ledger import CLAIM_SECONDS, SqlDraftLedger
from app.store.sql_store import Store
from tests.store.conftest import FakeClock, dump

USER = "1122334455"
DRAFT = CreatedReply("r-1", "t-1")


def _click(ledger: DraftLedger, key: str, create: Callable[[], CreatedReply]) -> CreatedReply:
    """What MessageService.reply does around the Gmail call."""
    with ledger.lock(key):
        done = ledger.get(key)
        if done is None:
            done = create()
            ledger.put(key, done)
    return done


def _rows(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(draft_claims)).scalar_one())


def test_key_is_a_keyed_hash_per_content(store: Store) -> None:
    """Keys are stable, differ by content, and name neither user nor message."""
    key = store.ledger.key(USER, "m-1", b"hello")
    assert key == store.ledger.key(USER, "m-1", b"hello")
    assert key != store.ledger.key(USER, "m-1", b"hello!")
    assert len(key) == 64
    assert USER not in key
    assert "m-1" not in key


def test_second_click_opens_the_same_draft(store: Store) -> None:
    """After a draft is recorded, the same click gets it back without creating another."""
    key = store.ledger.key(USER, "m-1", b"body")
    assert _click(store.ledger, key, lambda: DRAFT) == DRAFT
    assert _click(store.ledger, key, lambda: pytest.fail("created twice")) == DRAFT
    assert USER not in dump(store)


def test_failed_creation_releases_the_claim(store: Store) -> None:
    """When creating the draft fails, the claim goes, so a retry can create it."""
    key = store.ledger.key(USER, "m-1", b"body")

    def fail() -> CreatedReply:
        raise RuntimeError("gmail down")

    with pytest.raises(RuntimeError):
        _click(store.ledger, key, fail)
    assert _rows(store) == 0
    assert _click(store.ledger, key, lambda: DRAFT) == DRAFT


def _race(ledgers: list[DraftLedger], key: str, clicks: int = 8) -> tuple[int, set[CreatedReply]]:
    created: list[int] = []
    start = threading.Barrier(clicks)

    def create() -> CreatedReply:
        created.append(1)
        threading.Event().wait(0.2)  # Gmail takes a while: the others arrive meanwhile
        return CreatedReply(f"r-{len(created)}", "t-1")

    def click(n: int) -> CreatedReply:
        start.wait()
        return _click(ledgers[n % len(ledgers)], key, create)

    with ThreadPoolExecutor(clicks) as pool:
        results = set(pool.map(click, range(clicks)))
    return len(created), results


def test_concurrent_clicks_create_one_draft(store: Store) -> None:
    """Eight simultaneous clicks in one process create exactly one draft and all open it."""
    created, results = _race([store.ledger], store.ledger.key(USER, "m-1", b"body"))
    assert (created, results) == (1, {CreatedReply("r-1", "t-1")})


def test_clicks_on_two_instances_create_one_draft(store: Store, second_store: Store) -> None:
    """Clicks spread over two instances sharing the database still create one draft."""
    key = store.ledger.key(USER, "m-1", b"body")
    created, results = _race([store.ledger, second_store.ledger], key)
    assert (created, results) == (1, {CreatedReply("r-1", "t-1")})


def test_waiting_click_gives_up_without_drafting(store: Store, clock: FakeClock) -> None:
    """A click that waits too long for another raises DraftInProgress instead of drafting."""
    impatient = SqlDraftLedger(store.engine, store.hasher, clock=clock, wait=0.2)
    key = store.ledger.key(USER, "m-1", b"body")
    with store.ledger.lock(key), pytest.raises(DraftInProgress), impatient.lock(key):
        pytest.fail("entered while another click holds the claim")


def test_dead_holders_claim_is_taken_over(store: Store, clock: FakeClock) -> None:
    """A claim whose holder died is taken over once it is older than CLAIM_SECONDS."""
    key = store.ledger.key(USER, "m-1", b"body")
    assert store.ledger.claim(key, "dead-instance").value == "owned"
    clock.advance(CLAIM_SECONDS + 1)
    assert _click(store.ledger, key, lambda: DRAFT) == DRAFT


def test_recorded_draft_expires(store: Store, clock: FakeClock) -> None:
    """After 15 minutes the same click creates a new draft."""
    key = store.ledger.key(USER, "m-1", b"body")
    _click(store.ledger, key, lambda: DRAFT)
    clock.advance(DRAFT_TTL_SECONDS + 1)
    assert store.ledger.get(key) is None
    fresh = CreatedReply("r-2", "t-1")
    assert _click(store.ledger, key, lambda: fresh) == fresh


def test_expired_rows_are_purged(store: Store, clock: FakeClock) -> None:
    """Expired drafts leave the table on a later claim."""
    for n in range(3):
        _click(store.ledger, store.ledger.key(USER, f"m-{n}", b"body"), lambda: DRAFT)
    clock.advance(DRAFT_TTL_SECONDS + 1)
    fresh = SqlDraftLedger(store.engine, store.hasher, clock=clock)
    _click(fresh, fresh.key(USER, "m-9", b"body"), lambda: DRAFT)
    assert _rows(store) == 1


def test_put_without_a_claim(store: Store) -> None:
    """Recording a draft with no claim row still records it."""
    store.ledger.put("k" * 64, DRAFT)
    assert store.ledger.get("k" * 64) == DRAFT
