"""Every card against its golden JSON (sorted, indented) and the documented Card v1 shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.cards import compose, error, home, intro, introducer, loop, no_intro, recent, request
from app.cards.i18n import using
from app.cards.urls import Urls
from app.cards.widgets import card
from app.core.checks import (
    Finding,
    check_introducer_kept,
    check_length,
    check_next_step,
    check_thanks,
    split_sentences,
)
from app.core.followup import FollowUp, follow_up, give_first, thank_introducer
from app.core.model import Address, Email, Introduction, IntroRequest, Person, Thread
from app.core.preferences import Preferences
from app.core.reply import ReplySuggestion, opt_in_drafts, suggest_reply
from app.service.ports import IntroListing
from tests.cards.cardspec import card_problems
from tests.cards.modules import CARDS_DIR, HELPERS, all_modules, card_modules

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


def _own_introduction_card(nudge: bool) -> dict[str, Any]:
    """The introducer card (app/cards/introducer.py): findings, and the nudge when due."""
    mine = Introduction(
        **{**{f: getattr(INTRO, f) for f in INTRO.__dataclass_fields__}, "user_role": "introducer"}
    )
    findings = (
        Finding(
            "no_reason",
            "warning",
            "Nothing says why these two should meet.",
            60,
            60,
            "Add one sentence on what they share.",
        ),
        Finding(
            "no_consent",
            "info",
            "Someone senior is introduced here, and nothing says they were asked first.",
            20,
            23,
            "Ask them first, then say so.",
            "CEO",
        ),
    )
    sue, dana = (p.address for p in INTRO.introduced)
    suggestion = ReplySuggestion(
        (sue, dana),
        (),
        "Re: Intro: Sue <> Dana",
        "<intro-1@smith.example>",
        (),
        "Hi Sue and Dana,\n\nJust floating this up.\n\nBest,\nJoe",
        "<p>Hi</p>",
        (),
    )
    ids = {"messageId": "m1", "threadId": "t1", "me": "joe@smith.example"}
    return introducer.build(
        mine, findings, suggestion if nudge else None, URLS, ids, waited_days=6 if nudge else 0
    )


def _intro_card_in(language: str) -> dict[str, Any]:
    """The introduction card for the same introduction read as written in `language`."""
    spoken = Introduction(
        **{**{f: getattr(INTRO, f) for f in INTRO.__slots__}, "language": language}
    )
    advice = suggest_reply(spoken, Thread(), "dana@reyes.example", Preferences())
    ids = {"messageId": "m1", "threadId": "t1", "me": "dana@reyes.example"}
    return intro.build(spoken, advice, Preferences(), URLS, ids)


def _follow(*later: tuple[str, str]) -> FollowUp:
    """Joe's introduction of Sue and Dana (the user), then `later` (sender, text) to the other."""
    people = {
        "dana": Address("Dana Reyes", "dana@reyes.example"),
        "sue": Address("Sue Park", "sue@acme.example"),
    }
    joe = Address("Joe Smith", "joe@smith.example")
    first = Email(
        subject="Intro: Sue <> Dana",
        sender=joe,
        to=tuple(people.values()),
        message_id="<intro-1@smith.example>",
        text="Sue, meet Dana. Dana, meet Sue.",
    )
    messages = [first]
    for n, (who, text) in enumerate(later, 2):
        to = joe if who == "joe" else people["sue" if who == "dana" else "dana"]
        messages.append(
            Email(
                subject="Re: Intro: Sue <> Dana",
                sender=people.get(who, people["dana"]),
                to=(to,),
                message_id=f"<m{n}@x>",
                text=text,
                new_text=text,
            )
        )
    state = follow_up(INTRO, Thread(tuple(messages), "t1"), "dana@reyes.example")
    assert state is not None
    return state


def _loop_card(*later: tuple[str, str], blurb: bool = True) -> dict[str, Any]:
    state = _follow(*later)
    if not blurb:
        state = replace(state, other=Person(state.other.name, state.other.email))
    preview = thank_introducer(state).body_text
    ids = {"messageId": "m1", "threadId": "t1"}
    return loop.build(state, give_first(state), preview, URLS, ids)


RECENT = (
    IntroListing("18c0a1b2c3d4e5f6", "connected", 1_796_000_000.0, 1_795_500_000.0),
    IntroListing("18c0a1b2c3d4e5f7", "replied", 1_795_900_000.0, 1_795_800_000.0),
    IntroListing("18c0a1b2c3d4e5f8", "loop_closed", 1_795_000_000.0),
    IntroListing("18c0a1b2c3d4e5f9", "new", 1_794_000_000.0),
)


def _in(locale: str, build: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    """A builder run in one locale (as the API runs every handler)."""

    def built() -> dict[str, Any]:
        with using(locale):
            return build()

    return built


def _compose_findings() -> dict[str, Any]:
    """A draft with real core findings: no thanks, no next step, too long, Joe off Cc."""
    text = "Hi Sue,\n\n" + "I have worked on growth teams for many years now. " * 30
    sentences = split_sentences(text)
    joe = Address("Joe Smith", "joe@smith.example")
    return compose.build(
        compose.ComposeView(
            recipient_findings=check_introducer_kept(
                joe, [Address("Sue Park", "sue@acme.example")], [], None
            ),
            missing_introducer=joe,
            checked_text=text,
            text_findings=(
                *check_thanks(text, sentences, "Joe"),
                *check_next_step(sentences, "Would a coffee next week suit you?"),
                *check_length(text, sentences),
            ),
        ),
        URLS,
    )


ASKED = IntroRequest(
    Person("Ana Lopez", "ana@lopez.example"),
    "Luis Ferreira at Ferreira Labs",
    "en",
    0.8,
    ("for request: “could you introduce”",),
)
ASKING = Email(
    subject="favor?",
    sender=Address("Ana Lopez", "ana@lopez.example"),
    to=(Address("Dana Reyes", "dana@reyes.example"),),
    message_id="<ask-1@lopez.example>",
    new_text="Hi Dana,\n\nWe're moving our warehouse in May and I hear Luis did it twice. "
    "Could you introduce me to him?\n\nThanks!\nAna",
)


def _request_card(error: str = "") -> dict[str, Any]:
    me = Address("Dana Reyes", "dana@reyes.example")
    drafts = opt_in_drafts(ASKED, ASKING, me, Address("", ""))
    ids = {"messageId": "m1", "threadId": "t1"}
    typed = "luis@" if error else ""
    return request.build(ASKED, drafts, URLS, ids, address=typed, error=error)


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
    "request": _request_card,
    "request_bad_address": lambda: _request_card("“luis@” is not an email address."),
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
    "intro_spanish": lambda: _intro_card_in("es"),
    "intro_other_language": lambda: _intro_card_in("sv"),
    "intro_introducer": _introducer_card,
    "introducer": lambda: _own_introduction_card(nudge=False),
    "introducer_nudge": lambda: _own_introduction_card(nudge=True),
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
    "compose_unread": lambda: compose.build(
        compose.ComposeView(
            checked_text="张伟你好，谢谢王伟的介绍！", text_findings=(), wording_unread=True
        ),
        URLS,
    ),
    "compose_clean": lambda: compose.build(
        compose.ComposeView(checked_text="Hi", text_findings=()), URLS
    ),
    "home_recent": lambda: home.build(Preferences(), URLS, intros=RECENT, me="dana@reyes.example"),
    "recent_empty": lambda: card("Intro Coach", [recent.recent_section((), "")]),
    "recent_unknown_stage": lambda: card(
        "Intro Coach", [recent.recent_section((IntroListing("t/1", "odd", 0.0),))]
    ),
    "loop_no_blurb": lambda: _loop_card(("dana", "Thanks Joe! Sue, coffee?"), blurb=False),
    "loop_replied": lambda: _loop_card(("dana", "Thanks Joe! Sue, coffee next week?")),
    "loop_connected": lambda: _loop_card(
        ("dana", "Thanks Joe! Sue, coffee next week?"), ("sue", "Yes, see you Thursday.")
    ),
    "loop_closed": lambda: _loop_card(
        ("dana", "Thanks Joe! Sue, coffee next week?"),
        ("sue", "Yes, see you Thursday."),
        ("joe", "Joe, we met: great conversation. Thank you!"),
    ),
    "compose_findings": _compose_findings,
    # The same cards in other locales (English above is the source text, unchanged).
    "intro_de": _in("de", _intro_card),
    "compose_findings_de": _in("de", _compose_findings),
    "home_de": _in("de", lambda: home.build(Preferences(), URLS)),
    "intro_es": _in("es", _intro_card),
    "compose_findings_fr": _in("fr", _compose_findings),
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
    covered = {name.split("_")[0] if name.split("_")[0] != "no" else "no_intro" for name in CARDS}
    assert card_modules() <= covered


def test_card_helpers_exist_and_build_no_card() -> None:
    """The shared helper list names real modules, none of which builds a card."""
    assert all_modules() >= HELPERS
    for name in HELPERS:
        source = (CARDS_DIR / f"{name}.py").read_text(encoding="utf-8")
        assert "\ndef build(" not in source, name


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
