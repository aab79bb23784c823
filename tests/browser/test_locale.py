"""The simulator in another Gmail language: German card text in headless Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from devkit.emulator import RunningServer

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parents[2] / "docs" / "screenshot-de.png"


def _title(page: Page, text: str) -> None:
    page.locator(".card-title").filter(has_text=text).wait_for()


def test_a_german_locale_shows_german_card_text(
    page: Page, demo: RunningServer, tmp_path: Path
) -> None:
    """`?locale=de-DE` makes every event carry `userLocale: de-DE`: the introduction card,
    its advice, options and button read in German; the mail itself stays as written."""
    page.goto(demo.url + "/?locale=de-DE")
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("#locale") == "de-DE"
    _title(page, "Intro Coach")
    assert "Ihre Einstellungen" in page.locator(".sidebar").inner_text()
    page.get_by_role("button", name="Intro: Dana <> Sue").click()
    _title(page, "Vorstellung erkannt")
    sidebar = page.locator(".sidebar")
    text = sidebar.inner_text()
    assert "Joe Whitfield hat Sie mit Sue Okonkwo bekannt gemacht" in text
    assert "Worauf es jetzt ankommt" in text
    assert "Antwortvorschlag" in text
    assert "freight analytics group at Tidewater" in text  # the introducer's words, as written
    assert "Introduction spotted" not in text
    expect(page.get_by_role("button", name="Beiden antworten")).to_be_visible()
    update = os.environ.get("INTRO_UPDATE_SCREENSHOT") == "1"
    page.screenshot(path=str(SCREENSHOT if update else tmp_path / "screenshot-de.png"))
    page.get_by_role("button", name="Beiden antworten").click()
    expect(page.locator("#toast")).to_contain_text("Antwortentwurf erstellt")


def test_changing_the_language_reopens_the_card_in_it(page: Page) -> None:
    """The language menu re-runs the open trigger with the new `userLocale`."""
    page.get_by_role("button", name="Intro: Dana <> Sue").click()
    _title(page, "Introduction spotted")
    page.select_option("#locale", "es-ES")
    _title(page, "Presentación detectada")
    assert "Responder a ambos" in page.locator(".sidebar").inner_text()
    assert "locale=es-ES" in page.url
    page.select_option("#locale", "ja-JP")  # no catalogue: English
    _title(page, "Introduction spotted")
