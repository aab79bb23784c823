"""Recognise a request for an introduction: "could you introduce me to Sue?" (pure).

The other side of an introduction: the sender asks the recipient to introduce or
connect them to someone. Signals, all general and read from the lexicons
(`lexicon/<lang>.json`: the "request" category, the one owner of request phrases, and
the `request_cues` block: the words around a request, verbs, addressee, links):

- a request phrase in the sender's own words (`new_text`, never the quoted history);
- phrased to the recipient: the sentence asks (a question mark) or addresses them
  (second person, "please"); a phrase with no verb of introducing ("do you know
  anyone at Acme?") counts only beside one that has it ("... could you introduce me?");
- not an offer, a thanks or a self-introduction in the same sentence;
- the message is not itself an introduction (`detect_introduction`), and not a
  consent request from an introducer (more offering sentences than asking ones).

The signals (`REQUEST_FEATURES`) are weighed by a logistic model fitted offline
(`scripts/train_requests.py`, the same deterministic approach as the introduction
model) and read from `request_weights.json`; serving only multiplies and adds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from app.core.intro.detect import detect_introduction
from app.core.intro.language import language_of
from app.core.intro.lexicon import LANGUAGES, LEXICONS, Lexicon, fold
from app.core.intro.people import display_name, sign_off_name
from app.core.intro.weights import load_weights
from app.core.model import Email, IntroRequest, Person, Thread
from app.core.text import split_sentences

# Few signals for few examples (16 requests): with more, leave-one-source-out fell apart
# (2026-12: the State Dept requests 0/3 when held out with 13 signals). Three readings are
# not weighed but ruled out, by the definition of a request: no sentence asks to be
# introduced or connected (a bare pointer, "who should I talk to at Acme?", is not a
# request; grouped CV read those as requests whenever a fold had none to learn from), the
# message is itself an introduction, or an introducer asks for consent (offering at least
# as often as asking).
# Past those rules no labelled message is a negative (2026-12), so signals that only
# describe a request (a named target, a question mark) carry no evidence: weighed, they
# only moved the fitted threshold above requests that name nobody ("is there anyone you
# could introduce him to?"). What stays can still weigh against one.
REQUEST_FEATURES = (
    "strong",  # an asking sentence with a verb of introducing, addressed to the reader
    "offering",  # the sender also offers to introduce
    "against",  # a request phrase beside an offer, a thanks or a self-introduction
)
_MAX_SCAN = 8_000
_MAX_SENTENCES = 120
_TARGET_WORDS = 8
_AGAINST = frozenset({"offer", "thanks_intro", "after_fact", "self_intro", "product"})
_TOKEN = re.compile(r"\S+")
_EDGE = ".,;:!?¿¡()[]\"'«»“”„"


@dataclass(frozen=True, slots=True)
class _Cues:
    """One language's words around a request (the lexicon's `request_cues`)."""

    verbs: tuple[str, ...]
    addressee: frozenset[str]
    know: frozenset[str]
    links: frozenset[str]
    pronouns: frozenset[str]
    stops: frozenset[str]

    def has_verb(self, words: list[str]) -> bool:
        return any(_word_in(w, self.verbs) for w in words)


def _word_in(word: str, entries: tuple[str, ...]) -> bool:
    return any(word.startswith(e[:-1]) if e.endswith("*") else word == e for e in entries)


def _load_cues(language: str) -> _Cues:
    path = resources.files("app.core.intro").joinpath(f"lexicon/{language}.json")
    data = json.loads(path.read_text("utf-8")).get("request_cues", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data.get(key, []))

    return _Cues(
        tuple(fold(w) for w in data.get("verbs", [])),
        words("addressee"),
        words("know"),
        words("links"),
        words("pronouns"),
        words("stops"),
    )


CUES: dict[str, _Cues] = {language: _load_cues(language) for language in LANGUAGES}


def _verb_gate() -> re.Pattern[str]:
    """Any verb of introducing of any language, as a word: without one, no request (the
    rules ask for an asking sentence with such a verb), and the message is not read."""
    verbs = sorted({v for cues in CUES.values() for v in cues.verbs}, key=len, reverse=True)
    parts = [re.escape(v[:-1]) + r"\w*" if v.endswith("*") else re.escape(v) for v in verbs]
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w'])")


_VERBS = _verb_gate()


@dataclass(slots=True)
class _Sentence:
    text: str  # as written
    tokens: list[tuple[int, str]]  # (offset in the folded sentence, folded word)
    folded: str
    hits: dict[str, list[tuple[int, str]]]  # category -> (offset, words)


def detect_request(thread_or_email: Thread | Email, me: str | None = None) -> IntroRequest | None:
    """Does a message of this thread ask its recipient for an introduction?

    Args:
        thread_or_email: a thread (oldest first) or one message.
        me: the user's address (passed to introduction detection).

    Returns:
        The request (requester = the sender), or None. The newest asking message wins.
    """
    messages = (
        thread_or_email.messages if isinstance(thread_or_email, Thread) else (thread_or_email,)
    )
    for email in reversed(messages):
        found = _request_in(email, me)
        if found is not None:
            return found
    return None


REQUEST_WEIGHTS = load_weights("request_weights.json", REQUEST_FEATURES)


@dataclass(frozen=True, slots=True)
class _Reading:
    """One message read for a request: the signals and what a verdict needs."""

    values: tuple[float, ...]
    language: str
    evidence: tuple[str, ...]
    target: str


def request_signals(email: Email, me: str | None = None) -> tuple[float, ...]:
    """The named signals (`REQUEST_FEATURES`) of one message, for fitting and evaluation."""
    reading = _read(email, me)
    return reading.values if reading is not None else (0.0,) * len(REQUEST_FEATURES)


def _request_in(email: Email, me: str | None) -> IntroRequest | None:
    reading = _read(email, me)
    if reading is None:
        return None
    confidence = REQUEST_WEIGHTS.confidence(reading.values)
    if confidence < 0.5:
        return None
    return IntroRequest(
        _requester(email), reading.target, reading.language, round(confidence, 3), reading.evidence
    )


def _read(email: Email, me: str | None) -> _Reading | None:
    """None when no sentence of the sender's own words holds a request phrase."""
    own = email.new_text[:_MAX_SCAN]
    if not _VERBS.search(fold(own)):
        return None
    language = language_of(own)
    lexicons = _lexicons(language)
    sentences = _sentences(own, lexicons)
    if not any(s.hits.get("request") for s in sentences):
        return None
    if not language:
        language = max(
            LANGUAGES, key=lambda c: sum(bool(s.hits.get(c + ":request")) for s in sentences)
        )
    cues = [CUES[lex.language] for lex in lexicons]
    strong, weak, flags = _asking(sentences, cues)
    asking = strong + weak
    offering = sum(1 for s in sentences if s.hits.get("offer") and not s.hits.get("request"))
    best = asking[0][0] if asking else -1
    target = _target(sentences, best, cues) if asking else ""
    if not strong:
        return None  # a pointer at most ("do you know anyone at Acme?")
    if offering and offering >= len(asking):
        return None  # an introducer asking for consent, not a request
    if detect_introduction(email, me).is_introduction:
        return None
    by_name = {
        "strong": bool(strong),
        "offering": offering > 0,
        "against": flags["against"],
    }
    values = tuple(float(by_name[name]) for name in REQUEST_FEATURES)
    if asking:
        evidence = tuple(f"for request: “{w}”" for _, w in asking[:3])
    else:
        said = [w for s in sentences for _, w in s.hits.get("request", [])]
        evidence = tuple(f"request phrase: “{w}”" for w in said[:3])
    if offering:
        evidence += ("against: an offer to introduce",)
    return _Reading(values, language or "en", evidence, target)


def _lexicons(language: str) -> tuple[Lexicon, ...]:
    if not language:
        return tuple(LEXICONS[code] for code in LANGUAGES)
    return (LEXICONS[language],) if language == "en" else (LEXICONS[language], LEXICONS["en"])


def _sentences(own: str, lexicons: tuple[Lexicon, ...]) -> list[_Sentence]:
    found = []
    for span in split_sentences(own)[:_MAX_SENTENCES]:
        tokens, at = [], 0
        for raw in _TOKEN.findall(span.text):
            word = fold(raw)
            tokens.append((at, word))
            at += len(word) + 1
        folded = " ".join(w for _, w in tokens)
        hits: dict[str, list[tuple[int, str]]] = {}
        for lexicon in lexicons:
            for offset, category, words in lexicon.matcher.scan(folded):
                hits.setdefault(category, []).append((offset, words))
                if category == "request":
                    hits.setdefault(f"{lexicon.language}:request", []).append((offset, words))
        found.append(_Sentence(span.text, tokens, folded, hits))
    return found


def _asking(
    sentences: list[_Sentence], cues: list[_Cues]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]], dict[str, bool]]:
    """(sentence index, words) of the sentences that ask for an introduction: those with a
    verb of introducing, then the others (beside one that has it, when there is one);
    and which look-alike shapes were seen."""
    strong: list[tuple[int, str]] = []
    weak: list[tuple[int, str]] = []
    flags = {"unaddressed": False, "against": False, "meets_recipient": False}
    for i, sentence in enumerate(sentences):
        if not sentence.hits.get("request"):
            continue
        if any(sentence.hits.get(c) for c in _AGAINST):
            flags["against"] = True
            continue
        words = [w for _, w in sentence.tokens]
        addressed = "?" in sentence.text or any(
            w.strip(_EDGE) in c.addressee for w in words for c in cues
        )
        if not addressed:
            flags["unaddressed"] = True
            continue
        said = max((w for _, w in sentence.hits["request"]), key=len)
        if _meets_recipient(sentence, cues):
            flags["meets_recipient"] = True
            continue
        if any(c.has_verb(said.split(" ")) for c in cues):
            strong.append((i, said))
        else:
            weak.append((i, said))
    if strong:
        near = {j for i, _ in strong for j in (i - 1, i, i + 1)}
        weak = [(i, w) for i, w in weak if i in near]
    return strong, weak, flags


def _meets_recipient(sentence: _Sentence, cues: list[_Cues]) -> bool:
    """ "She offered to introduce me to you": the recipient is the one to be met."""
    end = max(o + len(w) for o, w in sentence.hits["request"])
    for offset, word in sentence.tokens:
        if offset < end:
            continue
        bare = word.strip(_EDGE)
        if any(bare in c.links for c in cues):
            continue
        return any(bare in c.addressee and bare not in c.pronouns for c in cues)
    return False


def _target(sentences: list[_Sentence], best: int, cues: list[_Cues]) -> str:
    """Whom they want to meet, as written: after the request phrase, else its antecedent."""
    sentence = sentences[best]
    end = max(o + len(w) for o, w in sentence.hits["request"])
    written = _after(sentence, end, cues)
    if written:
        return written
    for i in range(best, max(best - 3, -1), -1):  # "you know Sue? Could you introduce me to her?"
        known = _known(sentences[i], cues)
        if known:
            return known
    for i in range(best - 1, max(best - 3, -1), -1):
        named = _capitalised(sentences[i])
        if named:
            return named
    return ""


def _after(sentence: _Sentence, end: int, cues: list[_Cues], keep_first: bool = False) -> str:
    """The words after a folded offset, as written: links skipped, up to a clause's end."""
    raw = _TOKEN.findall(sentence.text)
    picked: list[str] = []
    for index, (offset, word) in enumerate(sentence.tokens):
        if offset < end and not (keep_first and offset + len(word) == end):
            if offset + len(word) >= end and word.rstrip(_EDGE) != word:
                return ""  # the phrase ends its clause: "... making an intro, I'd ..."
            continue
        bare = word.strip(_EDGE)
        if not picked:
            if any(bare in c.pronouns for c in cues):
                return ""
            skip = any(bare in c.links or bare in c.stops for c in cues)
            if not bare or (skip and not keep_first):
                if word.rstrip(_EDGE) != word:
                    return ""
                continue
        elif any(bare in c.stops for c in cues):
            break
        keep_first = False
        picked.append(raw[index] if index < len(raw) else word)
        if word != word.rstrip(_EDGE) or len(picked) >= _TARGET_WORDS:
            break
    text = " ".join(picked).strip(_EDGE + " ")
    return "" if text.lower() in {"", "me", "us"} else text


def _known(sentence: _Sentence, cues: list[_Cues]) -> str:
    """What follows a verb of knowing ("you know Luis Ferreira at Ferreira Labs?")."""
    for _offset, words in sentence.hits.get("request", []):
        last = words.split(" ")[-1]
        if any(c.has_verb(words.split(" ")) for c in cues):
            continue  # "could you introduce me": names nobody
        if not any(last in c.know or last in c.links for c in cues):
            start = sentence.folded.find(words) + len(words) - len(last)
            return _after(sentence, start, cues, keep_first=True)
    for offset, word in sentence.tokens:
        if any(word.strip(_EDGE) in c.know for c in cues):
            found = _after(sentence, offset + len(word), cues)
            if found:
                return found
    return ""


def _capitalised(sentence: _Sentence) -> str:
    """The last run of capitalised words past the sentence's first word ("Secretary Sebelius")."""
    raw = _TOKEN.findall(sentence.text)
    runs: list[list[str]] = [[]]
    for word in raw[1:]:
        bare = word.strip(_EDGE)
        if bare[:1].isupper() and bare not in {"I", "I'm", "I'd", "I've", "I'll"}:
            runs[-1].append(bare)
            if bare != word.rstrip(_EDGE).lstrip(_EDGE):
                runs.append([])
        elif runs[-1]:
            runs.append([])
    named = [run for run in runs if run]
    return " ".join(named[-1]) if named else ""


def _requester(email: Email) -> Person:
    sender = email.sender
    if sender and (sender.name or sender.email):
        name = display_name(sender.name, sender) or sign_off_name(email.new_text, email.signature)
        return Person(name, sender.email)
    return Person(sign_off_name(email.new_text, email.signature), "")
