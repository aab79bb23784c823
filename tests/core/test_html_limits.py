"""HTML limits: markup with many elements is scanned, and quote markers stop deepening."""

from __future__ import annotations

from app.core.mail.html import _QUOTE_MARKS, _TREE_TAGS, html_to_text
from app.core.mail.tagscan import MAX_QUOTE_DEPTH, scan_text


def test_many_elements_are_scanned_not_tree_built() -> None:
    """Thousands of nested list items (slow for a tree builder) read as the scan reads them."""
    markup = "<ul><li>Sue, meet Dana." * (_TREE_TAGS // 2 + 1)
    text = html_to_text(markup)
    assert text == scan_text(markup, _QUOTE_MARKS)
    assert text.startswith("Sue, meet Dana.")


def test_quote_markers_stop_at_the_cap() -> None:
    """Quotes nested deeper than the cap get the cap's markers, in both readers."""
    markup = "<p>Top.</p>" + "<blockquote>old" * (MAX_QUOTE_DEPTH + 10)
    for text in (html_to_text(markup), scan_text(markup, _QUOTE_MARKS)):
        lines = [line for line in text.splitlines() if line]
        assert lines[0] == "Top."
        assert lines[1] == "> old"
        assert lines[-1] == "> " * MAX_QUOTE_DEPTH + "old"
        assert lines[MAX_QUOTE_DEPTH] == lines[-1]
