"""Reads go through requests prepared from a googleapiclient template: same as it builds."""

from __future__ import annotations

import pytest

from app.gmail.client import GmailClient


@pytest.mark.parametrize("fmt", ["full", "metadata", "minimal", "raw"])
@pytest.mark.parametrize("gmail_id", ["18c2f0a1b2c3d4e5", "r-123_abc", "GmailIdPlaceholder0x"])
def test_prepared_reads_equal_googleapiclient_requests(fmt, gmail_id):
    client = GmailClient("http://127.0.0.1:9/", 5)
    for resource, methods in (("threads", client._threads), ("messages", client._messages)):
        if resource == "threads" and fmt == "raw":  # not a thread format: both refuse it
            with pytest.raises(TypeError):
                client._prepared(resource, fmt, gmail_id)
            continue
        built = methods.get(userId="me", id=gmail_id, format=fmt)
        prepared = client._prepared(resource, fmt, gmail_id)
        assert (prepared.uri, prepared.method, prepared.body, prepared.methodId) == (
            built.uri,
            built.method,
            built.body,
            built.methodId,
        )
        assert prepared.headers == built.headers
        assert prepared.headers is not client._prepared(resource, fmt, gmail_id).headers
