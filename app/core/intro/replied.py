"""A reply to an introduction whose thread, as given, does not hold the introduction (pure).

Gmail hands us the thread it has; a reply sent from another client, a forwarded copy or
a trimmed quote often leaves the introduction out. The reply still says what it
answers: it thanks someone for the introduction ("thanks for the intro, Joe", "danke
für die Vermittlung"), moves the introducer to Bcc, or answers a subject of the
introduction's shape ("Re: Sue <> Joe", "AW: Vorstellung"). From that we tell that the
thread answers an introduction, and who made it: the person the thanks are addressed
to (on To/Cc, or only named when moved to Bcc). The others on the reply are the
people introduced. The introduction is in no message we read: `message_index` is -1.
"""

from __future__ import annotations

import re
from functools import cache

from app.core.intro.language import settle_language
from app.core.intro.lexicon import LANGUAGES, LEXICONS, fold
from app.core.intro.people import display_name
from app.core.intro.reading import recipients
from app.core.intro.signals import Signals
from app.core.mail.names import matches
from app.core.model import Address, Email, Introduction, Person, UserRole

# Fixed confidences (not fitted: the replies are too few to fit on; see `scripts/eval_replies`).
THANKED = 0.8  # the reply thanks someone for an introduction
SUBJECT_ONLY = 0.6  # a reply to a subject of an introduction's shape, with thanks to a named person
THANK_AND_GREET = 0.6  # thanks one person on the reply by name and greets another
_NOT_YET = ("offer", "request", "self_intro")
_LINES = re.compile(r"(?<=[.!?])\s+|\n")  # sentences and lines
_WORD = re.compile(r"[^\W_][\w'’.-]*")
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


def reply_to_introduction(signals: Signals, me: str | None) -> Introduction | None:
    """The introduction a reply answers, when the reply says so; else None."""
    email = signals.reading.email
    others = recipients(email)
    if any(signals.value(k) > 0 for k in _NOT_YET):
        # An introduction offered, asked for or made of oneself: none answered, unless the
        # message has the shape of a first reply to both (an ask inside it is its own
        # problem, for the reply checks).
        return _thank_and_greet(signals, others, me)
    thanked_intro = signals.value("thanks_intro") > 0
    intro_subject = signals.value("is_reply") > 0 and (
        signals.value("subject_intro") > 0 or signals.value("subject_pair") > 0
    )
    if not (thanked_intro or intro_subject):
        return _thank_and_greet(signals, others, me)
    introducer = _thanked(email, others, signals.language, thanked_intro, signals.folded)
    if introducer is None:
        if not thanked_intro or signals.value("is_reply") == 0:
            return None  # nobody thanked, and not a reply (or only the subject): not enough
        introducer = Address("", "")
    confidence = THANKED if thanked_intro else SUBJECT_ONLY
    return _answered(signals, others, introducer, confidence, me)


def _thank_and_greet(
    signals: Signals, others: tuple[Address, ...], me: str | None
) -> Introduction | None:
    """The shape of a first reply to both: it thanks one recipient by name and greets
    another ("Gracias Martín!! / Julián, un placer …"), with no other word of thanks
    for an introduction."""
    if len(others) < 2:
        return None
    email = signals.reading.email
    thanked = _thanked(email, others, signals.language, False, signals.folded)
    if thanked is None or not thanked.email:
        return None  # thanks to someone on the reply, by name
    greeted = _addressed(email, others) - {thanked.email}
    if not greeted:
        return None
    return _answered(signals, others, thanked, THANK_AND_GREET, me)


def _answered(
    signals: Signals,
    others: tuple[Address, ...],
    introducer: Address,
    confidence: float,
    me: str | None,
) -> Introduction | None:
    email = signals.reading.email
    said = signals.words.get("thanks_intro", "")
    evidence = (f"reply to an introduction: “{said}”" if said else "reply to an introduction",)
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
        confidence=confidence,
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
        whole = fold(line)
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
    for line in _LINES.split(email.new_text[:4_000]):
        words = _WORD.findall(line)[:2]
        for word in words:
            after = line.split(word, 1)[-1].lstrip()[:1]
            person = next((a for a in others if _names(word, a)), None)
            if person is not None and after and after in ",:-–—!":
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
    """Does a capitalised word name this person, in full or shortened ("Gabi": Gabriela)?"""
    word = word.strip(".'’")
    if len(word) < 2 or not word[0].isupper():
        return False
    if matches(word, person):
        return True
    first = fold(person.name.split(" ")[0]) if person.name else ""
    return len(word) >= 3 and len(first) > len(word) and first.startswith(fold(word))


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
