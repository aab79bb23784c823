"""`html_to_text`: HTML mail as readable text, quoted containers as "> " lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.mail.html import _QUOTE_MARKS, _TREE_TAGS, html_to_text
from app.core.mail.tagscan import MAX_QUOTE_DEPTH, scan_text


def test_blocks_become_lines_and_entities_decode() -> None:
    """Paragraphs, divs and <br> give line breaks; entities are decoded."""
    text = html_to_text("<div>Hi Sue,</div><p>Joe&#39;s team &amp; mine<br>meet&nbsp;Thursday</p>")
    assert text.splitlines() == ["Hi Sue,", "", "Joe's team & mine", "meet Thursday"]


def test_scripts_styles_and_head_are_dropped() -> None:
    """Script, style and head content never shows up as text."""
    markup = (
        "<html><head><title>T</title><style>p{}</style></head>"
        "<body><script>x()</script>Hello</body></html>"
    )
    assert html_to_text(markup) == "Hello"


@pytest.mark.parametrize(
    "container",
    [
        '<div class="gmail_quote">{}</div>',
        "<blockquote>{}</blockquote>",
        '<div id="divRplyFwdMsg">{}</div>',
        '<div class="yahoo_quoted">{}</div>',
    ],
)
def test_quote_containers_become_quoted_lines(container: str) -> None:
    """Gmail, Outlook, Yahoo and plain blockquotes come out "> "-prefixed."""
    text = html_to_text("<p>My answer.</p>" + container.format("<p>Old words.</p>"))
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == "My answer."
    assert lines[-1].startswith(">")
    assert "Old words." in lines[-1]


def test_nested_quotes_deepen() -> None:
    """A quote inside a quote gets two markers."""
    text = html_to_text("<blockquote>a<blockquote>b</blockquote></blockquote>")
    assert "> > b" in text


def test_broken_markup() -> None:
    """Unclosed tags and stray brackets still give the words."""
    assert "Sue, meet Joe" in html_to_text("<div><p>Sue, meet <b>Joe<p></div></span>>")


def test_empty_and_blank() -> None:
    """Empty or blank markup gives empty text."""
    assert html_to_text("") == ""
    assert html_to_text("   \n ") == ""


def test_deep_nesting_does_not_recurse() -> None:
    """Thousands of nested divs are walked without hitting the recursion limit."""
    assert html_to_text("<div>" * 5000 + "deep" + "</div>" * 5000) == "deep"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_never_raises(markup: str) -> None:
    """Any string at all gives text."""
    assert isinstance(html_to_text(markup), str)


# No-break spaces are left out: "a &nbsp;b" is two spaces wide in a browser and in our
# text (tested below), and reading that text again as HTML collapses them, as HTML does.
_PLAIN = st.text(
    st.characters(blacklist_characters="<>&\xa0", blacklist_categories=("Cs", "Cc")),
    max_size=300,
)


def test_a_no_break_space_keeps_its_width_beside_a_space() -> None:
    assert html_to_text("0 \xa00") == "0  0"
    assert html_to_text("meet&nbsp;&nbsp;Thursday") == "meet  Thursday"


@settings(max_examples=200, deadline=None)
@given(_PLAIN)
def test_text_of_text_is_stable(text: str) -> None:
    """Converting the result again changes nothing (for text without markup)."""
    once = html_to_text(text)
    assert html_to_text(once) == once


_SAMPLES = [
    "<div>Hi Sue,</div><p>Joe&#39;s team &amp; mine<br>meet&nbsp;Thursday</p>",
    "<html><head><style>p{}</style></head><body><script>x()</script>Hello</body></html>",
    '<p>My answer.</p><div class="gmail_quote"><p>Old words.</p></div>',
    "<blockquote>a<blockquote>b</blockquote></blockquote>",
    "<p>a < b and c > d</p><!-- hidden --><p>x</p>",
    "<p>x</p><blockquote><p>one</p><div><p>two</p></div><p>three</p></blockquote><p>after</p>",
    "<p>x</p><DIV>y</DIV><TABLE><TR><TD>a</TD><TD>b</TD></TR></TABLE>",
]


@pytest.mark.parametrize("markup", _SAMPLES)
def test_linear_scan_reads_like_the_tree_walk(markup: str) -> None:
    """The regex scan used for huge markup gives the same text as the tree walk."""
    assert scan_text(markup, _QUOTE_MARKS) == html_to_text(markup)


def test_deeply_nested_markup_is_scanned_quickly() -> None:
    """25,000 nested divs are read without recursion errors (speed: `make bench`)."""
    unit = "<div><p><b>Sue</b>, meet <i>Dana</i>.</p>"
    markup = unit * 25_000 + "</div>" * 25_000
    text = html_to_text(markup)
    assert text.startswith("Sue, meet Dana.")


def test_huge_quoted_markup_keeps_quote_markers() -> None:
    """Past the tree limit, quote containers still mark their lines."""
    markup = "<p>Top.</p>" + '<div class="gmail_quote">' + "<p>Old line.</p>" * 30_000 + "</div>"
    lines = html_to_text(markup).splitlines()
    assert lines[0] == "Top."
    assert lines[2] == "> Old line."


# HTML limits: markup with many elements is scanned, and quote markers stop deepening.
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
