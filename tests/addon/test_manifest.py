"""The deployment descriptor: every URL under the base, least-privilege scopes per profile."""

from __future__ import annotations

from app.addon.manifest import descriptor


def _urls(value: object) -> list[str]:
    if isinstance(value, dict):
        return [u for v in value.values() for u in _urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    return [value] if isinstance(value, str) and value.startswith("https://addon") else []


def test_every_trigger_url_is_under_the_base() -> None:
    """Homepage, message and compose triggers point at our endpoints under the base URL."""
    body = descriptor("https://addon.example.org")
    urls = _urls(body)
    assert "https://addon.example.org/addon/homepage" in urls
    assert "https://addon.example.org/addon/message" in urls
    assert "https://addon.example.org/addon/compose" in urls
    assert body["addOns"]["gmail"]["composeTrigger"]["draftAccess"] == "METADATA"


def test_default_profile_has_no_restricted_scope() -> None:
    """The default profile asks for add-on scopes only; draft-read adds gmail.readonly."""
    default = descriptor("https://a.example", "default")["oauthScopes"]
    draft = descriptor("https://a.example", "draft-read")["oauthScopes"]
    restricted = {
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://mail.google.com/",
        "https://www.googleapis.com/auth/gmail.compose",
        "https://www.googleapis.com/auth/gmail.modify",
    }
    assert not restricted & set(default)
    assert "https://www.googleapis.com/auth/gmail.readonly" in draft
    assert "https://www.googleapis.com/auth/gmail.addons.current.action.compose" in default
