"""Parsing Google's event object into models, and refusing malformed bodies."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.addon.events import AddonEvent, MalformedEvent, TimeZone, parse_event

# The protocol doc's example of a message-open event (section 2.3), verbatim.
MESSAGE_OPEN = b"""{
  "commonEventObject": {
    "hostApp": "GMAIL",
    "platform": "WEB",
    "userLocale": "en-GB",
    "timeZone": { "id": "Europe/London", "offset": 0 }
  },
  "authorizationEventObject": {
    "userOAuthToken": "ya29.EXAMPLE-USER-TOKEN",
    "userIdToken": "eyJhbGciOiJSUzI1NiJ9.EXAMPLE.USER",
    "systemIdToken": "eyJhbGciOiJSUzI1NiJ9.EXAMPLE.SYSTEM",
    "authorizedScopes": [
      "https://www.googleapis.com/auth/gmail.addons.execute",
      "https://www.googleapis.com/auth/gmail.addons.current.message.readonly"
    ]
  },
  "gmail": {
    "messageId": "EXAMPLE-MESSAGE-ID",
    "threadId": "EXAMPLE-THREAD-ID",
    "accessToken": "EXAMPLE-PER-MESSAGE-TOKEN"
  }
}"""
TOKENS = ("ya29.EXAMPLE", "EXAMPLE.USER", "EXAMPLE.SYSTEM", "EXAMPLE-PER-MESSAGE-TOKEN")

WIDGET_ACTION = {
    "commonEventObject": {
        "hostApp": "GMAIL",
        "timeZone": {"id": "Europe/Vienna", "offset": "3600000"},
        "parameters": {"action": "check"},
        "formInputs": {
            "replyDraft": {"stringInputs": {"value": ["Hi Sue, thanks Joe"]}},
            "checks": {"stringInputs": {"value": ["ask", "resume"]}},
            "followUpAt": {
                "dateTimeInput": {"msSinceEpoch": 1767614400000, "hasDate": True, "hasTime": True}
            },
            "followUpDay": {"dateInput": {"msSinceEpoch": "1767571200000"}},
            "followUpTime": {"timeInput": {"hours": 9, "minutes": 30}},
        },
    },
    "gmail": {"toRecipients": ["sue@example.org"], "ccRecipients": None},
    "formInputs": {"legacy": "ignored"},
    "clientPlatform": "web",
}


def test_protocol_example_parses():
    """The documented message-open event yields ids, tokens, scopes and locale."""
    event = parse_event(MESSAGE_OPEN)
    assert event.common_event_object.host_app == "GMAIL"
    assert event.common_event_object.time_zone == TimeZone(id="Europe/London", offset=0)
    auth = event.authorization_event_object
    assert auth.user_oauth_token == "ya29.EXAMPLE-USER-TOKEN"
    assert auth.system_id_token == "eyJhbGciOiJSUzI1NiJ9.EXAMPLE.SYSTEM"
    assert len(auth.authorized_scopes) == 2
    assert (event.gmail.message_id, event.gmail.thread_id) == (
        "EXAMPLE-MESSAGE-ID",
        "EXAMPLE-THREAD-ID",
    )
    assert event.gmail.access_token == "EXAMPLE-PER-MESSAGE-TOKEN"


def test_homepage_event_with_almost_nothing_parses():
    """A homepage event with only `commonEventObject` gets empty defaults elsewhere."""
    event = parse_event(b'{"commonEventObject": {"hostApp": "GMAIL", "platform": "ANDROID"}}')
    assert event.gmail.message_id is None
    assert event.authorization_event_object.authorized_scopes == ()
    assert event.parameter("action") is None
    assert event.form_value("replyDraft") is None
    assert parse_event(b"{}") == AddonEvent()


def test_form_inputs_and_parameters_are_read():
    """String widgets give their values; other widgets give no string values."""
    event = parse_event(json.dumps(WIDGET_ACTION).encode())
    assert event.parameter("action") == "check"
    assert event.form_value("replyDraft") == "Hi Sue, thanks Joe"
    assert event.form_values("checks") == ["ask", "resume"]
    assert event.form_values("followUpAt") == []
    assert event.form_value("missing") is None
    inputs = event.common_event_object.form_inputs
    assert inputs["followUpTime"].time_input is not None
    assert inputs["followUpTime"].time_input.hours == 9
    assert inputs["followUpDay"].date_input is not None
    assert inputs["followUpDay"].date_input.ms_since_epoch == "1767571200000"
    assert event.common_event_object.time_zone == TimeZone(id="Europe/Vienna", offset="3600000")
    assert event.gmail.to_recipients == ("sue@example.org",)
    assert event.gmail.cc_recipients == ()


def test_snake_case_names_populate_too():
    """Models also accept their snake_case attribute names (for tests and demos)."""
    event = AddonEvent.model_validate({"gmail": {"message_id": "m1", "access_token": "t"}})
    assert event.gmail.message_id == "m1"


def test_repr_and_str_never_show_tokens():
    """Logging an event model can't leak any of its tokens."""
    event = parse_event(MESSAGE_OPEN)
    for text in (repr(event), str(event), repr(event.gmail), str(event.authorization_event_object)):
        assert not any(token in text for token in TOKENS)
    assert "EXAMPLE-MESSAGE-ID" in repr(event)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"\xff\xfe\x00", "not valid JSON"),
        (b"[" * 100_000, "not valid JSON"),
        (b"[]", "not a JSON object"),
        (b'"event"', "not a JSON object"),
        (b"null", "not a JSON object"),
        (b'{"gmail": []}', "gmail: Input should be"),
        (b'{"gmail": {"messageId": 5}}', "gmail.messageId"),
        (b'{"commonEventObject": {"parameters": {"a": 1}}}', "parameters.a"),
        (b'{"commonEventObject": {"formInputs": {"x": {"stringInputs": {"value": "a"}}}}}', "x"),
        (b'{"authorizationEventObject": {"authorizedScopes": [1, 2, 3, 4, 5]}}', "(+2 more)"),
    ],
)
def test_malformed_bodies_raise_malformed_event(body, message):
    """Non-JSON, non-objects and wrong types raise MalformedEvent saying where."""
    with pytest.raises(MalformedEvent) as info:
        parse_event(body)
    assert message in info.value.message


def test_malformed_event_never_quotes_tokens():
    """A wrongly typed authorization object is reported without its token values."""
    body = b'{"authorizationEventObject": ["ya29.EXAMPLE-SECRET"], "gmail": {"accessToken": 1}}'
    with pytest.raises(MalformedEvent) as info:
        parse_event(body)
    assert "EXAMPLE-SECRET" not in str(info.value)
    assert info.value.__suppress_context__


@given(st.binary(max_size=300))
def test_arbitrary_bytes_parse_or_raise_malformed_event(body):
    """Any bytes either parse or raise MalformedEvent, never another error."""
    with contextlib.suppress(MalformedEvent):
        parse_event(body)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_keys = st.sampled_from(
    [
        "commonEventObject",
        "authorizationEventObject",
        "gmail",
        "hostApp",
        "timeZone",
        "offset",
        "parameters",
        "formInputs",
        "stringInputs",
        "value",
        "dateInput",
        "timeInput",
        "msSinceEpoch",
        "hours",
        "messageId",
        "toRecipients",
        "authorizedScopes",
        "userOAuthToken",
    ]
)
_event_like = st.recursive(
    _json, lambda inner: st.dictionaries(_keys, inner, max_size=4), max_leaves=20
)


@given(_event_like)
def test_arbitrary_json_parses_or_raises_malformed_event(data):
    """Any JSON value, event-shaped or not, parses or raises MalformedEvent."""
    try:
        event = parse_event(json.dumps(data).encode())
    except MalformedEvent:
        return
    assert isinstance(event, AddonEvent)
