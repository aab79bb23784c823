"""Cards follow the event's `userLocale`, end to end over HTTP (English when unknown)."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import footer_action, pushed, text_of, updated
from tests.api.harness import Stack
from tests.cards.cardspec import card_problems


def _in(event: dict[str, Any], user_locale: str | None) -> dict[str, Any]:
    if user_locale is not None:
        event["commonEventObject"]["userLocale"] = user_locale
    return event


def _open(stack: Stack, intro: tuple[str, str], user_locale: str | None) -> dict[str, Any]:
    mid, tid = intro
    event = _in(stack.event(message_id=mid, thread_id=tid), user_locale)
    response = stack.post("/addon/message", event)
    assert response.status_code == 200
    return pushed(response.json())


def test_an_austrian_german_user_gets_german_cards(stack: Stack, intro: tuple[str, str]) -> None:
    """`de-AT` negotiates to the German catalogue: title, advice and button in German;
    the mail's own words (the blurb, the suggested reply) stay as written."""
    card = _open(stack, intro, "de-AT")
    assert card_problems(card) == []
    assert card["header"]["title"] == "Vorstellung erkannt"
    assert card["header"]["subtitle"] == "Joe Smith hat Sie mit Sue Park bekannt gemacht"
    assert card["fixedFooter"]["primaryButton"]["text"] == "Beiden antworten"
    text = text_of(card)
    assert "Worauf es jetzt ankommt" in text
    assert "leads product at Acme" in text
    assert "Introduction spotted" not in text


def test_a_click_answers_in_the_locale_of_its_event(stack: Stack, intro: tuple[str, str]) -> None:
    """A callback carries `userLocale` too: changing the tone re-renders in Portuguese."""
    card = _open(stack, intro, "pt-BR")
    url, params = footer_action(card)
    assert url.endswith("/addon/actions/reply")
    mid, tid = intro
    refresh = _in(
        stack.event(
            message_id=mid,
            thread_id=tid,
            params={**params, "variant": "0"},
            form={"tone": ["formal"], "nextStep": ["call"]},
        ),
        "pt-BR",
    )
    answer = stack.post("/addon/actions/refresh", refresh)
    assert answer.status_code == 200
    card = updated(answer.json())
    assert card["header"]["title"] == "Apresentação identificada"
    assert "Resposta sugerida" in text_of(card)


def test_unknown_or_missing_locale_is_english(stack: Stack, intro: tuple[str, str]) -> None:
    """A language we have no catalogue for, a malformed tag or none at all: English."""
    for user_locale in ("ja-JP", "not a locale!", None):
        card = _open(stack, intro, user_locale)
        assert card["header"]["title"] == "Introduction spotted"


def test_an_error_card_is_in_the_users_language(stack: Stack, intro: tuple[str, str]) -> None:
    """Gmail failing gives the error card's own words in the user's language."""
    stack.faults.fail(500, times=None)
    card = _open(stack, intro, "nl-BE")
    text = text_of(card)
    assert "Gmail antwoordde niet zoals verwacht" in text
    assert "Gmail reageert op dit moment niet." in text
    assert "not answering" not in text
    assert "Probeer het opnieuw; als het bericht is verwijderd" in text


def test_the_homepage_is_localised(stack: Stack) -> None:
    """The homepage: preferences form and privacy statement in Italian."""
    response = stack.post("/addon/homepage", _in(stack.event(), "it-IT"))
    assert response.status_code == 200
    text = text_of(pushed(response.json()))
    assert "Le tue preferenze" in text
    assert "Caffè" in text
    assert "Privacy" in text
