"""The introducer checks: each code fires on the flaw it names and not on a good intro."""

from __future__ import annotations

import pytest

from app.core.checks import (
    INTRODUCER_CODES,
    ORDER,
    Draft,
    check_introduction,
    written_introduction,
)
from app.core.model import Address
from app.core.preferences import CHECK_CODES
from scripts.eval_introducer import load

CASES = {str(case["id"]): (case, email) for case, email in load()}
SUE = Address("Sue Park", "sue@acme.com")
DANA = Address("Dana Lee", "dana@beta.io")
JOE = Address("Joe Smith", "joe@example.com")


def _codes(case_id: str) -> list[str]:
    _, email = CASES[case_id]
    return [f.code for f in check_introduction(Draft.from_email(email))]


def _draft(body: str, subject: str = "Intro: Sue <> Dana", **headers: object) -> Draft:
    fields: dict[str, object] = {"to": (SUE,), "cc": (DANA,), "sender": JOE} | headers
    text = Draft.from_text(body, subject)
    return Draft(
        text=text.text,
        subject=subject,
        body_end=text.body_end,
        text_known=True,
        recipients_known=True,
        **fields,  # type: ignore[arg-type]
    )


def test_codes_are_registered() -> None:
    """The codes are in ORDER, so preferences and `check --only` know them."""
    assert set(INTRODUCER_CODES) <= set(ORDER)
    assert set(INTRODUCER_CODES) <= CHECK_CODES


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr", "pt", "it", "nl"])
def test_good_introduction_is_clean(lang: str) -> None:
    """Both named, described, a reason, a subject with both names: nothing to say."""
    assert _codes(f"{lang}-good") == []


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr", "pt", "it", "nl"])
def test_bare_introduction(lang: str) -> None:
    """ "Meet Dana" and nothing more: no blurb, no reason, a vague subject."""
    assert set(_codes(f"{lang}-bare")) == {"no_blurb", "no_reason", "vague_subject"}


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr", "pt", "it", "nl"])
def test_ask_on_behalf_with_evidence(lang: str) -> None:
    """A referral asked for the other side is flagged with the very sentence."""
    case, email = CASES[f"{lang}-behalf"]
    draft = Draft.from_email(email)
    found = [f for f in check_introduction(draft) if f.code == "ask_on_behalf"]
    assert len(found) == 1
    assert found[0].excerpt == draft.text[found[0].start : found[0].end]
    assert found[0].excerpt.rstrip("?").rstrip() in str(case["body"])
    assert found[0].kind in ("job", "referral", "resume")


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr", "pt", "it", "nl"])
def test_only_one_side_described(lang: str) -> None:
    """Dana gets a blurb and Sue none: one_side_missing names Sue."""
    _case, email = CASES[f"{lang}-behalf"]
    found = [f for f in check_introduction(Draft.from_email(email)) if f.code == "one_side_missing"]
    assert [("Sue" in f.message) for f in found] == [True]


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr", "pt", "it", "nl"])
def test_consent_suggested_for_senior_people(lang: str) -> None:
    """A CEO with no sign of being asked gets a soft suggestion; one who agreed does not."""
    _, email = CASES[f"{lang}-senior"]
    found = [f for f in check_introduction(Draft.from_email(email)) if f.code == "no_consent"]
    assert len(found) == 1
    assert found[0].severity == "info"
    assert found[0].excerpt
    assert found[0].excerpt.lower() in str(email.new_text).lower()
    assert "no_consent" not in _codes(f"{lang}-senior-ok")


def test_busy_words_count_as_senior() -> None:
    draft = _draft(
        "Hi Sue and Dana,\n\nSue runs a bakery chain in Porto and is very busy these days. "
        "Dana is a pastry chef who wants to open her first shop. Because you share a love "
        "of sourdough, I think you'd enjoy a chat.\n\nJoe"
    )
    found = [f for f in check_introduction(draft) if f.code == "no_consent"]
    assert [f.excerpt for f in found] == ["very busy"]


def test_cc_never_named_and_person_not_copied() -> None:
    """Max on Cc is never named; Ana is introduced but on no recipient line."""
    max_ = Address("Max Roe", "max@corp.com")
    body = (
        "Hi Sue and Dana,\n\nSue leads design at Acme and teaches at the art school. Dana runs "
        "the design team at Beta. You both care about type, so you should talk.\n\nJoe"
    )
    found = check_introduction(_draft(body, cc=(DANA, max_)))
    assert [f.message for f in found if f.code == "one_side_missing"] == [
        "Max Roe is on To/Cc but never named."
    ]
    hidden = check_introduction(_draft(body, cc=(), bcc=(DANA,)))
    assert any("only on Bcc" in f.message for f in hidden if f.code == "one_side_missing")


def test_only_one_person_named() -> None:
    draft = _draft(
        "Hi Sue,\n\nI wanted to introduce you to someone great who works on payments. They "
        "have built two start-ups, so I think you could help each other.\n\nJoe",
        cc=(),
    )
    assert "one_side_missing" in [f.code for f in check_introduction(draft)]


def test_reason_in_several_languages() -> None:
    """The reason words are per language: no_reason goes once a reason is given."""
    base = "Hola Sue y Dana:\n\nSue dirige producto en Acme. Dana trabaja en Beta como diseñadora."
    assert "no_reason" in [f.code for f in check_introduction(_draft(base + "\n\nJoe"))]
    given = base + " Creo que podéis aprender mucho el uno del otro.\n\nJoe"
    assert "no_reason" not in [f.code for f in check_introduction(_draft(given))]


def test_subject_only_judged_when_known() -> None:
    """Pasted text has no subject line: no vague_subject."""
    _, email = CASES["en-bare"]
    pasted = Draft.from_text(email.new_text)
    assert "vague_subject" not in [f.code for f in check_introduction(pasted)]
    assert "no_blurb" in [f.code for f in check_introduction(pasted)]


def test_enabled_filters_codes() -> None:
    _, email = CASES["en-bare"]
    found = check_introduction(Draft.from_email(email), enabled=frozenset({"no_reason"}))
    assert [f.code for f in found] == ["no_reason"]


def test_written_introduction_needs_own_words_by_the_user() -> None:
    """The draft is the user's own introduction only when its sender is the user."""
    _, email = CASES["en-good"]
    draft = Draft.from_email(email)
    assert written_introduction(draft) is not None
    assert written_introduction(draft, "joe@example.com") is not None
    assert written_introduction(draft, "sue@acme.com") is None
    reply = Draft.from_text("Thanks Joe! Sue, lovely to meet you. Coffee next week?")
    assert written_introduction(reply) is None


def test_empty_draft_has_no_findings() -> None:
    assert check_introduction(Draft.from_text("   ")) == ()
    assert check_introduction(Draft.from_recipients((SUE,))) == ()


def test_writers_own_title_is_not_seniority() -> None:
    """The writer signs as a professor: nobody introduced is senior, no consent suggestion."""
    draft = _draft(
        "Hi Sue and Dana,\n\nSue leads design at Acme. Dana runs the design team at Beta. "
        "You both care about type, so you should talk.\n\nWarmly,\nJoe Smith\n"
        "Professor of Typography, Lakeside University"
    )
    assert "no_consent" not in [f.code for f in check_introduction(draft)]


def test_handoff_gets_only_ask_and_consent_checks() -> None:
    """ "I'm copying Dana, who can answer this" answers Sue's question: no blurb balance,
    reason or subject is asked of it."""
    draft = _draft(
        "Hi Sue,\n\nI'm not the right person for this, but Dana is: I'm copying her here. "
        "She set up our benefits plan last year.\n\nJoe",
        subject="Re: benefits question",
    )
    intro = written_introduction(draft, JOE.email)
    assert intro is not None
    assert intro.kind == "handoff"
    assert check_introduction(draft, intro) == ()


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("Mag ik je voorstellen aan Dana?", False),  # the writer introduces: no ask
        ("Kun je hem voorstellen aan je investeerders?", True),  # the reader is asked to
        ("Could you introduce him to your CFO?", True),
    ],
)
def test_introducing_is_not_asking_but_asking_to_introduce_is(sentence: str, asks: bool) -> None:
    draft = _draft(f"Hoi Sue en Dana,\n\n{sentence}\n\nJoe")
    assert ("ask_on_behalf" in [f.code for f in check_introduction(draft)]) is asks
