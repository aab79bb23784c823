"""The named, general signals of one message that the fitted model weighs (pure).

Three families, none naming a person, a company or a sentence of the corpus:
- lexical: how many sentences hold each category of the language's lexicon
  (connecting words, hand-offs, requests, offers, scheduling, announcements...),
  read in the message's language and in English;
- people: recipients named, addressed or described in the text, and the same
  lexical categories in a sentence that names someone on To/Cc;
- headers and shape: how many people are on the message, who is copied, the
  subject, reply/forward, length; plus the phrase cues of `reading`.
Every value is in [0, 1] (counts are capped), so weights compare across signals.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from app.core.intro.cues import subject_hints
from app.core.intro.language import language_of
from app.core.intro.lexicon import LANGUAGES, LEXICONS, Lexicon, fold
from app.core.intro.reading import Reading, read, recipients
from app.core.intro.vetoes import NEGATIVE
from app.core.mail.addresses import name_from_email
from app.core.mail.names import name_tokens
from app.core.model import Address, Email
from app.core.text import Sentence, is_abbreviation, split_sentences

LEXICAL = (
    "connect", "mutual", "handoff", "capable", "take_it", "reach_out",
    "self_intro", "request", "offer", "scheduling", "meet_writer", "announcement", "product",
    "after_fact", "thanks_intro",
)  # fmt: skip
FEATURES: tuple[str, ...] = (
    *LEXICAL,
    "connect_named", "handoff_named", "capable_named", "handoff_capable", "handoff_mutual",
    "scheduling_handoff", "mutual_meet", "handoff_cc",
    "described", "named", "addressed",
    "recipients", "has_cc", "many_recipients", "cc_sender_org", "cc_recipient_org", "cc_new",
    "subject_intro", "subject_pair", "subject_inherited", "is_reply", "is_forward", "length",
    "cue_classic", "cue_handoff", "cue_one_sided", "cue_copied", "bulk",
)  # fmt: skip
# Evidence that someone is being introduced: connecting or hand-off language, a phrase
# cue, an introduction's subject, a recipient described. A message with none of it is
# no introduction, however many people it is sent to (the gate of `detect`).
EVIDENCE = (
    "connect", "mutual", "handoff", "capable", "take_it", "reach_out", "described",
    "subject_intro", "subject_pair", "cue_classic", "cue_handoff", "cue_one_sided",
)  # fmt: skip
_MAX_SCAN = 8_000
_EVIDENCE_AT = tuple(FEATURES.index(name) for name in EVIDENCE)
_MAX_SENTENCES = 120
_WORDS = re.compile(r"\w+")
_REPLY = re.compile(r"^\s*(?:re|aw|sv|r|rif|antw|ant|res|odp)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
_FORWARD = re.compile(r"^\s*(?:re\s*:\s*)*(?:fwd?|wg|tr|rv|enc|i|doorst|fw)\s*:", re.IGNORECASE)
_PAIR = re.compile(r"<>|<->|<=>|↔|⟷|\s/\s|\s\+\s|\s&\s|\s(?:x|and|y|und|et|e|en)\s")
# Arrows join two people and nothing else; "/", "&", "and" join anything ("T&D Model",
# "Analyst/Associate Meeting"), so they count when each side names someone on the message.
_ARROW = re.compile(r"<>|<->|<=>|↔|⟷")
_JOIN = re.compile(r"/|\+|&|\s(?:x|and|y|und|et|e|en)\s")
# A veto of the phrase reader counts as a sentence of the matching category.
_VETO_CATEGORY = {
    "self-introduction": "self_intro",
    "product": "product",
    "request": "request",
    "offer": "offer",
    "referral": "self_intro",
    "scheduling": "scheduling",
    "after-the-fact": "after_fact",
    "speaker": "announcement",
}
_WEBMAIL = frozenset(
    {"gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com",
     "icloud.com", "me.com", "live.com", "msn.com", "gmx.de", "gmx.net", "web.de",
     "example.com", "protonmail.com", "mail.com"}
)  # fmt: skip
_AGAINST = frozenset(
    {"self_intro", "request", "offer", "scheduling", "meet_writer", "announcement", "product",
     "after_fact", "thanks_intro"}
)  # fmt: skip
# A number of three digits, digits joined by a dash, an address or a link.
_DETAILS = re.compile(r"\d{3}|\d-\d|@|www\.|https?:")
# A release stamp printed on every page of a records release ("UNCLASSIFIED U.S. Department
# of State Case No. F-2014-20439 Doc No. C05761587 Date: 06/30/2015"): not the writer's words.
_RELEASE_STAMP = re.compile(r"^[^\S\n]*\S[^\n]{0,80}\bCase No\.[^\n]{0,60}\bDoc No\.[^\n]*$", re.M)
_SELF_INTRODUCTION = next(veto for veto in NEGATIVE if veto.name == "self-introduction")
# A rank written as one (a capital) asking the writer to do something.
_RANKS = frozenset({"secretary", "assistant", "chief of staff"})
_PRINCIPAL = re.compile(
    r"\b(?:Assistant |Deputy |Under )?(?:Secretary|Chief of Staff)\b(?: \w+)?"
    r"\s+(?:has |had )?(?:asked|wanted|wants|would like|requested)\s+(?:me|us|that I)\b"
)
_CUE_KINDS = {"classic": "cue_classic", "handoff": "cue_handoff", "one_sided": "cue_one_sided"}


@dataclass(frozen=True, slots=True)
class Signals:
    """One message's signal values (in `FEATURES` order) and what fired them."""

    language: str
    values: tuple[float, ...]
    words: dict[str, str]
    reading: Reading
    folded: str = ""  # the own text's sentences, folded, one a line (what the lexicons read)
    connecting: tuple[int, ...] = ()  # sentences (indices of `folded`) that connect or hand off

    def named_in_connecting(self, people: tuple[Address, ...]) -> tuple[Address, ...]:
        """The people a connecting or hand-off sentence, or the one after it, names
        ("I'm copying our chief science officer, Kelly Gebo.")."""
        lines = self.folded.split("\n")
        near = {j for i in self.connecting for j in (i, i + 1) if 0 <= j < len(lines)}
        words = frozenset(w for j in near for w in _WORDS.findall(lines[j]))
        return tuple(p for p in people if not _person_tokens(p).isdisjoint(words))

    def value(self, name: str) -> float:
        """The value of one named signal."""
        return self.values[FEATURES.index(name)]

    def has_evidence(self) -> bool:
        """Does any signal of `EVIDENCE` fire (someone could be introduced at all)?"""
        return any(self.values[i] > 0 for i in _EVIDENCE_AT)


def _person_tokens(person: Address) -> frozenset[str]:
    raw = name_tokens(person.name) | name_tokens(name_from_email(person.email))
    return frozenset(t for t in (fold(w) for w in raw) if len(t) >= 3)


def _languages(language: str) -> tuple[Lexicon, ...]:
    if not language:
        return tuple(LEXICONS[code] for code in LANGUAGES)
    return (LEXICONS[language],) if language == "en" else (LEXICONS[language], LEXICONS["en"])


@dataclass(slots=True)
class _Text:
    folded: list[str]
    words: list[list[str]]
    joined: str
    starts: list[int]

    @classmethod
    def of(cls, spans: tuple[Sentence, ...]) -> _Text:
        folded = [fold(span.text) for span in spans]
        starts, at = [], 0
        for sentence in folded:
            starts.append(at)
            at += len(sentence) + 1
        return cls(folded, [_WORDS.findall(s) for s in folded], "\n".join(folded), starts)

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding an offset of `joined`."""
        return bisect_right(self.starts, offset) - 1


def signals_of(email: Email) -> Signals:
    """The signal values of one message (its own text and headers)."""
    own = email.new_text[:_MAX_SCAN]
    language = language_of(own)
    lexicons = _languages(language)
    spans = split_sentences(own)[:_MAX_SENTENCES]
    text = _Text.of(spans)
    words: dict[str, str] = {}
    found: dict[str, set[int]] = {c: set() for c in (*LEXICAL, "meet_verbs", "self_contact", "fyi")}
    fired: dict[str, int] = {}
    scheduling: dict[int, set[str]] = {}  # the scheduling words of each sentence
    for lexicon in lexicons:
        hits = lexicon.matcher.scan(text.joined)
        for offset, category, said in hits:
            found[category].add(text.sentence_at(offset))
            if category == "scheduling":
                scheduling.setdefault(text.sentence_at(offset), set()).add(said)
            words.setdefault(category, said)
        fired[lexicon.language] = len({category for _, category, _ in hits})
    if principal := _principal_asks(spans, scheduling):
        found["scheduling"] -= principal
        if not found["scheduling"]:
            words.pop("scheduling", None)
    if not language and any(fired.values()):
        # Too short to vote: the language whose idioms it uses ("te presento a Luis").
        language = max(LANGUAGES, key=lambda code: (fired.get(code, 0), code == "en"))
    others = recipients(email)
    if not email.headers_present:  # a body without headers: the people it addresses
        others = ()
    found["self_intro"] -= _introducing_another(text, spans, found, others)
    reading = read(email, spans, frozenset(found["fyi"]))
    if not reading.spans:
        reading.spans = spans  # blurbs are read from the sentences, cue or not
    values = dict.fromkeys(FEATURES, 0.0)
    found["reach_out"] -= found["self_contact"] | _contact_details(text, found["reach_out"])
    if not found["reach_out"]:
        words.pop("reach_out", None)
    # A connecting sentence that also asks, offers, schedules or sells is that, not a connection;
    # nor is copying someone "for visibility" (`fyi`: a copy that connects nobody).
    against = set().union(*(found[c] for c in _AGAINST), found["fyi"])
    for category in LEXICAL:
        sentences_found = found[category] if category in _AGAINST else found[category] - against
        values[category] = min(len(sentences_found), 2) / 2
    connecting = tuple(sorted((found["connect"] | found["handoff"]) - against))
    if connecting:
        # A message that itself connects people is not asking for an introduction: its
        # request phrases tell how the writer met someone ("Gareth put me in touch with
        # Imogen last month, ... you two need to meet"), not a request.
        values["request"] = 0.0
    values["scheduling_handoff"] = float(
        any({i - 1, i, i + 1} & found["scheduling"] for i in found["handoff"])
    )
    values["handoff_mutual"] = float(bool(found["handoff"] & found["mutual"]))
    values["handoff_capable"] = float(
        any(i in found["capable"] or i + 1 in found["capable"] for i in found["handoff"] - against)
    )
    for veto in set(reading.vetoes):
        vetoed = _VETO_CATEGORY.get(veto)
        if vetoed and not found[vetoed]:
            values[vetoed] = 0.5
            words.setdefault(vetoed, veto)
    if not email.headers_present:  # a body without headers: the people it addresses
        others = tuple(Address(name, "") for name in reading.addressed())
    _people(values, text, others, found, against, lexicons)
    # "Nina administers the plan. She can help. I've cc'd her.": a copy said with a
    # pronoun refers back, so the two sentences before a hand-off count.
    values["handoff_cc"] = _handoff_cc(email, text, found["handoff"] - found["fyi"], before=2)
    _headers(values, email, others, own)
    _cues(values, reading, others)
    return Signals(
        language, tuple(values[f] for f in FEATURES), words, reading, text.joined, connecting
    )


def _principal_asks(spans: tuple[Sentence, ...], scheduling: dict[int, set[str]]) -> set[int]:
    """Sentences whose only scheduling word is a rank asking the writer ("the Secretary
    asked me to connect you", "the Chief of Staff would like me to"): a principal, not an
    assistant setting a time. The other lexicons name assistants with a possessive ("mi
    secretaria", "meine Sekretärin"), so a rank never fires there."""
    return {
        i
        for i, said in scheduling.items()
        if said <= _RANKS and _PRINCIPAL.search(spans[i].text) is not None
    }


def _introducing_another(
    text: _Text,
    spans: tuple[Sentence, ...],
    found: dict[str, set[int]],
    others: tuple[Address, ...],
) -> set[int]:
    """Sentences whose self-introduction words only frame an introduction of someone else
    on the message: "Le scrivo per presentarLe Sara Fontana", "I am writing to you to
    introduce Sara" (a writing frame, then connecting words naming a recipient). A sentence
    that introduces the writer ("… to introduce myself") keeps its veto."""
    framed = found["self_intro"] & found["connect"]
    if not framed or not others:
        return set()
    names = frozenset().union(*_tokens(others[:20], text))
    return {
        i
        for i in framed
        if not names.isdisjoint(text.words[i])
        and not _SELF_INTRODUCTION.found_in(spans[i].text, text.folded[i])
    }


def _contact_details(text: _Text, among: set[int]) -> set[int]:
    """The sentences of `among` giving a phone number, an extension or an address: a
    service contact ("for questions please call the desk at 5-7928"), not a person to meet."""
    return {i for i in among if _DETAILS.search(text.folded[i])}


def _people(
    values: dict[str, float],
    text: _Text,
    others: tuple[Address, ...],
    found: dict[str, set[int]],
    against: set[int],
    lexicons: tuple[Lexicon, ...],
) -> None:
    tokens = _tokens(others[:20], text)
    named_in = [
        {i for i, t in enumerate(tokens) if not t.isdisjoint(sentence)} for sentence in text.words
    ]
    named = set().union(*named_in) if named_in else set()
    values["named"] = min(len(named), 3) / 3
    for category in ("connect", "handoff", "capable"):
        values[f"{category}_named"] = float(any(named_in[i] for i in found[category] - against))
    values["mutual_meet"] = float(bool(found["mutual"] & found["meet_verbs"]))
    describe = frozenset().union(*(lex.describe for lex in lexicons))
    values["described"] = min(len(_described(text, tokens, describe, found["fyi"])), 2) / 2
    greetings = frozenset().union(*(lex.greetings for lex in lexicons))
    values["addressed"] = min(len(_addressed(text, tokens, greetings)), 2) / 2


def _handoff_cc(email: Email, text: _Text, handoff: set[int], *, before: int = 1) -> float:
    """A hand-off sentence, the one after it or the `before` ones before it, names someone
    copied (on Cc, not To): "I'm copying Huma who ...", "Vincent has done work on this.
    I am copying him"."""
    if not handoff or not email.cc:
        return 0.0
    sender = email.sender.email if email.sender else ""
    to = {a.email for a in email.to}
    copied = tuple(a for a in email.cc[:20] if a.email not in to and a.email != sender)
    tokens = frozenset().union(*_tokens(copied, text)) if copied else frozenset()
    near = {j for i in handoff for j in range(i - before, i + 2) if 0 <= j < len(text.words)}
    return float(any(not tokens.isdisjoint(text.words[j]) for j in near))


def _described(
    text: _Text, tokens: list[frozenset[str]], describe: frozenset[str], skip: set[int]
) -> set[int]:
    """Recipients a sentence describes: their name, then a describing word or two-word frame
    (not in the sentences of `skip`: "Tim is on copy for information" describes nobody)."""
    found: set[int] = set()
    names = frozenset().union(*tokens)
    for index, words in enumerate(text.words):
        if index in skip:
            continue
        for j, word in enumerate(words[:-1]):
            if word not in names:
                continue
            if words[j + 1] in describe or " ".join(words[j + 1 : j + 3]) in describe:
                found |= {i for i, t in enumerate(tokens) if word in t}
    return found


def _tokens(people: tuple[Address, ...], text: _Text) -> list[frozenset[str]]:
    """Each person's name words; for an address without a display name, also the words
    of the text that its local part holds ("sullivanjj" is named by "Sullivan")."""
    found = [_person_tokens(p) for p in people]
    if all(p.name for p in people):
        return found
    long_words = {w for words in text.words for w in words if len(w) >= 4}
    for i, person in enumerate(people):
        local = person.email.split("@", 1)[0].lower()
        if not person.name and len(local) >= 4:
            found[i] = found[i] | {w for w in long_words if w in local}
    return found


def _addressed(text: _Text, tokens: list[frozenset[str]], greetings: frozenset[str]) -> set[int]:
    """Recipients greeted by name: "Hi Sue," or a line "Joe," or "Sue and Joe –"."""
    found: set[int] = set()
    for sentence, words in zip(text.folded, text.words, strict=True):
        head = sentence[:80]
        short = len(words) <= 6
        greets = bool(words) and (words[0] in greetings or " ".join(words[:2]) in greetings)
        who = _vocative(sentence, words)
        if who:
            found |= {i for i, t in enumerate(tokens) if who in t}  # "Sue, meet Joe."
        if not (greets or (short and head.rstrip().endswith((",", ":", "!", "-")))):
            continue
        start = words[:6]
        found |= {i for i, t in enumerate(tokens) if not t.isdisjoint(start)}
    return found


def _vocative(sentence: str, words: list[str]) -> str:
    """The word a sentence opens by addressing someone ("sue, meet joe": "sue"), after
    up to two titles with their full stop ("ing. galli, …", "dr. prof. weber: …")."""
    if not words:
        return ""
    end = len(words[0])
    for i, word in enumerate(words[:3]):
        if i:
            start = sentence.find(word, end)
            if start < 0:
                return ""
            end = start + len(word)
        after = sentence[end : end + 1]
        if after in (",", ":"):
            return word
        if after != "." or not is_abbreviation(word):
            return ""
        end += 1
    return ""


def _domain(address: Address) -> str:
    return address.email.rsplit("@", 1)[-1] if "@" in address.email else ""


def _headers(values: dict[str, float], email: Email, others: tuple[Address, ...], own: str) -> None:
    sender = _domain(email.sender) if email.sender else ""
    values["recipients"] = min(len(others), 4) / 4
    values["many_recipients"] = float(len(others) > 12)
    sent = email.sender.email if email.sender else ""
    cc = [a for a in email.cc if a.email != sent]
    values["has_cc"] = float(bool(cc))
    to_domains = {_domain(a) for a in email.to} - _WEBMAIL - {""}
    cc_domains = [_domain(a) for a in cc]
    own_org = sender and sender not in _WEBMAIL
    values["cc_sender_org"] = float(bool(own_org and sender in cc_domains))
    values["cc_recipient_org"] = float(
        bool(cc_domains) and all(d in to_domains and d != sender for d in cc_domains)
    )
    if email.quoted_text and cc:
        quoted = fold(email.quoted_text[:5_000])
        values["cc_new"] = float(
            any(_person_tokens(a).isdisjoint(_WORDS.findall(quoted)) for a in cc)
        )
    subject = fold(email.subject)
    hints = {name for name, _ in subject_hints(email.subject)}
    in_lexicon = any(lex.subject and lex.subject.search(subject) for lex in _languages(""))
    values["subject_intro"] = float(in_lexicon or bool(hints - {"subject-pair"}))
    loose = "subject-pair" in hints or bool(_PAIR.search(subject))
    people = (email.sender, *others) if email.sender else others
    values["subject_pair"] = float(loose and _pairs_people(subject, people))
    # A reply's subject is its thread's ("Re: Intro: Sue <> Joe"): what it says of the
    # thread is not said by the reply (the fit weighs the two apart).
    values["subject_inherited"] = float(
        bool(_REPLY.match(email.subject))
        and bool(values["subject_intro"] or values["subject_pair"])
    )
    values["is_reply"] = float(bool(_REPLY.match(email.subject) or email.in_reply_to))
    values["is_forward"] = float(bool(_FORWARD.match(email.subject)))
    words = len(own.split())
    if "Doc No." in own:  # the page stamps of a records release are not the writer's words
        words -= sum(len(m.group().split()) for m in _RELEASE_STAMP.finditer(own))
    values["length"] = min(math.log1p(words) / math.log(1000), 1.0)


def _pairs_people(subject: str, people: tuple[Address, ...]) -> bool:
    """A folded subject joins two people: an arrow, or a join with someone on the message
    named on each side of it ("Ana / Luis", "Connecting Dana Park and Joe Smith")."""
    if _ARROW.search(subject):
        return True
    names = {fold(w) for p in people[:20] for w in name_tokens(p.name)}
    names = {w for w in names if len(w) >= 3 or (len(w) == 2 and not w.isascii())}  # 王磊
    names |= {w for p in people[:20] for w in _person_tokens(p)}
    for join in _JOIN.finditer(subject):
        left = _WORDS.findall(subject[: join.start()])
        right = _WORDS.findall(subject[join.end() :])
        if not names.isdisjoint(left) and not names.isdisjoint(right):
            return True
    return False


def _cues(values: dict[str, float], reading: Reading, others: tuple[Address, ...]) -> None:
    from app.core.intro.people import resolve

    for hit in reading.hits:
        key = _CUE_KINDS.get(hit.cue.kind)
        if key:
            values[key] = max(values[key], hit.cue.weight / 3)
        if any(resolve(n, others) for n in hit.names):
            values["cue_copied"] = 1.0
    values["bulk"] = float(reading.bulk)
