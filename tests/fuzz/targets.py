"""Fuzz targets: Hypothesis strategies for hostile inputs and the checks that must hold.

Shared by the default test run (`tests/fuzz/`, a few hundred examples) and the long
run (`make fuzz`, `scripts/fuzz.py`, 10 000 per target). Three pure targets (raw MIME,
Gmail message JSON, event JSON) and one over live endpoints (a signed POST of any
event shape: never a 5xx).
"""

from __future__ import annotations

import base64
import contextlib
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from app.addon.events import MalformedEvent, parse_event
from app.core.checks.draft import Draft, check_reply
from app.core.intro import detect_introduction
from app.core.mail.rfc822 import parse_eml
from app.gmail.mime import email_from_gmail, thread_from_gmail

DATA = Path(__file__).parents[1] / "data"
SEEDS = sorted((DATA / "api").glob("*.eml")) + sorted((DATA / "emails").glob("**/*.eml"))[:40]
SEED_BYTES = [path.read_bytes() for path in SEEDS]


def _seed_at(index: int) -> bytes:
    return SEED_BYTES[index]


# Indices, not the bytes themselves: a strategy's repr would quote every seed.
seed = st.integers(0, len(SEED_BYTES) - 1).map(_seed_at)
LIVE_PATHS = (
    "/addon/homepage",
    "/addon/message",
    "/addon/compose",
    "/addon/actions/refresh",
    "/addon/actions/override",
    "/addon/actions/reply",
    "/addon/actions/check-text",
    "/addon/actions/insert",
    "/addon/actions/restore-cc",
    "/addon/actions/settings",
    "/addon/actions/follow-up",
)

# --- raw MIME ----------------------------------------------------------------------------

_HEADER_NAMES = st.sampled_from(
    [
        "From",
        "To",
        "Cc",
        "Bcc",
        "Reply-To",
        "Subject",
        "Date",
        "Message-ID",
        "In-Reply-To",
        "References",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Content-Disposition",
        "MIME-Version",
        "X-Anything",
    ]
)
_WORDS = st.sampled_from(
    [
        "meet",
        "introduce",
        "Sue",
        "Joe <joe@x.example>",
        '"Park, Sue" <sue@acme.example>',
        "=?utf-8?q?S=C3=BCe?=",
        "=?utf-8?b?w6k=?=",
        "=?bogus?x?zz?=",
        "=?utf-8?b?w?=",
        "=?\x80?q?x?=",
        "charset=\x00",
        "multipart/mixed; boundary=b",
        "text/html; charset=utf-8",
        "text/plain; charset=klingon",
        "base64",
        "quoted-printable",
        "attachment; filename=cv.pdf",
        "On Mon, Joe wrote:",
        "> quoted",
        "--b",
        "--b--",
        "<p>hi</p>",
        "\r\n",
        "\n",
        ";",
        ",",
        "@",
        "<",
        ">",
        '"',
        "\x00",
        "é",
        "日本",
    ]
)
_line = st.lists(_WORDS | st.text(max_size=20), max_size=12).map(" ".join)
_structured_mime = st.builds(
    lambda headers, body: (
        "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n" + body
    ).encode("utf-8", "surrogatepass"),
    st.lists(st.tuples(_HEADER_NAMES, _line), max_size=12),
    st.lists(_line, max_size=30).map("\r\n".join),
)


@st.composite
def _mutated_seed(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(seed))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip" and raw:
            raw[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del raw[at : at + draw(st.integers(1, 200))]
        elif action == "insert":
            raw[at:at] = draw(st.binary(max_size=64) | _WORDS.map(str.encode))
        else:
            del raw[at:]
    return bytes(raw)


raw_mime = st.one_of(st.binary(max_size=2000), _structured_mime, _mutated_seed())


def check_mime(raw: bytes) -> None:
    """Reading, detecting and checking as a reply never raise on any bytes."""
    email = parse_eml(raw)
    detect_introduction(email)
    detect_introduction(email, "dana@reyes.example")
    check_reply(Draft.from_email(email))


# --- Gmail message JSON ----------------------------------------------------------------

_scalar = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
_json: st.SearchStrategy[Any] = st.recursive(
    _scalar,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


_body_data = st.one_of(
    st.binary(max_size=300).map(_b64),
    st.text(max_size=40).map(lambda t: _b64(t.encode("utf-8", "surrogatepass"))),
    seed.map(_b64),
    st.text(max_size=40),
    _json,
)
_gmail_header = st.fixed_dictionaries({"name": _HEADER_NAMES | _json, "value": _line | _json})
_mime_types = (
    st.sampled_from(
        [
            "text/plain",
            "text/html",
            "multipart/mixed",
            "multipart/alternative",
            "message/rfc822",
            "application/pdf",
            "image/png",
            "",
        ]
    )
    | _json
)


def _part(children: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "mimeType": _mime_types,
            "filename": st.text(max_size=20) | _json,
            "headers": st.lists(_gmail_header, max_size=6) | _json,
            "body": st.fixed_dictionaries(
                {}, optional={"data": _body_data, "size": _json, "attachmentId": _json}
            )
            | _json,
            "parts": st.lists(children, max_size=4) | _json,
        },
    )


_payload = st.recursive(_part(_json), _part, max_leaves=8)
gmail_message = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=16) | _json,
        "threadId": st.text(max_size=16) | _json,
        "labelIds": st.lists(st.sampled_from(["INBOX", "DRAFT", "SENT"])) | _json,
        "internalDate": st.integers().map(str) | _json,
        "payload": _payload | _json,
        "raw": seed.map(_b64) | st.binary(max_size=200).map(_b64) | _json,
    },
)


def check_gmail(message: dict[str, Any]) -> None:
    """Gmail JSON of any shape becomes an Email (and a thread), never an exception."""
    email = email_from_gmail(message)
    detect_introduction(email, "dana@reyes.example")
    thread_from_gmail({"id": "t", "messages": [message, message]})


# --- event JSON ------------------------------------------------------------------------

_form_input = st.fixed_dictionaries(
    {},
    optional={
        "stringInputs": st.fixed_dictionaries({}, optional={"value": st.lists(_json)}) | _json
    },
)
_common = st.fixed_dictionaries(
    {},
    optional={
        "hostApp": st.just("GMAIL") | _json,
        "platform": st.sampled_from(["WEB", "ANDROID", "IOS"]) | _json,
        "parameters": st.dictionaries(st.text(max_size=12), st.text(max_size=30)) | _json,
        "formInputs": st.dictionaries(st.text(max_size=12), _form_input) | _json,
        "timeZone": st.fixed_dictionaries({}, optional={"id": _json, "offset": _json}) | _json,
        "userLocale": _json,
    },
)
_gmail_box = st.fixed_dictionaries(
    {},
    optional={
        "messageId": st.text(max_size=20) | _json,
        "threadId": st.text(max_size=20) | _json,
        "accessToken": st.text(max_size=20) | _json,
        "toRecipients": st.lists(st.emails() | st.text(max_size=20)) | _json,
        "ccRecipients": st.lists(st.emails() | st.text(max_size=20)) | _json,
        "bccRecipients": st.lists(st.emails() | st.text(max_size=20)) | _json,
    },
)
_auth = st.fixed_dictionaries(
    {},
    optional={
        "userOAuthToken": st.text(max_size=20) | _json,
        "authorizedScopes": st.lists(st.text(max_size=60)) | _json,
    },
)
event_object = st.fixed_dictionaries(
    {},
    optional={
        "commonEventObject": _common | _json,
        "authorizationEventObject": _auth | _json,
        "gmail": _gmail_box | _json,
        "anything": _json,
    },
)
event_body = st.one_of(
    event_object.map(lambda e: json.dumps(e).encode()),
    _json.map(lambda e: json.dumps(e).encode()),
    st.binary(max_size=200),
)


def check_event(body: bytes) -> None:
    """Any body parses into an event or raises MalformedEvent, nothing else."""
    with contextlib.suppress(MalformedEvent):
        parse_event(body)


# --- live endpoints --------------------------------------------------------------------

live_call = st.tuples(st.sampled_from(LIVE_PATHS), event_object)
LIVE_OK = frozenset({200, 400})
