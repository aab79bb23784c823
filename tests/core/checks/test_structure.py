"""Tests for `no_thanks`, `no_next_step` and `too_long`, and the sentence splitter."""

from __future__ import annotations

import pytest

from app.core.checks import (
    check_length,
    check_next_step,
    check_thanks,
    count_words,
    has_thanks,
    is_next_step,
    proposes_next_step,
    split_sentences,
)


@pytest.mark.parametrize(
    "text", ["Thnx. I am happy to do the introduction.", "Joe, thank you!", "Many thanks, Joe."]
)
def test_thanks_is_recognised_leniently(text: str) -> None:
    """Short and informal thanks count."""
    assert has_thanks(text)


def test_missing_thanks_marks_the_spot_after_the_greeting() -> None:
    """The empty span of `no_thanks` sits right after the greeting, and the fix names Joe."""
    text = "Hi Sue and Joe,\n\nGreat to meet you. Coffee next week?"
    (finding,) = check_thanks(text, split_sentences(text), "Joe")
    assert finding.start == finding.end == len("Hi Sue and Joe,")
    assert "Joe, thank you" in finding.fix


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll call you as soon as I get to the office.",
        "Can you chat Friday?",
        "Let's set up a time for a Zoom call.",
        "When would you like to regroup?",
        "I will let you know in advance so that we could spend time together.",
        "Thnx. I am happy to do the introduction.",
        "Would you be up for a coffee in the next two weeks?",
        "Here's my Calendly link.",
        "I shall be glad to meet you.",
        "Hätten Sie nächste Woche Zeit für einen Kaffee?",
        "¿Te viene bien una llamada la próxima semana?",
        "Seriez-vous disponible pour un café ?",
    ],
)
def test_next_steps_are_recognised(sentence: str) -> None:
    """Meetings, calls and commitments to follow up count as a next step."""
    assert proposes_next_step(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hello Bob, pleasure to meet you.",
        "Nice to meet you, Sue!",
        "Thank you luni (moved to bcc).",
    ],
)
def test_greetings_are_not_next_steps(sentence: str) -> None:
    """ "Nice to meet you" is a greeting, not a plan."""
    assert not proposes_next_step(sentence)


def test_missing_next_step_is_an_info_at_the_end() -> None:
    """`no_next_step` is informational and marks the end of the text."""
    text = "Thank you luni (moved to bcc).\nHello Bob, pleasure to meet you."
    (finding,) = check_next_step(split_sentences(text), "Coffee next week?")
    assert finding.severity == "info"
    assert finding.start == finding.end == len(text)


def test_long_reply_points_past_the_target_length() -> None:
    """Above 150 words, the span starts at the sentence that crosses 120 words."""
    sentence = "I wanted to share a little more context about the work we do here. "
    text = "Hi Sue,\n\n" + sentence * 14
    sentences = split_sentences(text)
    (finding,) = check_length(text, sentences)
    assert finding.code == "too_long"
    assert count_words(text[: finding.start]) >= 110
    assert finding.end == len(text.rstrip())


def test_short_reply_is_not_too_long() -> None:
    """A reply of normal length gets no length finding."""
    text = "Hi Sue, thank you Joe! Coffee next week?"
    assert check_length(text, split_sentences(text)) == ()


def test_sentences_keep_their_offsets() -> None:
    """Wrapped lines join, greetings and bullets split, abbreviations do not end sentences."""
    text = (
        "Hi Sue and Joe,\n\nJoe, thanks so much. Mr. Smith said the U.S. team is great! Would you\n"
        "like coffee?\n- one\n- two"
    )
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "Hi Sue and Joe,",
        "Joe, thanks so much.",
        "Mr. Smith said the U.S. team is great!",
        "Would you\nlike coffee?",
        "- one",
        "- two",
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_a_closing_thanks_does_not_thank_the_introducer() -> None:
    """ "Thanks," before the name is a sign-off, not thanks for the introduction."""
    text = "Hi Sue,\n\nWould you be free for a call on Friday?\n\nThanks,\nAnn"
    found = check_thanks(text, split_sentences(text), "Joe")
    assert [f.code for f in found] == ["no_thanks"]


def test_thanking_the_reader_for_their_time_is_not_thanking_the_introducer() -> None:
    """Thanks for the reader's time (any language) leave the introducer unthanked."""
    for text, languages in (
        ("Hi Sue, thanks so much for taking the time to talk.", ()),
        ("Hola Ana, muchas gracias por tu tiempo.", ("es",)),
    ):
        assert check_thanks(text, split_sentences(text), "Joe", languages), text


def test_a_closing_thanks_naming_the_introducer_counts() -> None:
    """ "Thanks again, Joe," names the introducer: thanks given."""
    text = "Hi Sue,\n\nCoffee on Friday?\n\nThanks again, Joe,\nAnn"
    assert check_thanks(text, split_sentences(text), "Joe") == ()


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Thursday works for me.", "en"),
        ("A coffee next week sounds great.", "en"),
        ("Thank you for suggesting a call at 3pm, which suits me.", "en"),
        ("El jueves me viene muy bien.", "es"),
        ("Me parece genial lo que propones: un café la semana que viene.", "es"),
        ("Ein Kaffee am Dienstag passt mir gut, ich freue mich darauf!", "de"),
        ("Nächste Woche klingt super.", "de"),
        ("La semaine prochaine, cela me convient très bien.", "fr"),
        ("Votre proposition me convient : un mercredi après-midi.", "fr"),
        (
            "Un mercredi après-midi, ça me va très bien, et un appel téléphonique aussi : "
            "dis-moi ce qui t'arrange le mieux.",
            "fr",
        ),
        ("Uma reunião por videochamada na próxima semana parece-me ótimo.", "pt"),
        ("Um café na quinta-feira funciona muito bem para mim.", "pt"),
        ("Giovedì per me va benissimo.", "it"),
        ("Grazie per aver proposto giovedì: per me va benissimo.", "it"),
        ("Volgende week komt mij goed uit.", "nl"),
        ("Een kop koffie op dinsdag past mij goed.", "nl"),
    ],
)
def test_taking_up_a_proposed_time_or_meeting_is_a_next_step(sentence: str, language: str) -> None:
    languages = () if language == "en" else (language,)
    assert is_next_step(sentence, languages)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("That works for me.", "en"),
        ("Sounds great, thanks for thinking of me.", "en"),
        ("Eso me parece muy bien.", "es"),
        ("Das passt mir gut.", "de"),
        ("Ça me va très bien.", "fr"),
        ("Parece-me ótimo.", "pt"),
        ("Per me va benissimo.", "it"),
        ("Dat komt mij goed uit.", "nl"),
    ],
)
def test_agreeing_without_a_time_or_meeting_is_no_next_step(sentence: str, language: str) -> None:
    languages = () if language == "en" else (language,)
    assert not is_next_step(sentence, languages)


def test_no_sentences_no_next_step_and_no_error() -> None:
    """Nothing written: the booking-link reading has no sentence before the first."""
    assert [f.code for f in check_next_step((), "")] == ["no_next_step"]


def test_a_long_chinese_or_japanese_reply_is_too_long() -> None:
    """Scripts without spaces are measured by characters (1.5 Han, 3 kana a word)."""
    chinese = "你好，\n\n" + "我想跟你多介绍一下我们团队最近在做的工作和我自己的经历。" * 10
    japanese_line = "私たちのチームが最近取り組んでいる仕事について少し説明させてください。"
    japanese = "こんにちは。\n\n" + japanese_line * 12
    for text in (chinese, japanese):
        (finding,) = check_length(text, split_sentences(text))
        assert finding.code == "too_long"
    short = "谢谢你介绍我们认识，下周一起喝杯咖啡吧？"
    assert check_length(short, split_sentences(short)) == ()
