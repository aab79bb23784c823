"""End to end through HTTP: open an introduction, get the card, click, get one threaded draft."""

from __future__ import annotations

import email
from email import policy

from tests.api.conftest import DATA, footer_action, pushed, text_of, updated, widgets
from tests.api.harness import MESSAGE_TOKEN, USER, USER_TOKEN, Stack
from tests.cards.cardspec import card_problems


def _open(stack: Stack, intro: tuple[str, str]) -> dict:
    mid, tid = intro
    response = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    assert response.status_code == 200
    return pushed(response.json())


def _click(stack: Stack, intro: tuple[str, str], card: dict, form: dict | None = None):
    url, params = footer_action(card)
    mid, tid = intro
    event = stack.event(message_id=mid, thread_id=tid, params=params, form=form)
    return stack.post(url.removeprefix(stack.url), event)


def test_open_introduction_shows_intro_card(stack: Stack, intro: tuple[str, str]) -> None:
    """Opening Joe's introduction shows who introduced whom, the blurb and a reply."""
    card = _open(stack, intro)
    assert card_problems(card) == []
    assert card["header"]["title"] == "Introduction spotted"
    assert card["header"]["subtitle"] == "Joe Smith introduced you to Sue Park"
    text = text_of(card)
    assert "leads product at Acme" in text
    assert "Reply to both" in text
    inputs = [w["textInput"] for w in widgets(card) if "textInput" in w]
    assert inputs
    assert inputs[0]["value"].startswith("Hi Sue")


def test_gmail_called_with_both_tokens(stack: Stack, intro: tuple[str, str]) -> None:
    """The thread is read with the user's OAuth token and the per-message token."""
    _open(stack, intro)
    reads = stack.log.entries("/threads/")
    assert reads
    assert reads[0].authorization == f"Bearer {USER_TOKEN}"
    assert reads[0].message_token == MESSAGE_TOKEN


def test_reply_to_both_creates_one_threaded_draft(stack: Stack, intro: tuple[str, str]) -> None:
    """'Reply to both' creates one draft: Sue on To, Joe on Cc, threaded, then opens it."""
    before = len(stack.mailbox.drafts())
    card = _open(stack, intro)
    answer = _click(stack, intro, card).json()
    drafts = stack.mailbox.drafts()
    assert len(drafts) == before + 1
    draft = drafts[0]
    opened = answer["renderActions"]["hostAppAction"]["gmailAction"]["openCreatedDraftActionMarkup"]
    assert opened == {"draftId": draft.id, "draftThreadId": intro[1]}
    message = email.message_from_bytes(draft.message.raw, policy=policy.default)
    assert message["To"] == "Sue Park <sue.park@acme.example>"
    assert message["Cc"] == "Joe Smith <joe@smithventures.example>"
    assert USER not in (message["To"] + message["Cc"])
    assert message["Subject"] == "Re: Intro: Sue <> Dana"
    assert message["In-Reply-To"] == "<intro-001@smithventures.example>"
    assert "<intro-001@smithventures.example>" in message["References"]
    assert draft.message.thread_id == intro[1]


def test_repeated_click_opens_the_same_draft(stack: Stack, intro: tuple[str, str]) -> None:
    """A double click or a retried request never creates a second draft."""
    card = _open(stack, intro)
    first = _click(stack, intro, card).json()
    count = len(stack.mailbox.drafts())
    second = _click(stack, intro, card).json()
    assert len(stack.mailbox.drafts()) == count
    assert first == second


def test_edited_reply_text_goes_into_the_draft(stack: Stack, intro: tuple[str, str]) -> None:
    """What the user typed in the card's reply box is what the draft says."""
    card = _open(stack, intro)
    field = next(w["textInput"]["name"] for w in widgets(card) if "textInput" in w)
    text = "Hi Sue and Joe,\n\nJoe, many thanks! Sue, coffee next week?\n\nDana"
    _click(stack, intro, card, form={field: [text]})
    raw = stack.mailbox.drafts()[0].message.raw.decode()
    assert "coffee next week?" in raw


def test_changing_next_step_rerenders_the_suggestion(stack: Stack, intro: tuple[str, str]) -> None:
    """Choosing 'Phone call' re-renders the reply around a call, in a new text box."""
    mid, tid = intro
    event = stack.event(
        message_id=mid,
        thread_id=tid,
        params={"messageId": mid, "threadId": tid},
        form={"nextStep": ["call"]},
    )
    card = updated(stack.post("/addon/actions/refresh", event).json())
    box = next(w["textInput"] for w in widgets(card) if "textInput" in w)
    assert box["name"].startswith("replyDraft_call")
    assert "call" in box["value"].lower()


def _refresh(stack: Stack, intro: tuple[str, str], form: dict, **params: str) -> dict:
    mid, tid = intro
    event = stack.event(
        message_id=mid,
        thread_id=tid,
        params={"messageId": mid, "threadId": tid, **params},
        form=form,
    )
    return updated(stack.post("/addon/actions/refresh", event).json())


def test_changing_tone_keeps_what_the_user_typed(stack: Stack, intro: tuple[str, str]) -> None:
    """Edited text survives a change of tone; the new suggestion is offered, not forced."""
    card = _open(stack, intro)
    box = next(w["textInput"] for w in widgets(card) if "textInput" in w)
    mine = box["value"] + "\n\nP.S. Loved your talk at the port summit."
    card = _refresh(stack, intro, {"tone": ["formal"], box["name"]: [mine]})
    new_box = next(w["textInput"] for w in widgets(card) if "textInput" in w)
    assert new_box["name"] != box["name"]
    assert new_box["value"] == mine
    assert "Your edits are kept" in text_of(card)
    fresh = _refresh(stack, intro, {"tone": ["formal"], new_box["name"]: [mine]}, discardEdits="1")
    fresh_box = next(w["textInput"] for w in widgets(fresh) if "textInput" in w)
    assert "port summit" not in fresh_box["value"]
    assert "Your edits are kept" not in text_of(fresh)


def test_untouched_suggestion_is_rerendered(stack: Stack, intro: tuple[str, str]) -> None:
    """Text the user did not touch follows the new choices, and the phrasing is kept."""
    card = _open(stack, intro)
    box = next(w["textInput"] for w in widgets(card) if "textInput" in w)
    card = _refresh(stack, intro, {"nextStep": ["call"], box["name"]: [box["value"]]}, variant="1")
    new_box = next(w["textInput"] for w in widgets(card) if "textInput" in w)
    assert new_box["name"].startswith("replyDraft_call")
    assert new_box["name"].endswith("_1")
    assert new_box["value"] != box["value"]
    assert "Your edits are kept" not in text_of(card)


def test_not_an_introduction_gets_quiet_card_with_override(stack: Stack) -> None:
    """Ordinary mail gets a quiet card; the override turns it into an introduction."""
    mid, tid = stack.add((DATA / "not_intro.eml").read_bytes())
    card = pushed(stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid)).json())
    assert card_problems(card) == []
    assert "does not look like an introduction" in text_of(card)
    form = {"introducer": ["lena@ortiz.example"], "other": ["lena@ortiz.example"]}
    same = stack.post(
        "/addon/actions/override", stack.event(message_id=mid, thread_id=tid, form=form)
    )
    assert "does not look like an introduction" in text_of(updated(same.json()))


def test_missing_scope_asks_for_consent(stack: Stack, intro: tuple[str, str]) -> None:
    """Without the read scope granted, the answer is a granular-consent request, not a card."""
    mid, tid = intro
    event = stack.event(
        message_id=mid,
        thread_id=tid,
        scopes=("https://www.googleapis.com/auth/gmail.addons.execute",),
    )
    body = stack.post("/addon/message", event).json()
    assert body == {
        "requesting_google_scopes": {
            "scopes": ["https://www.googleapis.com/auth/gmail.addons.current.message.readonly"]
        }
    }
    assert stack.log.entries("/threads/") == []


def test_homepage_and_saved_preferences(stack: Stack) -> None:
    """The homepage shows preferences; saving them changes the next suggestion's sign-off."""
    card = pushed(stack.post("/addon/homepage", stack.event()).json())
    assert card_problems(card) == []
    assert "Privacy" in text_of(card)
    form = {
        "name": ["Dana R."],
        "signOff": ["Cheers,"],
        "nextStep": ["video"],
        "tone": ["formal"],
        "checks": ["ask", "resume_attached"],
    }
    saved = updated(stack.post("/addon/actions/settings", stack.event(form=form)).json())
    assert "Saved." in text_of(saved)
    again = pushed(stack.post("/addon/homepage", stack.event()).json())
    assert "Cheers," in text_of(again)


def test_healthz(stack: Stack) -> None:
    """`/healthz` answers without a token."""
    assert stack.client.get(stack.url + "/healthz").json() == {"status": "ok"}


def test_a_reply_without_the_introduction_still_shows_the_intro_card(stack: Stack) -> None:
    """The thread holds only Sue's reply: who she thanks is the introducer, Dana is introduced."""
    mid, tid = stack.add((DATA / "reply_without_intro.eml").read_bytes())
    card = pushed(stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid)).json())
    assert card_problems(card) == []
    assert card["header"]["title"] == "Introduction spotted"
    assert card["header"]["subtitle"] == "Joe Smith introduced you to Sue Park"
