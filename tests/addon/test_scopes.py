"""The add-on's scopes and the granted-scope check."""

from __future__ import annotations

from app.addon import scopes


def test_missing_scopes_keeps_needed_order_without_duplicates():
    """Only the needed scopes not granted come back, once each, in order."""
    needed = [scopes.CURRENT_MESSAGE_READONLY, scopes.USERINFO_EMAIL, scopes.USERINFO_EMAIL]
    granted = [scopes.GMAIL_ADDONS_EXECUTE, scopes.CURRENT_MESSAGE_READONLY]
    assert scopes.missing_scopes(granted, needed) == (scopes.USERINFO_EMAIL,)


def test_nothing_missing_is_empty():
    """All needed scopes granted means nothing to ask for."""
    assert scopes.missing_scopes(scopes.DEFAULT_SCOPES, scopes.DEFAULT_SCOPES) == ()


def test_profiles_differ_only_by_the_restricted_scope():
    """The draft-read profile adds gmail.readonly and nothing else."""
    extra = set(scopes.PROFILE_SCOPES["draft-read"]) - set(scopes.PROFILE_SCOPES["default"])
    assert extra == {"https://www.googleapis.com/auth/gmail.readonly"}
    assert all(s.startswith("https://www.googleapis.com/auth/") for s in scopes.DRAFT_READ_SCOPES)
