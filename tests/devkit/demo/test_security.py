"""Demo tokens are worthless outside demo mode: production verifies against Google's keys."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.main import BACKEND_NOTICE, create_app
from app.settings import Settings
from devkit.demo.routes import DemoState
from devkit.emulator import serve_in_thread
from tests.addon.google_fakes import CLIENT_ID, SERVICE_ACCOUNT
from tests.api.harness import Stack, running_stack


@pytest.fixture(scope="module")
def production() -> Iterator[Stack]:
    """Our app with production settings (demo off), Google played by the test signer."""
    with running_stack() as stack:
        yield stack


@pytest.fixture(scope="module")
def demo_state() -> DemoState:
    """A demo app's state, holding the demo's own signing key."""
    app = create_app(Settings(demo=True, public_url="http://127.0.0.1:8080"))
    state = app.state.demo
    assert isinstance(state, DemoState)
    return state


def test_production_rejects_demo_signed_system_token(
    production: Stack, demo_state: DemoState
) -> None:
    """A token signed with the demo key, even with production's audience and account, is 401."""
    mid, tid = production.add(b"From: a@b.example\r\nTo: c@d.example\r\nSubject: x\r\n\r\nhi\r\n")
    signer = demo_state.identity.signer
    token = signer.system_token(
        audience=production.url + "/addon/message", service_account=SERVICE_ACCOUNT
    )
    event = production.event(message_id=mid, thread_id=tid)
    response = production.post("/addon/message", event, token=token)
    assert response.status_code == 401
    assert production.log.entries() == []


def test_production_rejects_demo_signed_user_token(
    production: Stack, demo_state: DemoState
) -> None:
    """A demo-signed userIdToken under a valid Google caller token is 401 too."""
    event = production.event()
    event["authorizationEventObject"]["userIdToken"] = demo_state.identity.signer.user_token(
        client_id=CLIENT_ID, sub="1", email="dana@reyes.example"
    )
    assert production.post("/addon/homepage", event).status_code == 401


def test_production_serves_no_demo_routes() -> None:
    """With demo off: no simulator, no certs, no invoke; `/` is a plain notice."""
    with (
        serve_in_thread(create_app(Settings())) as server,
        httpx.Client(base_url=server.url) as http,
    ):
        assert http.get("/").text == BACKEND_NOTICE
        assert http.get("/demo/certs").status_code == 404
        assert http.post("/demo/invoke", json={"function": "/addon/homepage"}).status_code == 404
        assert http.get("/demo/gmail/gmail/v1/users/me/drafts").status_code == 404
