"""`dropped_introducer`: the introducer must stay on To/Cc of the first reply (pure).

Moving the introducer to Bcc is fine when the text says so ("moving Joe to
Bcc"). When no introduction is known, the introducer is read from the reply
itself ("thanks for the introduction, Jim", "following Phil Carroll's letter");
a name alone is compared leniently, so an unnamed recipient is given the
benefit of the doubt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from app.core.checks.caseless import Caseless
from app.core.checks.finding import Finding
from app.core.checks.reply_words import LANGUAGES, says
from app.core.i18n import N_, Msg
from app.core.mail.names import first_name, greeting_name, matches
from app.core.model import Address
from app.core.text.sentences import normalize, word_set

_NAME = r"([A-Z][\w'.-]+(?: (?:[A-Z][\w'.-]+|de|van|von|da)){0,3})"
_INTRO = (
    r"(?i:intro|introduction|e-?intro|connecting us|connection|introducing us|putting us in touch)"
)
_THANKED_FOR = r" (?i:for) (?i:the |this |your |kindly |making the )?(?i:kind )?" + _INTRO
_INTRODUCED = (
    r" (?i:introduced us|introduced me|connected us|put us in touch|was kind enough to"
    r"|mentioned that he|mentioned that she|suggested (?:we|I) (?:connect|talk|speak|meet))"
)
_NAMES_S_NOTE = r"'s (?i:intro|introduction|letter|note|email|e-mail|message|referral|suggestion)"
_Gate = Callable[[str], bool]


def _contains(part: str) -> _Gate:
    pattern = re.compile(part)
    return lambda text: pattern.search(text) is not None


def _loosely(source: str) -> _Gate:
    """Could `source` match? Asked of its every-part-case-insensitive form, on ASCII text.

    Making every part case-insensitive only widens what matches, so where the loose
    form finds nothing the pattern finds nothing; on ASCII text it is matched
    without IGNORECASE (`Caseless`), several times faster than the pattern's own
    case-insensitive start. Other text is always tried with the pattern itself.
    """
    loose = Caseless(source.replace("(?i:", "(?:"))
    return lambda text: not text.isascii() or loose.search(text)


def _named(
    source: str, *needed: str, loose: bool = False
) -> tuple[re.Pattern[str] | _FromNameRuns, tuple[_Gate, ...]]:
    gates = [_contains(part) for part in needed]
    if loose:
        gates.append(_loosely(source))
    pattern = _FromNameRuns(source) if source.startswith(_NAME + " ") else re.compile(source)
    return pattern, tuple(gates)


class _FromNameRuns:
    r"""A pattern opening with `_NAME`, tried once per run of name characters.

    `_NAME`'s first word, `[A-Z][\w'.-]+`, can end only where its run of those
    characters ends (a space must follow it), so every capital of one run gives the same
    answer, and the first capital of the run is the one `re.finditer` would report.
    Trying it there alone, then going on past the run, finds the same matches; the
    plain `finditer` rescanned the run from each of its capitals (1.1 s on 5,000
    capitals, quadratic; `tests/core/checks/test_recipients.py` compares the two).
    """

    __slots__ = ("pattern",)

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer`, in linear time."""
        pos = 0
        while (capital := _CAPITAL.search(text, pos)) is not None:
            match = self.pattern.match(text, capital.start())
            if match is not None:
                yield match
                pos = match.end()
            else:
                pos = _NAME_RUN.match(text, capital.start()).end()  # type: ignore[union-attr]


_CAPITAL = re.compile(r"[A-Z]")
_NAME_RUN = re.compile(r"[\w'.-]*")


# Each pattern with gates a text must pass before the pattern is run: a part every
# match must contain (after the name), with a cheap literal start, and/or the whole
# pattern made case-insensitive. A text failing one skips the costly pattern, whose
# name group is tried at every capital letter (or every "per", "after").
_NAMED_PATTERNS: tuple[tuple[re.Pattern[str] | _FromNameRuns, tuple[_Gate, ...]], ...] = (
    _named(
        r"(?i:thanks?|thank you|thx|grateful)(?i: again| so much)?,? (?i:to )?"
        + _NAME
        + ",?"
        + _THANKED_FOR,
        _THANKED_FOR,
        loose=True,
    ),
    _named(
        r"(?i:thanks?|thank you)(?i: again| so much)? (?i:for) (?i:the |this |your )?"
        r"(?i:kind )?" + _INTRO + r"[^.!?\n]{0,4}?,? " + _NAME,
        loose=True,
    ),
    _named(_NAME + _INTRODUCED, _INTRODUCED),
    _named(
        r"(?i:following|following up on|further to|per|as per|after|thanks to)(?i: the)? "
        + _NAME
        + _NAMES_S_NOTE,
        _NAMES_S_NOTE,
        loose=True,
    ),
    _named(r"(?:^|[.!?]\s+)" + _NAME + r",? (?i:thanks?|thank you)\b"),
    _named(
        r"(?i:thanks?|thank you)(?i: again| so much)?,? " + _NAME + r"\s*[.!]",
        loose=True,
    ),
)
_NOT_NAMES = word_set(
    "i we you hi hello dear hey thanks thank the this that it all everyone both team guys "
    "folks and so again"
)
_ROLE_ACCOUNTS = word_set(
    "info hello hi contact contacts admin team sales support office noreply no reply mail "
    "email inbox help jobs careers hr press media billing accounts marketing enquiries "
    "sender recipient you me user test example name yourname unknown"
)
_NOT_A_NAME = word_set("none null undefined nan n/a unknown")
_BCC = re.compile(r"\bbcc\b|\bbcc'?(?:e?d|ing)\b|\bblind (?:carbon )?cop", re.IGNORECASE)


def introducer_named_in(text: str, subject: str = "") -> str:
    """The introducer's name as the reply (or its subject) mentions it, else ""."""
    for source in (normalize(subject), normalize(text)):
        for pattern, gates in _NAMED_PATTERNS:
            if not all(gate(source) for gate in gates):
                continue
            for match in pattern.finditer(source):
                name = match.group(1).strip(" .,'")
                if name.split()[0].lower() not in _NOT_NAMES:
                    return name
    return ""


def same_person(person: Address, other: Address) -> bool:
    """Is `other` (a recipient) the same person as `person`, by address or by name?"""
    if person.email and other.email and person.email.lower() == other.email.lower():
        return True
    if person.name and other.name and person.name.casefold() == other.name.casefold():
        return True
    mine, theirs = _words(person.name), _words(other.name)
    if len(mine) >= 2 and len(mine & theirs) >= 2:
        return True
    return not person.email and bool(person.name) and matches(person.name, other)


def _words(name: str) -> frozenset[str]:
    return frozenset(w.strip(".,'").lower() for w in name.split() if len(w.strip(".,'")) > 1)


def is_copied(person: Address, recipients: Sequence[Address]) -> bool:
    """Is the person on these recipients? Name-only people pass on unnamed recipients."""
    if any(same_person(person, r) for r in recipients):
        return True
    return not person.email and any(not r.name for r in recipients)


def shown_first_name(person: Address) -> str:
    """The name to greet someone by ("" when unknown), never a role account or an initial.

    A name guessed from the address ("sue.park@" -> "Sue") is used only when it
    looks like a name; lower-case names read from addresses are capitalised.
    """
    name = first_name(person.name)
    if name.lower() in _NOT_A_NAME:
        name = ""
    if not name:
        guess = greeting_name(Address("", person.email))
        name = guess if len(guess) > 1 and guess.lower() not in _ROLE_ACCOUNTS else ""
    return name.capitalize() if name.islower() else name


def acknowledges_bcc(text: str) -> bool:
    """Does the text say someone was moved to Bcc (in any of our seven languages)?"""
    return bool(_BCC.search(text)) or says(text, "bcc", LANGUAGES)


def check_introducer_kept(
    introducer: Address,
    to_cc: Sequence[Address],
    bcc: Sequence[Address],
    text: str | None,
) -> tuple[Finding, ...]:
    """`dropped_introducer` unless the introducer is on To/Cc or moved to Bcc openly.

    `text` is None when only the recipients are known (the compose trigger). An introducer
    known by neither address nor name (a reply recognised alone that never says who
    introduced) cannot be said to be dropped.
    """
    if not introducer.email and not introducer.name:
        return ()
    if is_copied(introducer, to_cc):
        return ()
    if text is not None and acknowledges_bcc(text):
        return ()
    name = shown_first_name(introducer)
    on_bcc = any(same_person(introducer, r) for r in bcc)
    if on_bcc and text is None:
        said = (
            N_("{name} is on Bcc; say so in the reply and thank them.", name=name)
            if name
            else N_("The introducer is on Bcc; say so in the reply and thank them.")
        )
        return (_finding("info", said, name),)
    if on_bcc:
        said = (
            N_(
                "{name}, who introduced you, is only on Bcc, without a word about it; dropping "
                "them from the first reply reflects on them too.",
                name=name,
            )
            if name
            else N_(
                "The introducer, who introduced you, is only on Bcc, without a word about it; "
                "dropping them from the first reply reflects on them too."
            )
        )
    else:
        said = (
            N_(
                "{name}, who introduced you, is not on To or Cc; dropping them from the first "
                "reply reflects on them too.",
                name=name,
            )
            if name
            else N_(
                "The introducer, who introduced you, is not on To or Cc; dropping them from the "
                "first reply reflects on them too."
            )
        )
    return (_finding("warning", said, name),)


def _finding(severity: str, message: Msg, name: str) -> Finding:
    fix = (
        N_(
            "Put {name} on Cc, or move them to Bcc and say so: “Moving {name} to Bcc, "
            "thank you again for connecting us.”",
            name=name,
        )
        if name
        else N_(
            "Put the introducer on Cc, or move them to Bcc and say so: “Moving you to Bcc, "
            "thank you again for connecting us.”"
        )
    )
    if severity == "info":
        return Finding("dropped_introducer", "info", message, 0, 0, fix)
    return Finding("dropped_introducer", "warning", message, 0, 0, fix)
