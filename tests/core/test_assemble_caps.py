"""Analysis caps on huge bodies: HTML and text past them are cut, and the cut is flagged."""

from __future__ import annotations

from app.core.mail.assemble import MAX_TEXT, Part, build_email
from app.core.mail.html import truncates

_TRUNCATED = "body truncated for analysis"


def test_huge_html_is_cut_and_flagged_once() -> None:
    """An HTML-only body longer than the markup read is flagged as truncated, once."""
    markup = "<p>Sue, meet Dana.</p>" * 10_000 + "<p>" + "x" * MAX_TEXT + "</p>"
    assert truncates(markup)
    email = build_email([], [Part("text/html", text=markup)])
    assert email.text.startswith("Sue, meet Dana.")
    assert email.problems.count(_TRUNCATED) == 1


def test_html_under_the_cap_is_not_flagged() -> None:
    """Ordinary HTML, or big HTML with only whitespace past the cap, is read whole."""
    small = "<p>Sue, meet Dana.</p>"
    padded = small * 5_000 + " " * 300_000
    assert not truncates(small)
    assert not truncates(padded)
    assert _TRUNCATED not in build_email([], [Part("text/html", text=padded)]).problems


def test_many_html_parts_past_the_text_cap_are_flagged_once() -> None:
    """HTML parts that are each read whole but together pass the text cap get one note."""
    part = Part("text/html", text="<p>" + "word " * 35_000 + "</p>")
    email = build_email([], [part] * 4)
    assert len(email.text) == MAX_TEXT
    assert email.problems.count(_TRUNCATED) == 1


def test_cut_html_past_the_text_cap_is_flagged_once() -> None:
    """HTML parts cut at the markup cap that together pass the text cap get one note."""
    email = build_email([], [Part("text/html", text="x" * 300_000)] * 3)
    assert len(email.text) == MAX_TEXT
    assert email.problems.count(_TRUNCATED) == 1
