"""The language vote over the seven lexicons' stop words."""

from __future__ import annotations

import pytest

from app.core.intro import language_of, settle_language

SAMPLES = {
    "en": "I wanted to connect the two of you because you are both working on the same problem.",
    "es": "Quería poneros en contacto porque los dos estáis trabajando en el mismo proyecto y "
    "creo que os podéis ayudar mucho.",
    "de": "Ich wollte euch beide miteinander bekannt machen, weil ihr an dem gleichen Thema "
    "arbeitet und euch sicher viel zu sagen habt.",
    "fr": "Je voulais vous mettre en relation parce que vous travaillez tous les deux sur le "
    "même sujet et que vous avez beaucoup à partager.",
    "pt": "Queria colocar vocês em contato porque os dois estão trabalhando no mesmo projeto e "
    "acho que podem se ajudar muito.",
    "it": "Volevo mettervi in contatto perché state lavorando tutti e due allo stesso progetto "
    "e credo che possiate aiutarvi molto.",
    "nl": "Ik wilde jullie met elkaar in contact brengen omdat jullie allebei aan hetzelfde "
    "project werken en elkaar veel kunnen leren.",
}


@pytest.mark.parametrize(("language", "text"), SAMPLES.items())
def test_each_language_is_recognised(language: str, text: str) -> None:
    """A paragraph in each of the seven languages is told apart from the others."""
    assert language_of(text) == language


@pytest.mark.parametrize("text", ["", "Ok!", "田中さん、山田さんをご紹介します。", "12:30 ✓"])
def test_unsure_is_empty(text: str) -> None:
    """Too few votes (short text, another script) gives "", never a guess."""
    assert language_of(text) == ""


def test_a_short_text_leans_to_a_language_only_when_one_leads() -> None:
    from app.core.intro.language import leading_language

    assert language_of("Grazie Paolo! Andrea, ci vediamo in cantiere lunedì alle 9?") == ""
    assert leading_language("Grazie Paolo! Andrea, ci vediamo in cantiere lunedì alle 9?") == "it"
    assert (
        leading_language(
            "Danke Lena! Jonas, klingt super - Kaffee diese Woche? Dann seh ich gleich die Räume."
        )
        == "de"
    )
    assert leading_language("Thanks Lies! Tim, Haarlem?") == ""  # too few votes


SWEDISH = (
    "Hej Anna och Johan! Jag vill gärna presentera er för varandra. Anna leder dataavdelningen "
    "på Lumen och Johan har precis startat ett logistikföretag i Göteborg."
)


@pytest.mark.parametrize(
    ("text", "detected", "expected"),
    [
        (SAMPLES["en"], "de", "de"),  # 1. detection's reading of another language stands
        (SAMPLES["en"], "sv", ""),  # ...one outside the seven is none of ours
        (SAMPLES["es"], "en", "es"),  # 2. its "en" is read again: the text votes Spanish
        (SAMPLES["nl"], "", "nl"),
        ("Grazie Paolo! Andrea, ci vediamo in cantiere lunedì alle 9?", "", "it"),  # leans
        (SAMPLES["en"], "en", "en"),  # 3. English
        ("Ok!", "", "en"),  # too short to say anything: English
        (SWEDISH, "en", ""),  # wins the English vote, but too few English words: none of ours
        # Letters of another script: none of ours however short (all seven write Latin).
        ("田中さん、山田さんをご紹介します。よろしくお願いします。", "", ""),
        ("李娜、张伟：我想介绍你们认识。", "en", ""),
        ("이지은님, 박서준님, 두 분을 소개합니다.", "", ""),
        ("Иван, Мария, хочу вас познакомить.", "", ""),
        ("שלום יוסי ומיכל, אני רוצה להכיר ביניכם.", "", ""),
        ("مرحباً محمد وليلى، أود أن أعرفكما.", "", ""),
        ("Hi Taro, I would like you to meet Luis. 山田太郎 runs the data team.", "", "en"),
    ],
)
def test_one_policy_settles_the_language(text: str, detected: str, expected: str) -> None:
    """Detection's reading, the text's vote (or lean), "none of ours", English: in that order."""
    assert settle_language(text, detected) == expected


def test_the_reply_voice_follows_the_policy() -> None:
    """The suggested reply's voice writes in the language the policy settles on."""
    from app.core.reply.voice import FOREIGN, choose_voice

    for text in (*SAMPLES.values(), SWEDISH, "Grazie Paolo! Andrea, ci vediamo lunedì alle 9?"):
        voice = choose_voice(
            setting="auto", detected="en", intro_text=text, reply_text="", tone="warm",
            introducer="Joe",
        )  # fmt: skip
        settled = settle_language(text, "en")
        assert voice.bank.code.split("-")[0] == (settled or "en")
        assert (voice.note == FOREIGN) is (settled == "")
