"""Quoted history read back into messages: senders, recipients, bodies, forwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.mail.history import quoted_messages
from app.core.mail.rfc822 import parse_eml
from app.core.model import Address, Email

EMAILS = Path(__file__).parents[2] / "data" / "emails"
SUE = Address("Sue Park", "sue@northwind.example")
JOE = Address("Joe Brandt", "joe.brandt@fieldlabs.example")
MAYA = Address("Maya Chen", "maya.chen@harbor.example")


def _quoted(name: str):
    return quoted_messages(parse_eml((EMAILS / name).read_bytes()))


def test_gmail_attribution_and_participants() -> None:
    """'On ... Maya Chen <maya@...> wrote:' gives the sender; the rest of the thread is To."""
    (first,) = _quoted("reply_quoting_intro.eml")
    assert first.email.sender == MAYA
    assert set(first.email.to) == {SUE, JOE}
    assert first.email.new_text.startswith("Sue, meet Joe.")
    assert not first.forwarded


def test_outlook_block_names_get_addresses() -> None:
    """'To: Sue Park; Joe Brandt' (names only) is completed from the reply's participants."""
    (first,) = _quoted("reply_outlook_quoting_intro.eml")
    assert first.email.sender == Address("Ravi Menon", "ravi@menon-partners.example")
    assert first.email.to == (SUE, JOE)
    assert first.email.subject == "Intro: Sue <> Joe"
    assert first.email.signature == "Best,\nRavi"


def test_forwarded_chain_is_read_newest_first() -> None:
    """A forward holding a reply holding a question gives both, newest first."""
    found = _quoted("double_opt_in_forward.eml")
    assert [q.forwarded for q in found] == [True, False]
    assert found[0].email.new_text == "Yes, happy to meet her. Please go ahead."
    assert found[1].email.sender == MAYA
    assert found[1].email.new_text.startswith("Bob, would you be open to an intro")


def test_lotus_block() -> None:
    """A Lotus Notes block names its sender and 'Name/OU/ORG@ORG' recipients."""
    (first,) = _quoted("read_lotus_reply.eml")
    assert first.email.sender is not None
    assert first.email.sender.name == "Bea Novak"
    assert first.email.to[0].name == "Greta Holm"
    assert first.email.new_text.startswith("Greta,")


@pytest.mark.parametrize(
    "line",
    [
        "On Tue, Mar 4, 2025 at 9:12 AM Maya Chen <maya.chen@harbor.example> wrote:",
        "On Mar 4, 2025, at 09:12, Maya Chen <maya.chen@harbor.example> wrote:",
        "On 04/03/2025 09:12, Maya Chen wrote:",
        "On Tuesday, March 4, 2025, Maya Chen <maya.chen@harbor.example> wrote:",
        "Am Di., 4. März 2025 um 09:12 Uhr schrieb Maya Chen <maya.chen@harbor.example>:",
    ],
)
def test_attribution_styles(line: str) -> None:
    """Gmail, Apple Mail, Thunderbird and German Gmail attribution lines name Maya."""
    reply = Email(sender=SUE, to=(MAYA,), quoted_text=f"{line}\n> Hello there.")
    (first,) = quoted_messages(reply)
    assert first.email.sender is not None
    assert first.email.sender.name == "Maya Chen"
    assert first.email.sender.email == "maya.chen@harbor.example"
    assert first.email.new_text == "Hello there."


def test_nested_quotes_peel_one_level_at_a_time() -> None:
    """'>' then '>>' quoting gives two messages."""
    text = (
        "On Mon, Maya Chen <maya.chen@harbor.example> wrote:\n> Sounds good.\n>\n"
        "> On Sun, Joe Brandt <joe.brandt@fieldlabs.example> wrote:\n>> Shall we meet?"
    )
    found = quoted_messages(Email(sender=SUE, quoted_text=text))
    assert [q.email.new_text for q in found] == ["Sounds good.", "Shall we meet?"]
    assert [q.email.sender for q in found] == [MAYA, JOE]


def test_no_quote_no_messages() -> None:
    """A message without quoted history quotes nothing."""
    assert quoted_messages(Email(new_text="Hello")) == ()


def test_many_blocks_are_capped() -> None:
    """A reply chain of fifty messages is read up to the cap."""
    block = "-----Original Message-----\nFrom: a@x.example\nSubject: s\n\nline\n"
    found = quoted_messages(Email(quoted_text=block * 50))
    assert len(found) == 10


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=800))
def test_never_raises(text: str) -> None:
    """Any quoted text gives messages, never an exception, and never more than the cap."""
    reply = Email(sender=SUE, to=(JOE,), cc=(MAYA,), quoted_text=text)
    assert len(quoted_messages(reply)) <= 10


def test_block_without_a_head_still_moves_on() -> None:
    """A quote opener the reader cannot take apart ('- Original email') is passed over."""
    found = quoted_messages(Email(sender=SUE, quoted_text="- Original email -\nhello there"))
    assert found
    assert all(isinstance(q.email.new_text, str) for q in found)


def test_folded_recipient_lists_are_read_whole() -> None:
    """'cc: a@x,' continued on the next line keeps both recipients."""
    text = (
        "Bea Novak@RIDGELINE on 04/02/2025 05:30:00 PM\nTo: Greta Holm/HOU/RIDGELINE@RIDGELINE\n"
        "cc: amy@x.example, \n   raj@y.example\nSubject: rates\n\nGreta, rates attached."
    )
    (first,) = quoted_messages(Email(sender=SUE, quoted_text=text))
    assert [a.email for a in first.email.cc] == ["amy@x.example", "raj@y.example"]
    assert first.email.subject == "rates"


def test_wrapped_and_false_attributions() -> None:
    """'On ... <addr>' wrapped before 'wrote:' is read; 'On Monday we met' is not a header."""
    wrapped = "On Tue, Mar 4, 2025 at 9:12 AM Maya Chen <maya.chen@harbor.example>\nwrote:\n> Hi."
    (first,) = quoted_messages(Email(sender=SUE, quoted_text=wrapped))
    assert first.email.sender == MAYA
    assert first.email.new_text == "Hi."
    (plain,) = quoted_messages(Email(sender=SUE, quoted_text="> On Monday we met.\n> Twice."))
    assert plain.email.sender is None
    assert plain.email.new_text == "On Monday we met.\nTwice."


def test_handles_learn_real_names_down_the_chain() -> None:
    """'sradelet' on the reply becomes 'Steve Radelet' once an older block names him."""
    reply = Email(
        sender=Address("sradelet", "sradelet@x.example"),
        quoted_text=(
            "-----Original Message-----\nFrom: Steve Radelet <sradelet@x.example>\nTo: Maya\n\n"
            "Sounds good.\n\n-----Original Message-----\nFrom: Maya Chen <maya.chen@harbor.example>"
            "\n\nSteve, meet Joe."
        ),
    )
    found = quoted_messages(reply)
    assert Address("Steve Radelet", "sradelet@x.example") in found[1].email.to


def test_sender_without_address_is_matched_by_name() -> None:
    """A quoted 'From: Ravi Menon' nobody on the thread matches stays without address."""
    text = "-----Original Message-----\nFrom: Ravi Menon\nSubject: hello\n\nHi all."
    (first,) = quoted_messages(Email(sender=SUE, to=(JOE,), quoted_text=text))
    assert first.email.sender == Address("Ravi Menon", "")
    assert set(first.email.to) == {SUE, JOE}


def test_a_block_of_headers_only() -> None:
    """A quoted header block with no body gives a message with no words."""
    text = "-----Original Message-----\nFrom: a@x.example\nSubject: s"
    (first,) = quoted_messages(Email(sender=SUE, quoted_text=text))
    assert (first.email.subject, first.email.new_text) == ("s", "")


def test_an_on_sentence_is_not_an_attribution() -> None:
    """'On Monday we met.' at the top of a block is text, not 'On ... wrote:'."""
    (first,) = quoted_messages(Email(sender=SUE, quoted_text="On Monday we met.\nThen lunch."))
    assert first.email.sender is None
    assert first.email.new_text == "On Monday we met.\nThen lunch."
