"""Builds the long-lived objects once per configuration: Gmail client, state, services.

Everything here is made once per process (not per request): the Gmail service from
the bundled discovery document, the certs cache, the store and its connection pool.
`INTRO_DATABASE_URL` picks the storage: the SQL store (`app.store.sql_store`, imported
only here, on first use, so process start stays fast), or `memory://` for this process
only (`app.store.memory`).
"""

from __future__ import annotations

import atexit
import threading
from dataclasses import dataclass

from app.cards.urls import Urls
from app.gmail.client import GmailClient
from app.gmail.reader import GmailReader
from app.service.compose import ComposeService
from app.service.message import MessageService
from app.service.ports import DraftLedger, MailReader, PreferencesStore, RecentIntros
from app.settings import MEMORY_URL, Settings
from app.store.hashkey import Hasher
from app.store.memory import MemoryDraftLedger, MemoryPreferences, MemoryRecentIntros


@dataclass(frozen=True, slots=True)
class Storage:
    """Where preferences and the short-lived state live."""

    preferences: PreferencesStore
    recent: RecentIntros
    ledger: DraftLedger


@dataclass(frozen=True, slots=True)
class Services:
    """What the routes call."""

    urls: Urls
    message: MessageService
    compose: ComposeService
    preferences: PreferencesStore
    profile: str
    recent: RecentIntros | None = None  # the homepage list of recent introductions


def memory_storage(settings: Settings) -> Storage:
    """Storage in this process (tests, a one-process demo): lost on restart."""
    hasher = Hasher(settings.hash_key.encode("utf-8") if settings.hash_key else None)
    return Storage(MemoryPreferences(), MemoryRecentIntros(hasher), MemoryDraftLedger(hasher))


def storage_for(settings: Settings) -> Storage:
    """The storage `INTRO_DATABASE_URL` names; the SQL store is migrated to head first."""
    if settings.database_url == MEMORY_URL:
        return memory_storage(settings)
    from app.store.sql_store import open_store

    store = open_store(settings.database_url, settings.hash_key)
    return Storage(store.preferences, store.recent, store.ledger)


def build_services(
    settings: Settings,
    reader: MailReader,
    preferences: PreferencesStore | None = None,
    *,
    storage: Storage | None = None,
) -> Services:
    """Wire the services around a mail reader (real or fake); storage in memory by default."""
    urls = Urls(settings.public_url or "http://127.0.0.1:8080")
    storage = storage or memory_storage(settings)
    return Services(
        urls=urls,
        message=MessageService(reader, urls, storage.ledger, storage.recent),
        compose=ComposeService(
            reader, urls, storage.recent, read_drafts=settings.profile == "draft-read"
        ),
        preferences=preferences or storage.preferences,
        profile=settings.profile,
        recent=storage.recent,
    )


_built: dict[tuple[object, ...], Services] = {}
_lock = threading.Lock()


def services_for(settings: Settings) -> Services:
    """The production services for these settings, built on first use."""
    key = (
        settings.public_url,
        settings.gmail_api_endpoint,
        settings.gmail_timeout_seconds,
        settings.hash_key,
        settings.profile,
        settings.database_url,
    )
    with _lock:
        if key not in _built:
            client = GmailClient(settings.gmail_api_endpoint, settings.gmail_timeout_seconds)
            atexit.register(client.close)  # pooled keep-alive sockets close with the process
            storage = storage_for(settings)
            _built[key] = build_services(settings, GmailReader(client), storage=storage)
        return _built[key]
