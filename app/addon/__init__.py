"""The add-on edge: Google's event object, its ID tokens, the add-on's scopes, and its
deployment descriptor (`manifest`, used by `python -m app manifest`).

Only verification lives here; the local signer of the demo and the tests is
`devkit.signing`.
"""

from app.addon.auth import (
    CallerClaims,
    GoogleUser,
    InvalidToken,
    TokenVerifier,
    audiences_for,
    bearer_token,
)
from app.addon.certs import CertsCache, CertsUnavailable
from app.addon.events import (
    AddonEvent,
    AuthorizationEventObject,
    CommonEventObject,
    FormInput,
    GmailEventObject,
    MalformedEvent,
    parse_event,
)
from app.addon.scopes import missing_scopes

__all__ = [
    "AddonEvent",
    "AuthorizationEventObject",
    "CallerClaims",
    "CertsCache",
    "CertsUnavailable",
    "CommonEventObject",
    "FormInput",
    "GmailEventObject",
    "GoogleUser",
    "InvalidToken",
    "MalformedEvent",
    "TokenVerifier",
    "audiences_for",
    "bearer_token",
    "missing_scopes",
    "parse_event",
]
