"""OAuth scopes of the Gmail add-on, and which of the needed ones the user didn't grant.

Granular consent (protocol doc 2.5) lets a user grant only some scopes, so each
action checks `authorizedScopes` with `missing_scopes` and asks for the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_AUTH = "https://www.googleapis.com/auth/"

GMAIL_ADDONS_EXECUTE = _AUTH + "gmail.addons.execute"
CURRENT_MESSAGE_READONLY = _AUTH + "gmail.addons.current.message.readonly"
CURRENT_MESSAGE_METADATA = _AUTH + "gmail.addons.current.message.metadata"
CURRENT_ACTION_COMPOSE = _AUTH + "gmail.addons.current.action.compose"
USERINFO_EMAIL = _AUTH + "userinfo.email"
SCRIPT_LOCALE = _AUTH + "script.locale"
GMAIL_READONLY = _AUTH + "gmail.readonly"  # restricted: only the `draft-read` profile

DEFAULT_SCOPES: tuple[str, ...] = (
    GMAIL_ADDONS_EXECUTE,
    CURRENT_MESSAGE_READONLY,
    CURRENT_MESSAGE_METADATA,
    CURRENT_ACTION_COMPOSE,
    USERINFO_EMAIL,
    SCRIPT_LOCALE,
)
DRAFT_READ_SCOPES: tuple[str, ...] = (*DEFAULT_SCOPES, GMAIL_READONLY)
PROFILE_SCOPES: Mapping[str, tuple[str, ...]] = {
    "default": DEFAULT_SCOPES,
    "draft-read": DRAFT_READ_SCOPES,
}


def missing_scopes(granted: Iterable[str], needed: Iterable[str]) -> tuple[str, ...]:
    """The scopes of `needed` not in `granted`, in `needed` order, without duplicates."""
    have = set(granted)
    return tuple(dict.fromkeys(scope for scope in needed if scope not in have))
