"""Checks on an introduction the user writes, as the introducer (pure).

The people and what was said about them come from detection (`detect_introduction`:
who is addressed, named and described); this module only judges the result:

- `one_side_missing`: someone on To/Cc is never named, someone introduced is not on
  To/Cc (or only on Bcc), only one person is named, or only one side gets a blurb;
- `no_blurb`: nobody is told who the other person is;
- `no_reason`: nothing says why these two should meet
  (those three for a classic introduction of two strangers only: a handoff or a forward
  answers a question asked elsewhere);
- `ask_on_behalf`: a sentence asks one side for something for the other (a referral, a
  job, names...): the fitted ask classifier of `asks`, meeting proposals and advice apart;
- `no_consent` (a suggestion): someone senior or busy is introduced with no sign that
  they were asked first;
- `vague_subject` (a suggestion, classic introductions): the subject does not name both.

Words for reasons, seniority, busyness and consent are per language
(`introducer_lexicon.json`, the seven languages), matched on folded text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from app.core.checks.asks import ask_kind
from app.core.checks.draft import Draft
from app.core.checks.finding import ORDER, Finding
from app.core.i18n import N_, Msg
from app.core.intro import detect_introduction, language_of
from app.core.intro.lexicon import LANGUAGES, LEXICONS, compile_entries, fold
from app.core.intro.people import Blurbs, vocatives
from app.core.mail.names import first_name, matches, name_tokens
from app.core.model import Address, Email, Introduction, Person
from app.core.text import Sentence, split_sentences

_BLURB_WORDS = 4  # words besides the person's name that a blurb needs
_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]+")
_WORD = re.compile(r"[\w'-]+")
_NOT_ON_BEHALF = frozenset({"advice"})  # "she would value your advice" is a reason to meet
# The intro-lexicon category of sentences that make the introduction ("may I introduce you
# to Dana?"). Not `handoff`: its words ("doorverwijzen", "refer") are also what a referral
# asked on someone's behalf uses.
_INTRODUCING = frozenset({"connect"})


@dataclass(frozen=True, slots=True)
class _Words:
    """One language's compiled introducer words."""

    reason: re.Pattern[str] | None
    senior: re.Pattern[str] | None
    busy: re.Pattern[str] | None
    consent: re.Pattern[str] | None
    asks_you: re.Pattern[str] | None


@cache
def _words(language: str) -> _Words:
    raw = resources.files("app.core.checks").joinpath("introducer_lexicon.json")
    data = json.loads(raw.read_text("utf-8"))[language]
    return _Words(
        *(
            compile_entries(data.get(k, []))
            for k in ("reason", "senior", "busy", "consent", "asks_you")
        )
    )


def as_email(draft: Draft) -> Email:
    """A draft as the message detection reads: own words, signature, known headers."""
    own = draft.text[: draft.body_end] if draft.text_known else ""
    return Email(
        subject=draft.subject,
        sender=draft.sender,
        to=draft.to,
        cc=draft.cc,
        bcc=draft.bcc,
        text=draft.text,
        new_text=own,
        signature=draft.text[draft.body_end :] if draft.text_known else "",
        headers_present=draft.recipients_known,
    )


def written_introduction(draft: Draft, me: str | None = None) -> Introduction | None:
    """The introduction the draft's own words make, when its writer is the introducer.

    None when the draft's own text is not an introduction (a reply that only quotes
    one is not), or when a known sender is not the user `me`.
    """
    if not draft.text_known or draft.empty:
        return None
    sender = draft.sender.email if draft.sender else ""
    if me and sender and sender != me.lower():
        return None
    intro = detect_introduction(as_email(draft), me or sender or None).introduction
    if intro is None or intro.message_index != 0:
        return None
    return intro


def check_introduction(
    draft: Draft,
    introduction: Introduction | None = None,
    *,
    me: str | None = None,
    enabled: frozenset[str] | None = None,
) -> tuple[Finding, ...]:
    """What would weaken an introduction the user is writing (or wrote).

    Args:
        draft: the introduction; only its known parts are judged (recipients and the
            subject only when `recipients_known`).
        introduction: what detection made of it (found here when None; when detection
            finds none, the people are taken from the greeting and the recipients).
        me: the user's address (defaults to the draft's sender).
        enabled: codes to report (all when None).
    """
    if not draft.text_known or draft.empty:
        return ()
    mine = (me or (draft.sender.email if draft.sender else "")).lower()
    intro = introduction or written_introduction(draft, mine or None)
    text, end = draft.text, draft.body_end
    sentences = split_sentences(text, end)
    own = text[:end]
    language = (intro.language if intro else "") or language_of(own) or "en"
    words = [_words(lang) for lang in dict.fromkeys((language, "en")) if lang in LANGUAGES]
    writer = {mine, draft.sender.email if draft.sender else ""} - {""}
    people = _people(intro, draft, sentences, writer)
    asks = _asks(sentences, words)
    found: list[Finding] = [*asks]
    found += _consent(sentences, _about_people(sentences, people), words)
    # A classic introduction makes two strangers meet: each is named, copied and described,
    # with a reason and a subject naming both. A handoff ("I'm copying Dan, who can answer
    # this"), a forward or a one-to-many note answers someone's question on a thread of
    # its own: only the ask and the consent checks apply there.
    if intro is None or intro.kind == "classic":
        found += _sides(draft, people, sentences, writer, asks)
        asked = {(f.start, f.end) for f in asks}  # an ask is not a reason to meet
        found += _reason([s for s in sentences if (s.start, s.end) not in asked], words, end)
        found += _subject(draft, people)
    wanted = [f for f in found if enabled is None or f.code in enabled]
    return tuple(sorted(wanted, key=lambda f: (ORDER.index(f.code), f.start)))


def _people(
    intro: Introduction | None, draft: Draft, sentences: Sequence[Sentence], writer: set[str]
) -> list[Person]:
    """The people introduced (not the writer), from detection or, failing it, the greeting."""
    if intro is not None:
        return [p for p in intro.introduced if not p.email or p.email not in writer]
    blurbs = Blurbs(sentences, frozenset())
    recipients = [a for a in draft.to + draft.cc if a.email not in writer]
    people: list[Person] = []
    for name in vocatives(draft.text[: draft.body_end]):
        match = next((a for a in (*recipients, *draft.bcc) if matches(name, a)), None)
        email = match.email if match else ""
        if all(p.name != name and (not email or p.email != email) for p in people):
            people.append(
                Person(match.name if match and match.name else name, email, blurbs.about(name))
            )
    for address in recipients:
        if all(p.email != address.email for p in people):
            about = blurbs.about(first_name(address.name)) if address.name else ""
            people.append(Person(address.name, address.email, about))
    return people


def _asks(sentences: Sequence[Sentence], words: list[_Words]) -> list[Finding]:
    found = []
    for sentence in sentences:
        kind = ask_kind(sentence.text)
        if kind is None or kind in _NOT_ON_BEHALF or _introduces(sentence.text, words):
            continue
        found.append(
            Finding(
                "ask_on_behalf",
                "warning",
                N_(
                    "This asks one side for something on the other's behalf; an introduction "
                    "should ask only that they talk."
                ),
                sentence.start,
                sentence.end,
                N_(
                    "Leave the ask out and say why they would enjoy talking; the person can ask "
                    "for themselves once they have met."
                ),
                sentence.text,
                kind,
            )
        )
    return found


def _introduces(sentence: str, words: list[_Words]) -> bool:
    """The sentence makes the introduction ("may I introduce you to Dana?"): not an ask,
    unless it asks the reader to introduce ("could you introduce him to your CFO?")."""
    folded = fold(sentence)
    if any(w.asks_you and w.asks_you.search(folded) for w in words):
        return False
    return any(
        category in _INTRODUCING
        for lexicon in LEXICONS.values()
        for _, category, _ in lexicon.matcher.scan(folded)
    )


def _sides(
    draft: Draft,
    people: list[Person],
    sentences: Sequence[Sentence],
    writer: set[str],
    asks: list[Finding],
) -> list[Finding]:
    """`one_side_missing` and `no_blurb`."""
    found: list[Finding] = []
    asked = {(f.start, f.end) for f in asks}
    if len(people) < 2:
        found.append(
            _missing(
                N_(
                    "Only {name} is named; an introduction names both people.",
                    name=_short(people[0]),
                )
                if people
                else N_("Nobody is named; an introduction names both people."),
                N_("Greet both by name (“Hi Sue and Dana,”) and say who each one is."),
            )
        )
    if draft.recipients_known:
        found += _recipients(draft, people, sentences, writer)
    described = [p for p in people if _describes(p, sentences, asked)]
    if people and not described:
        found.append(
            Finding(
                "no_blurb",
                "warning",
                _nobody_described([_short(p) for p in people[:3]]),
                0,
                0,
                N_(
                    "Add a sentence about each person: what they do and where, e.g. “Sue leads "
                    "product at Acme; Dana runs growth at Beta.”"
                ),
            )
        )
    elif len(people) >= 2:
        for person in people:
            if person in described:
                continue
            where = _naming(person, sentences)
            found.append(
                Finding(
                    "one_side_missing",
                    "warning",
                    N_(
                        "Only one side gets a blurb: nothing says who {name} is.",
                        name=_short(person),
                    ),
                    where.start if where else 0,
                    where.end if where else 0,
                    N_(
                        "Add a line about {name} too: what they do and why the other person "
                        "would want to talk to them.",
                        name=_short(person),
                    ),
                    where.text if where else "",
                )
            )
    return found


def _recipients(
    draft: Draft, people: list[Person], sentences: Sequence[Sentence], writer: set[str]
) -> list[Finding]:
    found = []
    named = {w for s in sentences for w in _CAPITALISED.findall(s.text)}
    for address in draft.to + draft.cc:
        if address.email in writer or any(p.email == address.email for p in people):
            continue
        if any(matches(w, address) for w in named):
            continue
        found.append(
            _missing(
                N_("{name} is on To/Cc but never named.", name=address.label()),
                N_(
                    "Say who {name} is and why they are copied, or take them off.",
                    name=address.label(),
                ),
            )
        )
    copied = {a.email for a in draft.to + draft.cc}
    for person in people:
        if person.email in copied:
            continue
        where = _naming(person, sentences)
        name = _short(person)
        found.append(
            Finding(
                "one_side_missing",
                "warning",
                N_("{name} is only on Bcc, so they cannot answer everyone.", name=name)
                if person.email
                else N_("{name} is not on To or Cc, so they cannot answer everyone.", name=name),
                where.start if where else 0,
                where.end if where else 0,
                N_("Put {name} on To or Cc, so both can reply to all.", name=name),
                where.text if where else "",
            )
        )
    return found


def _describes(person: Person, sentences: Sequence[Sentence], asked: set[tuple[int, int]]) -> bool:
    """The blurb says something about the person: a describing word and a few more words,
    asks on their behalf left out ("she is looking for a job, could you refer her?")."""
    if not person.blurb:
        return False
    ask_texts = {" ".join(s.text.split()) for s in sentences if (s.start, s.end) in asked}
    blurb = " ".join(person.blurb.split())
    for text in ask_texts:
        blurb = blurb.replace(text, " ")
    tokens = _WORD.findall(fold(blurb))
    own = {fold(t) for t in name_tokens(person.name)}
    rest = [t for t in tokens if t not in own]
    describe = {w for lex in LEXICONS.values() for w in lex.describe}
    return len(rest) >= _BLURB_WORDS and any(t in describe for t in rest)


def _reason(sentences: Sequence[Sentence], words: list[_Words], end: int) -> list[Finding]:
    if any(w.reason and w.reason.search(fold(s.text)) for s in sentences for w in words):
        return []
    return [
        Finding(
            "no_reason",
            "warning",
            N_("Nothing says why these two should meet."),
            end,
            end,
            N_(
                "Add one sentence on what they share or how they could help each other, e.g. "
                "“You are both building onboarding for small businesses, so I think you could "
                "learn a lot from each other.”"
            ),
        )
    ]


def _consent(
    sentences: Sequence[Sentence], about: Sequence[Sentence], words: list[_Words]
) -> list[Finding]:
    """A senior or busy word in a sentence `about` someone introduced, and no sign in any
    sentence that they were asked first."""
    if any(w.consent and w.consent.search(fold(s.text)) for s in sentences for w in words):
        return []
    for sentence in about:
        text = fold(sentence.text)
        for w in words:
            for pattern in (w.senior, w.busy):
                hit = pattern.search(text) if pattern else None
                if hit is None:
                    continue
                start, stop = _span(sentence, text, hit)
                return [
                    Finding(
                        "no_consent",
                        "info",
                        N_(
                            "Someone senior or busy is introduced here, and nothing says they "
                            "were asked first. A suggestion, not a rule."
                        ),
                        start,
                        stop,
                        N_(
                            "If you have not yet, ask them privately whether they are open to "
                            "it (a double opt-in), then say so: “she said she'd be happy to "
                            "talk”."
                        ),
                        sentence.text[start - sentence.start : stop - sentence.start],
                    )
                ]
    return []


def _about_people(sentences: Sequence[Sentence], people: list[Person]) -> list[Sentence]:
    """The sentences about someone introduced: naming them, or in what was said about them
    (so the writer's own title in a sign-off is not taken for theirs)."""
    if not people:
        return list(sentences)
    tokens = frozenset().union(*(name_tokens(p.name) for p in people))
    blurbs = " ".join(" ".join(p.blurb.split()) for p in people)
    return [
        s
        for s in sentences
        if tokens & name_tokens(" ".join(_CAPITALISED.findall(s.text)))
        or " ".join(s.text.split()) in blurbs
    ]


def _subject(draft: Draft, people: list[Person]) -> list[Finding]:
    if not draft.recipients_known or len(people) < 2:
        return []
    subject = set(_WORD.findall(fold(draft.subject)))
    missing = [p for p in people[:2] if not {fold(t) for t in name_tokens(p.name)} & subject]
    if not missing:
        return []
    names = " <> ".join(_short(p) for p in people[:2])
    return [
        Finding(
            "vague_subject",
            "info",
            N_(
                "The subject does not name both people, so the mail is harder to find later. "
                "A suggestion."
            ),
            0,
            0,
            N_("Try a subject like “Intro: {names}”.", names=names),
            draft.subject,
        )
    ]


def _nobody_described(names: list[str]) -> Msg:
    """Nobody is described: one sentence per count of names (at most three)."""
    if len(names) == 1:
        return N_(
            "Nothing says who {name} is; each side needs a line about the other.", name=names[0]
        )
    if len(names) == 2:
        return N_(
            "Nothing says who {first} or {second} is; each side needs a line about the other.",
            first=names[0],
            second=names[1],
        )
    return N_(
        "Nothing says who {first}, {second} or {third} is; each side needs a line about the other.",
        first=names[0],
        second=names[1],
        third=names[2],
    )


def _missing(message: str, fix: str) -> Finding:
    return Finding("one_side_missing", "warning", message, 0, 0, fix)


def _naming(person: Person, sentences: Sequence[Sentence]) -> Sentence | None:
    """The first sentence that names the person."""
    tokens = name_tokens(person.name)
    for sentence in sentences:
        if tokens & name_tokens(" ".join(_CAPITALISED.findall(sentence.text))):
            return sentence
    return None


def _span(sentence: Sentence, folded: str, hit: re.Match[str]) -> tuple[int, int]:
    """The match's offsets in the draft; the whole sentence when folding moved letters."""
    if len(folded) == len(sentence.text):
        return sentence.start + hit.start(), sentence.start + hit.end()
    return sentence.start, sentence.end


def _short(person: Person | Address) -> str:
    return first_name(person.name) if person.name else person.email or N_("them")
