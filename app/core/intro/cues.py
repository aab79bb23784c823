"""The phrases that make an introduction, as compiled patterns (pure).

Each cue names the people it points at (the `who` groups), the kind of introduction
it signals and its weight; `SUBJECT` patterns read "Intro: Sue <> Joe" subject lines.
The phrases that unmake one (requests, offers, self-introductions...) are in `vetoes`.
"""

# ruff: noqa: E501 - regular expressions read best one cue per line, however long

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.core.intro.lexicon import LazyPattern

_STOP = (
    "I|The|This|That|These|Those|You|Your|We|Our|My|Me|He|She|It|They|Them|His|Her|Their|"
    "Please|Thanks|Thank|Thx|Hi|Hello|Hey|Dear|Good|Best|Regards|Cheers|Also|And|But|So|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|Both|All|"
    "Everyone|Team|Folks|Guys|Sir|Madam|Here|There|What|When|Where|Who|Why|How|If|As|In|On|"
    "At|For|From|To|With|Re|Fw|Fwd|Cc|Bcc|Subject|Intro|Introduction|Meet|Someone|Somebody|"
    "Anyone|Anybody|Each|One|Other|Another|Any|Some|Hallo|Hola|Bonjour|Salut|Liebe|Lieber|"
    "Ich|Wir|Ihr|Sie|Euch|Os|Les|Je|Nous|Vous|Creo|Un|Una|Bien|Viele"
)
# Upper-case initials include Latin-1 and Latin Extended-A capitals ("Zoë", "Ørsted",
# "Łukasz"); later letters are any Unicode letter, so "Françoise" is one token.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LETTERS = r"[^\W\d_]*(?:['’][^\W\d_]*)*"
# A name word; only titles and initials take a period ("Dr.", "J.", "Jr."), so a name never runs on
# past the end of a sentence ("Elena Duarte. Then ...").
_TOKEN = (
    rf"(?<![^\W\d_])(?=[{UPPER}])(?!(?:{_STOP})\b)"
    rf"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Jr|Sr|St|[{UPPER}])\.|[{UPPER}]{_LETTERS}(?:-[^\W\d_]{_LETTERS})*)"
)
_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|la|le|du|bin|al|St\.?)"
NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?(?:{_TOKEN}|[A-Z]\.?(?=\s+[{UPPER}]))){{0,3}}"
GREET = r"hi|hey|hello|dear|hallo|hola|bonjour|salut|ciao|liebe|lieber|querida|querido"
_WHO = rf"(?P<who>{NAME})"
_WHO2 = rf"(?P<who2>{NAME})"
_AND_WHO2 = rf"(?:\s*(?:,|and|&)\s*{_WHO2})?"


@dataclass(frozen=True, slots=True)
class Cue:
    """A pattern, the kind of introduction it signals and how much it weighs.

    `keys` are lower-case keywords, one of which every match contains: the pattern
    runs only on sentences holding one, which keeps analysis near linear and fast.
    """

    name: str
    kind: str
    weight: float
    pattern: LazyPattern  # compiled the first time a sentence holds one of `keys`
    keys: frozenset[str]
    needs_copied: bool = False
    # For a pattern that opens with a name: the rest of it, tested first (see `_cue`).
    after_name: LazyPattern | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in a sentence, in order."""
        if self.after_name is not None and self.after_name.search(text) is None:
            return iter(())
        return self.pattern.finditer(text)


# What follows a copied person's name: "(cc'd)", ", copied", " on copy". Each run of
# spaces is taken whole (possessive: what must follow it is never a space) and only
# where a name can end (`(?<!\s)`), so the gate `Cue.after_name`, which searches the
# tail alone, is linear on a long run of spaces (it was cubic: over 20 s on 5,000);
# the matches are the plain `\s*(?:\(…\)|,?\s+…\b)`'s (tests/core/intro/test_cues.py).
_COPIED_TAIL = r"(?<!\s)(?:\s*+(?:\((?i:{cc}|cc)\)|,\s++(?i:{cc})\b)|\s++(?i:{cc})\b)"
_CC = r"cc'?d|copied|on copy"
_CC2 = r"cc'?e?d|copied|on copy"

# fmt: off
# name, kind, weight, needs the named person copied, keywords ("|"-separated), pattern
_ENGLISH: tuple[tuple[str, str, float, bool, str, str], ...] = (
    ("meet", "classic", 3.0, False, r"meet ", rf"(?:^|[.!?;]\s+|\b(?i:{GREET})\s+){_WHO}\s*[,:–—-]+\s*(?i:please\s+)?(?i:meet)\s+{_WHO2}"),
    ("meet-someone", "classic", 3.0, False, r"meet ", rf"(?:^|[.!?;]\s+|\b(?i:{GREET})\s+){_WHO}\s*[,:–—-]+\s*(?i:please\s+)?(?i:meet)\s+(?i:this|my|our|a)\s+(?i:lovely|wonderful|good|great|dear|old|new)?\s*(?i:friend|colleague|person|partner|contact|classmate|neighbou?r)"),
    ("meet", "classic", 3.0, False, r"meet ", rf"(?i:^(?:please\s+)?meet)\s+{_WHO}\b(?!\s+(?i:at|on|in|with)\b)"),
    ("meet", "classic", 3.0, False, r"meet ", rf"(?i:\b(?=[lw])(?:like|love|want|wanted)\s+(?:you|both of you|you both|you two|you all)\s+to\s+meet)\s+{_WHO}"),
    ("you-two", "classic", 3.0, False, r"you two|you both|both of you|two of you", r"(?i:\b(?:you two|you both|both of you|the two of you)\b[^.?!]{0,40}\b(?:meet|connect|talk|speak|know each other|get together|compare notes)\b)"),
    ("each-other", "classic", 3.0, False, r"each other|one another", r"(?i:\bintroduc\w*\s+(?:you\s+)?(?:both\s+|two\s+|all\s+)?(?:to\s+)?(?:each other|one another)\b)"),
    ("introduce-you", "classic", 3.0, False, r"introduc", r"(?i:\bintroduc(?:e|ing)\s+(?:you\s+(?:both|two|all)|the two of you|both of you)\b)"),
    ("introducing-you", "classic", 2.0, False, r"introduc", r"(?i:\b(?=[ei])(?:e-?)?introduc(?:e|ing) you\b(?!\s+(?:to|both|two|all)\b))"),
    ("introduce-who", "classic", 3.0, True, r"introduc", rf"(?i:\b(?=[adghilpw])(?:(?:like|love|want|wanted|writing|glad|pleased|delighted|happy)\s+to|let me|allow me to|I'?m|I am)\s+(?:e-?)?introduc(?:e|ing))\s+(?:(?i:you)\s+(?:(?i:to|both to)\s+)?)?{_WHO}{_AND_WHO2}"),
    ("introduce-org", "classic", 3.0, True, r"introduc", r"(?i:\b(?=[adghilpw])(?:(?:like|love|want|wanted|writing|glad|pleased|delighted|happy)\s+to|let me|allow me to|I'?m|I am)\s+(?:e-?)?introduc(?:e|ing)\s+you\s+to)\s+(?!(?i:one|our|my|the|an?|some|his|her|their|your|this|that|these|those|him|them|us|people|someone|everyone|all|both|each)\b)(?P<org>[A-Za-z][\w&-]{2,40})"),
    ("introduce-who", "classic", 2.5, False, r"introduc", rf"(?i:\b(?:this|the) (?:e-?mail|note|message) is to introduce)\s+(?:(?i:you)\s+(?i:to)\s+)?{_WHO}"),
    ("intro-email", "classic", 3.0, False, r"introduction|opt-in|opt in", r"(?i:\b(?=[aeit])(?:this is an? |as an? )?(?:e-?)?introduction e-?mail\b|\bcard of introduction\b|\bdouble[- ]opt[- ]in\b)"),
    ("connect", "classic", 3.0, False, r"connect|introducing|linking", r"(?i:\b(?:connecting|introducing|linking)\s+(?:the\s+two\s+of\s+you|you\s+two|you\s+both|both\s+of\s+you)\b)"),
    ("connect", "classic", 2.5, True, r"connect|introducing|linking", rf"(?i:\b(?=[ai])(?:I'?m|I am|am|I'?d like to|I want to|I wanted to)\s+(?:connecting|to connect|connect)\s+you\s+(?:with|to))\s+{_WHO}"),
    ("in-touch", "classic", 2.5, True, r"in touch", rf"(?i:(?:^|\b(?:I'?m|I am|am|I'?d like to|I wanted to|I want to|to)\s+)(?:putting|put)\s+you\s+(?:two\s+|both\s+)?in\s+touch(?:\s+with)?)\s*{_WHO}?"),
    ("take-it", "classic", 2.5, False, r"from here|leave it to|let you|over to", r"(?i:\b(?:take it from here|leave it to (?:the two of )?you(?: two| both)? to|let you (?:two |both )?(?:take it from here|connect|find a time|set up)|over to (?:you two|you both|the two of you|you(?=\s*[!.])))\b)"),
    ("copying", "handoff", 3.0, True, r"copying|ccing|cc'ing|cc'd|ccd|cced|copied|adding|looping in|including|bringing in|forwarding|forwarded", rf"(?i:\b(?=[ai])(?:I'?m|I am|am|I'?ve|I have|I'll|I will|I)\s+(?:also\s+)?(?:copying|cc'?ing|cc'?d|cced|copied|adding|looping in|including|bringing in|forwarding (?:this|your (?:e-?mail|note|message|question)) to|forwarded (?:this|your (?:e-?mail|note|message|question)) to)\s+(?:(?:this|you|in)\s+(?:to\s+)?)?){_WHO}{_AND_WHO2}"),
    ("adding", "handoff", 3.0, False, r"adding|looping in|ccing|cc'ing|copying", rf"(?:^|[.!?]\s+|,\s+|\b(?i:and|but|so)\s+)(?i:adding|looping in|cc'?ing|copying)\s+{_WHO}{_AND_WHO2}\s*(?:,\s*(?:[^,.;?!]{{1,60}},\s*)?(?i:who|as|since|to)\b|\s+(?i:who|to help|as|since|here)\b)"),
    ("copied-who", "handoff", 2.5, True, r"(cc|cc'd|ccd|copied|on copy", rf"{_WHO}{_COPIED_TAIL.format(cc=_CC)}"),
    # Two people copied at once: "Carla and Josh (copied) are the two you will work with".
    ("copied-who", "handoff", 2.5, True, r"(cc|cc'd|ccd|copied|on copy", rf"{_WHO}(?<!\s)\s*+(?:,|and|&)\s*+{_WHO2}{_COPIED_TAIL.format(cc=_CC2)}"),
    ("right-person", "handoff", 3.0, True, r"person|contact|expert", rf"{_WHO}\s+(?i:is|will be|would be)\s+(?i:the|a|our|my)\s+(?i:right\s+|best\s+|perfect\s+|ideal\s+|go-to\s+)?(?i:person|contact|expert)\s+(?i:who|to|for|on|I\s+(?:told you about|mentioned|was telling you about))\b"),
    ("who-can-help", "handoff", 2.5, True, r"who should|who will|who can|who could|who would|who may", rf"{_WHO},?\s+(?i:who\s+(?:should|will|can|could|would|may)\s+(?:be able to\s+)?(?:help|answer|assist|advise|give you|get back|walk you|point you|fill you))"),
    ("reach-out", "one_sided", 3.0, False, r"you may|you might|you should|you could|you will", rf"(?i:\byou\s+(?:may|might|should|could|will)\s+(?:(?:also\s+)?want\s+to\s+)?(?:reach out to|contact|get in touch with|talk to|speak (?:to|with)|connect with|give)\s+){_WHO}"),
    ("hear-from", "one_sided", 2.5, False, r"hear from", rf"(?i:\bexpect to hear from\s+)(?:{_WHO}|(?i:him|her|them))"),
    ("will-contact", "one_sided", 1.5, False, r"reaching out|in touch|contacting you|calling you|contact you|reach out to you", rf"{_WHO}\s+(?i:will\s+(?:be\s+)?(?:reaching out|in touch|contacting you|getting in touch|calling you|contact you|reach out to you|get in touch))"),
    ("suggested-contact", "one_sided", 2.0, False, r"suggested|asked", rf"(?i:\b(?=[as])(?:suggested|asked)\s+(?:that\s+)?){_WHO}\s+(?i:(?:to\s+)?(?:contact|call|reach out to|get in touch with|e-?mail)\s+you)"),
    ("feel-free", "handoff", 2.0, False, r"feel free", r"(?i:\bfeel free to (?:contact|reach out to|call|get in touch with) (?:the following|either|any of|them|him|her)\b)"),
    ("new-hire", "one_to_many", 1.0, False, r"new hire|new addition|new member|new colleague|recent hire|recent addition|recent member|recent colleague|joined|joins us", rf"{_WHO}\s+(?i:is\s+(?:a|our)\s+(?:recent|new)\s+(?:hire|addition|member|colleague)|has\s+(?:recently\s+|just\s+)?joined|joins\s+us)"),
    ("will-contact-you", "one_to_many", 1.5, False, r"will be|will contact|will reach|will call|will probably|will likely|will soon", r"(?i:\b(?=[hst])(?:he|she|they)\s+will\s+(?:probably\s+|likely\s+|soon\s+)?(?:be\s+)?(?:contacting|reaching out to|calling|contact|reach out to|call)\s+(?:you|each of you|some of you))"),
    ("new-hire-meet", "one_to_many", 2.0, False, r"meet |visit |sit down|get together", r"(?i:\b(?=[kp])(?:please|kindly) (?:take (?:the |some )?time to )?(?:meet|visit|sit down|get together)\s+(?:w/|with)?\s*(?:him|her|them)\b)"),
)

# Other languages: only phrasings that cannot be a self-introduction or a product launch
# ("os presento" introduces the readers to each other; "me presento" is vetoed).
_OTHER_LANGUAGES: tuple[tuple[str, str, float, bool, str, str], ...] = (
    ("each-other-de", "classic", 3.0, False, r"vorstell|vorzustell|bekannt", r"(?i:\b(?:möchte|will|wollte|darf|würde)\s+(?:euch|sie|ihnen)\s+(?:beide\s+|zwei\s+)?(?:gerne?\s+|kurz\s+)?(?:einander|miteinander|gegenseitig)\s+(?:vorstellen|bekannt\s+machen)|\bstelle\s+(?:euch|sie)\s+(?:beide\s+)?(?:gerne?\s+)?(?:einander|gegenseitig)\s+vor\b|\b(?:euch|sie)\s+(?:beide\s+)?(?:einander|miteinander)\s+vorzustellen\b)"),
    ("introduce-who-de", "classic", 3.0, True, r"vorstell", rf"(?i:\b(?:möchte|will|darf)\s+(?:ich\s+)?(?:dir|euch|ihnen)\s+(?:gerne?\s+)?){_WHO}\s+(?i:vorstellen)\b"),
    ("you-two-de", "classic", 3.0, False, r"beide|zwei", r"(?i:\b(?:ihr beide|ihr zwei|sie beide)\b[^.?!]{0,40}\b(?:kennenlernen|austauschen|vernetzen|sprechen|unterhalten)\b)"),
    ("each-other-es", "classic", 3.0, False, r"presento|presentar|contacto", r"(?i:\b(?:os|les)\s+presento\b|\b(?:quiero|quería|quisiera|me gustaría|me permito)\s+presentar(?:os|les)\b|\b(?:os|les)\s+pongo\s+en\s+contacto\b)"),
    ("introduce-who-es", "classic", 3.0, True, r"presento", rf"(?i:\b(?:te|le)\s+presento\s+a\s+){_WHO}"),
    ("each-other-fr", "classic", 3.0, False, r"relation|contact|présent", r"(?i:\b(?:vous|te)\s+mettre\s+en\s+(?:relation|contact)\b|\bje\s+vous\s+mets\s+en\s+(?:relation|contact)\b|\bvous\s+présenter\s+l['’]un(?:e)?\s+à\s+l['’]autre\b)"),
    ("introduce-who-fr", "classic", 3.0, True, r"présent", rf"(?i:\bje\s+(?:vous|te)\s+présente\s+){_WHO}"),
    ("take-it-fr", "classic", 2.5, False, r"laisse", r"(?i:\bje\s+vous\s+laisse\s+(?:échanger|prendre\s+contact|voir\s+ensemble|poursuivre))"),
    # "Benedikt, das ist Sarah, …": one person addressed, the other presented to them by a
    # pointing word ("this is", "here is"; a self-introduction says "I am" / "hier ist").
    ("this-is", "classic", 3.0, True, r"das ist|dies ist|dit is|voici|ella es|él es|el es|esta es|este es|essa é|esse é|esta é|este é|ela é|ele é|lei è|lui è|questa è|questo è|ecco", rf"(?:^|[.!?;:]\s+|\b(?i:{GREET})\s+){_WHO}\s*[,:–—-]+\s*(?:(?i:das|dies|dit)\s+(?i:ist|is)|(?i:voici|ecco)|(?i:ella|él|el|esta|este)\s+(?i:es)|(?i:essa|esse|esta|este|ela|ele)\s+(?i:é)|(?i:lei|lui|questa|questo)\s+(?i:è))\s+(?:(?i:o|a|il|la|l['’])\s*)?{_WHO2}(?=\s*(?:[,.;:!()–—-]|$))"),
)
# fmt: on


# Cues whose every name must be someone on the message (To/Cc): a pointing word alone
# ("Danke, das ist Wahnsinn": German nouns are capitalised) names no one.
NAMES_ON_MESSAGE = frozenset({"this-is"})


def _cue(row: tuple[str, str, float, bool, str, str]) -> Cue:
    name, kind, weight, copied, keys, pattern = row
    # A pattern opening with a name tries a name at every capital letter, and backtracks
    # through it; what must follow the name ("is the right person to") is one quick scan.
    # Every match of the whole holds a match of that rest, so a sentence without one
    # cannot match at all.
    after = LazyPattern(pattern.removeprefix(_WHO)) if pattern.startswith(_WHO) else None
    return Cue(name, kind, weight, LazyPattern(pattern), frozenset(keys.split("|")), copied, after)


POSITIVE: tuple[Cue, ...] = tuple(_cue(row) for row in _ENGLISH + _OTHER_LANGUAGES)
KEYWORDS: tuple[str, ...] = tuple(sorted({k for cue in POSITIVE for k in cue.keys}))


_BY_KEY = {k: frozenset(i for i, c in enumerate(POSITIVE) if k in c.keys) for k in KEYWORDS}


def keywords_in(lower: str) -> frozenset[str]:
    """The cue keywords a lower-cased text holds (substring tests, no regex)."""
    if not lower:
        return frozenset()  # no keyword is empty
    return frozenset([k for k in KEYWORDS if k in lower])


def has_keyword(lower: str) -> bool:
    """Does a lower-cased text hold any cue keyword? (`keywords_in` that stops at the first.)"""
    if not lower:
        return False  # most messages quote nothing: skip 88 tests on ""
    return any(k in lower for k in KEYWORDS)


def cues_for(keys: frozenset[str]) -> tuple[Cue, ...]:
    """The cues, in table order, that one of these keywords can set off."""
    found: set[int] = set()
    for key in keys:
        found |= _BY_KEY.get(key, frozenset())
    return tuple(POSITIVE[i] for i in sorted(found))


_SUBJECT_WORD = r"intro|introduction|e-?intro|vorstellung|kennenlernen|presentación|os presento|mise en relation|présentation"
# Compiled on first use (`LazyPattern`): most subjects are answered by "subject-intro"
# alone, and the name patterns cost ~15 ms of a cold start to compile.
# fmt: off
SUBJECT: tuple[tuple[str, LazyPattern], ...] = (
    ("subject-intro", LazyPattern(rf"^(?:(?:re|fw|fwd|aw|wg|rv)\s*:\s*)*(?:{_SUBJECT_WORD}|introducing|meet)\b\s*[:\-–—]?", re.IGNORECASE)),
    ("subject-pair", LazyPattern(rf"^(?:(?:re|fw|fwd|aw|wg|rv)\s*:\s*)*(?:(?i:{_SUBJECT_WORD})\s*[:\-–—]\s*)?{_WHO}[^<>/]{{0,30}}\s*(?:<>|<->|↔|/|\+|&|x)\s*{_WHO2}[^<>/]{{0,30}}$")),
    ("subject-meet", LazyPattern(rf"{_WHO}\s*[,:–—-]\s*(?i:meet)\s+(?P<who2>[^\W\d_][\w'’-]+)")),
    ("subject-of", LazyPattern(rf"(?i:introduction of|introducing)\s+{_WHO}")),
)
# fmt: on
# A subject without one of these (lower-cased) cannot match the pattern, which is then not
# run: "subject-pair" needs its separator, "subject-meet" its "meet" (no letter of "meet"
# has a case variant outside ASCII, so lower-casing loses no match).
_SUBJECT_NEEDS: dict[str, tuple[str, ...]] = {
    "subject-pair": ("<", "↔", "/", "+", "&", "x"),
    "subject-meet": ("meet",),
}


def subject_hints(subject: str) -> list[tuple[str, re.Match[str]]]:
    """The `SUBJECT` patterns a subject matches, in table order, with their matches."""
    lower = subject.lower()
    found: list[tuple[str, re.Match[str]]] = []
    for name, pattern in SUBJECT:
        needs = _SUBJECT_NEEDS.get(name, ())
        if needs and not any(n in lower for n in needs):
            continue
        match = pattern.search(subject)
        if match:
            found.append((name, match))
    return found
