"""The English request cues of the `ask` check, read as evidence (pure).

`cue` says which path of the phrase patterns (`ask_patterns`) a sentence takes:

- `strong`: a pattern that names the ask itself ("refer me", "pick your brain");
- `generic`: "could you send me ..." outside scheduling;
- `form`: a request form ("please", "could you", "I'd appreciate") plus a word naming
  something wanted (a review, names, a job).

The first two decide alone (they were right on every labelled sentence they fired on).
A `form` cue is only a feature of the fitted model: on its own it was right about half
the time on real sentences ("please review our privacy policy").
"""

from __future__ import annotations

from typing import Literal

from app.core.checks import ask_patterns as pat
from app.core.checks.finding import AskKind
from app.core.memo import per_analysis
from app.core.text.sentences import normalize

CuePath = Literal["strong", "generic", "form"]


@per_analysis  # asked by `asks.decide` and by the model's features
def cue(sentence: str) -> tuple[CuePath, AskKind] | None:
    """The path and kind the English request cues give a sentence (None: no cue)."""
    lowered = normalize(sentence).lower()
    if "@" in lowered:
        text = pat.BLANK.sub(lambda m: " " * len(m.group(0)), lowered)
    else:
        text = pat.BLANK_WORDS.blank(lowered)
    if not pat.ASK_GATE.search(text):
        return None  # neither a strong ask nor a request form: no ask
    for kind, pattern in pat.STRONG:
        if pattern.search(text):
            return "strong", kind
    # No strong ask, so the gate matched a request form: MARKER matches text.lstrip().
    if pat.OFFER.search(text) and not pat.FOR_ME.search(text):
        return None
    for kind, pattern in pat.KIND_CUES:
        if pattern.search(text):
            return "form", kind
    if pat.GENERIC_FAVOUR.search(text) and not pat.SCHEDULING.search(text):
        return "generic", "favour"
    return None
