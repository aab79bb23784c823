"""Google's JSON error responses, as the Gmail API sends them.

`{"error": {"code", "message", "status", "errors": [{"message", "domain", "reason"}]}}`,
with `WWW-Authenticate` on 401 and `Retry-After` when asked for.
"""

from __future__ import annotations

from starlette.responses import JSONResponse

# status -> (canonical status, reason, message), as Google words them.
_CANONICAL: dict[int, tuple[str, str, str]] = {
    400: ("INVALID_ARGUMENT", "invalidArgument", "Invalid argument."),
    401: (
        "UNAUTHENTICATED",
        "authError",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, "
        "login cookie or other valid authentication credential.",
    ),
    403: (
        "PERMISSION_DENIED",
        "insufficientPermissions",
        "Request had insufficient authentication scopes.",
    ),
    404: ("NOT_FOUND", "notFound", "Requested entity was not found."),
    405: ("UNIMPLEMENTED", "methodNotAllowed", "Method not allowed."),
    409: ("ABORTED", "conflict", "Conflict."),
    429: ("RESOURCE_EXHAUSTED", "rateLimitExceeded", "Too many concurrent requests for user."),
    500: ("INTERNAL", "backendError", "Internal error encountered."),
    503: ("UNAVAILABLE", "backendError", "The service is currently unavailable."),
}
_FALLBACK = ("UNKNOWN", "backendError", "Error.")


def google_error(
    status: int,
    message: str | None = None,
    *,
    reason: str | None = None,
    retry_after: str | None = None,
) -> JSONResponse:
    """A Google-shaped error response."""
    canonical, default_reason, default_message = _CANONICAL.get(status, _FALLBACK)
    text = message or default_message
    body = {
        "error": {
            "code": status,
            "message": text,
            "errors": [{"message": text, "domain": "global", "reason": reason or default_reason}],
            "status": canonical,
        }
    }
    headers: dict[str, str] = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="https://accounts.google.com/"'
    if retry_after is not None:
        headers["Retry-After"] = retry_after
    return JSONResponse(body, status_code=status, headers=headers)
