"""Demo mode's settings: where this process is reachable, and the settings it swaps in.

Demo mode only ever runs on this machine. `demo_base_url` refuses (`DemoRefused`) a
public URL or a bind host that is not loopback, so a deployment that sets
`INTRO_PUBLIC_URL` can never turn into a demo. `demo_settings` keeps the production
`Settings` type and swaps only what points at Google: the certs URL and the Gmail
endpoint now name routes of this app, and the identities are demo constants.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Mapping
from urllib.parse import urlsplit

from app.settings import MEMORY_URL, Settings, SettingsRefused

DEMO_SERVICE_ACCOUNT = "demo-addon@intro-coach-demo.invalid"
DEMO_CLIENT_ID = "demo-client.intro-coach.invalid"
DEMO_USER = "dana@reyes.example"
DEMO_USER_SUB = "100000000000000000042"
CERTS_PATH = "/demo/certs"
GMAIL_PATH = "/demo/gmail"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = "8080"


class DemoRefused(SettingsRefused):
    """Demo mode was asked for somewhere it must not run; the message says why and what to do."""


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an IP literal) can only be reached from this machine."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def demo_base_url(settings: Settings, environ: Mapping[str, str]) -> str:
    """The URL this process serves on: `INTRO_PUBLIC_URL` when loopback, else `HOST`/`PORT`.

    Raises:
        DemoRefused: the public URL or the bind host is not loopback, or the port is bad.
    """
    if settings.public_url:
        return _loopback_url(settings.public_url)
    host = environ.get("HOST") or DEFAULT_HOST
    port = environ.get("PORT") or DEFAULT_PORT
    if not is_loopback(host):
        raise DemoRefused(
            f"INTRO_DEMO=1 serves only on loopback, but HOST is {host!r}: "
            "use HOST=127.0.0.1 (demo requests are signed by anyone who can reach the port)"
        )
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise DemoRefused(f"INTRO_DEMO=1: PORT must be a TCP port number, not {port!r}")
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{shown}:{int(port)}"


def _loopback_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DemoRefused(f"INTRO_DEMO=1: INTRO_PUBLIC_URL must be an http(s) URL, not {url!r}")
    if not is_loopback(parts.hostname):
        raise DemoRefused(
            "INTRO_DEMO=1 is refused because INTRO_PUBLIC_URL points at "
            f"{parts.hostname!r}, not this machine: demo mode is for local use only. "
            "Unset INTRO_DEMO for a deployment, or INTRO_PUBLIC_URL for the demo."
        )
    return url.rstrip("/")


def demo_settings(settings: Settings, base_url: str) -> Settings:
    """`settings` with Google's endpoints replaced by this app's demo routes under `base_url`."""
    base = base_url.rstrip("/")
    return settings.model_copy(
        update={
            "demo": True,
            "public_url": base,
            "addon_service_account": DEMO_SERVICE_ACCOUNT,
            "oauth_client_id": DEMO_CLIENT_ID,
            "google_certs_url": base + CERTS_PATH,
            "gmail_api_endpoint": base + GMAIL_PATH,
            "database_url": MEMORY_URL,  # preferences live in this process only
            "hash_key": settings.hash_key or secrets.token_hex(16),
        }
    )
