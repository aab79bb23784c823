"""The introducer's side in Chromium: an introduction the user wrote is checked, and after
days without an answer a nudge to both is one click away."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parents[2] / "docs" / "introducer-screenshot.png"
PRIYA = "priya@lanternline.example"
MARCUS = "marcus.bell@halvorsen-freight.example"


def test_own_introduction_is_checked_and_nudged(page: Page, tmp_path: Path) -> None:
    """Dana's own introduction of Priya to Marcus: the card quotes the ask made on Priya's
    behalf and the missing line about her, and "Nudge both" drafts a reply to both."""
    page.get_by_role("button", name="Your own introduction").click()
    page.locator(".card-title").filter(has_text="Your introduction").wait_for()
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_contain_text("You introduced")
    text = sidebar.inner_text()
    assert "An ask on someone's behalf" in text
    assert "could you put her in touch" in text  # the exact words, quoted
    update = os.environ.get("INTRO_UPDATE_SCREENSHOT") == "1"
    page.screenshot(path=str(SCREENSHOT if update else tmp_path / "introducer.png"))
    page.get_by_role("button", name="Nudge both").click()
    expect(page.locator("#compose-to")).to_have_value(re.compile(re.escape(PRIYA)))
    recipients = page.input_value("#compose-to") + page.input_value("#compose-cc")
    assert MARCUS in recipients
    expect(page.locator("#toast")).to_contain_text("Nudge draft created")
