"""GmailClient against a server that answers oddly shaped JSON or non-JSON errors."""

from __future__ import annotations

import json

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.gmail.client import GmailClient
from app.gmail.errors import AccessDenied, GmailUnavailable, RateLimited

from .conftest import TIMEOUT_SECONDS


def _answering(status: int, body: object) -> Starlette:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()

    async def answer(request: Request) -> Response:
        return Response(content, status_code=status, media_type="application/json")

    methods = ["GET", "POST", "PUT"]
    return Starlette(routes=[Route("/{path:path}", answer, methods=methods)])


@pytest.fixture
def odd(gmail_server):
    """A client whose server answers whatever the test sets with `gmail_server.set_app`."""
    with GmailClient(gmail_server.url, TIMEOUT_SECONDS) as client:
        yield client


@pytest.mark.parametrize(
    ("body", "call"),
    [
        ([1, 2], lambda c, a: c.get_message(a, "m")),
        ({"size": 3, "data": "%%%"}, lambda c, a: c.get_attachment(a, "m", "att")),
        ({"size": 3}, lambda c, a: c.get_attachment(a, "m", "att")),
        ({"id": "r1"}, lambda c, a: c.create_draft(a, b"Subject: x\r\n\r\ny", "t")),
        ({"drafts": "none"}, lambda c, a: c.list_drafts(a)),
    ],
    ids=["list-body", "bad-base64", "no-data", "draft-no-message", "drafts-not-list"],
)
def test_malformed_success_answers_are_unavailable(gmail_server, odd, auth, body, call):
    """A 200 whose JSON is not the expected shape is GmailUnavailable, not a crash."""
    gmail_server.set_app(_answering(200, body))
    with pytest.raises(GmailUnavailable):
        call(odd, auth)


@pytest.mark.parametrize(
    ("body", "reauthorize"),
    [
        (b"<html>Forbidden</html>", False),
        ({"error": "denied"}, False),
        ({"error": {"code": 403, "errors": "x"}}, False),
        (
            {
                "error": {
                    "code": 403,
                    "details": [
                        {"@type": "type.googleapis.com/google.rpc.Help"},
                        {
                            "@type": "google.rpc.ErrorInfo",
                            "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                        },
                    ],
                }
            },
            True,
        ),
    ],
    ids=["html", "error-string", "errors-not-list", "details-reason"],
)
def test_forbidden_reason_is_read_defensively(gmail_server, odd, auth, body, reauthorize):
    """The 403 reason comes from `errors[]` or `details[]`; odd bodies just lack one."""
    gmail_server.set_app(_answering(403, body))
    with pytest.raises(AccessDenied) as caught:
        odd.get_message(auth, "m")
    assert caught.value.reauthorize is reauthorize


def test_quota_403_is_rate_limited(gmail_server, odd, auth):
    """Google's quota 403s (e.g. userRateLimitExceeded) count as rate limiting."""
    body = {"error": {"code": 403, "errors": [{"reason": "userRateLimitExceeded"}]}}
    gmail_server.set_app(_answering(403, body))
    with pytest.raises(RateLimited):
        odd.get_message(auth, "m")


def test_html_server_error_is_unavailable(gmail_server, odd, auth):
    """A 502 with an HTML body is GmailUnavailable."""
    gmail_server.set_app(_answering(502, b"<html>Bad Gateway</html>"))
    with pytest.raises(GmailUnavailable):
        odd.get_thread(auth, "t")
