"""`build_email`: one `Email` from headers and leaf parts, whatever the source."""

from __future__ import annotations

from app.core.mail.assemble import MAX_TEXT, Part, build_email
from app.core.mail.html import truncates
from app.core.model import Address, Attachment


def test_headers_are_case_insensitive_and_first_wins() -> None:
    """Header names match in any case; a repeated header keeps its first value."""
    email = build_email([("SUBJECT", "one"), ("subject", "two"), ("from", "a@x.example")], [])
    assert (email.subject, email.sender) == ("one", Address("", "a@x.example"))


def test_message_ids() -> None:
    """Message-ID, In-Reply-To and References are read as <...> ids."""
    email = build_email(
        [
            ("Message-ID", " <m3@x> "),
            ("In-Reply-To", "<m2@x> (comment)"),
            ("References", "<m1@x>\n\t<m2@x>"),
        ],
        [],
    )
    assert (email.message_id, email.in_reply_to, email.references) == (
        "<m3@x>",
        "<m2@x>",
        ("<m1@x>", "<m2@x>"),
    )


def test_legacy_names_fill_missing_display_names() -> None:
    """Exchange X-To names fill To addresses that carry none."""
    email = build_email(
        [("To", "jeff.dasovich@enron.example"), ("X-To", "Dasovich, Jeff </O=ENRON/CN=JD>")], []
    )
    assert email.to == (Address("Jeff Dasovich", "jeff.dasovich@enron.example"),)


def test_plain_text_preferred_and_joined() -> None:
    """Plain parts are the body (joined); HTML alternatives are ignored then."""
    parts = [
        Part("text/plain", text="Hello"),
        Part("text/html", text="<p>Hello</p>"),
        Part("text/plain", text="again"),
    ]
    email = build_email([], parts)
    assert email.text == "Hello\nagain"
    assert email.problems == ()


def test_html_used_when_no_plain_text() -> None:
    """HTML-only mail is turned into text and says so."""
    email = build_email([], [Part("text/html", text="<p>Hi <b>Sue</b></p>")])
    assert email.text == "Hi Sue"
    assert email.problems == ("HTML-only message: text taken from HTML",)


def test_text_files_are_attachments_not_body() -> None:
    """A text part with a file name is an attachment, not the message text."""
    email = build_email([], [Part("text/plain", "notes.txt", "secret", 6)])
    assert (email.text, email.attachments) == ("", (Attachment("notes.txt", "text/plain", 6),))


def test_inline_images_are_not_attachments() -> None:
    """Inline images (logos, signatures) are not listed."""
    parts = [
        Part("image/png", "logo.png", None, 100, inline=True),
        Part("image/png", "a.png", None, 5),
    ]
    assert [a.filename for a in build_email([], parts).attachments] == ["a.png"]


def test_forwarded_message_text_follows_the_body() -> None:
    """The text of an attached message comes after the body, as quoted history."""
    parts = [
        Part("text/plain", text="FYI"),
        Part(
            "message/rfc822",
            "fwd.eml",
            "---------- Forwarded message ---------\nFrom: k@x\n\nHi",
            9,
        ),
    ]
    email = build_email([], parts)
    assert email.new_text == "FYI"
    assert email.quoted_text.startswith("---------- Forwarded message")
    assert [a.filename for a in email.attachments] == ["fwd.eml"]


def test_huge_body_is_cut_and_flagged() -> None:
    """Bodies longer than the analysis cap are truncated with a note."""
    email = build_email([], [Part("text/plain", text="a" * (MAX_TEXT + 10))])
    assert len(email.text) == MAX_TEXT
    assert "body truncated for analysis" in email.problems


def test_headers_present() -> None:
    """A message with none of From/To/Subject is marked as having no headers."""
    assert not build_email([("X-Mailer", "x")], []).headers_present
    assert build_email([("Subject", "s")], []).headers_present


def test_ids_and_problems_pass_through() -> None:
    """Gmail ids and earlier problems are kept."""
    email = build_email([], [], ["p1"], gmail_id="g1", thread_id="t1")
    assert (email.gmail_id, email.thread_id, email.problems) == ("g1", "t1", ("p1",))


# Analysis caps on huge bodies: HTML and text past them are cut, and the cut is flagged.
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
