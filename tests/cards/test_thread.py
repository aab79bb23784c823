"""The parts every thread card shares: the thread's points in the user's locale, names."""

from __future__ import annotations

import json
from dataclasses import replace

from app.cards import intro, introducer
from app.cards.i18n import using
from app.cards.thread import point_items, short_name
from app.cards.urls import Urls
from app.core.i18n import N_
from app.core.model import Address, Person, Thread
from app.core.preferences import Preferences
from app.core.reply import Point, suggest_reply
from tests.cards.test_golden import INTRO

POINT = Point(
    N_("{other} answered you", other="Sue"),
    N_("Answer it: say yes, or offer another time that suits you."),
)
GERMAN = ("Sue hat Ihnen geantwortet", "Antworten Sie: Sagen Sie zu")
IDS = {"messageId": "m1", "threadId": "t1", "me": "dana@reyes.example"}


def test_points_are_shown_in_the_users_locale() -> None:
    """A point is marked text: the German card shows it in German, English stays as is."""
    with using("de"):
        text = json.dumps(point_items((POINT,)), ensure_ascii=False)
    assert all(words in text for words in GERMAN)
    text = json.dumps(point_items((POINT,)))
    assert "Sue answered you" in text


def test_the_introduction_card_translates_its_points() -> None:
    """The introduction card leads with the thread's points, translated like the rest."""
    advice = suggest_reply(INTRO, Thread(), "dana@reyes.example", Preferences())
    advice = replace(advice, points=(POINT,))
    with using("de"):
        card = intro.build(INTRO, advice, Preferences(), Urls("http://x"), IDS)
    text = json.dumps(card, ensure_ascii=False)
    assert all(words in text for words in GERMAN)
    assert "Sue answered you" not in text


def test_the_introducer_card_translates_its_points() -> None:
    mine = replace(INTRO, user_role="introducer")
    with using("de"):
        card = introducer.build(mine, (), None, Urls("http://x"), IDS, points=(POINT,))
    assert all(words in json.dumps(card, ensure_ascii=False) for words in GERMAN)


def test_short_name_is_the_first_name_else_what_is_known() -> None:
    assert short_name(Person("Sue Park", "sue@park.example")) == "Sue"
    assert short_name(Address("", "sue@park.example")) == "sue@park.example"
    assert short_name(Address("", "")) == "them"
