"""Every card against its golden JSON (sorted, indented) and the documented Card v1 shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.cards import compose, error, home, intro, no_intro
from app.cards.urls import Urls
from app.core.checks.finding import Finding
from app.core.model import Address, Introduction, Person, Thread
from app.core.preferences import Preferences
from app.core.reply import suggest_reply
from tests.cards.cardspec import card_problems

GOLDEN = Path(__file__).parent / "golden"
URLS = Urls("https://addon.example.org")
INTRO = Introduction(
    kind="classic",
    introducer=Person("Joe Smith", "joe@smith.example"),
    introduced=(
        Person("Sue Park", "sue@acme.example", "Sue leads product at Acme and is hiring."),
        Person("Dana Reyes", "dana@reyes.example", "Dana has scaled two growth teams."),
    ),
    user_role="introduced",
    confidence=0.97,
    evidence=("meet: “Sue, meet Dana.”",),
    message_index=0,
    subject="Intro: Sue <> Dana",
    message_id="<intro-1@smith.example>",
)
ASK = Finding(
    "ask",
    "warning",
    "This asks Sue for contacts before you have met.",
    40,
    80,
    "Offer to meet first; ask later, once she offers.",
    "Could you introduce me to your network?",
    "contacts",
)


def _intro_card() -> dict[str, Any]:
    advice = suggest_reply(INTRO, Thread(), "dana@reyes.example", Preferences())
    ids = {"messageId": "m1", "threadId": "t1", "me": "dana@reyes.example"}
    return intro.build(INTRO, advice, Preferences(), URLS, ids)


def _introducer_card() -> dict[str, Any]:
    mine = Introduction(
        **{**{f: getattr(INTRO, f) for f in INTRO.__dataclass_fields__}, "user_role": "introducer"}
    )
    advice = suggest_reply(mine, Thread(), "joe@smith.example", Preferences())
    return intro.build(
        mine,
        advice,
        Preferences(),
        URLS,
        {"messageId": "m1", "threadId": "t1", "me": "joe@smith.example"},
    )


def _team_card() -> dict[str, Any]:
    """One person introduced to a team whose members the introduction names."""
    team = Introduction(
        **{
            **{f: getattr(INTRO, f) for f in INTRO.__dataclass_fields__},
            "kind": "one_to_many",
            "introduced": (
                Person("Growth Team", "growth@acme.example", "", ("Noor", "Caleb", "Ines")),
                Person("Dana Reyes", "dana@reyes.example", "Dana has scaled two growth teams."),
            ),
        }
    )
    advice = suggest_reply(team, Thread(), "dana@reyes.example", Preferences())
    ids = {"messageId": "m1", "threadId": "t1", "me": "dana@reyes.example"}
    return intro.build(team, advice, Preferences(), URLS, ids)


CARDS: dict[str, Callable[[], dict[str, Any]]] = {
    "home": lambda: home.build(Preferences(), URLS),
    "home_saved": lambda: home.build(
        Preferences(name="Dana", sign_off="Cheers,", tone="formal"), URLS, saved=True
    ),
    "error": lambda: error.build(
        "Gmail did not answer", "Gmail is busy.", "Try again in a moment.", URLS.of("message")
    ),
    "no_intro": lambda: no_intro.build(
        [Address("Lena Ortiz", "lena@ortiz.example"), Address("Sam Lee", "sam@lee.example")],
        URLS,
        "m1",
        "t1",
    ),
    "no_intro_alone": lambda: no_intro.build(
        [Address("Lena Ortiz", "lena@ortiz.example")], URLS, "m1", "t1"
    ),
    "intro": _intro_card,
    "intro_introducer": _introducer_card,
    "intro_team": _team_card,
    "compose_missing_introducer": lambda: compose.build(
        compose.ComposeView(
            missing_introducer=Address("Joe Smith", "joe@smith.example"),
            suggestion="Hi Sue and Joe,\n\nThanks!",
            context="Introduction by Joe Smith",
        ),
        URLS,
    ),
    "compose_checked": lambda: compose.build(
        compose.ComposeView(
            checked_text="Could you introduce me to your network?", text_findings=(ASK,)
        ),
        URLS,
    ),
    "compose_clean": lambda: compose.build(
        compose.ComposeView(checked_text="Hi", text_findings=()), URLS
    ),
}


@pytest.mark.parametrize("name", sorted(CARDS))
def test_card_matches_golden(name: str, request: pytest.FixtureRequest) -> None:
    """The card's JSON is exactly its golden file (regenerate with --update-golden)."""
    card = CARDS[name]()
    text = json.dumps(card, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path = GOLDEN / f"{name}.json"
    if request.config.getoption("--update-golden"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file for {name}: run pytest --update-golden"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CARDS))
def test_card_has_documented_shape(name: str) -> None:
    """Every card uses only documented fields and widgets, within Google's limits."""
    assert card_problems(CARDS[name]()) == []


def test_many_people_stay_within_widget_limit() -> None:
    """An introduction of fifty people still renders a card Gmail accepts."""
    people = tuple(Person(f"Person {i}", f"p{i}@x.example", "A blurb. " * 40) for i in range(50))
    big = Introduction(
        **{**{f: getattr(INTRO, f) for f in INTRO.__dataclass_fields__}, "introduced": people}
    )
    advice = suggest_reply(big, Thread(), "p0@x.example", Preferences())
    card = intro.build(
        big, advice, Preferences(), URLS, {"messageId": "m", "threadId": "t", "me": "p0@x.example"}
    )
    assert card_problems(card) == []


def test_mail_text_is_escaped() -> None:
    """Markup in a blurb is shown as text, never interpreted."""
    evil = Introduction(
        **{
            **{f: getattr(INTRO, f) for f in INTRO.__dataclass_fields__},
            "introduced": (
                Person("Sue", "sue@a.example", "<script>x</script><b>hi</b>"),
                INTRO.introduced[1],
            ),
        }
    )
    advice = suggest_reply(evil, Thread(), "dana@reyes.example", Preferences())
    card = intro.build(
        evil,
        advice,
        Preferences(),
        URLS,
        {"messageId": "m", "threadId": "t", "me": "dana@reyes.example"},
    )
    assert "<script>" not in json.dumps(card)


def test_every_card_module_has_a_golden_case() -> None:
    """Each card module under app/cards is exercised by a golden case."""
    modules = {p.stem for p in (Path(__file__).parents[2] / "app" / "cards").glob("*.py")}
    card_modules = modules - {"__init__", "widgets", "responses", "urls", "findings"}
    covered = {name.split("_")[0] if name.split("_")[0] != "no" else "no_intro" for name in CARDS}
    assert card_modules <= covered


def test_selection_items_are_plain_text() -> None:
    """Selection item text is not formatted by Gmail: names and addresses go in unescaped."""
    card = CARDS["no_intro"]()
    items = [
        item
        for section in card["sections"]
        for widget in section["widgets"]
        if "selectionInput" in widget
        for item in widget["selectionInput"]["items"]
    ]
    assert items
    assert all("&lt;" not in item["text"] and "&amp;" not in item["text"] for item in items)
    assert any("<" in item["text"] for item in items)
