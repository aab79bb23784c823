"""After the first reply, end to end over HTTP: the follow-up card, the thank-you draft to
the introducer alone, the give-first draft, and the homepage list with its Gmail links."""

from __future__ import annotations

import email
from email import policy
from typing import Any

from tests.api.conftest import DATA, footer_action, pushed, text_of, widgets
from tests.api.harness import USER, Stack
from tests.cards.cardspec import card_problems

JOE = "joe@smithventures.example"
SUE = "sue.park@acme.example"


def _mail(sender: str, to: str, text: str, n: int, cc: str = "") -> bytes:
    refs = " ".join(f"<follow-{i}@x.example>" for i in range(2, n)) or ""
    refs = f"<intro-001@smithventures.example> {refs}".strip()
    lines = [
        f"From: {sender}",
        f"To: {to}",
        *([f"Cc: {cc}"] if cc else []),
        "Subject: Re: Intro: Sue <> Dana",
        f"Date: Tue, {n + 2:02d} Nov 2026 10:00:00 +0000",
        f"Message-ID: <follow-{n}@x.example>",
        f"In-Reply-To: <follow-{n - 1}@x.example>"
        if n > 2
        else "In-Reply-To: <intro-001@smithventures.example>",
        f"References: {refs}",
        "Content-Type: text/plain; charset=utf-8",
        "",
        text,
    ]
    return "\r\n".join(lines).encode()


DANA_REPLY = (
    "Dana Reyes <dana@reyes.example>",
    f"Sue Park <{SUE}>",
    "Thanks Joe! Sue, coffee next week?",
)
SUE_ANSWER = (
    "Sue Park <sue.park@acme.example>",
    "Dana Reyes <dana@reyes.example>",
    "Lovely, see you Thursday at 10.",
)
DANA_THANKS = (
    "Dana Reyes <dana@reyes.example>",
    f"Joe Smith <{JOE}>",
    "Joe, we met, it went really well. Thank you!",
)


def _thread(stack: Stack, *later: tuple[str, str, str]) -> tuple[str, str]:
    """Joe's introduction and `later` messages in one thread; (newest message id, thread id)."""
    mid, tid = stack.add((DATA / "intro_joe.eml").read_bytes())
    for n, (sender, to, text) in enumerate(later, 2):
        cc = f"Joe Smith <{JOE}>" if n == 2 else ""
        mid, _ = stack.add(_mail(sender, to, text, n, cc), tid)
    return mid, tid


def _open(stack: Stack, ids: tuple[str, str]) -> dict[str, Any]:
    response = stack.post("/addon/message", stack.event(message_id=ids[0], thread_id=ids[1]))
    assert response.status_code == 200
    card = pushed(response.json())
    assert card_problems(card) == []
    return card


def _click(
    stack: Stack,
    ids: tuple[str, str],
    params: dict[str, str],
    form: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    event = stack.event(message_id=ids[0], thread_id=ids[1], params=params, form=form)
    response = stack.post("/addon/actions/follow-up", event)
    assert response.status_code == 200
    return response.json()


def _newest_draft(stack: Stack) -> email.message.EmailMessage:
    draft = stack.mailbox.drafts()[0]
    return email.message_from_bytes(draft.message.raw, policy=policy.default)  # type: ignore[return-value]


def test_connected_thread_offers_thanks_to_the_introducer_alone(stack: Stack) -> None:
    """Dana replied, Sue confirmed Thursday: the card offers a note to Joe alone, and the
    line Dana types goes into the draft, which is threaded and opened, not sent."""
    ids = _thread(stack, DANA_REPLY, SUE_ANSWER)
    card = _open(stack, ids)
    assert card["header"]["title"] == "After your reply"
    assert "(“see you Thursday”)" in text_of(card)
    url, params = footer_action(card)
    assert url.endswith("/addon/actions/follow-up")
    assert params["kind"] == "thanks"
    answer = _click(stack, ids, params, {"howItWent": ["We met for coffee; she offered a pilot."]})
    opened = answer["renderActions"]["hostAppAction"]["gmailAction"]["openCreatedDraftActionMarkup"]
    draft = stack.mailbox.drafts()[0]
    assert opened == {"draftId": draft.id, "draftThreadId": ids[1]}
    message = _newest_draft(stack)
    assert message["To"] == f"Joe Smith <{JOE}>"
    assert message["Cc"] is None
    body = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "We met for coffee; she offered a pilot." in body
    assert "Thanks again for introducing me to Sue" in body
    assert message["In-Reply-To"] == "<follow-3@x.example>"
    assert draft.message.thread_id == ids[1]
    # The same click again opens the same draft.
    count = len(stack.mailbox.drafts())
    again = _click(stack, ids, params, {"howItWent": ["We met for coffee; she offered a pilot."]})
    assert again == answer
    assert len(stack.mailbox.drafts()) == count


def test_without_a_line_the_note_keeps_the_marked_placeholder(stack: Stack) -> None:
    ids = _thread(stack, DANA_REPLY, SUE_ANSWER)
    _click(stack, ids, {"kind": "thanks"})
    body = _newest_draft(stack).get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "[How it went, in one line]" in body


def test_replied_thread_offers_give_first_to_the_other_alone(stack: Stack) -> None:
    """Only Dana wrote: no thanks yet; the give-first note goes to Sue alone."""
    ids = _thread(stack, DANA_REPLY)
    card = _open(stack, ids)
    assert "Close the loop" not in text_of(card)
    assert "Give first" in text_of(card)
    field = next(w["textInput"] for w in widgets(card) if "textInput" in w)
    assert field["name"] == "giveFirst"
    _url, params = footer_action(card)
    assert params["kind"] == "give"
    _click(stack, ids, params, {"giveFirst": ["Sue, here is the hiring playbook I mentioned."]})
    message = _newest_draft(stack)
    assert message["To"] == f"Sue Park <{SUE}>"
    body = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert body.startswith("Sue, here is the hiring playbook I mentioned.")


def test_thanks_refused_before_the_two_connected(stack: Stack) -> None:
    """A forged or stale 'thanks' click on a thread where nothing shows a meeting drafts nothing."""
    ids = _thread(stack, DANA_REPLY)
    before = len(stack.mailbox.drafts())
    answer = _click(stack, ids, {"kind": "thanks"})
    assert "nothing was drafted" in text_of(answer)
    assert len(stack.mailbox.drafts()) == before


def test_unknown_kind_or_no_introduction_is_a_clear_answer(stack: Stack) -> None:
    ids = _thread(stack, DANA_REPLY)
    assert "nothing was drafted" in text_of(_click(stack, ids, {"kind": "bogus"}))
    other = stack.add((DATA / "not_intro.eml").read_bytes())
    assert "nothing was drafted" in text_of(_click(stack, other, {"kind": "give"}))


def test_loop_closed_thread_says_so(stack: Stack) -> None:
    ids = _thread(stack, DANA_REPLY, SUE_ANSWER, DANA_THANKS)
    card = _open(stack, ids)
    assert "Loop closed" in text_of(card)
    assert footer_action(card)[1]["kind"] == "give"


def test_homepage_lists_opened_introductions_with_stage_and_link(stack: Stack) -> None:
    """Each introduction opened shows on the homepage with its stage and a Gmail link, and
    nothing of the mail: no names, no subject, no addresses but the user's own account."""
    connected = _thread(stack, DANA_REPLY, SUE_ANSWER)
    _open(stack, connected)
    closed = _thread(stack, DANA_REPLY, SUE_ANSWER, DANA_THANKS)
    _open(stack, closed)
    card = pushed(stack.post("/addon/homepage", stack.event()).json())
    assert card_problems(card) == []
    recent = next(s for s in card["sections"] if s.get("header") == "Your recent introductions")
    rows = [w["decoratedText"] for w in recent["widgets"]]
    links = [r["button"]["onClick"]["openLink"]["url"] for r in rows]
    assert f"https://mail.google.com/mail/?authuser={USER}#all/{closed[1]}" in links
    assert f"https://mail.google.com/mail/?authuser={USER}#all/{connected[1]}" in links
    stages = {r["button"]["onClick"]["openLink"]["url"].rsplit("/", 1)[1]: r["text"] for r in rows}
    assert stages[closed[1]] == "<b>Loop closed</b>"
    assert stages[connected[1]] == "<b>Connected</b>"
    assert all(r["topLabel"].startswith("Introduction of 2 Nov 2026 · opened ") for r in rows)
    listed = str(recent)
    for private in ("Sue", "Joe", "Intro:", SUE, JOE):
        assert private not in listed


def test_homepage_without_a_user_token_lists_nothing(stack: Stack) -> None:
    card = pushed(stack.post("/addon/homepage", stack.event(user=None)).json())
    assert "show up here for two weeks" in text_of(card)


def test_compose_after_the_first_reply_does_not_ask_for_the_introducer(stack: Stack) -> None:
    """A give-first note to Sue alone, once Dana has replied, is not a dropped introducer;
    before the first reply, the same recipients still get the warning."""
    replied = _thread(stack, DANA_REPLY)
    after = stack.event(message_id=replied[0], thread_id=replied[1], toRecipients=[SUE])
    card = pushed(stack.post("/addon/compose", after).json())
    assert "back on Cc" not in text_of(card)
    fresh = stack.add((DATA / "intro_joe.eml").read_bytes())
    before = stack.event(message_id=fresh[0], thread_id=fresh[1], toRecipients=[SUE])
    assert "back on Cc" in text_of(pushed(stack.post("/addon/compose", before).json()))
