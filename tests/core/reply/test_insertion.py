"""Inserting a suggested reply into a draft the user started: nothing stacked twice."""

from __future__ import annotations

from app.core.reply import to_insert

SUGGESTION = (
    "Hi Dana and Joe!\n\nJoe, I really appreciate you connecting us. Dana, I'm keen to hear "
    "what you're focused on.\n\nWould you be up for a coffee in the next two weeks?\n\n"
    "Warmly,\nSue"
)


def test_nothing_written_yet_gets_the_whole_suggestion() -> None:
    assert to_insert(SUGGESTION, "") == SUGGESTION
    assert to_insert(SUGGESTION, "  \n") == SUGGESTION


def test_a_draft_with_its_own_greeting_and_sign_off_gets_only_the_middle() -> None:
    own = "Hi Dana,\n\nGreat to e-meet you.\n\nBest,\nSue"
    inserted = to_insert(SUGGESTION, own)
    assert not inserted.startswith("Hi Dana and Joe")
    assert "Warmly" not in inserted
    assert inserted.startswith("Joe, I really appreciate")
    assert inserted.endswith("next two weeks?")


def test_only_what_is_missing() -> None:
    greeting_only = to_insert(SUGGESTION, "Hola Dana:\n\nP.S. my own words")
    assert not greeting_only.startswith("Hi Dana and Joe")
    assert greeting_only.endswith("Warmly,\nSue")
    sign_off_only = to_insert(SUGGESTION, "Some words of mine.\n\nThanks!\nSue")
    assert sign_off_only.startswith("Hi Dana and Joe!")
    assert "Warmly" not in sign_off_only


def test_a_question_at_the_end_is_not_a_sign_off() -> None:
    assert to_insert(SUGGESTION, "Dana, are you around on Tuesday?").endswith("Warmly,\nSue")


def test_a_german_sign_off_without_a_comma_is_recognised() -> None:
    """ "Viele Grüße" closes a German draft: ours is not stacked above it, nor is our greeting."""
    ours = "Hallo Jonas und Marta,\n\nvielen Dank, Marta!\n\nViele Grüße\nAnna"
    own = "Hallo Jonas,\n\nich freue mich.\n\nViele Grüße\nAnna"
    assert to_insert(ours, own) == "vielen Dank, Marta!"
