"""Demo mode runs only on loopback, and says clearly why it refuses otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.main import create_app
from app.settings import GOOGLE_CERTS_URL, Settings
from devkit.demo import DemoRefused
from devkit.demo.config import demo_base_url, demo_settings, is_loopback

ROOT = Path(__file__).parents[3]


@pytest.mark.parametrize(
    "url", ["https://addon.example.org", "http://10.0.0.5:8080", "http://0.0.0.0:8080"]
)
def test_refuses_public_url_off_loopback(url: str) -> None:
    """A public URL that is not this machine stops demo mode before anything is served."""
    with pytest.raises(DemoRefused, match="not this machine"):
        create_app(Settings(demo=True, public_url=url))


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "example.org"])
def test_refuses_host_off_loopback(host: str) -> None:
    """Binding the demo to a non-loopback host is refused."""
    with pytest.raises(DemoRefused, match="loopback"):
        demo_base_url(Settings(demo=True), {"HOST": host, "PORT": "8080"})


def test_refuses_a_bad_port() -> None:
    """PORT must be a port number."""
    with pytest.raises(DemoRefused, match="PORT"):
        demo_base_url(Settings(demo=True), {"HOST": "127.0.0.1", "PORT": "eighty"})


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("http://localhost:9000", "http://localhost:9000"),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ],
)
def test_loopback_public_url_is_the_base(url: str, expected: str) -> None:
    """A loopback INTRO_PUBLIC_URL is used as the demo's base URL."""
    assert demo_base_url(Settings(demo=True, public_url=url), {}) == expected


def test_base_url_from_host_and_port() -> None:
    """Without INTRO_PUBLIC_URL the base URL is what `make run` binds: HOST and PORT."""
    assert demo_base_url(Settings(), {"HOST": "127.0.0.1", "PORT": "8123"}) == (
        "http://127.0.0.1:8123"
    )
    assert demo_base_url(Settings(), {}) == "http://127.0.0.1:8080"


def test_is_loopback() -> None:
    """Loopback names and addresses are recognised; others are not."""
    assert all(map(is_loopback, ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"]))
    assert not any(map(is_loopback, ["0.0.0.0", "10.1.1.1", "example.org", "localhost.evil"]))


def test_demo_settings_point_at_this_app_only() -> None:
    """Demo settings name this app's certs and Gmail routes; production keeps Google's."""
    production = Settings(hash_key="k")
    demo = demo_settings(production, "http://127.0.0.1:8080")
    assert demo.google_certs_url == "http://127.0.0.1:8080/demo/certs"
    assert demo.gmail_api_endpoint == "http://127.0.0.1:8080/demo/gmail"
    assert demo.public_url == "http://127.0.0.1:8080"
    assert production.google_certs_url == GOOGLE_CERTS_URL
    assert not production.demo


def test_demo_is_off_by_default() -> None:
    """Without INTRO_DEMO the app has no demo routes and no settings override."""
    app = create_app(Settings(public_url="https://addon.example.org"))
    paths = {getattr(route, "path", "") for route in app.routes}
    assert not any(path.startswith("/demo") for path in paths)
    assert app.dependency_overrides == {}


def test_uvicorn_import_refuses_with_a_clear_message() -> None:
    """`app.main:app` with demo on and a public URL exits with one readable line."""
    env = {
        **os.environ,
        "INTRO_DEMO": "1",
        "INTRO_PUBLIC_URL": "https://addon.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import app.main"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "Intro Coach will not start" in result.stderr
    assert "Traceback" not in result.stderr
