"""Where card buttons post back: one URL per endpoint, under the public base (pure)."""

from __future__ import annotations

from dataclasses import dataclass

PATHS = {
    "homepage": "/addon/homepage",
    "message": "/addon/message",
    "compose": "/addon/compose",
    "reply": "/addon/actions/reply",
    "refresh": "/addon/actions/refresh",
    "override": "/addon/actions/override",
    "settings": "/addon/actions/settings",
    "insert": "/addon/actions/insert",
    "restore_cc": "/addon/actions/restore-cc",
    "check_text": "/addon/actions/check-text",
    "follow_up": "/addon/actions/follow-up",
    "ask_first": "/addon/actions/ask-first",
}


@dataclass(frozen=True, slots=True)
class Urls:
    """Absolute endpoint URLs; their exact strings are also the tokens' audiences."""

    base: str

    def of(self, name: str) -> str:
        """The URL of one endpoint by name (see `PATHS`)."""
        return self.base.rstrip("/") + PATHS[name]

    def all(self) -> tuple[str, ...]:
        """Every endpoint URL, for the token audience allow-list."""
        return tuple(self.of(name) for name in PATHS)
