"""End to end through HTTP: a request for an introduction, the card, two drafts on one click."""

from __future__ import annotations

import email
from email import policy
from typing import Any

import pytest

from app.cards.request import ADDRESS_FIELD, ASK_FIELD, REPLY_FIELD
from tests.api.conftest import DATA, footer_action, pushed, text_of, updated, widgets
from tests.api.harness import USER, Stack
from tests.cards.cardspec import card_problems

MARCO = "marco.bellini@fieldstone.example"
PRIYA = "priya@lumen-greenhouses.example"


@pytest.fixture
def asked(stack: Stack) -> tuple[str, str]:
    """A fresh copy of Priya's request to be introduced to Marco."""
    return stack.add((DATA / "request_priya.eml").read_bytes())


def _open(stack: Stack, ids: tuple[str, str]) -> dict[str, Any]:
    mid, tid = ids
    response = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    assert response.status_code == 200
    return pushed(response.json())


def _click(stack: Stack, ids: tuple[str, str], card: dict[str, Any], **form: str) -> Any:
    url, params = footer_action(card)
    mid, tid = ids
    values = {name: [value] for name, value in form.items()}
    event = stack.event(message_id=mid, thread_id=tid, params=params, form=values)
    response = stack.post(url.removeprefix(stack.url), event)
    assert response.status_code == 200
    return response.json()


def _message(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def test_request_shows_the_request_card(stack: Stack, asked: tuple[str, str]) -> None:
    """Priya's request gets the request card: whom she wants to meet, her words, both drafts."""
    card = _open(stack, asked)
    assert card_problems(card) == []
    assert card["header"]["title"] == "Introduction request"
    assert card["header"]["subtitle"] == "Priya Raman asks you to introduce them to Marco"
    text = text_of(card)
    assert "first two farm shops" in text
    boxes = {w["textInput"]["name"]: w["textInput"] for w in widgets(card) if "textInput" in w}
    assert "value" not in boxes[ADDRESS_FIELD]  # the mail gives no address for Marco
    assert boxes[ASK_FIELD]["value"].startswith("Hi Marco,")
    assert footer_action(card)[0].endswith("/addon/actions/ask-first")


def test_ask_first_creates_a_new_note_and_a_threaded_reply(
    stack: Stack, asked: tuple[str, str]
) -> None:
    """One click: a new message to Marco (its own thread) and a reply to Priya in hers."""
    before = {d.id for d in stack.mailbox.drafts()}
    card = _open(stack, asked)
    answer = _click(stack, asked, card, **{ADDRESS_FIELD: f"  {MARCO.upper()} "})
    created = [d for d in stack.mailbox.drafts() if d.id not in before]
    assert len(created) == 2
    by_to = {_message(d.message.raw)["To"].addresses[0].addr_spec.lower(): d for d in created}
    note, reply = by_to[MARCO], by_to[PRIYA]
    assert note.message.thread_id != asked[1]  # a new message, not a reply
    assert reply.message.thread_id == asked[1]
    note_mail, reply_mail = _message(note.message.raw), _message(reply.message.raw)
    assert note_mail["In-Reply-To"] is None
    assert note_mail["Subject"] == "Would you be open to meeting Priya Raman?"
    assert USER in note_mail["From"]
    body = note_mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "first two farm shops" in body
    assert reply_mail["In-Reply-To"] == "<demo-request-1@lumen-greenhouses.example>"
    assert reply_mail["Subject"] == "Re: Quick favour: Marco Bellini?"
    opened = answer["renderActions"]["hostAppAction"]["gmailAction"]["openCreatedDraftActionMarkup"]
    assert opened == {"draftId": note.id, "draftThreadId": note.message.thread_id}
    assert "nothing is sent" in answer["renderActions"]["action"]["notification"]["text"]
    shown = updated(answer)  # the card says what was done
    assert card_problems(shown) == []
    assert "Two drafts created" in text_of(shown)


def test_second_click_creates_nothing_new(stack: Stack, asked: tuple[str, str]) -> None:
    """The same click twice opens the same note; no third draft appears."""
    card = _open(stack, asked)
    first = _click(stack, asked, card, **{ADDRESS_FIELD: MARCO})
    count = len(stack.mailbox.drafts())
    again = _click(stack, asked, card, **{ADDRESS_FIELD: MARCO})
    assert len(stack.mailbox.drafts()) == count
    assert again["renderActions"]["hostAppAction"] == first["renderActions"]["hostAppAction"]


def test_edited_note_goes_into_the_draft(stack: Stack, asked: tuple[str, str]) -> None:
    """What the user typed in the note's box is the draft's body, word for word."""
    card = _open(stack, asked)
    mine = "Marco,\n\nPriya runs Lumen Greenhouses. Up for a call with her?\n\nDana"
    before = {d.id for d in stack.mailbox.drafts()}
    _click(stack, asked, card, **{ADDRESS_FIELD: MARCO, ASK_FIELD: mine})
    created = [d for d in stack.mailbox.drafts() if d.id not in before]
    bodies = [_message(d.message.raw).get_body(("plain",)).get_content() for d in created]  # type: ignore[union-attr]
    assert any(b.replace("\r\n", "\n").strip() == mine for b in bodies), bodies


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "Add the email address"),
        ("marco at fieldstone", "is not an email address"),
        ("marco@", "is not an email address"),
        (PRIYA, "address of the person asking"),
        (USER, "your own address"),
        ("m" * 400 + "@x.example", "too long"),
    ],
)
def test_bad_address_gets_a_clear_answer(
    stack: Stack, asked: tuple[str, str], typed: str, said: str
) -> None:
    """No draft for a missing or bad address: the card comes back with the reason and the
    user's text kept."""
    card = _open(stack, asked)
    before = len(stack.mailbox.drafts())
    answer = _click(stack, asked, card, **{ADDRESS_FIELD: typed, ASK_FIELD: "My own words."})
    assert len(stack.mailbox.drafts()) == before
    again = updated(answer)
    assert card_problems(again) == []
    assert said in text_of(again)
    assert said in answer["renderActions"]["action"]["notification"]["text"]
    boxes = {w["textInput"]["name"]: w["textInput"] for w in widgets(again) if "textInput" in w}
    assert boxes[ASK_FIELD]["value"] == "My own words."


def test_an_introduction_is_not_taken_for_a_request(stack: Stack) -> None:
    """Joe's introduction still gets the introduction card."""
    card = _open(stack, stack.add((DATA / "intro_joe.eml").read_bytes()))
    assert card["header"]["title"] == "Introduction spotted"


def test_changing_the_tone_rewrites_ours_and_keeps_what_the_user_typed(
    stack: Stack, asked: tuple[str, str]
) -> None:
    """Formal rewrites both boxes; a box the user edited keeps their words, and the typed
    address stays."""
    card = _open(stack, asked)
    boxes = {w["textInput"]["name"]: w["textInput"] for w in widgets(card) if "textInput" in w}
    tone = next(w["selectionInput"] for w in widgets(card) if "selectionInput" in w)
    assert tone["name"] == "tone"
    change = tone["onChangeAction"]
    params = {p["key"]: p["value"] for p in change["parameters"]}
    mine = "Marco, are you up for a call with Priya?"
    form = {
        "tone": ["formal"],
        ADDRESS_FIELD: [MARCO],
        ASK_FIELD: [mine],
        REPLY_FIELD: [boxes[REPLY_FIELD]["value"]],
    }
    mid, tid = asked
    event = stack.event(message_id=mid, thread_id=tid, params=params, form=form)
    again = updated(stack.post(change["function"].removeprefix(stack.url), event).json())
    after = {w["textInput"]["name"]: w["textInput"] for w in widgets(again) if "textInput" in w}
    assert after[ASK_FIELD]["value"] == mine
    assert after[REPLY_FIELD]["value"].startswith("Dear Priya Raman,")
    assert after[ADDRESS_FIELD]["value"] == MARCO
    chosen = next(w["selectionInput"] for w in widgets(again) if "selectionInput" in w)
    assert [i["value"] for i in chosen["items"] if i["selected"]] == ["formal"]


def test_the_tone_chosen_is_the_tone_drafted(stack: Stack, asked: tuple[str, str]) -> None:
    """'Formal' in the dropdown when the button is clicked: the drafts are formal."""
    card = _open(stack, asked)
    before = {d.id for d in stack.mailbox.drafts()}
    _click(stack, asked, card, **{ADDRESS_FIELD: MARCO, "tone": "formal"})
    created = [d for d in stack.mailbox.drafts() if d.id not in before]
    subjects = {_message(d.message.raw)["Subject"] for d in created}
    assert "An introduction to Priya Raman?" in subjects
