"""Tests for `ask`: requests for contacts, jobs, referrals... but never a proposal to meet."""

from __future__ import annotations

import re
import string
from dataclasses import replace
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import ask_kind, check_asks, split_sentences
from app.core.checks import ask_patterns as pat
from app.core.checks import asks as asks_module
from app.core.checks.ask_model import ASK_MODEL, AskModel, Linear
from app.core.checks.asks import decide

ASKS = [
    ("Would you be able to introduce me to anyone on the Stripe payments team?", "introductions"),
    ("It would be great if you could connect me with your investors.", "introductions"),
    ("If you know anyone at Google who works on search, I'd be grateful.", "contacts"),
    ("Could you share the names of a few people I should talk to?", "contacts"),
    ("I'd really appreciate any contacts you might have in biotech.", "contacts"),
    ("Who else should I be talking to?", "contacts"),
    ("I'm hoping to tap into your network as I look for my next role.", "contacts"),
    ("Is your team hiring right now?", "job"),
    ("Do you know of any openings in product management?", "job"),
    ("I'm currently looking for a new role in fintech and would appreciate any leads.", "job"),
    ("I am interested in any open positions on your team.", "job"),
    ("Would you consider referring me for the analyst role?", "referral"),
    ("Could you put in a good word for me with the hiring manager?", "referral"),
    ("Would you mind forwarding my resume to your recruiter?", "resume"),
    ("Please pass my CV along to anyone who might be interested.", "resume"),
    ("Can I send you my resume?", "resume"),
    ("Could you take a look at my pitch deck and tell me what you think?", "review"),
    ("I'd value your feedback on my business plan.", "review"),
    ("I'd love to pick your brain about moving into venture capital.", "advice"),
    ("Any advice you could share on breaking into consulting would be appreciated.", "advice"),
    ("Here is my list of target companies; who do you know there?", "target_companies"),
    ("I was hoping you could do me a small favour.", "favour"),
    ("I would be grateful if you could help me get a meeting with your CEO.", "favour"),
    ("I would appreciate it if you could hold off on calling Tim for a few days.", "favour"),
    ("Could you send me the slides from your talk?", "favour"),
]
NOT_ASKS = [
    "Joe, thank you so much for the introduction!",
    "Sue, I'd love to hear more about what you're building at Acme.",
    "Would you be up for a coffee sometime in the next two weeks?",
    "Could we find 20 minutes for a call next week?",
    "Let me know what times work for you.",
    pytest.param(
        "Please send me a couple of times that suit you.",
        marks=pytest.mark.xfail(
            strict=True, reason="the fitted model reads 'please send me' as a favour (known)"
        ),
    ),
    "Can you give me a call on Tuesday afternoon?",
    "I'm happy to introduce you to a few designers in my network if that would help.",
    "If there's anyone I can introduce you to, just say the word.",
    "Would you like me to send over the article I mentioned?",
    "Thanks for connecting us, and for all your help over the years.",
    "I appreciate your help finding opportunities in Portland.",
    "Joe mentioned you're hiring engineers; congratulations on the growth.",
    "I'm looking forward to meeting you.",
    "I'd welcome the opportunity to meet with you.",
    "Here's my Calendly link to grab a slot.",
    "I'd love to learn how you approached your first designer hires.",
    "Let me know if you have any questions.",
    "Please feel free to call me on my mobile.",
    pytest.param(
        "Could you tell me a bit more about your role at Acme?",
        marks=pytest.mark.xfail(
            strict=True, reason="the fitted model reads an interest question as a favour (known)"
        ),
    ),
    "Let me know if there's anything I can do for you.",
    "Thnx. I am happy to do the introduction.",
    "Please let me know a convenient time and we'll get together.",
    "Can you chat Friday?",
    "If you have any questions or need further assistance, please contact me.",
]


@pytest.mark.parametrize(("sentence", "kind"), ASKS)
def test_asks_are_found_with_their_kind(sentence: str, kind: str) -> None:
    """Each request for something is an ask of the right kind."""
    assert ask_kind(sentence) == kind


SPANISH_ASKS = [
    "¿Podrías pasarle mi CV a la persona que lleva selección en tu empresa?",
    "Te agradecería mucho que me presentaras a tu socio.",
]
GERMAN_ASKS = [
    "Könnten Sie meinen Lebenslauf an Ihre Personalabteilung weiterleiten?",
    "Kannst du mich bitte deinem CTO vorstellen?",
]


@pytest.mark.parametrize("sentence", SPANISH_ASKS + GERMAN_ASKS)
def test_asks_in_other_languages(sentence: str) -> None:
    """The fitted model finds asks where the English cues cannot."""
    assert ask_kind(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "¿Te viene bien un café el jueves por la mañana?",
        "Hättest du nächste Woche Zeit für ein kurzes Telefonat?",
        "Merci Claire pour la mise en relation !",
    ],
)
def test_meetings_and_thanks_in_other_languages_are_not_asks(sentence: str) -> None:
    """A proposal to meet or a thanks, in another language, is not an ask."""
    assert ask_kind(sentence) is None


@pytest.mark.parametrize("sentence", NOT_ASKS)
def test_meetings_offers_and_thanks_are_not_asks(sentence: str) -> None:
    """Proposals to meet, offers of help, scheduling and thanks are not asks."""
    assert ask_kind(sentence) is None


def test_ask_finding_points_at_the_sentence() -> None:
    """The finding's span is exactly the asking sentence, with a rewrite suggestion."""
    text = "Hi Sue,\n\nGreat to meet you. Do you know anyone at Acme who is hiring?\n\nAnn"
    found = check_asks(split_sentences(text), "Sue")
    assert len(found) == 1
    finding = found[0]
    assert text[finding.start : finding.end] == "Do you know anyone at Acme who is hiring?"
    assert (finding.code, finding.kind, finding.label) == ("ask", "contacts", "ask:contacts")
    assert "Sue's work" in finding.fix


def test_typographic_apostrophes_are_read() -> None:
    """Curly apostrophes (as typed on phones) do not hide an ask."""
    assert ask_kind("I’d love to pick your brain about hiring.") == "advice"


def test_one_finding_per_ask_in_a_sentence_that_asks_two_things() -> None:
    """ "Refer me for the role and introduce me to your CEO" is two asks of two kinds."""
    text = (
        "Could you refer me for the open PM role at your company and introduce me "
        "to your CEO? Thanks again."
    )
    found = check_asks(split_sentences(text), "Sue")
    assert [f.kind for f in found] == ["referral", "introductions"]
    assert found[1].excerpt == "introduce me to your CEO?"
    assert all(text[f.start : f.end] == f.excerpt for f in found)


def test_a_sentence_with_one_ask_and_a_plain_clause_is_one_finding() -> None:
    """ "I loved your talk and would you refer me" is one ask, the whole sentence."""
    text = "I really enjoyed your talk last week and could you refer me to your recruiter?"
    found = check_asks(split_sentences(text), "Sue")
    assert len(found) == 1
    assert found[0].excerpt == text


# Tests for the ask check's shortcuts: they skip only patterns that cannot match.
_SOURCES = [pat.BLANK.pattern, pat.MARKER.pattern, *(p.pattern for _, p in pat.STRONG)]
_WORDS = sorted({w for s in _SOURCES for w in re.findall(r"[a-z']+", s) if len(w) > 1})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([" ", " ", " ", "\n", ".", ",", "?", "@", "x@y.z", "www.", "i", "would", "'d"]),
    st.text(string.printable, max_size=2),
)
_TEXTS = st.lists(_PIECES, max_size=40).map(" ".join)
_ASCII = st.characters(min_codepoint=32, max_codepoint=126)
_MATCHING = st.one_of(
    *(
        st.from_regex(p.compiled(), alphabet=_ASCII)
        for p in (pat.MARKER, *(p for _, p in pat.STRONG))
    )
)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _may_ask(text: str) -> bool:
    """What the gate stands for: a strong ask, or a request form after leading space."""
    strong = any(p.search(text) for _, p in pat.STRONG)
    return strong or pat.MARKER.search(text.lstrip()) is not None


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_blank_words_blank_text_without_an_at_sign_like_blank(text: str) -> None:
    """Without "@", the word-start parts alone blank the same spans as all of BLANK."""
    if "@" in text:
        text = text.replace("@", " ")
    assert pat.BLANK_WORDS.blank(text) == _blank(pat.BLANK, text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", " ", "\n  ", "\t"]), st.one_of(_TEXTS, _MATCHING))
def test_ask_gate_matches_exactly_when_an_ask_may_follow(lead: str, text: str) -> None:
    """The gate matches when a strong ask or (left-stripped) request form does, and only then."""
    text = lead + text
    assert pat.ASK_GATE.search(text) is _may_ask(text)


def test_ask_gate_passes_request_forms_after_white_space() -> None:
    """A sentence-initial imperative counts even after leading blanks."""
    for text in ("   forward my note", "could i pick your brain", "are you hiring", "please"):
        assert pat.ASK_GATE.search(text)
    assert not pat.ASK_GATE.search("we met at the conference last year.")


def _first_form(part: str) -> str:
    """A BLANK part as first written, look-behinds before the \\b."""
    return part.replace(r"\b(?<!would )(?<!'d )", r"(?<!would )(?<!'d )\b")


_BLANK_AS_WRITTEN = re.compile(
    "|".join(
        f"(?:{pat._LITERAL_CAPITAL.sub(pat._lower_literal, _first_form(p))})"
        for p in (pat._EMAIL, *pat._BLANK_REST)
    )
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_blank_shares_one_boundary_without_changing_matches(text: str) -> None:
    """With every part behind one \\b, BLANK blanks what the parts as written do."""
    assert _blank(pat.BLANK, text) == _blank(_BLANK_AS_WRITTEN, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Merci de proposer un café mardi matin : cela me convient très bien. Que préférez-vous ?",
        "El jueves me va bien para el café, ¿a qué hora te viene mejor?",
        "Dienstag passt mir gut für einen Kaffee, wann hast du Zeit?",
    ],
)
def test_taking_up_a_proposed_meeting_is_not_an_ask(sentence: str) -> None:
    """Accepting a proposed coffee or time (the reply lexicons' accept words) is a next step."""
    assert ask_kind(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Si jamais vous avez besoin de quoi que ce soit de ma part, faites-moi signe.",
        "Si alguna vez necesitas algo de mi parte, aquí me tienes.",
        "Se mai le servisse qualcosa da parte mia, me lo dica.",
    ],
)
def test_a_generic_offer_of_help_is_no_ask(sentence: str) -> None:
    """The reply lexicons' offers of help give; a favour's words in them ("de ma part")
    do not make them asks."""
    assert ask_kind(sentence) is None


def test_an_offer_that_also_asks_is_still_an_ask() -> None:
    text = "Si necesitas algo, dímelo; ¿me podrías pasar algún contacto de inversores?"
    assert ask_kind(text) is not None


def _flat(meeting_bias: float) -> AskModel:
    """A model that reads every sentence alike: P(meeting) from its bias alone."""
    intent = Linear(("ask", "meeting", "none"), (0.0, meeting_bias, 0.0), {})
    return AskModel(intent, Linear(("favour", "review"), (0.0, 0.0), {}), 0.6)


def test_a_form_cue_does_not_decide_a_sentence_read_as_a_meeting() -> None:
    """A request-form cue ("counsel" is an advice word) decides alone unless the model
    reads the sentence mostly as a meeting proposal; a strong cue always decides."""
    proposal = "Would you like to schedule a time to discuss this with me and outside counsel?"
    assert decide(proposal, _flat(0.0)) == "advice"  # P(meeting) 1/3
    assert decide(proposal, _flat(3.0)) is None  # P(meeting) ~0.9
    assert decide("Could you refer me for the analyst role?", _flat(3.0)) == "referral"


class _Counted(Linear):
    """The intent model, counting how often it is asked."""

    asked: ClassVar[list[str]] = []

    def probabilities(self, names: list[str]) -> dict[str, float]:
        type(self).asked.append(" ".join(names[:3]))
        return super().probabilities(names)


@pytest.mark.parametrize(
    "sentence",
    [
        # A request-form cue that would decide, overruled by a meeting reading.
        "Would you like to schedule a time to discuss this with me and outside counsel?",
        "Could you share a few names of people I should talk to?",
        "Could you look over my deck for me?",
        "Thanks so much for the introduction, Joe!",
    ],
)
def test_decide_reads_the_intent_model_once_per_sentence(sentence: str) -> None:
    """P(ask) and P(meeting) come from one reading of the sentence, whatever path decides."""
    real = ASK_MODEL.intent
    model = AskModel(_Counted(real.classes, real.bias, real.weights), ASK_MODEL.kind, 0.5)
    _Counted.asked.clear()
    assert decide(sentence, model) == decide(sentence, replace(ASK_MODEL, threshold=0.5))
    assert len(_Counted.asked) <= 1


# The clause joiner and the e-mail blank start only where a run starts (linear on long
# runs of spaces or letters); their matches are those of the plain patterns.
_PLAIN_AND = re.compile(
    r",?\s+(?:and(?: also)?|as well as|plus|y|e|und|sowie|et|ainsi que|en|ook)\s+(?=\w)",
    re.IGNORECASE,
)
_SOUP = st.lists(
    st.sampled_from(["and", "And", "also", "y", "e", "en", "plus", ",", " ", "  ", "\t", "\n"])
    | st.sampled_from(["a", "refer me", "x@y.example", "@", "sue@", "a.b", "www.x", "!", "é"]),
    max_size=16,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SOUP)
def test_the_clause_joiner_matches_as_the_plain_pattern(text: str) -> None:
    ours = [m.span() for m in asks_module._AND.finditer(text)]
    assert ours == [m.span() for m in _PLAIN_AND.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_SOUP)
def test_the_email_blank_matches_as_the_plain_pattern(text: str) -> None:
    plain = re.compile(r"[^\s@]+@\S+")
    ours = re.compile(pat._EMAIL)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_long_runs_keep_their_clauses_and_asks() -> None:
    """A sentence with a long run of spaces, and one with a long word before an address."""
    spaced = "Could you refer me for the PM role" + " " * 20_000 + "and introduce me to your CEO?"
    assert asks_module._clauses(spaced) == [(0, 34), (20_038, len(spaced))]
    glued = "Could you refer me for the role? " + "x" * 20_000 + " sue@x.example"
    assert ask_kind(glued) == ask_kind("Could you refer me for the role? x sue@x.example")
