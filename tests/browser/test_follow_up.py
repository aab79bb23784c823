"""After the first reply, in Chromium: the thank-you draft to the introducer alone, and the
homepage list of recent introductions with their stage and a link that opens the thread."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parents[2] / "docs" / "homepage-list.png"
PRIYA = "priya@nair-partners.example"
MARCO = "marco@quayside-robotics.example"


def _open(page: Page, subject: str, title: str) -> None:
    page.get_by_role("button", name=subject).click()
    page.locator(".card-title").filter(has_text=title).wait_for()


def test_connected_thread_drafts_thanks_to_the_introducer_alone(page: Page) -> None:
    """Dana and Marco fixed a coffee: one line typed, one click, a draft to Priya alone."""
    _open(page, "Marco, meet Dana", "After your reply")
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_contain_text("You and Marco have connected")
    page.get_by_label("How it went, in one line (goes into the note)").fill(
        "We had coffee on Thursday and are planning a night-shift pilot."
    )
    page.get_by_role("button", name="Draft thanks to Priya").click()
    expect(page.locator("#compose-to")).to_have_value(re.compile(re.escape(PRIYA)))
    assert MARCO not in page.input_value("#compose-to")
    assert page.input_value("#compose-cc") == ""
    body = page.input_value("#compose-body")
    assert "We had coffee on Thursday and are planning a night-shift pilot." in body
    assert body.startswith("Hi Priya,")


def test_homepage_lists_recent_introductions_with_links(page: Page, tmp_path: Path) -> None:
    """Opened introductions show on the homepage with their stage; Open goes to the thread."""
    _open(page, "Intro: Dana <> Sue", "Introduction spotted")
    _open(page, "Hugo, je te présente Dana", "After your reply")
    _open(page, "Marco, meet Dana", "After your reply")
    page.get_by_role("button", name="Home").click()
    page.locator(".card-title").filter(has_text="Intro Coach").wait_for()
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_contain_text("Your recent introductions")
    for stage in ("Connected", "Loop closed", "Not answered yet"):
        expect(sidebar).to_contain_text(stage)
    for private in ("Marco", "Hugo", "Sue", "Priya", "Claire"):
        expect(sidebar).not_to_contain_text(private)
    update = os.environ.get("INTRO_UPDATE_SCREENSHOT") == "1"
    page.screenshot(path=str(SCREENSHOT if update else tmp_path / "homepage-list.png"))

    page.context.route("https://mail.google.com/**", _fake_gmail)
    with page.context.expect_page() as opened:
        sidebar.get_by_role("button", name="Open").first.click()
    gmail = opened.value
    gmail.wait_for_load_state()
    assert re.fullmatch(
        r"https://mail\.google\.com/mail/\?authuser=dana@reyes\.example#all/[0-9a-f]+", gmail.url
    ), gmail.url
    gmail.close()


def _fake_gmail(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html", body="<title>Gmail</title>")


def test_give_first_drafts_a_note_to_the_other_person_alone(page: Page) -> None:
    """After the first reply, "Give first": the user's edited note goes to Marco alone."""
    _open(page, "Marco, meet Dana", "After your reply")
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_contain_text("Give first")
    more = sidebar.get_by_role("button", name="Show more")
    if more.count():
        more.last.click()
    box = page.get_by_label("Your note to Marco (edit freely)")
    note = box.input_value() + "\n\nP.S. The cold-chain report I mentioned is attached."
    box.fill(note)
    page.get_by_role("button", name="Draft it to Marco").click()
    expect(page.locator("#compose-to")).to_have_value(re.compile(re.escape(MARCO)))
    assert PRIYA not in page.input_value("#compose-to")
    assert page.input_value("#compose-cc") == ""
    assert "The cold-chain report I mentioned is attached." in page.input_value("#compose-body")
