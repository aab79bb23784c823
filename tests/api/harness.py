"""A whole add-on stack on loopback: our app under uvicorn, the Gmail emulator, Google's certs.

Requests are signed like Google's (system token for the exact endpoint URL, user ID
token in the body) with the test signer, and verified by google-auth for real.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.main import create_app
from app.settings import Settings, get_settings
from devkit.emulator import (
    Faults,
    Mailbox,
    RequestLog,
    RunningServer,
    create_gmail_app,
    serve_in_thread,
)
from tests.addon.google_fakes import CLIENT_ID, SERVICE_ACCOUNT, CertsServer, shared_signer

USER = "dana@reyes.example"
USER_SUB = "1122334455"
USER_TOKEN = "ya29.api-test-user-token"
MESSAGE_TOKEN = "api-test-message-token"
ALL_SCOPES = (
    "https://www.googleapis.com/auth/gmail.addons.execute",
    "https://www.googleapis.com/auth/gmail.addons.current.message.readonly",
    "https://www.googleapis.com/auth/gmail.addons.current.message.metadata",
    "https://www.googleapis.com/auth/gmail.addons.current.action.compose",
    "https://www.googleapis.com/auth/userinfo.email",
)


@dataclass
class Stack:
    """The running pieces and a way to call our endpoints as Google would."""

    app_server: RunningServer
    gmail_server: RunningServer
    certs: CertsServer
    mailbox: Mailbox
    faults: Faults
    log: RequestLog
    settings: Settings
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=15))

    @property
    def url(self) -> str:
        return self.app_server.url

    def event(
        self,
        *,
        message_id: str = "",
        thread_id: str = "",
        params: Mapping[str, str] | None = None,
        form: Mapping[str, list[str]] | None = None,
        scopes: tuple[str, ...] = ALL_SCOPES,
        user: str | None = USER,
        **gmail: Any,
    ) -> dict[str, Any]:
        """An event object like Google's."""
        auth: dict[str, Any] = {"userOAuthToken": USER_TOKEN, "authorizedScopes": list(scopes)}
        if user:
            auth["userIdToken"] = shared_signer().user_token(
                client_id=CLIENT_ID, sub=USER_SUB, email=user
            )
        common: dict[str, Any] = {"hostApp": "GMAIL", "platform": "WEB"}
        if params:
            common["parameters"] = dict(params)
        if form:
            common["formInputs"] = {k: {"stringInputs": {"value": v}} for k, v in form.items()}
        box = {
            "messageId": message_id,
            "threadId": thread_id,
            "accessToken": MESSAGE_TOKEN,
            **gmail,
        }
        return {"commonEventObject": common, "authorizationEventObject": auth, "gmail": box}

    def post(
        self, path: str, event: Mapping[str, Any], *, token: str | None = None
    ) -> httpx.Response:
        """POST an event with Google's bearer token for exactly this URL."""
        url = self.url + path
        bearer = (
            token
            if token is not None
            else shared_signer().system_token(audience=url, service_account=SERVICE_ACCOUNT)
        )
        headers = {"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"}
        return self.client.post(url, content=json.dumps(event), headers=headers)

    def add(self, raw: bytes, thread_id: str | None = None) -> tuple[str, str]:
        """Store a message; returns (message id, thread id)."""
        message_id = self.mailbox.add_eml(raw, thread_id)
        return message_id, self.mailbox.message(message_id).thread_id


@contextmanager
def running_stack(timeout: float = 1.0, **overrides: Any) -> Iterator[Stack]:
    """Start everything on loopback; stop it all afterwards."""
    mailbox, faults, log = Mailbox(USER), Faults(), RequestLog()
    certs = CertsServer(shared_signer().certs_json())
    gmail_app = create_gmail_app(mailbox, faults, log=log)
    app = create_app()
    with (
        tempfile.TemporaryDirectory() as state_dir,
        certs,
        serve_in_thread(gmail_app) as gmail_server,
        serve_in_thread(app) as app_server,
    ):
        settings = Settings(
            database_url=f"sqlite:///{state_dir}/state.sqlite3",
            public_url=app_server.url,
            addon_service_account=SERVICE_ACCOUNT,
            oauth_client_id=CLIENT_ID,
            google_certs_url=certs.url,
            gmail_api_endpoint=gmail_server.url,
            gmail_timeout_seconds=timeout,
            hash_key="test-hash-key",
            **overrides,
        )
        app.dependency_overrides[get_settings] = lambda: settings
        stack = Stack(app_server, gmail_server, certs, mailbox, faults, log, settings)
        try:
            yield stack
        finally:
            stack.client.close()
