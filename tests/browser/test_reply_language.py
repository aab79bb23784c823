"""The suggested reply in the introduction's language, and the user's words kept through a
tone change, in headless Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parents[2] / "docs" / "screenshot-es.png"
JAVIER = "javier.solis@rutasur.example"
CARMEN = "carmen@ortiz-asesores.example"


def _open(page: Page, subject: str) -> None:
    page.get_by_role("button", name=subject).click()
    page.locator(".card-title").filter(has_text="Introduction spotted").wait_for()


def _reply_box(page: Page) -> str:
    return page.get_by_label("Your reply (edit freely)").input_value()


def test_a_spanish_introduction_is_answered_in_spanish(page: Page, tmp_path: Path) -> None:
    """Carmen introduces Dana and Javier in Spanish: the suggested reply is Spanish, in the
    register Carmen used (tú), thanks Carmen and proposes a coffee; the draft says the same."""
    _open(page, "Os presento: Dana y Javier")
    reply = _reply_box(page)
    assert reply.startswith("Hola") or reply.startswith("¡Hola"), reply
    assert "Carmen" in reply
    assert "Javier" in reply
    assert re.search(r"\bgracias\b", reply, re.IGNORECASE), reply
    assert "café" in reply, reply
    assert not re.search(r"\b(thanks|coffee|would you)\b", reply, re.IGNORECASE), reply
    assert "Spanish" in page.locator(".sidebar").inner_text()  # the note naming the language
    update = os.environ.get("INTRO_UPDATE_SCREENSHOT") == "1"
    page.screenshot(path=str(SCREENSHOT if update else tmp_path / "screenshot-es.png"))
    page.get_by_role("button", name="Reply to both").click()
    expect(page.locator("#compose-to")).to_have_value(re.compile(re.escape(JAVIER)))
    assert CARMEN in page.input_value("#compose-cc")
    body = page.input_value("#compose-body")
    assert "café" in body
    assert "Carmen" in body


def test_an_edit_survives_a_tone_change(page: Page) -> None:
    """The user edits the suggested reply, then picks the formal tone: the card comes back
    with their words, not a fresh suggestion over them."""
    _open(page, "Intro: Dana <> Sue")
    box = page.get_by_label("Your reply (edit freely)")
    mine = box.input_value() + "\n\nP.S. These are my own words."
    box.fill(mine)
    page.get_by_label("Tone").select_option(label="Formal")
    expect(page.locator(".sidebar")).to_contain_text("Your edits are kept")
    assert _reply_box(page) == mine
    assert page.get_by_label("Tone").input_value() == "formal"
