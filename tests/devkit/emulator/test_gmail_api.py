"""The emulator's REST surface over loopback HTTP: auth, errors, drafts, faults and the log."""

from __future__ import annotations

import base64
import json
import time

import httpx
import pytest

from devkit.emulator import Access, Faults, Mailbox, RequestLog, create_gmail_app, serve_in_thread

USERS = "/gmail/v1/users/me"
BEARER = {"Authorization": "Bearer user-token"}


@pytest.fixture
def faults():
    return Faults()


@pytest.fixture
def log():
    return RequestLog()


@pytest.fixture
def access():
    return Access()


@pytest.fixture(scope="module")
def server():
    with serve_in_thread(create_gmail_app(Mailbox())) as running:
        yield running


@pytest.fixture
def client(server, mailbox, faults, log, access):
    server.set_app(create_gmail_app(mailbox, faults, access=access, log=log))
    with httpx.Client(base_url=server.url) as http:
        yield http


@pytest.fixture
def intro_id(mailbox, eml):
    return mailbox.add_eml(eml("intro_alternative_attachment.eml"))


def _raw(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


def _assert_google_error(response, code, status, reason):
    error = response.json()["error"]
    assert response.status_code == code
    assert (error["code"], error["status"], error["errors"][0]["reason"]) == (code, status, reason)
    assert error["message"]


def test_message_is_served_with_bearer_token(client, intro_id):
    """GET messages/{id} answers Gmail's message JSON to any bearer token by default."""
    response = client.get(f"{USERS}/messages/{intro_id}", headers=BEARER)
    assert response.status_code == 200
    assert response.json()["payload"]["mimeType"] == "multipart/mixed"


@pytest.mark.parametrize("header", [None, "", "Bearer", "Basic dXNlcjpwdw=="])
def test_missing_or_malformed_bearer_is_401(client, intro_id, header):
    """Without a usable bearer token the emulator answers Google's 401."""
    headers = {} if header is None else {"Authorization": header}
    response = client.get(f"{USERS}/messages/{intro_id}", headers=headers)
    _assert_google_error(response, 401, "UNAUTHENTICATED", "authError")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("access", [Access(user_tokens=frozenset({"good"}))])
def test_only_configured_user_tokens_pass(client, intro_id):
    """With a token allow-list, other tokens get 401 and listed ones pass."""
    path = f"{USERS}/messages/{intro_id}"
    assert client.get(path, headers=BEARER).status_code == 401
    assert client.get(path, headers={"Authorization": "Bearer good"}).status_code == 200


@pytest.mark.parametrize(
    "access", [Access(require_message_token=True, message_tokens=frozenset({"msg"}))]
)
def test_message_token_required_where_configured(client, intro_id):
    """Reads need the per-message token when required; draft listing does not."""
    path = f"{USERS}/messages/{intro_id}"
    _assert_google_error(
        client.get(path, headers=BEARER), 403, "PERMISSION_DENIED", "insufficientPermissions"
    )
    wrong = {**BEARER, "X-Goog-Gmail-Access-Token": "other"}
    assert client.get(path, headers=wrong).status_code == 403
    right = {**BEARER, "X-Goog-Gmail-Access-Token": "msg"}
    assert client.get(path, headers=right).status_code == 200
    assert client.get(f"{USERS}/drafts", headers=BEARER).status_code == 200


def test_other_users_are_refused_but_own_address_works(client, intro_id):
    """userId must be `me` or the mailbox's own address."""
    other = client.get(f"/gmail/v1/users/bob@example.com/messages/{intro_id}", headers=BEARER)
    _assert_google_error(other, 403, "PERMISSION_DENIED", "forbidden")
    own = client.get(f"/gmail/v1/users/sam@example.com/messages/{intro_id}", headers=BEARER)
    assert own.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        f"{USERS}/messages/ffffffffffffffff",
        f"{USERS}/threads/ffffffffffffffff",
        f"{USERS}/drafts/r404",
        f"{USERS}/messages/ffffffffffffffff/attachments/ANGjdJx",
        f"{USERS}/labels",
    ],
)
def test_unknown_things_are_google_404s(client, path):
    """Unknown ids and unknown paths answer Google's NOT_FOUND shape."""
    _assert_google_error(client.get(path, headers=BEARER), 404, "NOT_FOUND", "notFound")


@pytest.mark.parametrize(
    "query", ["format=pretty", "maxResults=lots", "pageToken=x"], ids=["fmt", "max", "page"]
)
def test_bad_query_values_are_400(client, intro_id, query):
    """Bad query values answer INVALID_ARGUMENT."""
    path = f"{USERS}/messages/{intro_id}" if "format" in query else f"{USERS}/drafts"
    response = client.get(f"{path}?{query}", headers=BEARER)
    _assert_google_error(response, 400, "INVALID_ARGUMENT", "invalidArgument")


@pytest.mark.parametrize(
    "body", [b"not json", b"{}", b'{"message": {}}', b'{"message": {"raw": "%%%"}}', b"[1]"]
)
def test_malformed_draft_bodies_are_400(client, body):
    """drafts.create wants message.raw in base64url."""
    response = client.post(f"{USERS}/drafts", headers=BEARER, content=body)
    assert response.status_code == 400


def test_draft_create_list_get_update(client, intro_id, mailbox):
    """A draft can be created in a thread, listed, read in full and replaced."""
    body = {"message": {"raw": _raw("Subject: Re: Intro\r\n\r\nv1\r\n"), "threadId": intro_id}}
    created = client.post(f"{USERS}/drafts", headers=BEARER, json=body).json()
    assert created["message"] == {
        "id": created["message"]["id"],
        "threadId": intro_id,
        "labelIds": ["DRAFT"],
    }
    listed = client.get(f"{USERS}/drafts?q=in:draft", headers=BEARER).json()
    assert listed == {
        "resultSizeEstimate": 1,
        "drafts": [
            {"id": created["id"], "message": {"id": created["message"]["id"], "threadId": intro_id}}
        ],
    }
    update = {"message": {"raw": _raw("Subject: Re: Intro\r\n\r\nv2\r\n")}}
    client.put(f"{USERS}/drafts/{created['id']}", headers=BEARER, json=update)
    read = client.get(f"{USERS}/drafts/{created['id']}", headers=BEARER).json()
    assert base64.urlsafe_b64decode(read["message"]["payload"]["body"]["data"]) == b"v2\r\n"
    assert read["message"]["threadId"] == intro_id


def test_draft_listing_pages_and_omits_empty_list(client, mailbox):
    """An empty listing has no `drafts` key; pages chain through nextPageToken."""
    assert client.get(f"{USERS}/drafts", headers=BEARER).json() == {"resultSizeEstimate": 0}
    for number in range(3):
        mailbox.create_draft(f"Subject: {number}\r\n\r\nx\r\n".encode())
    first = client.get(f"{USERS}/drafts?maxResults=2", headers=BEARER).json()
    second = client.get(
        f"{USERS}/drafts?maxResults=2&pageToken={first['nextPageToken']}", headers=BEARER
    ).json()
    assert len(first["drafts"]) == 2
    assert len(second["drafts"]) == 1
    assert "nextPageToken" not in second


def test_status_fault_answers_google_error_with_retry_after(client, faults, intro_id):
    """A queued 429 answers RESOURCE_EXHAUSTED with the Retry-After header, once."""
    faults.fail(429, retry_after=12)
    path = f"{USERS}/messages/{intro_id}"
    limited = client.get(path, headers=BEARER)
    _assert_google_error(limited, 429, "RESOURCE_EXHAUSTED", "rateLimitExceeded")
    assert limited.headers["Retry-After"] == "12"
    assert client.get(path, headers=BEARER).status_code == 200


def test_status_fault_beats_authentication(client, faults, intro_id):
    """Faults apply before the token check, like a failing front end."""
    faults.fail(503)
    response = client.get(f"{USERS}/messages/{intro_id}")
    _assert_google_error(response, 503, "UNAVAILABLE", "backendError")


def test_truncated_fault_cuts_the_json(client, faults, intro_id):
    """A truncated answer is a 200 whose body is not valid JSON."""
    faults.truncate()
    response = client.get(f"{USERS}/messages/{intro_id}", headers=BEARER)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)


def test_slow_fault_delays_the_answer(client, faults, intro_id):
    """A slow fault waits before answering normally."""
    faults.slow(0.2, path_contains="/messages/")
    started = time.monotonic()
    response = client.get(f"{USERS}/messages/{intro_id}", headers=BEARER)
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.2


def test_log_records_method_path_headers_and_status(client, log, intro_id):
    """Each request is logged with both credential headers and the status answered."""
    headers = {**BEARER, "X-Goog-Gmail-Access-Token": "msg-token"}
    client.get(f"{USERS}/messages/{intro_id}?format=minimal", headers=headers)
    client.get(f"{USERS}/threads/{intro_id}")
    first, second = log.entries()
    assert (first.method, first.path, first.query, first.status) == (
        "GET",
        f"{USERS}/messages/{intro_id}",
        "format=minimal",
        200,
    )
    assert (first.authorization, first.message_token) == ("Bearer user-token", "msg-token")
    assert (second.authorization, second.message_token, second.status) == (None, None, 401)
    assert log.last() == second
    assert len(log.entries("/threads/")) == 1
    log.clear()
    assert len(log) == 0
    with pytest.raises(LookupError):
        log.last()


def test_app_state_exposes_log_and_faults(mailbox):
    """Without explicit collaborators the app makes its own and exposes them on state."""
    app = create_gmail_app(mailbox)
    assert isinstance(app.state.request_log, RequestLog)
    assert isinstance(app.state.faults, Faults)
    assert app.state.mailbox is mailbox
