"""Is a sentence an ask, and of which kind? A fitted sentence classifier (pure).

Word 1–3-grams of the folded sentence (lower case, accents and digits folded), the kinds
of thing asked for (`ask_kinds.json`), the families of request form it uses
(`ask_forms.json`: "could you", "send me", "for me", a meeting word, "call me", "about your" ...,
and `ask_shapes.json`: "if you could", "it would be great if", "would you be willing", "I need
your", "go ahead and", "can I get", "by Friday", mass mail, offers ..., seven languages), the
mood of the request (`ask_mood`: an imperative, a modal with a verb of doing, the writer
benefiting) and the path of the English request cues
(`ask_cues`) feed two linear models fitted offline by `scripts/train_asks.py` (scikit-learn, a dev
dependency) and read here from `ask_weights.json`: one over ask / meeting / none
(a proposal to meet is its own class, so it is never taken for an ask), one over the
kinds of ask. Serving only looks words up and adds weights. Reading the package's own
data file at import is like importing a module.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

from app.core.checks.ask_cues import cue
from app.core.checks.ask_mood import mood_features
from app.core.intro.lexicon import Matcher, fold, matcher_for
from app.core.memo import per_analysis

_TOKENS = re.compile(r"[\w']+|\?")
_DIGITS = re.compile(r"\d+")
_MAX_TOKENS = 80  # an ask is a sentence, not a page: longer runs are cut
_OPENING_WORDS = 6  # an opening clause that sets the scene is short


def _kind_words() -> Matcher:
    raw = resources.files("app.core.checks").joinpath("ask_kinds.json").read_text("utf-8")
    data = json.loads(raw)
    return matcher_for({k: v for k, v in data.items() if isinstance(v, list)})


_KIND_WORDS = _kind_words()


def _form_words() -> Matcher:
    """The request forms (`ask_forms.json`) and the further shapes of a request
    (`ask_shapes.json`: conditional and indirect requests, the reader's willingness, the
    writer's need, a task put on the reader, deadlines ...), one matcher: one scan."""
    families: dict[str, list[str]] = {}
    for name in ("ask_forms.json", "ask_shapes.json"):
        raw = resources.files("app.core.checks").joinpath(name).read_text("utf-8")
        for family, entries in json.loads(raw).items():
            if isinstance(entries, list):
                families.setdefault(family, []).extend(entries)
    return matcher_for(families)


_FORM_WORDS = _form_words()
# Pairs of request forms that make a request together ("could you send me", "please ...
# for me"); each pair is one more feature.
_FORM_PAIRS = (
    ("modal_you", "give_me"),
    ("please", "give_me"),
    ("modal_you", "for_me"),
    ("please", "for_me"),
    ("grateful_if", "give_me"),
    ("modal_you", "please"),
    ("seeking", "grateful_if"),
    ("modal_you", "meet"),
    ("please", "meet"),
    ("modal_you", "about_you"),
    ("give_me", "about_you"),
    ("meet", "meet_me"),
    # The further shapes of a request (`ask_shapes.json`) also propose meetings ("it
    # would be great to meet", "if you can call me", "a call at your convenience").
    ("if_you_could", "meet"),
    ("would_help", "meet"),
    ("willing", "meet"),
    ("need_you", "meet"),
    ("you_should", "meet"),
    ("may_i", "meet"),
    ("deadline", "meet"),
)


def _scan_forms(folded: str) -> list[tuple[int, str, str]]:
    # "pourriez-vous", "envoie-moi", "enviar-me": the entries are written with a space.
    return _FORM_WORDS.scan(folded.replace("-", " "))


_OPENING = re.compile(r"^(?:[^,:;!?]{1,60}?)(?:[,:;!]|\s[-–—]+\s)")


def _lead_meetings(folded: str, scanned: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Meeting words only in a short opening clause before a request ("Before we talk,
    would you mind reviewing ...", "Antes de hablar, ¿podrías ...") set the scene of the
    request rather than propose a meeting: they are the family `meet_lead` instead."""
    meets = [at for at, family, _ in scanned if family == "meet"]
    if not meets:
        return scanned
    opening = _OPENING.match(folded)
    if opening is None or len(opening.group().split()) > _OPENING_WORDS:
        return scanned
    end = opening.end()
    if max(meets) >= end:
        return scanned
    asking = [at for at, family, _ in scanned if family in {"modal_you", "please"}]
    if not asking or min(asking) < end:  # the request must come after the opening
        return scanned
    return [(at, "meet_lead" if f == "meet" else f, w) for at, f, w in scanned]


def request_forms(sentence: str) -> frozenset[str]:
    """The families of request forms (`ask_forms.json`) a sentence uses."""
    return frozenset(f[2:] for f in _features(sentence) if f.startswith("f:") and "+" not in f)


def features(sentence: str) -> list[str]:
    """The sentence's features: words, word pairs and triples, first words, length, "?",
    the kinds of ask whose words it uses (`ask_kinds.json`), its request-form families
    (`ask_forms.json`), its mood (`ask_mood`), and the path of the English request cues
    (`ask_cues`)."""
    return list(_features(sentence))


@per_analysis  # asked by the intent and the kind model, and by `asks.decide`
def _features(sentence: str) -> tuple[str, ...]:
    folded = _DIGITS.sub("0", fold(sentence))
    tokens = _TOKENS.findall(folded)[:_MAX_TOKENS]
    found = [f"w:{t}" for t in tokens]
    found += [f"b:{a} {b}" for a, b in pairwise(tokens)]
    found += [f"t:{a} {b} {c}" for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)]
    if tokens:
        found.append(f"s:{tokens[0]}")
        found.append(f"s2:{' '.join(tokens[:2])}")
        found.append(f"len:{min(len(tokens) // 8, 4)}")
    found += sorted({f"k:{kind}" for _, kind, _ in _KIND_WORDS.scan(folded)})
    scanned = _lead_meetings(folded, _scan_forms(folded))
    forms = {family for _, family, _ in scanned}
    found += [f"f:{family}" for family in sorted(forms)]
    found += [f"f:{a}+{b}" for a, b in _FORM_PAIRS if a in forms and b in forms]
    modals = [(at, at + len(words)) for at, family, words in scanned if family == "modal_you"]
    found += mood_features(folded, modals)
    cued = cue(sentence)
    if cued is not None:
        found += [f"c:{cued[0]}", f"c:{cued[0]} {cued[1]}"]
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Linear:
    """A multinomial linear model: per class a bias and weights over named features."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, names: list[str]) -> dict[str, float]:
        """Softmax of the class scores (binary models: the logistic of one score)."""
        # Per class: its bias plus the weights of the features it knows, added in the
        # same order as a loop over `set(names)` would (`sum` starts from the bias), but
        # with the lookups and additions in C.
        rows = list(filter(None, map(self.weights.get, set(names))))
        scores = list(map(sum, zip(*rows, strict=True), self.bias)) if rows else list(self.bias)
        if len(self.classes) == 2 and len(scores) == 1:
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, scores[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


def linear_from_json(data: dict[str, object]) -> Linear:
    """A `Linear` from its JSON form: classes, bias, and feature -> weight per class."""
    classes, bias, weights = data["classes"], data["bias"], data["weights"]
    if not (isinstance(classes, list) and isinstance(bias, list) and isinstance(weights, dict)):
        raise ValueError("ask model: classes, bias and weights expected")
    return Linear(
        tuple(str(c) for c in classes),
        tuple(float(b) for b in bias),
        {str(k): tuple(map(float, v)) for k, v in weights.items()},  # in C: ~2.5 ms of start
    )


# P(meeting) from which an ask must name its kind (`AskModel.asks`). Chosen on the
# cross-validated real sentences (0.15 / 0.2 / 0.25 tried, then 0.2 / 0.15 again once
# the English meeting words joined the meet family: README, "Measured").
MEETING_DOUBT = 0.15


@dataclass(frozen=True, slots=True)
class Intent:
    """What the intent model reads in one sentence (`AskModel.intent_of`)."""

    ask: float  # P(ask)
    meeting: float  # P(meeting)
    names_kind: bool  # it uses the words of a kind of ask (`ask_kinds.json`)


@dataclass(frozen=True, slots=True)
class AskModel:
    """The two fitted models and the probability from which a sentence is an ask."""

    intent: Linear
    kind: Linear
    threshold: float

    def intent_of(self, sentence: str) -> Intent:
        """P(ask), P(meeting) and the kind words of one sentence, read once."""
        names = features(sentence)
        found = self.intent.probabilities(names)
        kinds = any(f.startswith("k:") for f in names)
        return Intent(found.get("ask", 0.0), found.get("meeting", 0.0), kinds)

    def ask_probability(self, sentence: str) -> float:
        """P(ask) for one sentence."""
        return self.intent_of(sentence).ask

    def meeting_probability(self, sentence: str) -> float:
        """P(meeting) for one sentence."""
        return self.intent_of(sentence).meeting

    def asks(self, sentence: str, threshold: float | None = None) -> bool:
        """`reads_as_ask` of the sentence's `intent_of`."""
        return self.reads_as_ask(self.intent_of(sentence), threshold)

    def reads_as_ask(self, intent: Intent, threshold: float | None = None) -> bool:
        """An ask: P(ask) reaches the threshold (the fitted one unless given) and is not
        below P(meeting) (a sentence that reads as much like a meeting proposal as like
        an ask is a next step). A sentence that reads even partly like a meeting
        proposal (P(meeting) ≥ `MEETING_DOUBT`) is an ask only when it names a kind
        of ask (`ask_kinds.json`: a job, a review, names ...): "can you arrange this
        call?" is a next step, "can you review my deck before our call?" still asks."""
        bar = self.threshold if threshold is None else threshold
        if intent.ask < bar or intent.ask < intent.meeting:
            return False
        return intent.meeting < MEETING_DOUBT or intent.names_kind

    def kind_of(self, sentence: str) -> str:
        """The most likely kind of ask (job, referral, contacts, favour, review, ...)."""
        found = self.kind.probabilities(features(sentence))
        return max(found, key=lambda k: found[k])


def model_from_json(data: dict[str, object]) -> AskModel:
    """The ask model from the content of `ask_weights.json`."""
    intent, kind, threshold = data["intent"], data["kind"], data["threshold"]
    if not (isinstance(intent, dict) and isinstance(kind, dict)):
        raise ValueError("ask model: intent and kind models expected")
    if not isinstance(threshold, float | int):
        raise ValueError("ask model: threshold must be a number")
    return AskModel(linear_from_json(intent), linear_from_json(kind), float(threshold))


def _load() -> AskModel:
    raw = resources.files("app.core.checks").joinpath("ask_weights.json").read_text("utf-8")
    return model_from_json(json.loads(raw))


ASK_MODEL = _load()
