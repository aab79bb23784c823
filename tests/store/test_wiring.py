"""app/wiring.py with the store: INTRO_DATABASE_URL picks the storage the services use."""

from __future__ import annotations

from pathlib import Path

from app.core.preferences import Preferences
from app.settings import MEMORY_URL, Settings
from app.store.engine import connect
from app.store.memory import MemoryDraftLedger, MemoryPreferences, MemoryRecentIntros
from app.store.migrate import current_revision
from app.store.sql_intros import SqlRecentIntros
from app.store.sql_ledger import SqlDraftLedger
from app.store.sql_preferences import SqlPreferences
from app.wiring import build_services, services_for, storage_for


def _settings(url: str) -> Settings:
    return Settings(database_url=url, hash_key="wiring-test-key")


def test_memory_url_keeps_state_in_the_process() -> None:
    """`memory://` gives the in-process classes and touches no database."""
    storage = storage_for(_settings(MEMORY_URL))
    assert isinstance(storage.preferences, MemoryPreferences)
    assert isinstance(storage.recent, MemoryRecentIntros)
    assert isinstance(storage.ledger, MemoryDraftLedger)


def test_sqlite_url_opens_the_migrated_store(tmp_path: Path) -> None:
    """A SQLite URL gives the SQL classes on a database already at head."""
    url = f"sqlite:///{tmp_path}/var/wiring.sqlite3"
    storage = storage_for(_settings(url))
    assert isinstance(storage.preferences, SqlPreferences)
    assert isinstance(storage.recent, SqlRecentIntros)
    assert isinstance(storage.ledger, SqlDraftLedger)
    engine = connect(url)
    try:
        assert current_revision(engine) is not None
    finally:
        engine.dispose()


def test_services_for_persists_preferences(tmp_path: Path) -> None:
    """Production services save preferences to the database, built once per settings."""
    settings = _settings(f"sqlite:///{tmp_path}/prefs.sqlite3")
    services = services_for(settings)
    assert services_for(settings) is services
    services.preferences.save("user-1", Preferences(name="Dana"))
    reopened = storage_for(settings)
    assert reopened.preferences.load("user-1") == Preferences(name="Dana")


def test_build_services_with_fakes_stays_in_memory() -> None:
    """Tests that wire fakes get in-memory storage, or the preferences they pass."""
    settings = _settings("sqlite:////nonexistent/never-opened.sqlite3")
    fake = MemoryPreferences()
    services = build_services(settings, reader=object(), preferences=fake)  # type: ignore[arg-type]
    assert services.preferences is fake
    assert isinstance(build_services(settings, object()).preferences, MemoryPreferences)  # type: ignore[arg-type]
