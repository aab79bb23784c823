"""Pydantic models of the event object Google POSTs to each add-on endpoint.

The models alias Google's camelCase names and expose snake_case attributes. Every
field is optional, unknown fields (including the deprecated top-level Gmail fields)
are ignored, and `null` collections read as empty. Token fields stay out of `repr`,
and `MalformedEvent` never quotes the body, so logging an event can't leak a token.
"""

from __future__ import annotations

import json
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel


def _none_as_empty(value: object) -> object:
    """Google may send `null` for an empty map or list; read it as empty."""
    return {} if value is None else value


def _none_as_empty_list(value: object) -> object:
    return [] if value is None else value


StringMap = Annotated[dict[str, str], BeforeValidator(_none_as_empty)]
StringList = Annotated[tuple[str, ...], BeforeValidator(_none_as_empty_list)]


class MalformedEvent(Exception):
    """The body is not a valid event object; `message` is safe to log and to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Model(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="ignore", frozen=True
    )


class TimeZone(_Model):
    """The user's time zone; `offset` is milliseconds from UTC (int or string on the wire)."""

    id: str | None = None
    offset: int | str | None = None


class StringInputs(_Model):
    """Values of a text, selection or switch widget (one element for single-value widgets)."""

    value: StringList = ()


class DateInput(_Model):
    """A date picker's value."""

    ms_since_epoch: int | str | None = None


class TimeInput(_Model):
    """A time picker's value."""

    hours: int | None = None
    minutes: int | None = None


class DateTimeInput(_Model):
    """A date-time picker's value."""

    ms_since_epoch: int | str | None = None
    has_date: bool | None = None
    has_time: bool | None = None


class FormInput(_Model):
    """One widget's state in `formInputs`; exactly one of the fields is usually set."""

    string_inputs: StringInputs | None = None
    date_input: DateInput | None = None
    time_input: TimeInput | None = None
    date_time_input: DateTimeInput | None = None


class CommonEventObject(_Model):
    """Host app, platform, locale and the clicked widget's parameters and form state."""

    host_app: str | None = None
    platform: str | None = None
    user_locale: str | None = None
    time_zone: TimeZone | None = None
    parameters: StringMap = Field(default_factory=dict)
    form_inputs: Annotated[dict[str, FormInput], BeforeValidator(_none_as_empty)] = Field(
        default_factory=dict
    )


class AuthorizationEventObject(_Model):
    """Tokens and granted scopes; the tokens never appear in `repr`."""

    user_oauth_token: str | None = Field(default=None, repr=False, alias="userOAuthToken")
    user_id_token: str | None = Field(default=None, repr=False)
    system_id_token: str | None = Field(default=None, repr=False)
    authorized_scopes: StringList = ()


class GmailEventObject(_Model):
    """The open message or draft: ids, per-message token and (compose) recipients."""

    message_id: str | None = None
    thread_id: str | None = None
    access_token: str | None = Field(default=None, repr=False)
    to_recipients: StringList = ()
    cc_recipients: StringList = ()
    bcc_recipients: StringList = ()


class AddonEvent(_Model):
    """One add-on event: `commonEventObject`, `authorizationEventObject` and `gmail`."""

    common_event_object: CommonEventObject = Field(default_factory=CommonEventObject)
    authorization_event_object: AuthorizationEventObject = Field(
        default_factory=AuthorizationEventObject
    )
    gmail: GmailEventObject = Field(default_factory=GmailEventObject)

    def parameter(self, name: str) -> str | None:
        """The clicked widget's action parameter `name`, if set."""
        return self.common_event_object.parameters.get(name)

    def form_values(self, name: str) -> list[str]:
        """All string values of form widget `name` (empty if absent or not a string widget)."""
        form_input = self.common_event_object.form_inputs.get(name)
        if form_input is None or form_input.string_inputs is None:
            return []
        return list(form_input.string_inputs.value)

    def form_value(self, name: str) -> str | None:
        """The first string value of form widget `name`, if any."""
        values = self.form_values(name)
        return values[0] if values else None


def parse_event(raw: bytes | str) -> AddonEvent:
    """Parses a request body into an `AddonEvent`.

    Raises:
        MalformedEvent: not JSON, not an object, or a field of the wrong type.
    """
    try:
        data: object = json.loads(raw)
    except (ValueError, RecursionError):
        raise MalformedEvent("body is not valid JSON") from None
    if not isinstance(data, dict):
        raise MalformedEvent("body is not a JSON object")
    try:
        return AddonEvent.model_validate(data)
    except ValidationError as exc:
        # from None: the pydantic error quotes input values, which may be tokens.
        raise MalformedEvent(_summary(exc)) from None


def _summary(exc: ValidationError) -> str:
    """Where and what, without the offending values: `gmail.messageId: Input should be ...`."""
    errors = exc.errors(include_url=False, include_input=False, include_context=False)
    parts = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors[:3]]
    more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
    return "invalid event: " + "; ".join(parts) + more
