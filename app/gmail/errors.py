"""Our Gmail errors, and how an HTTP answer from Gmail maps onto them.

Each error carries a user-facing `message` (safe to show in a card: no ids, tokens or
mail content) and a `retryable` flag (trying again later may help). The mapping
is pure: `client.py` feeds `error_for_answer` the status, body and `Retry-After` of
googleapiclient's `HttpError`, then chains it with `raise ... from exc`; nothing else in
the app sees `HttpError`.
"""

from __future__ import annotations

import email.utils
import json
from datetime import UTC, datetime

from app.core.i18n import N_

# Google reports some quota errors as 403 rather than 429.
_RATE_LIMIT_REASONS = frozenset(
    {"rateLimitExceeded", "userRateLimitExceeded", "dailyLimitExceeded", "quotaExceeded"}
)
# 403s that the user can fix by granting the add-on its scopes again.
_REAUTHORIZE_REASONS = frozenset({"insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"})


class GmailError(Exception):
    """A Gmail call failed; `message` is fit to show the user."""

    default_message = N_("Gmail could not complete the request.")
    retryable = False

    def __init__(
        self, message: str | None = None, *, status: int | None = None, reason: str | None = None
    ) -> None:
        self.message = message or self.default_message
        self.status = status
        self.reason = reason
        super().__init__(self.message)


class MessageNotFound(GmailError):
    """The message, thread, attachment or draft does not exist (404)."""

    default_message = N_("This message is no longer available. It may have been deleted or moved.")


class AccessDenied(GmailError):
    """Gmail refused the token (401) or its scopes (403)."""

    default_message = N_("Gmail refused access to this message.")

    def __init__(
        self,
        message: str | None = None,
        *,
        reauthorize: bool,
        status: int | None = None,
        reason: str | None = None,
    ) -> None:
        default = N_("Please authorize Intro Coach again to read this message.")
        super().__init__(
            message or (default if reauthorize else None), status=status, reason=reason
        )
        self.reauthorize = reauthorize


class RateLimited(GmailError):
    """Too many requests (429, or a quota 403); `retry_after` in seconds when Gmail says."""

    default_message = N_("Gmail is busy right now. Please try again in a moment.")
    retryable = True

    def __init__(
        self,
        message: str | None = None,
        *,
        retry_after: float | None = None,
        status: int | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message, status=status, reason=reason)
        self.retry_after = retry_after


class GmailUnavailable(GmailError):
    """Gmail failed (5xx), could not be reached, or sent an unreadable answer."""

    default_message = N_("Gmail is not answering right now. Please try again.")
    retryable = True


class GmailTimeout(GmailError):
    """Gmail did not answer within the timeout."""

    default_message = N_("Gmail took too long to answer. Please try again.")
    retryable = True


def error_for_status(
    status: int, reason: str | None = None, retry_after: str | None = None
) -> GmailError:
    """The error for an HTTP error answer; `reason` is Google's `errors[0].reason`."""
    if status == 404:
        return MessageNotFound(status=status, reason=reason)
    if status == 429 or (status == 403 and reason in _RATE_LIMIT_REASONS):
        return RateLimited(retry_after=parse_retry_after(retry_after), status=status, reason=reason)
    if status == 401:
        return AccessDenied(reauthorize=True, status=status, reason=reason)
    if status == 403:
        return AccessDenied(
            reauthorize=reason in _REAUTHORIZE_REASONS, status=status, reason=reason
        )
    if status >= 500:
        return GmailUnavailable(status=status, reason=reason)
    return GmailError(status=status, reason=reason)


def error_for_answer(status: int, body: bytes, retry_after: str | None = None) -> GmailError:
    """The error for an HTTP error answer, reading Google's reason from its JSON body."""
    return error_for_status(status, google_reason(body), retry_after)


def google_reason(body: bytes) -> str | None:
    """Google's machine-readable reason: `error.errors[].reason`, else `error.details[].reason`."""
    try:
        error = json.loads(body)["error"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(error, dict):
        return None
    for key in ("errors", "details"):
        entries = error.get(key)
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("reason"), str):
                return str(entry["reason"])
    return None


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
