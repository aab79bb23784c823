"""Which language and register the reply is written in, and the note that says so."""

from __future__ import annotations

from app.core.reply.voice import FOREIGN, choose_voice

SWEDISH = (
    "Hej Anna och Johan! Jag vill gärna presentera er för varandra. Anna leder dataavdelningen "
    "på Lumen och Johan har precis startat ett logistikföretag i Göteborg."
)
ENGLISH = "Hi Sue and Ann, I'd like to introduce you two. Sue runs the design team at Acme."


def _voice(**kwargs: str):
    args = {
        "setting": "auto",
        "detected": "en",
        "intro_text": ENGLISH,
        "reply_text": "",
        "tone": "warm",
        "introducer": "Joe",
    }
    args.update(kwargs)
    return choose_voice(**args)  # type: ignore[arg-type]


def test_english_has_no_note() -> None:
    """English mail: the English bank, nothing to explain (the card stays as it was)."""
    voice = _voice()
    assert (voice.bank.code, voice.note) == ("en", "")


def test_another_language_gets_english_and_says_why() -> None:
    """Swedish (detection falls back to "en" for it) is noticed: English, with the reason."""
    voice = _voice(intro_text=SWEDISH)
    assert voice.bank.code == "en"
    assert voice.note == FOREIGN
    assert _voice(detected="sv", intro_text=SWEDISH).note == FOREIGN


def test_the_setting_fixes_the_language() -> None:
    """A language chosen in the settings wins over the introduction's."""
    voice = _voice(setting="es")
    assert voice.bank.code == "es"
    assert "as your language setting asks" in voice.note
    assert _voice(setting="en", detected="de", intro_text="Hallo du").bank.code == "en"


def test_register_follows_the_other_sides_answer_first() -> None:
    """Their own answer in usted beats the introducer's tú."""
    voice = _voice(detected="es", intro_text="Te presento a Luis.", reply_text="Le escribo, usted")
    assert voice.polite
    assert "as they wrote" in voice.note


def test_formal_tone_is_always_polite() -> None:
    """The formal tone uses usted even when the introducer wrote tú."""
    voice = _voice(detected="es", intro_text="Te presento a Luis, tú ya lo conoces.", tone="formal")
    assert voice.polite
    assert "usted for the formal tone" in voice.note


def test_without_evidence_the_usual_form() -> None:
    """No form in the mail: German takes Sie, Dutch takes je, and the note says why."""
    german = _voice(detected="de", intro_text="Jana, Felix. Felix, Jana.")
    dutch = _voice(detected="nl", intro_text="Jana, Felix. Felix, Jana.")
    assert (german.polite, dutch.polite) == (True, False)
    assert "the usual form for a first contact" in german.note


def test_portuguese_variety_from_the_mail() -> None:
    """European Portuguese forms give the pt-PT bank; otherwise Brazilian."""
    assert _voice(detected="pt", intro_text="Apresento-te a nossa equipa.").bank.code == "pt-PT"
    assert _voice(detected="pt", intro_text="Te apresento a equipe.").bank.code == "pt-BR"
