"""The suggested reply in seven languages: fresh and replied-first threads, register, checks."""

from __future__ import annotations

import pytest

from app.core.checks.draft import Draft, check_reply
from app.core.intro import detect_introduction, language_of
from app.core.model import Introduction, Person, Thread
from app.core.preferences import NEXT_STEPS, TONES, Preferences
from app.core.reply import ReplySuggestion, suggest_reply
from app.core.reply.bank import bank_for
from app.core.reply.register import register_of
from tests.core.reply.language_threads import CASES, Case, answer_mail, answered, fresh, intro_mail

ALL_PREFS = [
    Preferences(tone=tone, next_step=step, variant=variant)
    for tone in TONES
    for step in NEXT_STEPS
    for variant in range(3)
]


def _intro(case: Case) -> Introduction:
    verdict = detect_introduction(fresh(case), me=case.user.email)
    assert verdict.introduction is not None, case.id
    return verdict.introduction


def _suggest(case: Case, thread: Thread, prefs: Preferences | None = None) -> ReplySuggestion:
    advice = suggest_reply(_intro(case), thread, case.user.email, prefs)
    assert advice.suggestion is not None, (case.id, advice.state)
    return advice.suggestion


def _clean(
    case: Case, thread: Thread, s: ReplySuggestion, intro: Introduction | None = None
) -> None:
    draft = Draft.from_suggestion(s, sender=case.user)
    found = check_reply(draft, thread, introduction=intro or _intro(case), me=case.user.email)
    assert found == (), (case.id, [(f.label, s.body_text[f.start : f.end]) for f in found])


def _base(code: str) -> str:
    return code.split("-", 1)[0]


def _in_register(text: str, case: Case, register: str | None = None) -> bool:
    """Informal: the informal forms show. Polite: no informal form (French "vous" and
    Portuguese "o seu" are also plural or third person, so they cannot prove it)."""
    found = register_of(text, case.lang)
    if (register or case.register) == "informal":
        return found == "informal"
    return found == "polite" or (found is None and case.lang in ("fr", "pt-PT", "pt-BR"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_fresh_introduction_in_its_language_and_register(case: Case) -> None:
    """Fresh thread: the reply is in the introduction's language and the introducer's form of
    address, greets both, thanks the introducer by name, and says so in one line."""
    s = _suggest(case, fresh(case))
    first = lambda a: a.name.split()[0]  # noqa: E731
    assert s.language == case.lang
    assert language_of(s.body_text) == _base(case.lang)
    assert _in_register(s.body_text, case)
    assert first(case.other) in s.body_text.splitlines()[0]
    assert first(case.introducer) in s.body_text.splitlines()[0]
    assert s.to == (case.other,)
    assert s.cc == (case.introducer,)
    assert s.language_note.startswith(f"Written in {bank_for(case.lang).name}")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_other_side_replied_first(case: Case) -> None:
    """They answered first: the reply answers them in their language and form of address,
    greets only them, and still thanks the introducer, who stays on Cc."""
    thread = answered(case)
    advice = suggest_reply(_intro(case), thread, case.user.email)
    assert advice.state == "other_replied"
    s = advice.suggestion
    assert s is not None
    assert s.language == case.lang
    assert _in_register(s.body_text, case)
    greeting = s.body_text.splitlines()[0]
    assert case.other.name.split()[0] in greeting
    assert case.introducer.name.split()[0] not in greeting
    assert case.introducer.name.split()[0] in s.body_text
    assert s.in_reply_to == f"<answer-{case.id}@example>"
    assert s.cc == (case.introducer,)
    _clean(case, thread, s)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_introducer_moved_to_bcc(case: Case) -> None:
    """They moved the introducer to Bcc: not re-added, and thanked in the third person."""
    thread = Thread((intro_mail(case), answer_mail(case, keep_introducer=False)))
    advice = suggest_reply(_intro(case), thread, case.user.email)
    assert advice.state == "introducer_moved"
    s = advice.suggestion
    assert s is not None
    assert s.cc == ()
    assert s.language == case.lang
    assert case.introducer.name.split()[0] in s.body_text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_variant_passes_our_own_checks(case: Case) -> None:
    """Both tones, the three next steps and three phrasings: no finding of ours."""
    for prefs in ALL_PREFS:
        thread = fresh(case)
        _clean(case, thread, _suggest(case, thread, prefs))


@pytest.mark.parametrize("case", [c for c in CASES if c.register == "informal"], ids=lambda c: c.id)
def test_formal_tone_uses_the_polite_form(case: Case) -> None:
    """The formal tone addresses the reader politely even when the introducer did not."""
    s = _suggest(case, fresh(case), Preferences(tone="formal"))
    assert _in_register(s.body_text, case, "polite")
    assert s.body_text != _suggest(case, fresh(case)).body_text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_another_phrasing_changes_the_wording_not_the_language(case: Case) -> None:
    """ "Another phrasing" gives other lines, in the same language."""
    texts = {_suggest(case, fresh(case), Preferences(variant=v)).body_text for v in range(3)}
    assert len(texts) > 1
    assert {language_of(t) for t in texts} == {_base(case.lang)}


def test_several_readers_need_no_choice_of_plural_form() -> None:
    """One-to-many: the lines for a group address nobody as tú or usted, vous or tu."""
    case = next(c for c in CASES if c.id == "es-informal")
    intro = _intro(case)
    third = Person("Inés Mora", "ines@mora.example")
    group = Introduction(**{**_fields(intro), "introduced": (*intro.introduced, third)})
    s = suggest_reply(group, fresh(case), case.user.email).suggestion
    assert s is not None
    assert len(s.to) == 2
    assert "Carlos, Inés y Marta" in s.body_text.splitlines()[0] or " e Inés" in s.body_text
    assert register_of(s.body_text, "es") is None


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_group_lines_pass_our_own_checks(case: Case) -> None:
    """Two people to answer at once: every tone, next step and phrasing is still clean."""
    intro = _intro(case)
    third = Person("Alex Moreau", "alex@moreau.example")
    group = Introduction(**{**_fields(intro), "introduced": (*intro.introduced, third)})
    for prefs in ALL_PREFS:
        s = suggest_reply(group, fresh(case), case.user.email, prefs).suggestion
        assert s is not None
        assert s.language == case.lang
        _clean(case, fresh(case), s, group)


@pytest.mark.parametrize("case", CASES[:2], ids=lambda c: c.id)
def test_introduction_found_only_in_the_quoted_history(case: Case) -> None:
    """Only the other side's answer is at hand (the introduction quoted in it): its words
    give the language's register."""
    quoted = Introduction(**{**_fields(_intro(case)), "message_index": -1})
    thread = Thread((answer_mail(case),))
    s = suggest_reply(quoted, thread, case.user.email).suggestion
    assert s is not None
    assert (s.language, register_of(s.body_text, case.lang)) == (case.lang, case.register)


def _fields(intro: Introduction) -> dict[str, object]:
    return {name: getattr(intro, name) for name in intro.__slots__}  # type: ignore[attr-defined]


def test_language_setting_overrides_the_introduction() -> None:
    """The language preference writes a Spanish reply to a German introduction, and back."""
    case = next(c for c in CASES if c.id == "de-informal")
    s = _suggest(case, fresh(case), Preferences(language="es"))
    assert (s.language, language_of(s.body_text)) == ("es", "es")
    assert "as your language setting asks" in s.language_note
    english = _suggest(case, fresh(case), Preferences(language="en"))
    assert (english.language, english.language_note) == ("en", "")


def test_the_note_is_among_the_reasons() -> None:
    """The command line shows the language note with the other reasons."""
    case = CASES[0]
    s = _suggest(case, fresh(case))
    assert s.reasons[-1] == s.language_note
    assert any("Refers to what Marta said" in r for r in s.reasons)
