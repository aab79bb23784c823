"""Text and header values in any script through the core entry points (issue 10 and 13).

Mail in languages we do not read (Swedish, Polish, Japanese, Chinese, Korean, Arabic,
Russian, Hebrew), names written family name first, mixed scripts, right-to-left marks,
combining and zero-width characters, no spaces between words: detection, the reply
checks, the suggested reply, the follow-up, the sentence splitter and the name helpers
must give an answer, never raise, and keep their own invariants.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.checks import Draft, check_email, check_reply
from app.core.followup import follow_up
from app.core.intro import detect_introduction, detect_request, signals_of
from app.core.mail import first_name, greeting_name, matches, surnames
from app.core.model import Address, Email, Thread
from app.core.reply import suggest_reply
from app.core.text import count_words, normalize, split_sentences

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Letters of the scripts the brief names, and the characters that trip text code.
_SCRIPTS = (
    "åäöÅÄÖ",  # Swedish
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",  # Polish
    "山田太郎花子鈴木一郎田中様さんはをご紹介いたします。、",  # Japanese (kanji, kana)
    "王伟李娜张先生女士我想介绍你们认识负责团队：，。",  # Chinese
    "김민수이지은박서준님소개해드리고싶습니다",  # Korean
    "سارةأحمدمحمدعليليلىحسنأودأنأعرفكما،",  # Arabic (right to left)
    "ИванПетровМарияСмирноваХочуваспознакомить",  # Russian
    "דנהכהןיוסילוימיכלברקשלוםאנירוצהלהכיר",  # Hebrew (right to left)
)
# Zero-width and direction marks, combining accents, odd spaces, ligatures, dotted and
# dotless i, long s, sharp s, a mathematical letter and an emoji.
_ODD = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202e\u2066\u2069\ufeff"
    "\u0301\u0308\u3000\u00a0\u2028\u2029ﬁ𝐀🙂İıſß"
)
_PUNCT = " .,;:!?¡¿\n\n\t-—()[]<>\"'«»「」『』@"
_ALPHABET = "".join(_SCRIPTS) + _ODD + _PUNCT + "abcdeHiJoeSue"

script_text = st.text(alphabet=_ALPHABET, max_size=400) | st.text(max_size=200)
name_text = st.text(alphabet="".join(_SCRIPTS) + _ODD + " ,.()'-", max_size=24) | st.text(
    max_size=16
)
local_part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-+", min_size=1, max_size=10)
address = st.builds(
    lambda name, local, i: Address(name, f"{local}.{i}@x{i}.example"),
    name_text,
    local_part,
    st.integers(0, 9),
)
_INTRO_WORDS = st.sampled_from(
    [
        "I'd like to introduce you to",
        "meet",
        "you two should meet",
        "te presento a",
        "ich möchte euch vorstellen",
        "je vous présente",
        "Jag vill gärna presentera er för varandra.",
        "Chciałabym was sobie przedstawić.",
        "お二人をご紹介いたします。",
        "我想介绍你们认识。",
        "두 분을 소개해 드리고 싶습니다.",
        "أود أن أعرفكما على بعضكما.",
        "Хочу вас познакомить.",
        "אני רוצה להכיר ביניכם.",
        "Thanks for the intro!",
        "Could we grab a coffee next week?",
    ]
)
body = st.lists(script_text | _INTRO_WORDS, max_size=8).map("\n\n".join)


@st.composite
def emails(draw: st.DrawFn) -> Email:
    """A message whose text, subject and people's names are in any script."""
    people = draw(st.lists(address, min_size=0, max_size=5, unique_by=lambda a: a.email))
    split = draw(st.integers(0, len(people)))
    return Email(
        subject=draw(name_text | _INTRO_WORDS),
        sender=draw(address | st.none()),
        to=tuple(people[:split]),
        cc=tuple(people[split:]),
        new_text=draw(body),
        quoted_text=draw(st.just("") | body),
        signature=draw(st.just("") | name_text),
    )


@FUZZ
@given(emails(), st.booleans())
def test_detection_answers_any_script(email: Email, as_thread: bool) -> None:
    """A verdict, an introduction exactly when its confidence reaches the line."""
    me = email.to[0].email if email.to else None
    verdict = detect_introduction(Thread((email, email)) if as_thread else email, me)
    assert 0.0 <= verdict.confidence <= 1.0
    assert verdict.is_introduction == (verdict.confidence >= 0.5)
    assert verdict.is_introduction or verdict.reason
    detect_request(email, me)
    signals_of(email)


@FUZZ
@given(emails())
def test_the_reply_checks_answer_any_script(email: Email) -> None:
    """check_email and check_reply give findings inside the draft, never an error."""
    for found in (check_email(email), check_reply(Draft.from_email(email))):
        for finding in found:
            assert 0 <= finding.start <= finding.end


@FUZZ
@given(emails(), emails())
def test_the_suggested_reply_and_follow_up_answer_any_script(intro: Email, reply: Email) -> None:
    """Whatever detection finds in any script, the suggestion and the follow-up work."""
    found = detect_introduction(intro).introduction
    if found is None:
        return
    me = found.introduced[0].email if found.introduced else ""
    for thread in (Thread((intro,)), Thread((intro, reply))):
        advice = suggest_reply(found, thread, me or None)
        if advice.suggestion is not None:
            assert advice.suggestion.body_text.strip()
        if me:
            follow_up(found, thread, me)


@FUZZ
@given(script_text, st.integers(-5, 500))
def test_sentences_cover_their_text_in_any_script(text: str, end: int) -> None:
    """Every sentence is a span of the text, in order, holding what it says it holds."""
    previous = 0
    for sentence in split_sentences(text, end if end >= 0 else None):
        assert previous <= sentence.start <= sentence.end <= len(text)
        assert text[sentence.start : sentence.end].strip() == sentence.text.strip()
        previous = sentence.start
    count_words(text)
    normalize(text)


@FUZZ
@given(name_text, address)
def test_names_in_any_script(name: str, person: Address) -> None:
    """A greeting name is part of the name written (or empty), never a crash."""
    first = first_name(name)
    assert not first or first.strip()
    greeting_name(person)
    surnames(name)
    matches(name, person)
