"""Every thread state end to end: the card and the draft agree with each other and the thread.

For each state (fresh, the other side replied first with or without a proposal, the
introducer moved to Bcc, the user already replied, the user is the introducer) the thread
is put in the Gmail emulator, the card is opened over HTTP and its button clicked; the
recipients of the draft, the button's label, the advice ("What matters now") and the
draft's body must tell the same story. Dates are set relative to the real clock, which the
service reads, so "5 days old" is 5 whatever day the test runs.
"""

from __future__ import annotations

import email
import uuid
from datetime import UTC, datetime, timedelta
from email import policy
from email.utils import format_datetime
from typing import Any

import pytest

from app.core.reply.bank import bank_for
from tests.api.conftest import footer_action, pushed, text_of, widgets
from tests.api.harness import USER, Stack
from tests.cards.cardspec import card_problems

JOE = "Joe Smith <joe@smithventures.example>"
SUE = "Sue Park <sue.park@acme.example>"
DANA = f"Dana Reyes <{USER}>"
TOM = "Tom Berg <tom@berg.example>"
INTRO = """Hi Sue and Dana,

Sue, meet Dana. Dana runs growth at Reyes Analytics and has scaled two B2B
teams from zero to fifty people.

Dana, meet Sue. Sue leads product at Acme and is building a new analytics team.

I'll let you two take it from here.

Joe
"""


class Thread:
    """A thread written into the emulator one message at a time."""

    def __init__(self, stack: Stack, subject: str = "Intro: Sue <> Dana") -> None:
        self.stack = stack
        self.subject = subject
        self.tag = uuid.uuid4().hex[:10]
        self.ids: list[str] = []
        self.thread_id: str | None = None
        self.last = ""

    def add(
        self, sender: str, to: str, body: str, *, cc: str = "", days_ago: float = 0.1
    ) -> Thread:
        n = len(self.ids)
        msg_id = f"<{self.tag}-{n}@test.example>"
        headers = [
            f"From: {sender}",
            f"To: {to}",
            *([f"Cc: {cc}"] if cc else []),
            f"Subject: {'Re: ' if n else ''}{self.subject}",
            f"Date: {format_datetime(datetime.now(UTC) - timedelta(days=days_ago))}",
            f"Message-ID: {msg_id}",
            *([f"In-Reply-To: {self.ids[-1]}", f"References: {' '.join(self.ids)}"] if n else []),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
        ]
        raw = ("\r\n".join(headers) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode()
        self.last, self.thread_id = self.stack.add(raw, self.thread_id)
        self.ids.append(msg_id)
        return self

    def open(self) -> dict[str, Any]:
        event = self.stack.event(message_id=self.last, thread_id=self.thread_id or "")
        response = self.stack.post("/addon/message", event)
        assert response.status_code == 200
        card = pushed(response.json())
        assert card_problems(card) == []
        return card

    def click(self, card: dict[str, Any], **choices: str) -> email.message.EmailMessage:
        """Click the card's button, with the card's own choices (`nextStep="video"`) if given."""
        url, params = footer_action(card)
        params = {**params, **choices}
        event = self.stack.event(
            message_id=self.last, thread_id=self.thread_id or "", params=params
        )
        before = {d.id for d in self.stack.mailbox.drafts()}
        response = self.stack.post(url.removeprefix(self.stack.url), event)
        assert response.status_code == 200
        new = [d for d in self.stack.mailbox.drafts() if d.id not in before]
        assert len(new) == 1
        message = email.message_from_bytes(new[0].message.raw, policy=policy.default)
        assert isinstance(message, email.message.EmailMessage)
        return message


def _intro(stack: Stack, days_ago: float = 0.1) -> Thread:
    return Thread(stack).add(JOE, f"{SUE}, {DANA}", INTRO, days_ago=days_ago)


def _matters(card: dict[str, Any]) -> list[str]:
    """The titles in "What matters now", in order."""
    section = next(s for s in card["sections"] if s.get("header") == "What matters now")
    return [w["decoratedText"].get("topLabel", "") for w in section["widgets"]]


def _button(card: dict[str, Any]) -> str:
    return str(card["fixedFooter"]["primaryButton"]["text"])


def _box(card: dict[str, Any]) -> str:
    return str(next(w["textInput"]["value"] for w in widgets(card) if "textInput" in w))


def _body(message: email.message.EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return " ".join(part.get_content().split())


def test_fresh_introduction(stack: Stack) -> None:
    """To Sue, Cc Joe, "Reply to both"; the advice says to reply soon; the body thanks Joe
    and proposes a step of its own."""
    thread = _intro(stack)
    card = thread.open()
    assert _button(card) == "Reply to both"
    assert _matters(card)[:2] == ["Reply within a day or two", "Keep Joe in the loop"]
    draft = thread.click(card)
    assert draft["To"] == SUE
    assert draft["Cc"] == JOE
    body = _body(draft)
    assert body == " ".join(_box(card).split())
    assert "Joe, thank" in body or "Thanks, Joe" in body or "Joe, I really appreciate" in body
    assert "two weeks" in body or "week or two" in body
    assert "getting back" not in body


def test_late_reply_is_named(stack: Stack) -> None:
    """Five days on, the first point says so, kindly, before the general etiquette."""
    card = _intro(stack, days_ago=5.2).open()
    assert _matters(card)[0] == "Joe's introduction is 5 days old"
    assert "sorry for the slow reply" in text_of(card)


def test_other_side_replied_first_without_a_proposal(stack: Stack) -> None:
    """Sue wrote first: she is thanked for writing (not "for getting back to me"), Joe for
    the introduction; both stay on the draft, as the button says."""
    thread = _intro(stack, 1).add(
        SUE, DANA, "Thanks Joe! Dana, lovely to meet you.\n\nSue", cc=JOE, days_ago=0.5
    )
    card = thread.open()
    assert _button(card) == "Reply to both"
    assert _matters(card)[0] == "Sue wrote first"
    draft = thread.click(card)
    assert (draft["To"], draft["Cc"]) == (SUE, JOE)
    body = _body(draft)
    assert "getting back to me" not in body
    assert "thanks again" not in body.lower()
    assert "thank you, Joe" in body
    assert "two weeks" in body or "week or two" in body
    assert draft["In-Reply-To"] == thread.ids[-1]


def test_other_side_replied_with_a_proposal(stack: Stack) -> None:
    """Sue proposed coffee near Union Square: the advice names it, the draft accepts it,
    quoting it back, and proposes nothing else."""
    text = (
        "Thanks Joe!\n\nDana, great to meet you. Would you be up for coffee near Union "
        "Square some morning next week?\n\nSue"
    )
    thread = _intro(stack, 1).add(SUE, DANA, text, cc=JOE, days_ago=0.5)
    card = thread.open()
    phrase = "coffee near Union Square some morning next week"
    assert _matters(card)[0] == f"Sue proposed {phrase}"
    assert "One small step" not in _matters(card)  # no step of our own beside theirs
    draft = thread.click(card)
    assert (draft["To"], draft["Cc"]) == (SUE, JOE)
    body = _body(draft)
    assert phrase.lower() in body.lower()
    assert "two weeks" not in body
    assert "week or two" not in body
    assert "getting back to me" not in body


def test_introducer_moved_to_bcc(stack: Stack) -> None:
    """Sue moved Joe to Bcc and proposed a call: the draft goes to Sue alone, the button
    says so, the advice says why and never says "Cc Joe", and the call is taken up."""
    text = (
        "Thanks Joe (moving you to Bcc)!\n\nDana, could we do a 20-minute call next "
        "Tuesday or Wednesday?\n\nSue"
    )
    thread = _intro(stack, 2).add(SUE, DANA, text, days_ago=1)
    card = thread.open()
    assert _button(card) == "Reply to Sue"
    titles = _matters(card)
    assert titles[:2] == [
        "Joe is off the thread now",
        "Sue proposed a 20-minute call next Tuesday or Wednesday",
    ]
    assert "Keep Joe in the loop" not in titles
    assert "on Cc" not in text_of(card)
    draft = thread.click(card)
    assert draft["To"] == SUE
    assert draft["Cc"] is None
    body = _body(draft)
    assert "20-minute call next Tuesday or Wednesday" in body
    assert "Joe" in body  # still thanked, in a line of its own


def test_user_already_replied(stack: Stack) -> None:
    """Dana answered three days ago: the follow-up card, no second first reply; what matters
    now is to wait, and the one button drafts a give-first note to Sue, not a reply to both."""
    thread = _intro(stack, 4).add(
        DANA, SUE, "Joe, thank you! Sue, coffee next week?\n\nDana", cc=JOE, days_ago=3
    )
    card = thread.open()
    assert card["header"]["title"] == "After your reply"
    assert _matters(card) == ["Give Sue time"]
    assert card["fixedFooter"]["primaryButton"]["text"] == "Draft it to Sue"
    assert "Reply to both" not in text_of(card)


def test_user_already_replied_and_sue_proposed(stack: Stack) -> None:
    """Sue answered Dana's reply with a time: the advice says to answer it."""
    thread = (
        _intro(stack, 4)
        .add(DANA, SUE, "Joe, thank you! Sue, coffee next week?\n\nDana", cc=JOE, days_ago=3)
        .add(SUE, DANA, "Yes! Coffee at Blue Bottle on Thursday?\n\nSue", days_ago=1)
    )
    card = thread.open()
    assert _matters(card) == ["Sue proposed coffee at Blue Bottle on Thursday"]
    assert "Answer it" in text_of(card)


def test_user_is_the_introducer(stack: Stack) -> None:
    """Dana introduced Sue and Tom four days ago and nobody answered: the introducer's card
    with the wait first and a nudge, no reply box."""
    text = (
        "Hi Sue and Tom,\n\nSue, meet Tom. Tom builds data pipelines at Berg.\n\n"
        "Tom, meet Sue. Sue leads product at Acme.\n\nI'll let you two take it from here.\n\nDana"
    )
    thread = Thread(stack).add(DANA, f"{SUE}, {TOM}", text, days_ago=4.2)
    card = thread.open()
    assert card["header"]["subtitle"].startswith("You introduced")
    assert card["header"]["title"] == "Your introduction"
    assert card["fixedFooter"]["primaryButton"]["text"] == "Nudge both"
    assert _matters(card) == ["No reply after 4 days"]
    thread.add(TOM, f"{SUE}, {DANA}", "Thanks Dana! Sue, coffee on Friday?\n\nTom", days_ago=1)
    assert _matters(thread.open()) == ["Tom replied"]


# Per language: the subject, Joe's introduction, Sue's answer proposing a time, and the
# words of hers the reply must quote back.
LANGUAGES: dict[str, tuple[str, str, str, str]] = {
    "es": (
        "Presentación: Sue y Dana",
        (
            "Hola Sue y Dana:\n\n"
            "Sue, te presento a Dana. Dana dirige el crecimiento en Reyes Analytics.\n\n"
            "Dana, te presento a Sue. Sue dirige producto en Acme.\n\n"
            "Os dejo que sigáis vosotras.\n\n"
            "Joe"
        ),
        "¡Gracias, Joe!\n\nDana, encantada. ¿Te va bien un café el jueves?\n\nSue",
        "un café el jueves",
    ),
    "de": (
        "Vorstellung: Sue und Dana",
        (
            "Hallo Sue, hallo Dana,\n\n"
            "Sue, darf ich dir Dana vorstellen? Dana leitet das Wachstum bei Reyes Analytics.\n\n"
            "Dana, das ist Sue. Sue leitet das Produkt bei Acme.\n\n"
            "Ich lasse euch beide jetzt machen.\n\n"
            "Joe"
        ),
        "Danke, Joe!\n\nDana, freut mich sehr. Kaffee am Dienstag?\n\nSue",
        "Kaffee am Dienstag",
    ),
    "fr": (
        "Présentation : Sue et Dana",
        (
            "Bonjour Sue et Dana,\n\n"
            "Sue, je te présente Dana. Dana dirige la croissance chez Reyes Analytics.\n\n"
            "Dana, je te présente Sue. Sue dirige le produit chez Acme.\n\n"
            "Je vous laisse continuer.\n\n"
            "Joe"
        ),
        "Merci Joe !\n\nDana, ravie. Un café mardi prochain près de la gare, ça te dit ?\n\nSue",
        "un café mardi prochain près de la gare",
    ),
    "pt": (
        "Apresentação: Sue e Dana",
        (
            "Olá Sue e Dana,\n\n"
            "Sue, apresento-te a Dana. A Dana lidera o crescimento na Reyes Analytics.\n\n"
            "Dana, apresento-te a Sue. A Sue lidera o produto na Acme.\n\n"
            "Deixo-vos continuar.\n\n"
            "Joe"
        ),
        "Obrigada, Joe!\n\nDana, muito prazer. Que tal um café na próxima quinta-feira?\n\nSue",
        "um café na próxima quinta-feira",
    ),
    "it": (
        "Presentazione: Sue e Dana",
        (
            "Ciao Sue e Dana,\n\n"
            "Sue, ti presento Dana. Dana guida la crescita in Reyes Analytics.\n\n"
            "Dana, ti presento Sue. Sue guida il prodotto in Acme.\n\n"
            "Vi lascio continuare.\n\n"
            "Joe"
        ),
        "Grazie Joe!\n\nDana, piacere. Ti va un caffè giovedì mattina?\n\nSue",
        "un caffè giovedì mattina",
    ),
    "nl": (
        "Introductie: Sue en Dana",
        (
            "Hoi Sue en Dana,\n\n"
            "Sue, mag ik je voorstellen aan Dana? Dana leidt de groei bij Reyes Analytics.\n\n"
            "Dana, dit is Sue. Sue leidt product bij Acme.\n\n"
            "Ik laat jullie verder.\n\n"
            "Joe"
        ),
        (
            "Dank je, Joe!\n\n"
            "Dana, leuk kennis te maken. Zin in een kop koffie volgende week dinsdag?\n\n"
            "Sue"
        ),
        "een kop koffie volgende week dinsdag",
    ),
}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_fresh_and_answered_with_a_proposal_in_each_language(stack: Stack, language: str) -> None:
    """The fresh introduction and Sue's answer proposing a time, in six more languages:
    both stay on the draft, as the button says; once Sue proposed, the advice names her
    proposal and the draft quotes it back instead of proposing a time of its own."""
    subject, intro, answer, phrase = LANGUAGES[language]
    thread = Thread(stack, subject).add(JOE, f"{SUE}, {DANA}", intro, days_ago=1)
    fresh = thread.open()
    assert _button(fresh) == "Reply to both"
    draft = thread.click(fresh)
    assert (draft["To"], draft["Cc"]) == (SUE, JOE)
    thread.add(SUE, DANA, answer, cc=JOE, days_ago=0.5)
    card = thread.open()
    assert _button(card) == "Reply to both"
    assert _matters(card)[0] == f"Sue proposed {phrase}"
    draft = thread.click(card)
    assert (draft["To"], draft["Cc"]) == (SUE, JOE)
    assert phrase.lower() in _body(draft).lower()
    assert draft["In-Reply-To"] == thread.ids[-1]


@pytest.mark.parametrize("language", ["es", "de"])
def test_a_preferred_video_call_is_offered_beside_their_coffee(stack: Stack, language: str) -> None:
    """Sue proposed a coffee and the user chose a video call on the card: the draft takes her
    coffee up, quoted back, and offers the video call beside it in her language."""
    subject, intro, answer, phrase = LANGUAGES[language]
    thread = Thread(stack, subject).add(JOE, f"{SUE}, {DANA}", intro, days_ago=1)
    thread.add(SUE, DANA, answer, cc=JOE, days_ago=0.5)
    draft = thread.click(thread.open(), nextStep="video")
    assert (draft["To"], draft["Cc"]) == (SUE, JOE)
    body = _body(draft).lower()
    assert phrase.lower() in body
    assert bank_for(language).step_nouns["video"].lower() in body
