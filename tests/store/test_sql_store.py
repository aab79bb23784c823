"""open_store: connects, migrates, and gives back nothing half-open when that fails."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy.exc import OperationalError

from app.store.migrate import HEAD_REVISION, current_revision
from app.store.sql_store import Store, open_store


def test_opened_store_is_at_head(store: Store) -> None:
    """A freshly opened store has its schema at the newest revision."""
    assert current_revision(store.engine) == HEAD_REVISION


def test_unreachable_database_raises() -> None:
    """A database that does not answer fails the open with SQLAlchemy's error."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(OperationalError):
        open_store(f"postgresql://u@127.0.0.1:{port}/x", "key")
