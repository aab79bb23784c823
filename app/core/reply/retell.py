"""What the introducer said about someone, retold to them: "Sue runs X" -> "you run X" (pure).

The suggested reply shows interest by echoing the introducer's words; a clumsy
echo is worse than none, so anything that does not convert cleanly (the
introducer's own voice, "you", quotes, long clauses) gives "" and the reply
falls back to a plain question about the person's work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

MAX_FACT_WORDS = 16
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_IRREGULAR = {"is": "are", "has": "have", "was": "were", "does": "do", "goes": "go"}
_MODALS = frozenset(("can", "could", "will", "would", "should", "may", "might"))
_ADVERBS = frozenset(("recently", "also", "now", "currently", "just", "already"))
_PRONOUNS = {
    "she": "you",
    "he": "you",
    "him": "you",
    "herself": "yourself",
    "himself": "yourself",
    "his": "your",
    "hers": "yours",
}
_NOT_A_NOUN = frozenset(
    ("and", "or", "but", "to", "for", "in", "at", "on", "with", "about", "from", "of", "by", "as")
)
_VOICE = re.compile(r"\b(?:I|I'm|I've|me|my|we|our|us|you|your|yours)\b|[@<>\"“”]|https?:", re.I)
_VAGUE = re.compile(
    r"(?:the|a|an) (?:right |best |perfect |ideal |great |good )?(?:person|one|guy|contact|fit)\b"
    r"|(?:great|awesome|amazing|terrific|wonderful|fantastic|lovely|brilliant)\b"
    r"|(?:a|an) (?:old |good |great |dear |close )?(?:friend|colleague)\b",
    re.IGNORECASE,
)
_CUT = re.compile(
    r",? (?:who|which|where|and (?:is|has|was)|but)\b|[;:(—–]| - |,? and (?=[a-z]+s\b)"
    r"|, (?=[a-z]+ing\b)"
)


def fact_about(blurb: str, names: Sequence[str]) -> str:
    """The first sentence about the person, in the second person ("" when none reads well).

    Args:
        blurb: what the introducer wrote about the person.
        names: how the person may be named at the start of a sentence ("Sue Park", "Sue").
    """
    start = _subject_start(tuple(names))
    for sentence in _SENTENCE.split(" ".join(blurb.replace("’", "'").split())):
        match = start.match(sentence.strip())
        if match:
            fact = _second_person(("is " if match.group(1) == "'s" else "") + match.group(2))
            if fact:
                return fact
    return ""


@lru_cache(maxsize=256)
def _subject_start(names: tuple[str, ...]) -> re.Pattern[str]:
    """A sentence starting with the person ("Sue Park", "Sue", "She"...) and what follows.

    Built once per set of names: the suggested reply asks with the same names every time.
    """
    subjects = [re.escape(n) for n in sorted(names, key=len, reverse=True) if n]
    return re.compile(r"^(?:" + "|".join([*subjects, "She", "He"]) + r")('s|\s)\s*(.+)$")


def _second_person(rest: str) -> str:
    rest = _CUT.split(rest, maxsplit=1)[0].strip().rstrip(".!?,")
    words = rest.split()
    if not words or len(words) > MAX_FACT_WORDS or _VOICE.search(rest):
        return ""
    lead: list[str] = []
    while words and words[0].lower() in _ADVERBS:
        lead.append(words.pop(0))
    if not words:
        return ""
    first = words[0].lower()
    verb = first if first in _MODALS else _base_form(first)
    if not verb:
        return ""
    tail = words[1:]
    if not tail or _VAGUE.match(" ".join(tail)):
        return ""  # "you're the person", "you're great": nothing worth echoing
    order = [verb, *lead] if verb in ("are", "were", "have") else [*lead, verb]
    phrase = " ".join(["you", *order, *_swap_pronouns(tail)])
    return "you're" + phrase[len("you are") :] if phrase.startswith("you are ") else phrase


def _base_form(word: str) -> str:
    """A third-person verb in the second person ("runs" -> "run"); "" if not a verb."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if not word.isalpha() or word in _PRONOUNS:
        return ""
    if word.endswith("ed"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return ""


def _swap_pronouns(words: list[str]) -> list[str]:
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if low == "her":
            following = words[i + 1].lower() if i + 1 < len(words) else "."
            out.append("you" if following in _NOT_A_NOUN or not following.isalpha() else "your")
        else:
            out.append(_PRONOUNS.get(low, word))
    return out
