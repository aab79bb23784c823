"""The Workspace add-on deployment descriptor, generated from our routes (pure).

Least privilege: the default profile asks only for add-on scopes (none restricted);
`draft-read` adds `gmail.readonly` so the compose check can read the saved draft.
"""

from __future__ import annotations

from typing import Any

from app.addon.scopes import PROFILE_SCOPES
from app.cards.urls import Urls

LOGO = "https://www.gstatic.com/images/icons/material/system/2x/handshake_black_48dp.png"


def descriptor(base_url: str, profile: str = "default") -> dict[str, Any]:
    """The `deployment.json` body for a service served at `base_url`."""
    if profile not in PROFILE_SCOPES:
        raise ValueError(f"unknown profile {profile!r}: use one of {sorted(PROFILE_SCOPES)}")
    urls = Urls(base_url)
    return {
        "oauthScopes": list(PROFILE_SCOPES[profile]),
        "addOns": {
            "common": {
                "name": "Intro Coach",
                "logoUrl": LOGO,
                "layoutProperties": {"primaryColor": "#0b57d0", "secondaryColor": "#146c2e"},
                "useLocaleFromApp": True,
                "homepageTrigger": {"runFunction": urls.of("homepage"), "enabled": True},
                # The homepage list links to each introduction's thread in Gmail.
                "openLinkUrlPrefixes": ["https://mail.google.com/mail/"],
            },
            "gmail": {
                "contextualTriggers": [
                    {"unconditional": {}, "onTriggerFunction": urls.of("message")}
                ],
                "composeTrigger": {
                    "actions": [{"label": "Check my reply", "runFunction": urls.of("compose")}],
                    "draftAccess": "METADATA",
                },
            },
            "httpOptions": {
                "authorizationHeader": "SYSTEM_ID_TOKEN",
                "granularOauthPermissionSupport": "OPT_IN",
            },
        },
    }
