"""Mail in scripts we do not read, through the card flows (Gmail emulator, verified tokens).

Japanese, Chinese, Korean, Arabic, Hebrew and Russian introductions with names in their
own script (family name first where the language puts it first): the message card, "treat
this as an introduction", "Reply to both" and "check my draft" all answer with a valid
card; the suggested reply is English and says why in one line; a reply we cannot read
gets no verdict on its wording.
"""

from __future__ import annotations

import pytest

from tests.api.conftest import footer_action, pushed, text_of, updated, widgets
from tests.api.harness import USER, Stack
from tests.cards.cardspec import card_problems

# language: (introducer, the other person, subject, body naming both, a short reply)
MAILS = {
    "ja": (
        "山田 太郎 <yamada@example.jp>",
        "鈴木 一郎 <suzuki@example.jp>",
        "ご紹介",
        "鈴木様、Dana様\n\nお二人をご紹介いたします。鈴木一郎さんはロボットを作っています。\n\n山田",
        "鈴木様\n\n山田さん、ご紹介ありがとうございます。来週お茶でもいかがですか。",
    ),
    "zh": (
        "王伟 <wang@example.cn>",
        "张伟 <zhang@example.cn>",
        "介绍",
        "张伟、Dana：\n\n我想介绍你们认识。张伟在做机器人。\n\n王伟",
        "张伟你好，\n\n谢谢王伟的介绍！下周一起喝咖啡吧？",
    ),
    "ko": (
        "김민수 <kim@example.kr>",
        "박서준 <park@example.kr>",
        "소개",
        "박서준님, Dana님\n\n두 분을 소개해 드리고 싶습니다. "
        "박서준님은 로봇을 만듭니다.\n\n김민수 드림",
        "박서준님,\n\n김민수님 소개해 주셔서 감사합니다. 다음 주에 커피 한잔 하실래요?",
    ),
    "ar": (
        "سارة أحمد <sara@example.ae>",
        "محمد علي <mohamed@example.ae>",
        "تعارف",
        "مرحباً محمد ودانا،\n\nأود أن أعرفكما على بعضكما. محمد يبني الروبوتات.\n\nسارة",
        "مرحباً محمد،\n\nشكراً سارة على التعريف! هل نلتقي للقهوة الأسبوع المقبل؟",
    ),
    "he": (
        "דנה כהן <dana.c@example.il>",
        "יוסי לוי <yossi@example.il>",
        "היכרות",
        "שלום יוסי ודנה,\n\nאני רוצה להכיר ביניכם. יוסי בונה רובוטים.\n\nדנה",
        "שלום יוסי,\n\nתודה על ההיכרות! נשמח להיפגש לקפה בשבוע הבא?",
    ),
    "ru": (
        "Ольга Иванова <olga@example.ru>",
        "Иван Петров <ivan@example.ru>",
        "Знакомство",
        "Привет, Иван и Дана!\n\nХочу вас познакомить. Иван строит роботов.\n\nОльга",
        "Здравствуйте, Иван!\n\nОльга, спасибо за знакомство! Выпьем кофе на неделе?",
    ),
}


def _mail(language: str) -> bytes:
    introducer, other, subject, body, _ = MAILS[language]
    return (
        f"From: {introducer}\r\nTo: {other}, Dana Reyes <{USER}>\r\nSubject: {subject}\r\n"
        f"Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nMessage-ID: <scripts-{language}@x.example>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + body.replace("\n", "\r\n")
        + "\r\n"
    ).encode()


def _address(header: str) -> str:
    return header.split("<", 1)[1].rstrip(">")


@pytest.mark.parametrize("language", sorted(MAILS))
def test_mail_in_another_script_goes_through_every_card_flow(stack: Stack, language: str) -> None:
    """Open, treat as an introduction, reply to both: valid cards, an English reply that
    says why, and a threaded draft to the other person with the introducer on Cc."""
    introducer, other, *_ = MAILS[language]
    mid, tid = stack.add(_mail(language))
    opened = pushed(stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid)).json())
    assert card_problems(opened) == []
    form = {"introducer": [_address(introducer)], "other": [_address(other)]}
    event = stack.event(message_id=mid, thread_id=tid, form=form)
    card = updated(stack.post("/addon/actions/override", event).json())
    assert card_problems(card) == []
    assert "Written in English" in text_of(card)
    reply = next(str(w["textInput"]["value"]) for w in widgets(card) if "textInput" in w)
    assert reply.startswith(("Hi", "Hello"))
    url, params = footer_action(card)
    stack.post(
        url.removeprefix(stack.url), stack.event(message_id=mid, thread_id=tid, params=params)
    )
    draft = stack.mailbox.drafts()[0]
    raw = draft.message.raw.decode("utf-8", "replace")
    assert _address(other) in raw
    assert _address(introducer) in raw


@pytest.mark.parametrize("language", sorted(MAILS))
def test_a_reply_we_cannot_read_gets_no_verdict_on_its_wording(stack: Stack, language: str) -> None:
    """Pasted into "check my draft", thanks and a next step we cannot read are not missing."""
    introducer, other, *_, reply = MAILS[language]
    mid, tid = stack.add(_mail(language))
    event = stack.event(
        message_id=mid,
        thread_id=tid,
        form={"draftText": [reply]},
        toRecipients=[_address(other)],
        ccRecipients=[_address(introducer)],
    )
    card = updated(stack.post("/addon/actions/check-text", event).json())
    assert card_problems(card) == []
    text = text_of(card)
    assert "No thanks to the introducer" not in text
    assert "No next step" not in text
    assert "all there" not in text  # nothing claims thanks and a next step we cannot read
    assert "a language we do not read" in text
