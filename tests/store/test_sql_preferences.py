"""SqlPreferences: per-user preferences that survive restarts and are shared by instances."""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import select, update

from app.core.preferences import CHECK_CODES, Preferences
from app.store.schema import preferences, store_meta
from app.store.sql_store import Store, open_store
from tests.store.conftest import HASH_KEY, FakeClock, dump

USER = "110248495921238986420"
CUSTOM = Preferences(
    name="Dana Reyes",
    sign_off="Warmly,",
    next_step="video",
    tone="formal",
    enabled_checks=frozenset({"ask", "resume_attached"}),
    variant=3,
    language="de",
)


def test_round_trip(store: Store) -> None:
    """What is saved is what is loaded, field by field."""
    store.preferences.save(USER, CUSTOM)
    assert store.preferences.load(USER) == CUSTOM


def test_unknown_user_gets_defaults(store: Store) -> None:
    """A user who never saved anything gets the default preferences."""
    assert store.preferences.load("never-seen") == Preferences()


def test_save_replaces(store: Store) -> None:
    """Saving again replaces the row rather than adding one."""
    store.preferences.save(USER, CUSTOM)
    store.preferences.save(USER, Preferences(name="Dana"))
    assert store.preferences.load(USER) == Preferences(name="Dana")
    with store.engine.connect() as conn:
        assert len(conn.execute(select(preferences)).all()) == 1


def test_users_are_separate(store: Store) -> None:
    """One user's preferences are not another's."""
    store.preferences.save(USER, CUSTOM)
    assert store.preferences.load(USER + "1") == Preferences()


def test_user_id_stored_as_keyed_hash(store: Store) -> None:
    """The table holds HMAC(hash key, user id), never the id or an address."""
    store.preferences.save(USER, CUSTOM)
    with store.engine.connect() as conn:
        (stored,) = conn.execute(select(preferences.c.user_hash)).scalars().all()
    expected = hmac.new(HASH_KEY.encode(), f"user\x1f{USER}".encode(), hashlib.sha256).hexdigest()
    assert stored == expected
    assert USER not in dump(store)
    assert "@" not in dump(store)


def test_shared_between_instances(store: Store, second_store: Store) -> None:
    """A second instance on the same database reads what the first saved."""
    store.preferences.save(USER, CUSTOM)
    assert second_store.preferences.load(USER) == CUSTOM


def test_survives_reopening(database_url: str, clock: FakeClock) -> None:
    """Preferences outlive the process: a store opened later finds them."""
    first = open_store(database_url, HASH_KEY, clock=clock)
    first.preferences.save(USER, CUSTOM)
    first.close()
    again = open_store(database_url, HASH_KEY, clock=clock)
    try:
        assert again.preferences.load(USER) == CUSTOM
    finally:
        again.close()


def test_without_hash_key_the_database_keeps_one(database_url: str, clock: FakeClock) -> None:
    """With no INTRO_HASH_KEY, instances agree through a key kept in store_meta."""
    first = open_store(database_url, None, clock=clock)
    second = open_store(database_url, None, clock=clock)
    try:
        first.preferences.save(USER, CUSTOM)
        assert second.preferences.load(USER) == CUSTOM
        with first.engine.connect() as conn:
            assert len(conn.execute(select(store_meta)).all()) == 1
        assert USER not in dump(first)
    finally:
        first.close()
        second.close()


def test_disabled_checks_are_stored_so_new_checks_start_on(store: Store) -> None:
    """Only switched-off checks are stored: a check unknown to the row counts as on."""
    store.preferences.save(USER, Preferences(enabled_checks=CHECK_CODES - {"ask"}))
    with store.engine.connect() as conn:
        assert conn.execute(select(preferences.c.disabled_checks)).scalar_one() == "ask"
    with store.engine.begin() as conn:
        conn.execute(update(preferences).values(disabled_checks="ask retired_check"))
    assert store.preferences.load(USER).enabled_checks == CHECK_CODES - {"ask"}


def test_unknown_values_fall_back_to_defaults(store: Store) -> None:
    """A tone, next step or language the code does not know reads back as the default."""
    store.preferences.save(USER, CUSTOM)
    with store.engine.begin() as conn:
        conn.execute(update(preferences).values(tone="shouty", next_step="lunch", language="xx"))
    loaded = store.preferences.load(USER)
    assert (loaded.tone, loaded.next_step) == (Preferences().tone, Preferences().next_step)
    assert loaded.language == "auto"
    assert loaded.name == CUSTOM.name


def test_long_values_are_clipped(store: Store) -> None:
    """Names and sign-offs are clipped to 200 characters and the variant to a sane range."""
    store.preferences.save(USER, Preferences(name="x" * 500, sign_off="y" * 300, variant=-4))
    loaded = store.preferences.load(USER)
    assert (len(loaded.name), len(loaded.sign_off), loaded.variant) == (200, 200, 0)
