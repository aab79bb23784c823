"""The phrases that unmake an introduction, as compiled patterns (pure).

A veto stands in one sentence: a self-introduction, a product launch, a request
for or an offer of an introduction not made yet, referral outreach ("Sue suggested
I contact you"), a scheduling hand-off, thanks after the fact, a speaker's
introduction. `BULK` marks mass mail (unsubscribe footers), which never introduces.
A copy for information only ("I've cc'd Tim for visibility") is the lexicons' `fyi`
category: `read` is told which sentences hold one.
"""

# ruff: noqa: E501 - regular expressions read best one veto per line, however long

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.intro.lexicon import LazyPattern

# fmt: off
# name, keywords ("|"-separated; every match holds one, lower-cased), pattern
_VETOES: tuple[tuple[str, str, str], ...] = (
    ("self-introduction", r"introduc|my name is|stellen|present|présent", r"\bintroduc\w*\s+(?:myself|ourselves|yourself|yourselves)\b|\bmy name is\b|\bby way of introduction\b|\bintroduce (?:my|our) (?:company|firm|business|services?|products?|agency|team|executive)|\b(?:mich|uns)\s+(?:kurz\s+)?(?:vorstellen|vorzustellen)\b|\bme presento\b|\bpresentarme\b|\bje me présente\b|\bme présenter\b"),
    ("product", r"introduc|wir|presentamos|présentons", r"\bintroduc(?:e|ing|es)\s+(?:you\s+to\s+)?(?:our|a|an|the|its|their)\s+(?:new\s+|latest\s+|first\s+)?(?:product|service|program|programme|system|solution|platform|app|website|site|offer|line|feature|course|seminar|newsletter|edition|issue|tool|technology|fund|plan|policy|rule|bill)s?\b|\bintroduction to (?:the )?[a-z]+ing\b|\bintroduc\w*\s+(?:you\s+to\s+)?\S+\.(?:com|net|org|io|biz|info)\b|\bintroduc(?:e|ed|ing)\s+(?:a|the|an)\s+(?:bill|legislation|amendment|resolution|measure)|\b(?:stellen wir|präsentieren wir)\b|\b(?:os|les) presentamos\b|\bnous (?:vous )?présentons\b"),
    ("request", r"you|intro|put me|connect me|who|vorstellen|presentar|me présenter|me mettre", r"\b(?:could|can|would|will|might)\s+you\s+(?:please\s+)?(?:kindly\s+)?(?:introduce|connect|put)\s+(?:me|us|him|her|them)\b|\bintroduce me\b|\bput me in touch\b|\bconnect me with\b|\banyone (?:you|that you) (?:could|can|might) introduce\b|\b(?:intro|introduction) to (?:him|her|them)\?|\bwho (?:could|can|should) I (?:talk|speak) to\b|\bhoping you (?:can|could) (?:put|connect|introduce)|\b(?:called|call|calling) to introduce me\b|\bhelpful if you\b[^.?!]{0,60}introduc|\b(?:mir|uns)\s+\w+\s+vorstellen\b|\bme (?:podrías|puedes|podría|puede) presentar\b|\bme (?:présenter|mettre en relation)\b"),
    ("offer", r"intro|connect|touch|set|would you|permission|do you want|let me know|open to|want me|ich|present|voulez", r"\b(?:happy|glad|delighted|pleased|willing|able|love|like)\s+to\s+(?:make\s+(?:an?\s+)?(?:intro|introduction)|introduce|connect|put you in touch)\b[^.?!]{0,80}\b(?:if|should|whenever|when)\b|\b(?:I|we)\s+(?:can|could|would|might)\s+(?:be happy to\s+)?(?:introduce|connect|put you in touch|set (?:something|it) up)\b|\bwould you (?:like|be open|be interested|want|be willing|mind)\b[^.?!]{0,60}\b(?:meet|connect|intro|introduc|talk|speak|chat)|\b(?:may|can|shall) I (?:introduce|connect)\b|\bpermission to (?:connect|introduce)|\bdo you want to (?:meet|talk|connect|chat)\b|\blet me know if you(?:'d| would)? (?:like|want)\b[^.?!]{0,40}\b(?:intro|introduc|connect|meet)|\blook(?:ing)? forward to introducing\b|\bopen to (?:an? )?(?:intro|introduction|connecting|meeting)\b|\binterested in (?:an? )?(?:intro|introduction|being introduced)\b|\bwant me to (?:introduce|connect)\b|\b(?:soll|darf|kann) ich (?:euch|dich|sie)\b|\bte gustaría que te presente\b|\bvoulez-vous que je\b|\bif (?:we|you|I|they)\b[^.?!]{0,60}\b(?:like|love|happy|glad|want) to (?:introduce|connect)\b"),
    ("referral", r"suggested|recommended|told me|referred|me your|your name", r"\b(?:suggested|recommended|told me)\s+(?:that\s+)?I\s+(?:should\s+)?(?:contact|reach out|write|get in touch|call|e-?mail|speak|talk)\b|\breferred (?:me\s+)?(?:to you|by)\b|\b(?:gave|passed along|passed on|forwarded) me your (?:name|e-?mail|contact|number)\b|\byour name was given\b|\bI (?:was|have been) referred\b"),
    ("scheduling", r"assistant|scheduler|ea|secretary|office manager|chief of staff|schedule|set up|find|arrange|coordinate|book|availability|calendar|so she|so he|so they", r"\b(?:scheduler|EA|office manager)\b|\b(?:assistant|secretary|chief of staff)\b(?!(?: secretary)?\s+(?:has |had )?(?:asked|wanted|wants|would like|requested)\s+(?:me|us|that I)\b)|\b(?:to|will|can|could)\s+(?:schedule|set up|find|arrange|coordinate|book)\s+(?:a|the|some)\s+(?:time|call|visit|meeting|slot|date)\b|\bavailability\b|\bcalendar\b|\bso (?:she|he|they) (?:can|could) (?:get|have|send)\b"),
    ("after-the-fact", r"thank|glad to|we met|we spoke|we talked", r"\bthanks? (?:you )?(?:so much )?for (?:the (?:intro|introduction)|connecting us|introducing us|arranging (?:that|the) intro|putting us in touch)|\bglad to (?:have )?connect(?:ed)? the two of them\b|\bwe (?:met|spoke|talked)\b"),
    ("speaker", r"introduc", r"\b(?:introduces|will introduce|to introduce)\s+(?:HRC|the secretary|the speaker|the panel|the president|him to the group|her to the group|\w+ to the (?:group|audience|panel|committee))\b|\bintroduction by\b|\bspeaker introduction\b"),
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Veto:
    """A phrase that unmakes an introduction; every match holds one of its `keys`."""

    name: str
    keys: tuple[str, ...]
    pattern: LazyPattern  # compiled the first time a sentence holds one of `keys`

    def keys_in(self, lower: str) -> bool:
        """Could a lower-cased text hold this veto (one of its keywords is there)?"""
        # A plain loop: any() over a generator costs ~30 % more on this hot path.
        for key in self.keys:  # noqa: SIM110 - see above
            if key in lower:
                return True
        return False

    def found_in(self, text: str, lower: str) -> bool:
        """Does the sentence (`lower` is its lower-cased copy) hold this veto?"""
        return self.keys_in(lower) and self.pattern.search(text) is not None


# The letters each veto's alternatives start with (every alternative is "\b" + a word).
# The patterns are compiled as \b(?=[letters])(?:pattern): the same matches, but `re`
# drops a word start after one test instead of entering every alternative, which
# halves the time of a search (tests/core/intro/test_vetoes.py checks the letters).
_FIRST_LETTERS = {
    "self-introduction": "bijmpu",
    "product": "ilnops",
    "request": "achimpuw",
    "offer": "acdghiklmopstvw",
    "referral": "fgiprsty",
    "scheduling": "acestow",
    "after-the-fact": "gtw",
    "speaker": "istw",
}


def _compile(name: str, pattern: str) -> LazyPattern:
    return LazyPattern(rf"\b(?=[{_FIRST_LETTERS[name]}])(?:{pattern})", re.IGNORECASE)


NEGATIVE: tuple[Veto, ...] = tuple(
    Veto(name, tuple(keys.split("|")), _compile(name, pattern)) for name, keys, pattern in _VETOES
)
BULK = re.compile(
    r"\bunsubscribe\b|\bview (?:this e-?mail )?in (?:your|a) browser\b|"
    r"\bmanage (?:your )?(?:e-?mail |subscription )?preferences\b|\bno longer wish to receive\b",
    re.IGNORECASE,
)
_BULK_KEYS = ("unsubscribe", "browser", "preferences", "no longer wish")


def is_bulk(lower: str, text: str | None = None) -> bool:
    """Does a text (`lower` is its lower-cased copy) carry a mass-mail footer?"""
    if not any(k in lower for k in _BULK_KEYS):
        return False
    return BULK.search(lower if text is None else text) is not None
