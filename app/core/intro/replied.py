"""A reply to an introduction whose thread, as given, does not hold the introduction (pure).

Gmail hands us the thread it has; a reply sent from another client, a forwarded copy or
a trimmed quote often leaves the introduction out. The reply still says what it
answers, in general signals (`REPLY_FEATURES`): it thanks someone for the introduction
("thanks for the intro, Joe", "danke für die Vermittlung"), thanks one recipient by name
and greets another, uses the words of a first contact ("good to e-meet", "muito gosto"),
says who passed the contact on ("A Carla me passou teu contato"), moves the introducer
to Bcc, or answers a subject of the introduction's shape ("Re: Sue <> Joe", "AW:
Vorstellung"); an offer, a request, a self-introduction or a report-back speak against.
The signals' weights are fitted offline (`scripts/train_replies.py`, logistic
regression) and read from `reply_weights.json`; serving only multiplies and adds.
Phrases are per language (the lexicons' `thanks_intro` and their `reply_alone` block).

Who made the introduction: the person the thanks are addressed to (on To/Cc, or only
named when moved to Bcc), else nobody known. The others on the reply are the people
introduced; a reply to the thanked person alone (a report-back) introduces nobody. The
introduction is in no message we read: `message_index` is -1.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from app.core.intro.language import settle_language
from app.core.intro.lexicon import LANGUAGES, LEXICONS, Matcher, fold, matcher_for
from app.core.intro.people import display_name
from app.core.intro.reading import recipients
from app.core.intro.signals import Signals
from app.core.intro.weights import Weights, load_weights
from app.core.mail.names import matches
from app.core.model import Address, Email, Introduction, Person, UserRole

REPLY_FEATURES = (
    "thanks_intro",  # thanks for an introduction, pleased to meet, moved to Bcc (lexicon)
    "first_contact",  # words of a first contact: "good to e-meet", "encantado", "muito gosto"
    "passed_on",  # who passed the contact on: "gave me your details", "me passou teu contato"
    "moved_aside",  # a Bcc word: "bcc'ing you", "en cci", "in ccn"
    "thanked_recipient",  # thanks addressed by name to someone on To/Cc
    "thanked_absent",  # thanks to a named person who is not on the message
    "greets_other",  # a recipient addressed by name, other than the one thanked
    "thank_and_greet",  # both: thanks to one recipient, a greeting to another
    "re_subject",  # "Re:", "AW:", "Sv:" ...
    "intro_subject",  # a reply to a subject of an introduction's shape ("Re: Sue <> Joe")
    "several",  # two or more people on the reply besides the sender
    "not_yet",  # an offer, a request or a self-introduction
    "after_fact",  # a report-back ("as discussed", "nos conocimos en")
)
_OWN = ("first_contact", "passed_on", "moved_aside")
_NOT_YET = ("offer", "request", "self_intro")
_LINES = re.compile(r"(?<=[.!?])\s+|\n")  # sentences and lines
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_SCAN = 4_000
_AFTER = 4  # words after the thanks that may hold the name ("thanks for the intro, Joe")
_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "herr", "herrn", "frau", "sr", "sra", "senor", "senora",
     "m", "mme", "monsieur", "madame", "sig", "dott", "dhr", "mevr", "sir"}
)  # fmt: skip
_NOT_NAMES = frozenset(
    {"you", "again", "so", "much", "all", "everyone", "both", "guys", "team", "in", "advance",
     "for", "the", "a", "lot", "very", "i", "we", "and", "dear", "hi", "hello", "bcc", "cc",
     "intro", "introduction", "moving", "dropping"}
)  # fmt: skip


_LEXICON_WORDS = {code: LEXICONS[code].words for code in LANGUAGES}


REPLY_WEIGHTS = load_weights("reply_weights.json", REPLY_FEATURES)


@dataclass(frozen=True, slots=True)
class ReplyReading:
    """What a reply says about the introduction it answers: the signal values (in
    `REPLY_FEATURES` order), whom it thanks, and the words that fired."""

    values: tuple[float, ...]
    thanked: Address | None
    words: tuple[str, ...]


def read_reply(signals: Signals) -> ReplyReading:
    """The reply signals of one message (its own text, subject and recipients)."""
    reading = _read(signals, None)
    return reading if reading is not None else ReplyReading((), None, ())  # not reached


def _read(signals: Signals, weights: Weights | None) -> ReplyReading | None:
    """`read_reply`; with `weights`, None as soon as they cannot reach their threshold.

    The signals are read cheapest first; with `weights`, what is still unread counts at its
    best, and the reading stops once even that falls short (most mail says nothing of an
    introduction, and is not read line by line for thanks and greetings).
    """
    email = signals.reading.email
    others = recipients(email)
    thanks_intro = signals.value("thanks_intro") > 0
    is_reply = signals.value("is_reply") > 0
    values = {
        "thanks_intro": float(thanks_intro),
        "re_subject": float(is_reply),
        "intro_subject": float(
            is_reply and (signals.value("subject_intro") > 0 or signals.value("subject_pair") > 0)
        ),
        "several": float(len(others) >= 2),
        "not_yet": float(any(signals.value(k) > 0 for k in _NOT_YET)),
        "after_fact": float(signals.value("after_fact") > 0),
    }
    own, words = _own_words(signals.folded or fold(email.new_text[:_SCAN]), signals.language)
    values.update(own)
    if weights is not None and not _reachable(values, weights):
        return None
    thanked = _thanked(email, others, signals.language, thanks_intro, signals.folded)
    on_reply = thanked is not None and bool(thanked.email)
    values["thanked_recipient"] = float(on_reply)
    values["thanked_absent"] = float(thanked is not None and not on_reply)
    if weights is not None and not _reachable(values, weights):
        return None
    greeted = _addressed(email, others) - ({thanked.email} if on_reply and thanked else set())
    values["greets_other"] = float(bool(greeted))
    values["thank_and_greet"] = float(on_reply and bool(greeted))
    said = signals.words.get("thanks_intro", "")
    return ReplyReading(
        tuple(values[f] for f in REPLY_FEATURES), thanked, ((said,) if said else ()) + words
    )


def _reachable(values: dict[str, float], weights: Weights) -> bool:
    """Could the weights reach their threshold, each signal not yet read at its best?"""
    best = tuple(
        values[f] if f in values else float(w > 0)
        for f, w in zip(REPLY_FEATURES, weights.weights, strict=True)
    )
    return weights.confidence(best) >= 0.5


def reply_signals(signals: Signals) -> tuple[float, ...]:
    """The values of `REPLY_FEATURES` for one message (for fitting and evaluation)."""
    return read_reply(signals).values


def reply_to_introduction(
    signals: Signals, me: str | None, *, weights: Weights = REPLY_WEIGHTS
) -> Introduction | None:
    """The introduction a reply answers, when the reply says so; else None."""
    reading = _read(signals, weights)
    if reading is None:
        return None  # cannot reach the threshold, whatever the greetings
    confidence = weights.confidence(reading.values)
    if confidence < 0.5:
        return None
    email = signals.reading.email
    others = recipients(email)
    introducer = reading.thanked or Address("", "")
    shown = ", ".join(f"“{w}”" for w in dict.fromkeys(reading.words[:2]))
    evidence = (f"reply to an introduction: {shown}" if shown else "reply to an introduction",)
    sender = email.sender
    introduced = tuple(
        Person(display_name(a.name, a) or a.name, a.email)
        for a in ((sender,) if sender else ()) + others
        if not _same(a, introducer)
    )
    if len(introduced) < 2:
        return None  # thanks to the introducer alone (a report-back): nobody else to meet
    who = Person(display_name(introducer.name, introducer) or introducer.name, introducer.email)
    return Introduction(
        kind="classic",
        introducer=who,
        introduced=introduced,
        user_role=_role(me, who, introduced),
        confidence=round(confidence, 3),
        evidence=evidence,
        message_index=-1,
        subject=email.subject,
        message_id=email.message_id,
        references=email.references,
        # A two-line reply is too short for the full vote: the language it leans to, so the
        # answer is written in the reply's own language ("Grazie Paolo! ... lunedì alle 9?").
        language=settle_language(email.new_text or email.text, signals.language) or "en",
        from_reply=True,
    )


@cache
def _own_matcher(language: str) -> Matcher:
    """The `reply_alone` categories of the language and English (all seven when unknown),
    in one matcher (entries found by their first words, as the lexicons' categories are)."""
    codes = LANGUAGES if not language else (language, "en") if language != "en" else ("en",)
    entries: dict[str, list[str]] = {c: [] for c in _OWN}
    for code in codes:
        path = resources.files("app.core.intro").joinpath(f"lexicon/{code}.json")
        block = json.loads(path.read_text("utf-8")).get("reply_alone", {})
        for category in _OWN:
            entries[category] += block.get(category, [])
    return matcher_for(entries)


def _own_words(folded: str, language: str) -> tuple[dict[str, float], tuple[str, ...]]:
    """The `reply_alone` categories found in the folded own text (one sentence a line)."""
    found: dict[str, str] = {}
    for _, category, said in _own_matcher(language).scan(folded[: _SCAN * 2]):
        found.setdefault(category, said)
    values = {c: float(c in found) for c in _OWN}
    return values, tuple(found[c] for c in _OWN if c in found)


def _same(a: Address, b: Address) -> bool:
    if a.email and b.email:
        return a.email.lower() == b.email.lower()
    return bool(a.name and b.name) and a.name == b.name


@cache
def _thanks_words(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The thanks entries of the language (and English), by first word, longest first."""
    codes = LANGUAGES if not language else (language, "en") if language != "en" else ("en",)
    entries = {tuple(w.split(" ")) for code in codes for w in LEXICONS[code].thanks}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for entry in sorted(entries, key=len, reverse=True):
        by_first.setdefault(entry[0], []).append(entry)
    return {first: tuple(found) for first, found in by_first.items()}


def _thanked(
    email: Email, others: tuple[Address, ...], language: str, about_intro: bool, folded_text: str
) -> Address | None:
    """Whom the reply thanks: a recipient named next to a thanks word, else a name there
    (`about_intro`: the reply thanks someone for an introduction somewhere)."""
    thanks = _thanks_words(language)
    text = email.new_text[:4_000]
    if not any(first in folded_text for first in thanks):
        return None  # no word of thanks at all (most mail): nothing to read line by line
    named: Address | None = None
    greeted: Address | None = None  # the person a greeting line just before addresses
    for line in _LINES.split(text):
        words = _WORD.findall(line)
        if not words:
            continue
        # An ASCII line needs no accent folding to be searched for a thanks word.
        whole = line.lower().replace("’", "'") if line.isascii() else fold(line)
        if not any(first in whole for first in thanks):
            greeted = _greeting_line(line, words, others)
            continue  # no thanks on this line: only a greeting to remember
        folded = [fold(w).rstrip(".") for w in words]
        spans = _spans(folded, thanks)
        if (
            spans
            and spans[0][0] == 0
            and greeted is not None
            and (about_intro or _thanks_intro(line, language))
        ):
            after = _name_after(words, folded, spans[0][1], language)
            return _resolved(after, others) if after else greeted  # "Dear Piotr, / Thank you…"
        greeted = _greeting_line(line, words, others)
        for start, end in spans:
            near = [
                (abs(i - start) if i < start else i - end, i)
                for i in range(max(0, start - 3), min(len(words), end + _AFTER))
                if not start <= i < end
            ]
            for _, i in sorted(near):
                person = next((a for a in others if _names(words[i], a)), None)
                if person is not None:
                    return person
            if named is None:
                named = _name_after(words, folded, end, language) or _opening_name(
                    line, words, start
                )
        if named is not None:
            return named  # the first thanks with a name: "Thanks Oliver - bcc'ing you"
    return named


def _addressed(email: Email, others: tuple[Address, ...]) -> set[str]:
    """Recipients a line opens by addressing: "Alma, un placer", "Hi Alma -"."""
    found: set[str] = set()
    if not others:
        return found
    for line in _LINES.split(email.new_text[:_SCAN]):
        for word in _WORD.findall(line)[:2]:
            after = line.split(word, 1)[-1].lstrip()[:1]
            if not after or after not in ",:-–—!":
                continue  # not a word that opens by addressing: no name to match
            person = next((a for a in others if _names(word, a)), None)
            if person is not None:
                found.add(person.email)
                break
    return found


def _lexicon_words(language: str) -> frozenset[str]:
    """Every word of the language's entries ("Vorstellung" is no one's name)."""
    return _LEXICON_WORDS.get(language) or frozenset().union(*_LEXICON_WORDS.values())


def _thanks_intro(line: str, language: str) -> bool:
    """Does the line thank someone for an introduction (the lexicon's `thanks_intro`)?"""
    codes = LANGUAGES if not language else (language, "en") if language != "en" else ("en",)
    folded = fold(line)
    return any(
        category == "thanks_intro"
        for code in codes
        for _, category, _ in LEXICONS[code].matcher.scan(folded)
    )


def _resolved(named: Address, others: tuple[Address, ...]) -> Address:
    """A name written in the reply, as the recipient it names when there is one."""
    return next((a for a in others if _names(named.name, a)), named)


def _spans(
    folded: list[str], thanks: dict[str, tuple[tuple[str, ...], ...]]
) -> list[tuple[int, int]]:
    found = []
    for i, word in enumerate(folded):
        for entry in thanks.get(word, ()):
            if tuple(folded[i : i + len(entry)]) == entry:
                found.append((i, i + len(entry)))
                break
    return found


def _names(word: str, person: Address) -> bool:
    """Does a capitalised word name this person, in full or shortened: a prefix of the first
    name ("Alex": Alexandra), or a short form of four or more letters that shares its first
    three ("Gabi": Gabriela, "Pati": Patrícia)?"""
    word = word.strip(".'’")
    if len(word) < 2 or not word[0].isupper():
        return False
    if matches(word, person):
        return True
    first = fold(person.name.split(" ")[0]) if person.name else ""
    short = fold(word)
    if len(short) < 3 or len(first) <= len(short):
        return False
    return first.startswith(short) or (len(short) >= 4 and first[:3] == short[:3])


def _greeting_line(line: str, words: list[str], others: tuple[Address, ...]) -> Address | None:
    """A short line that ends with "," or ":" and names a recipient: "Dear Piotr,"."""
    if len(words) > 5 or not line.rstrip().endswith((",", ":")):
        return None
    return next((a for w in words for a in others if _names(w, a)), None)


def _name_after(
    words: list[str], folded: list[str], end: int, language: str = ""
) -> Address | None:
    """ "Thanks Dave", "thanks for the introduction Jim", "Dank an Herrn Brunner"."""
    common = _lexicon_words(language)
    for i in range(end, min(len(words), end + _AFTER)):
        word = words[i].strip(".'’")
        if folded[i] in _TITLES or folded[i] in _NOT_NAMES or not word[:1].isupper():
            continue
        if folded[i] in common:
            break  # a word of the lexicon ("Vorstellung"), not a name: none follows
        if len(word) >= 2:
            return Address(word, "")
        break
    return None


def _opening_name(line: str, words: list[str], start: int) -> Address | None:
    """ "Caroline, thanks for connecting us", "Victoria - thank you"."""
    if start == 0 or not words:
        return None
    first = words[0].strip(".'’")
    after = line.split(words[0], 1)[-1].lstrip()[:1]
    common = fold(first) in _NOT_NAMES or any(
        fold(first) in LEXICONS[code].greetings | LEXICONS[code].stopwords for code in LANGUAGES
    )
    if first[:1].isupper() and len(first) >= 2 and not common and after and after in ",-–—":
        return Address(first, "")
    return None


def _role(me: str | None, introducer: Person, introduced: tuple[Person, ...]) -> UserRole:
    if not me:
        return "unknown"
    mine = me.strip().lower()
    if introducer.email and introducer.email.lower() == mine:
        return "introducer"
    if any(p.email.lower() == mine for p in introduced):
        return "introduced"
    return "bystander"
