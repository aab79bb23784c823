"""Ids Gmail can't have are "not found" before any request is sent."""

from __future__ import annotations

import pytest

from app.gmail.errors import MessageNotFound


@pytest.mark.parametrize("bad", ["", "a b", "../threads/x", "é", "x\r\nHost: evil", "x" * 5000])
def test_impossible_ids_are_not_found_without_a_request(gmail, auth, request_log, bad):
    """A message, thread or draft id outside [A-Za-z0-9_-] never reaches a URL."""
    for fetch in (gmail.get_message, gmail.get_thread, gmail.get_draft):
        with pytest.raises(MessageNotFound):
            fetch(auth, bad)
    assert len(request_log) == 0
