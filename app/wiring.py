"""Builds the long-lived objects once per configuration: Gmail client, state, services.

Everything here is made once per process (not per request): the Gmail service from
the bundled discovery document, the certs cache, the state maps.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from app.cards.urls import Urls
from app.gmail.client import GmailClient
from app.gmail.reader import GmailReader
from app.service.compose import ComposeService
from app.service.message import MessageService
from app.service.ports import MailReader, MemoryPreferences, PreferencesStore
from app.settings import Settings
from app.state import DraftLedger, Hasher, RecentIntros


@dataclass(frozen=True, slots=True)
class Services:
    """What the routes call."""

    urls: Urls
    message: MessageService
    compose: ComposeService
    preferences: PreferencesStore
    profile: str


def build_services(
    settings: Settings, reader: MailReader, preferences: PreferencesStore | None = None
) -> Services:
    """Wire the services around a mail reader (real or fake)."""
    urls = Urls(settings.public_url or "http://127.0.0.1:8080")
    hasher = Hasher(settings.hash_key.encode("utf-8") if settings.hash_key else None)
    recent = RecentIntros(hasher)
    return Services(
        urls=urls,
        message=MessageService(reader, urls, DraftLedger(hasher), recent),
        compose=ComposeService(reader, urls, recent, read_drafts=settings.profile == "draft-read"),
        preferences=preferences or MemoryPreferences(),
        profile=settings.profile,
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
    )
    with _lock:
        if key not in _built:
            client = GmailClient(settings.gmail_api_endpoint, settings.gmail_timeout_seconds)
            _built[key] = build_services(settings, GmailReader(client))
        return _built[key]
