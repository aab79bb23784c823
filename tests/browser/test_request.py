"""A request for an introduction in headless Chromium: the card, a refused address, two drafts."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parents[2] / "docs" / "request-screenshot.png"
MARCO = "marco.bellini@fieldstone.example"


def test_ask_first_drafts_the_note_to_marco(page: Page, tmp_path: Path) -> None:
    """Priya asks Dana for an intro to Marco: a bad address is refused with a reason; a good
    one creates the note to Marco (a new message, opened) and the reply to Priya."""
    page.get_by_role("button", name="Quick favour: Marco Bellini?").click()
    page.locator(".card-title").filter(has_text="Introduction request").wait_for()
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_contain_text("Priya Raman asks you to introduce them to Marco")
    expect(sidebar).to_contain_text("first two farm shops")
    page.get_by_label("Marco's email address").fill("marco at fieldstone")
    page.get_by_role("button", name="Ask Marco first").click()
    expect(sidebar).to_contain_text("is not an email address")
    page.get_by_label("Marco's email address").fill(MARCO)
    page.get_by_role("button", name="Ask Marco first").click()
    expect(page.locator("#compose-to")).to_have_value(re.compile(re.escape(MARCO)))
    assert page.input_value("#compose-subject") == "Would you be open to meeting Priya Raman?"
    body = page.input_value("#compose-body")
    assert body.startswith("Hi Marco,")
    assert "first two farm shops" in body
    expect(page.locator("#toast")).to_contain_text("Two drafts created")
    expect(sidebar).not_to_contain_text("is not an email address")  # the card shows what was done
    page.locator("#toast").click()
    expect(page.locator("#toast")).to_be_hidden()
    update = os.environ.get("INTRO_UPDATE_SCREENSHOT") == "1"
    page.screenshot(path=str(SCREENSHOT if update else tmp_path / "request.png"))
