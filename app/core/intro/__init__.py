"""Introduction detection: weighed, general signals with fitted weights (pure).

Inside: `cues` and `vetoes` (the phrases that make and unmake an introduction),
`reading` (one message read for them), `people` (who is greeted, named and described),
`cast` (who introduced whom), `team` (the members a team introduction names),
`replied` (a reply to an introduction the thread lacks), `signals`, `weights` and `detect`.

Public surface: `detect_introduction` (a thread or message in, a verdict out),
`signals_of` (the named numeric signals of one message, for fitting and evaluation)
`language_of` (the language of a text, by a stop-word vote) and `settle_language` (the one
policy for the language to write to a thread in).
"""

from app.core.intro.description import described  # what the mail says about someone
from app.core.intro.detect import detect_introduction
from app.core.intro.language import language_of, settle_language
from app.core.intro.replied import REPLY_FEATURES, reply_signals  # replies without the intro
from app.core.intro.request import (  # requests for an introduction
    REQUEST_FEATURES,
    detect_request,
    request_signals,
)
from app.core.intro.signals import FEATURES, Signals, signals_of

__all__ = [
    "FEATURES",
    "REPLY_FEATURES",
    "REQUEST_FEATURES",
    "Signals",
    "described",
    "detect_introduction",
    "detect_request",
    "language_of",
    "reply_signals",
    "request_signals",
    "settle_language",
    "signals_of",
]
