"""The sidebar simulator in headless Chromium: real cards, real clicks, real drafts."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from devkit.emulator import RunningServer

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parents[2] / "docs" / "screenshot.png"
SUE = "sue.okonkwo@tidewater-freight.example"
JOE = "joe@whitfield-advisory.example"


def _open(page: Page, subject: str) -> None:
    page.get_by_role("button", name=subject).click()
    page.locator(".card-title").filter(has_text="Introduction spotted").wait_for()


def _open_coach_in_compose(page: Page) -> None:
    page.get_by_role("button", name="Open Intro Coach").click()
    page.locator(".card-title").filter(has_text="Check my reply").wait_for()


def test_reply_to_both_shows_the_draft(page: Page, tmp_path: Path) -> None:
    """Open the intro, see who and what, click Reply to both: the draft is To Sue, Cc Joe."""
    _open(page, "Intro: Dana <> Sue")
    sidebar = page.locator(".sidebar")
    assert "Joe Whitfield introduced you to Sue Okonkwo" in sidebar.inner_text()
    assert "freight analytics group at Tidewater" in sidebar.inner_text()
    page.get_by_role("button", name="Reply to both").click()
    expect(page.locator("#compose-to")).to_have_value(re.compile(re.escape(SUE)))
    assert SUE in page.input_value("#compose-to")
    assert JOE not in page.input_value("#compose-to")
    assert JOE in page.input_value("#compose-cc")
    assert page.input_value("#compose-subject") == "Re: Intro: Dana <> Sue"
    assert "Joe" in page.input_value("#compose-body")
    toast = page.locator("#toast")
    expect(toast).to_contain_text("Reply draft created")
    toast.click()
    expect(toast).to_be_hidden()
    update = os.environ.get("INTRO_UPDATE_SCREENSHOT") == "1"
    page.screenshot(path=str(SCREENSHOT if update else tmp_path / "screenshot.png"))


def test_bad_reply_gets_resume_and_ask_warnings(page: Page) -> None:
    """The bad first reply, checked in compose, is warned about its resume and its asks."""
    _open(page, "Introducing Ben Carter and Dana Reyes")
    page.get_by_role("button", name="Edit draft").click()
    expect(page.locator("#compose-attachments")).to_contain_text("Dana_Reyes_Resume.pdf")
    _open_coach_in_compose(page)
    assert "paste it below" in page.locator(".sidebar").inner_text()  # how to get the warnings
    page.get_by_label("Your draft").fill(page.input_value("#compose-body"))
    page.get_by_role("button", name="Check my draft").click()
    page.get_by_text("Resume attached", exact=True).wait_for()
    text = page.locator(".sidebar").inner_text()
    assert "An ask in a first reply" in text
    assert "any openings" in text


def test_dropped_introducer_is_fixed_in_one_click(page: Page) -> None:
    """Replying to Sue alone warns that Joe was dropped; the fix puts Joe on Cc."""
    _open(page, "Intro: Dana <> Sue")
    page.get_by_role("button", name="Reply all").click()
    page.fill("#compose-to", f"Sue Okonkwo <{SUE}>")
    page.fill("#compose-cc", "")
    _open_coach_in_compose(page)
    assert "Introducer left off" in page.locator(".sidebar").inner_text()
    page.get_by_role("button", name="Put Joe Whitfield back on Cc").click()
    page.wait_for_function(f"document.querySelector('#compose-cc').value.includes('{JOE}')")
    assert page.input_value("#compose-to") == f"Sue Okonkwo <{SUE}>"
    expect(page.locator(".sidebar")).not_to_contain_text("Introducer left off")


def test_insert_suggestion_keeps_what_the_user_wrote(page: Page) -> None:
    """Insert suggested reply puts the suggestion above the user's own text, which stays."""
    _open(page, "Intro: Dana <> Sue")
    page.get_by_role("button", name="Reply all").click()
    page.fill("#compose-body", "P.S. My own words stay.")
    _open_coach_in_compose(page)
    suggestion = page.get_by_label("Edit, then insert above your text").input_value()
    page.get_by_role("button", name="Insert suggested reply").click()
    page.wait_for_function("document.querySelector('#compose-body').value.length > 40")
    body = page.input_value("#compose-body")
    assert body.startswith(suggestion.strip())
    assert body.endswith("P.S. My own words stay.")


def test_malformed_upload_shows_the_reason(page: Page, tmp_path: Path) -> None:
    """Opening a file that is not an email shows why, and the page keeps working."""
    bad = tmp_path / "notes.eml"
    bad.write_text("just some notes, no headers")
    page.set_input_files("#upload", str(bad))
    page.locator("#upload-error").filter(has_text="no From header").wait_for()
    _open(page, "Intro: Dana <> Sue")


def test_an_uploaded_introduction_is_read_as_the_person_chosen(page: Page) -> None:
    """An uploaded intro is read as one of its people (its first To by default), not as the
    demo user, so the card coaches that person; choosing another re-reads it."""
    eml = Path(__file__).parents[1] / "data" / "emails" / "classic_meet.eml"
    page.set_input_files("#upload", str(eml))
    page.locator(".card-title").filter(has_text="Introduction spotted").wait_for()
    assert page.input_value("#read-as") == "sue@northwind.example"
    expect(page.locator(".sidebar")).to_contain_text("introduced you to Joe")
    page.select_option("#read-as", "joe.brandt@fieldlabs.example")
    expect(page.locator(".sidebar")).to_contain_text("introduced you to Sue")


@pytest.fixture
def narrow(browser: Browser, demo: RunningServer) -> Iterator[Page]:
    """The simulator on a 1024 × 768 laptop screen."""
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(10_000)
    tab.goto(demo.url + "/")
    tab.wait_for_selector("body[data-ready=true]")
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not shown"
    return dict(box)


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_usable_at_1024_pixels(narrow: Page) -> None:
    """At 1024 px nothing scrolls sideways, the three columns are side by side, the
    notification leaves the main button free and goes away by itself, and the new draft
    and new findings are in view."""
    page = narrow
    _open(page, "Intro: Dana <> Sue")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    threads, reader, sidebar = (_box(page, s) for s in (".threads", ".reader", ".sidebar"))
    assert threads["x"] + threads["width"] <= reader["x"]
    assert reader["x"] + reader["width"] <= sidebar["x"]
    assert sidebar["x"] + sidebar["width"] <= 1024
    assert reader["width"] >= 360
    button = page.get_by_role("button", name="Reply to both")
    button.click()
    toast = page.locator("#toast")
    expect(toast).to_contain_text("Reply draft created")
    assert not _overlap(_box(page, "#toast"), _box(page, ".card-footer"))
    expect(page.locator("#compose")).to_be_in_viewport()
    expect(toast).to_be_hidden(timeout=15_000)  # nobody clicked it
    page.get_by_role("button", name="Reply all").click()
    page.fill("#compose-body", "Sue, could you send me your contacts list and any job openings?")
    _open_coach_in_compose(page)
    page.get_by_label("Your draft").fill(page.input_value("#compose-body"))
    page.get_by_role("button", name="Check my draft").click()
    finding = page.get_by_text("An ask in a first reply").first
    finding.wait_for()
    expect(finding).to_be_in_viewport()
