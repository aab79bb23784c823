"""Headless Debian Chromium driven by Playwright, against the demo server on loopback.

Browser downloads do not work here, so Playwright launches `/usr/bin/chromium`
(`apt-get install chromium`). Without it the browser tests are skipped, except
under `CI=true`, where a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

from devkit.emulator import RunningServer
from tests.devkit.demo.server import running_demo

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT: ViewportSize = {"width": 1440, "height": 900}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run)")
    pytest.skip(f"{reason}; install it with `apt-get install -y chromium`")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def demo() -> Iterator[RunningServer]:
    """The app in demo mode on loopback."""
    with running_demo() as server:
        yield server


@pytest.fixture
def page(browser: Browser, demo: RunningServer) -> Iterator[Page]:
    """A fresh page on the simulator, once its script has loaded the threads."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(10_000)
    tab.goto(demo.url + "/")
    tab.wait_for_selector("body[data-ready=true]")
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"
