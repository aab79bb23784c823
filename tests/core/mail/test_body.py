"""`split_body`: own words, signature and quoted history of a plain-text body."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.mail.body import split_body, strip_quote_markers

OUTLOOK = """Works for me.

Joe

-----Original Message-----
From: Ravi Menon [mailto:ravi@x.example]
Sent: Wednesday, March 5, 2025 2:30 PM
To: Sue Park; Joe Brandt
Subject: Intro

Hi both,"""

OUTLOOK_NO_BANNER = """Works for me.

From: Ravi Menon <ravi@x.example>
Sent: Wednesday, March 5, 2025 2:30 PM
To: Sue Park
Subject: Intro

Hi both,"""

GMAIL_WRAPPED = """Sounds good!

On Tue, Mar 4, 2025 at 9:12 AM Maya Chen <maya.chen@harbor.example>
wrote:

> Sue, meet Joe."""


@pytest.mark.parametrize(
    ("body", "own", "quoted_start"),
    [
        (OUTLOOK, "Works for me.\n\nJoe", "-----Original Message-----"),
        (OUTLOOK_NO_BANNER, "Works for me.", "From: Ravi Menon"),
        (GMAIL_WRAPPED, "Sounds good!", "On Tue, Mar 4, 2025"),
        ("Yes.\n\n> Would you be open\n> to an intro?", "Yes.", "> Would you be open"),
        ("FYI\n\nBegin forwarded message:\n\nFrom: a", "FYI", "Begin forwarded message:"),
        ("Ok\n\nAm 4. März 2025 um 09:12 schrieb Maya <m@x.example>:\n> Hallo", "Ok", "Am 4. März"),
        ("Vale\n\nEl mar, 4 mar 2025 a las 9:12, Maya escribió:\n> Hola", "Vale", "El mar"),
        ("Noted\n\n________________________________\nFrom: a\nSent: b", "Noted", "________"),
    ],
)
def test_quote_styles(body: str, own: str, quoted_start: str) -> None:
    """Outlook, Gmail (also wrapped), "> ", forwards and other languages start the quote."""
    split = split_body(body)
    assert split.own == own
    assert split.quoted.startswith(quoted_start)


def test_forwarded_flag() -> None:
    """A forwarded-message banner marks the split as forwarded."""
    body = "See below.\n\n---------- Forwarded message ---------\nFrom: Kim <k@x.example>"
    assert split_body(body).forwarded
    assert not split_body(OUTLOOK).forwarded


def test_from_line_in_prose_is_not_a_quote() -> None:
    """'From:' without header lines after it stays in the own words."""
    body = "From: the team, thanks for a great year.\nWe did it."
    assert split_body(body).own == body


def test_single_quote_mark_in_prose_is_not_a_quote() -> None:
    """One '>' line in the middle of prose does not cut the message."""
    body = "Numbers:\n> 5 people said yes\nand the rest said no.\nThanks for checking."
    assert split_body(body).own == body


@pytest.mark.parametrize(
    ("body", "own", "signature"),
    [
        ("See you then.\n-- \nSue Park\nNorthwind", "See you then.", "-- \nSue Park\nNorthwind"),
        ("See you then.\n\nBest,\nSue", "See you then.", "Best,\nSue"),
        (
            "Deal.\n\nMit freundlichen Grüßen\nKatrin Vogel",
            "Deal.",
            "Mit freundlichen Grüßen\nKatrin Vogel",
        ),
        ("On my way.\n\nSent from my iPhone", "On my way.", "Sent from my iPhone"),
        (
            "Thanks,\n\nI'll send the file on Monday.",
            "Thanks,\n\nI'll send the file on Monday.",
            "",
        ),
    ],
)
def test_signatures(body: str, own: str, signature: str) -> None:
    """'-- ', sign-offs with a short name block and mobile footers are the signature."""
    split = split_body(body)
    assert (split.own, split.signature) == (own, signature)


def test_signoff_followed_by_prose_is_not_a_signature() -> None:
    """A 'Thanks!' line followed by paragraphs is part of the message."""
    body = "Hi Sue,\n\nThanks!\n\n" + "\n".join(f"Point {i} about the plan." for i in range(8))
    assert split_body(body).signature == ""


def test_crlf_and_cr() -> None:
    """Windows and old Mac line endings split like Unix ones."""
    assert split_body(OUTLOOK.replace("\n", "\r\n")) == split_body(OUTLOOK)
    assert split_body(OUTLOOK.replace("\n", "\r")) == split_body(OUTLOOK)


def test_strip_quote_markers() -> None:
    """Leading '>' markers (nested too) are removed."""
    assert strip_quote_markers("> a\n>> b\n > > c\nd") == "a\nb\nc\nd"


_LINES = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
        st.sampled_from(
            [
                "",
                "> quoted",
                "Best,",
                "Thanks,",
                "Sue",
                "-- ",
                "From: a",
                "Sent: b",
                "To: c",
                "-----Original Message-----",
                "On Mon, Jan 1, 2024 at 9:00 AM A <a@x> wrote:",
            ]
        ),
    ),
    max_size=40,
).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_never_raises_and_keeps_every_line(body: str) -> None:
    """Any body splits, and no non-blank line is lost or invented."""
    split = split_body(body)
    words = [w for part in (split.own, split.signature, split.quoted) for w in part.split()]
    assert sorted(words) == sorted(body.replace("\r", "\n").split())


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_own_words_split_again_stay_the_same(body: str) -> None:
    """Splitting the own words again finds no further quote or signature."""
    own = split_body(body).own
    again = split_body(own)
    assert (again.own, again.quoted) == (own, "")


@pytest.mark.parametrize(
    "footer",
    ["Sent from my iPhone", "Sent via BlackBerry by AT&T", "Sent with my Android phone"],
)
def test_mobile_footers_are_signatures(footer: str) -> None:
    """Phone footers end the own words."""
    split = split_body(f"Done. Hooray! Sid\n\n{footer}")
    assert (split.own, split.signature) == ("Done. Hooray! Sid", footer)


def test_a_stray_quote_line_before_a_closing_and_history_is_quoted() -> None:
    """'>' then 'Best' then history: the '>' line belongs to the history (found by fuzzing)."""
    split = split_body(">\nBEST\nON 0 0 0 WROTE:")
    assert (split.own, split.quoted) == ("", ">\nBEST\nON 0 0 0 WROTE:")


def test_a_quote_line_before_a_signature_is_quoted() -> None:
    """A single '>' line followed by a signature delimiter opens the quote."""
    split = split_body("Agreed.\n> the plan\n-- \nSue")
    assert (split.own, split.quoted) == ("Agreed.", "> the plan\n-- \nSue")


NOTES_REPLY = """Tom, Nina administers the plan.  She can help.

Mary




Tom Albers@ENRON
05/14/2001 11:02 AM
To: Mary Fisk/HOU/ECT@ECT
cc:
Subject: Benefits question

Mary - who do I talk to?"""


def test_a_lotus_notes_header_with_the_date_on_its_own_line_opens_the_quote() -> None:
    """Enron's Notes archives print "Name@ORG", the date below it, then To:/cc:/Subject:."""
    split = split_body(NOTES_REPLY)
    assert split.own.startswith("Tom, Nina")
    assert "who do I talk to" not in split.own
    assert split.quoted.startswith("Tom Albers@ENRON")


def test_a_name_at_an_organisation_in_prose_opens_nothing() -> None:
    """Without the date line and a To: line below it, "Sue@HQ" is only text."""
    text = "Ask Sue@HQ about it.\n05/14/2001 11:02 AM is when it broke.\nThanks"
    assert split_body(text).quoted == ""


DISCLAIMERS = {
    "en": "This e-mail is confidential and intended solely for the named recipient. If you "
    "received it in error, please delete it.",
    "de": "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige "
    "Adressat sind, informieren Sie bitte sofort den Absender.",
    "fr": "Ce message est confidentiel et destiné exclusivement à ses destinataires.",
    "es": "Este mensaje es confidencial. Si usted no es el destinatario, bórrelo.",
    "pt": "Esta mensagem é confidencial. Se a recebeu por engano, apague-a.",
    "it": "Questo messaggio è riservato. Se lo ha ricevuto per errore, lo cancelli.",
    "nl": "Dit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde.",
}


@pytest.mark.parametrize("language", sorted(DISCLAIMERS))
def test_a_legal_footer_is_not_own_words(language: str) -> None:
    """A confidentiality notice at the end (rules around it or not) goes with the
    signature: it is not what the writer said, and it made every such mail look long."""
    body = f"Adding Amy, who drafted the contract.\n\nTony\n\n*****\n{DISCLAIMERS[language]}\n*****"
    split = split_body(body)
    assert split.own == "Adding Amy, who drafted the contract.\n\nTony"
    assert DISCLAIMERS[language] in split.signature


def test_a_message_about_confidentiality_keeps_its_words() -> None:
    """A paragraph that merely mentions confidentiality, or the whole message, stays."""
    only = "This is confidential: the recipient list must not leak."
    assert split_body(only).own == only
    body = "Sue, meet Joe.\n\nPlease keep the numbers confidential for now."
    assert split_body(body).own == body


def test_a_long_last_paragraph_is_prose_not_a_footer() -> None:
    """A paragraph far longer than any notice stays the writer's own, even when it names
    confidentiality and a recipient (and it is not scanned for them: 1 MB cost 30 ms)."""
    long = "The recipient of the grant asked us to keep the draft confidential. " * 80
    body = f"Sue, meet Joe.\n\n{long.strip()}"
    assert len(long) > 4000
    split = split_body(body)
    assert split.own == body
    assert split.signature == ""
