"""The intro card's button says what its draft does, whoever the draft goes to."""

from __future__ import annotations

from typing import Any

from app.cards import intro
from app.cards.urls import Urls
from app.core.model import Introduction, Person, Thread
from app.core.preferences import Preferences
from app.core.reply import suggest_reply

JOE = Person("Joe Smith", "joe@smith.example")
SUE = Person("Sue Park", "sue@acme.example", "Sue leads product at Acme.")
TOM = Person("Tom Berg", "tom@berg.example", "Tom builds data pipelines.")
DANA = Person("Dana Reyes", "dana@reyes.example", "Dana runs growth.")


def _card(*introduced: Person) -> dict[str, Any]:
    found = Introduction("classic", JOE, introduced, "introduced", 0.9, (), 0, "Intro")
    advice = suggest_reply(found, Thread(), DANA.email, Preferences())
    ids = {"messageId": "m1", "threadId": "t1", "me": DANA.email}
    return intro.build(found, advice, Preferences(), Urls("https://x.example"), ids)


def _label(card: dict[str, Any]) -> str:
    return str(card["fixedFooter"]["primaryButton"]["text"])


def test_one_person_and_the_introducer_is_both() -> None:
    assert _label(_card(SUE, DANA)) == "Reply to both"


def test_two_people_and_the_introducer_is_all() -> None:
    """Sue and Tom on To, Joe on Cc: three people are not "both"."""
    assert _label(_card(SUE, TOM, DANA)) == "Reply to all"


def test_a_team_named_in_prose_is_listed_once_below_its_members() -> None:
    """Sue and Tom each keep their line; the team adds one line of its members, and the
    draft still goes to the two of them (the team has no address)."""
    team = Person("the team", "", "Sue leads product and Tom builds pipelines.", ("Sue", "Tom"))
    found = Introduction(
        "classic", JOE, (SUE, TOM, DANA), "introduced", 0.9, (), 0, "Intro", teams=(team,)
    )
    advice = suggest_reply(found, Thread(), DANA.email, Preferences())
    ids = {"messageId": "m1", "threadId": "t1", "me": DANA.email}
    card = intro.build(found, advice, Preferences(), Urls("https://x.example"), ids)
    texts = [
        w["decoratedText"]["text"]
        for s in card["sections"]
        for w in s["widgets"]
        if "decoratedText" in w
    ]
    assert "Team: Sue and Tom" in texts
    assert _label(card) == "Reply to all"
    assert advice.suggestion is not None
    assert [a.email for a in advice.suggestion.to] == [SUE.email, TOM.email]
