"""`no_thanks`, `no_next_step`, `too_long`: the shape of a good first reply (pure).

A first reply thanks the introducer, proposes a small next step and stays short.
Thanks and next steps are recognised leniently ("Thnx.", "I'll call you when I
land", "happy to do the introduction"), because a false alarm on a good reply
costs more trust than a missed nudge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

from app.core.checks.caseless import Caseless
from app.core.checks.finding import Finding
from app.core.checks.reply_words import proposes, says
from app.core.i18n import N_
from app.core.memo import per_analysis
from app.core.text import word_equivalents
from app.core.text.sentences import Sentence, normalize

MAX_WORDS = 150  # warn above this; the suggested reply itself stays under 120
TARGET_WORDS = 120
_I = re.IGNORECASE
_THANKS = Caseless(
    r"\b(?:thanks?|thank(?:s| you| u)|thx|thnx|tnx|tks|thks|ty|grateful|gratitude|appreciated?"
    r"|appreciation|appreciate it|merci|danke|gracias|obrigad[oa]|grazie|kudos"
    r"|owe you (?:one|big|a (?:drink|coffee|beer|pint|lunch|dinner))|in your debt|much obliged)\b",
    word_start=True,
)
_GREETING_MEET = Caseless(
    r"(?<!be )(?<!'d )(?<!will )(?<!'ll )(?<!would )(?<!to )\b(?:nice|pleasure|pleased|great"
    r"|glad|lovely|good|delighted|happy|wonderful) to (?:e-?|virtually )?meet you\b"
    r"(?! (?:in person|for|over|next|soon|at|on|this|when))",
    needs=("meet you",),
)
_MEET = Caseless(
    r"\b(?:meet|meeting|meet up|coffee|call|phone|ring|chat|talk|speak|catch up|get together"
    r"|spend time|zoom|video|hangout|skype|teams|lunch|breakfast|dinner|drinks?|regroup|sit down"
    r"|visit|calendly|calendar|schedule|slot|availability|(?<!some )time|get to know|compare notes"
    r"|kaffee|café|cafe|appel|anruf|telefonat|llamada|treffen|reunión|réunion|rencontrer|quedar"
    r"|visio|videollamada|videocall|\d+[- ]?min(?:ute)?s?|see you|see each other|come by|stop by"
    r"|drop by|(?:come|pop|swing|head) (?:over |round |along |down )?(?:to|by) (?:your|the)"
    r" (?:office|offices|studio|lab|premises|place|shop)"
    r"|(?:book|reserve) (?:a|us a) (?:table|room))\b",
    word_start=True,
)
_DAY = "(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_FORWARD = Caseless(
    r"\b(?:let's|let us|shall we|could we|can we|would you|could you|can you|are you|would it"
    r"|do you have|how about|what about|when|I'll|I will|I'd|I would|I shall|we could|we can"
    r"|we should|we'll|happy to|glad to|look(?:ing)? forward|hope to|would love|keen to|let me know"
    r"|please|propose|suggest|free|next week|this week|soon"
    rf"|{_DAY}|weekend|tomorrow|tonight|works for you"
    r"|that works|suits you|grab|book)\b",
    word_start=True,
)  # or a "?" anywhere: tested apart, so the words can be searched as a WordStart
# A plan in the first person, the subject often dropped in quick replies ("Will call you
# in the am", "Would be happy to get your folks introduced").
_COMMIT = Caseless(
    r"(?:\b(?:I'll|I will|I'm happy to|I am happy to|happy to|glad to|I'd be glad to"
    r"|I'd be happy to|let me|I shall)|^\W*will) (?:\w+ ){0,3}?(?:send|share|introduc\w*|do|make"
    r"|follow up|reach out|be in touch|get back|call|email|set up|arrange|put together|connect"
    r"|loop|forward|pass|ring|contact)\b"
    r"|\bcalendly\b",
    needs=("i'll", "i will", "happy to", "glad to", "let me", "i shall", "calendly", "will"),
)
# English day and time words. A question about one is a proposal even without a meeting word
# ("Free Saturday morning?"); `reply.proposal` reads the time of a proposal with them.
WHEN = Caseless(
    rf"\b(?:{_DAY}|weekend|tomorrow|tonight|next week"
    r"|this week|(?:this|tomorrow) (?:morning|afternoon|evening))\b",
    needs=("day", "week", "tomorrow", "tonight", "morning", "afternoon", "evening"),
)
# Taking up a time or a meeting already on the table is a next step too ("Thursday works
# for me", "a coffee next week sounds great"): only next to a meeting, day or time word.
_ACCEPT = Caseless(
    r"\b(?:works? (?:well |great |fine |perfectly |nicely )?(?:for|with) me|suits me"
    r"|sounds (?:good|great|perfect|fine|lovely|ideal)|(?:is |that's |would be )?(?:perfect"
    r"|fine|great|ideal) (?:for|by|with) me|count me in|happy to go with|glad to go with)\b",
    needs=("work", "suits me", "sounds", " me", "count me in", "go with"),
)
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\b|\b\d{1,2}(?:st|nd|rd|th)\b", _I)
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b", _I)


def has_thanks(text: str, languages: tuple[str, ...] = ()) -> bool:
    """Does the text thank anyone (leniently: "Thnx." counts), in English or `languages`?"""
    return _THANKS.search(normalize(text)) or says(text, "thanks", languages)


def is_next_step(sentence: str, languages: tuple[str, ...] = ()) -> bool:
    """A next step in English or in one of `languages` (see `reply_words`)."""
    return proposes_next_step(sentence) or proposes(sentence, languages)


@per_analysis  # asked once per check family for the same sentence
def proposes_next_step(sentence: str) -> bool:
    """Does the sentence propose or commit to a next step (meeting, call, intro)?"""
    text = normalize(sentence)
    if _COMMIT.search(text):
        return True
    if "?" in text and WHEN.search(text):
        return True
    if _ACCEPT.search(text) and (WHEN.search(text) or _MEET.search(text) or _CLOCK.search(text)):
        return True
    if not _MEET.search(text):
        return False
    text = _GREETING_MEET.blank(text)
    return _MEET.search(text) and ("?" in text or _FORWARD.search(text))


def is_greeting(sentence: Sentence) -> bool:
    """A salutation line such as "Hi Sue and Joe," or "Judith:"."""
    return _is_greeting_line(sentence.text)


@per_analysis  # the focus and length checks ask it of every sentence of a draft
def _is_greeting_line(line: str) -> bool:
    text = line.strip()
    short = len(text.split()) <= 6 and text.endswith((",", ":", "!"))
    return short or (bool(_GREETING.match(text)) and len(text.split()) <= 8)


def check_thanks(
    text: str, sentences: Sequence[Sentence], introducer: str, languages: tuple[str, ...] = ()
) -> tuple[Finding, ...]:
    """`no_thanks` when the introducer is not thanked; the span marks where a thank-you
    fits. A closing "Thanks," and a thank-you for the reader's time do not count, unless
    they name the introducer."""
    if any(_thanks_introducer(s.text, introducer, languages) for s in sentences):
        return ()
    at = sentences[0].end if sentences and is_greeting(sentences[0]) else 0
    if introducer:
        message = N_(
            "The reply never thanks {who}, who vouched for you by making the introduction.",
            who=introducer,
        )
        fix = N_(
            "Open with a thank-you, e.g. “{who}, thank you for connecting us.”", who=introducer
        )
    else:
        message = N_(
            "The reply never thanks the person who introduced you, who vouched for you by "
            "making the introduction."
        )
        fix = N_("Open with a thank-you, e.g. “Thank you for connecting us.”")
    return (Finding("no_thanks", "warning", message, at, at, fix),)


# A closing formula: nothing but a thank-you, then a comma ("Thanks," / "Many thanks,").
_SIGN_OFF = re.compile(
    r"^\W*(?:\w+\W+){0,2}?\w+\s*,\s*$",
)
_FOR_YOUR_TIME = Caseless(
    r"\bthank(?:s| you)(?: (?:so|very) much)?(?: again)? for (?:your (?:time|willingness|interest)"
    r"|taking the time|making (?:the )?time|being (?:willing|open|so quick)|agreeing|offering"
    r"|getting back|your (?:quick )?(?:reply|response))\b",
    needs=("thank",),
)


def _thanks_introducer(sentence: str, introducer: str, languages: tuple[str, ...]) -> bool:
    """A sentence that thanks, and not only as a sign-off or for the reader's time (those
    count when they name the introducer)."""
    if not has_thanks(sentence, languages):
        return False
    if introducer and re.search(rf"\b{re.escape(introducer)}\b", sentence, re.IGNORECASE):
        return True
    if _SIGN_OFF.match(sentence):
        return False
    return not (_FOR_YOUR_TIME.search(sentence) or says(sentence, "thanks_reader", languages))


_LINK = re.compile(r"(?:\bhttps?://|\bwww\.)\S", re.IGNORECASE)
_BOOKING = Caseless(
    r"\b(?:calendars?|calendly|cal\.com|booking|book (?:a|an|any|some|me|in|time|yourself)"
    r"|schedul\w*|slots?|appointments?)\b",
    needs=("cal", "book", "schedul", "slot", "appointment"),
)


def offers_booking_link(sentence: str, before: str, languages: tuple[str, ...] = ()) -> bool:
    """A link to book a time: a URL in the sentence, and a word of a calendar or booking
    page in it or in the sentence before ("Here's my calendar, grab a slot:
    https://…", "Te dejo mi agenda: https://…"; the lexicons' ``booking`` words)."""
    if not _LINK.search(sentence):
        return False
    near = f"{before}\n{sentence}"
    return bool(_BOOKING.search(normalize(near))) or says(near, "booking", languages)


def check_next_step(
    sentences: Sequence[Sentence], proposal: str, languages: tuple[str, ...] = ()
) -> tuple[Finding, ...]:
    """`no_next_step` when no sentence proposes a meeting, call or follow-up, or offers
    a link to book one."""
    if any(is_next_step(s.text, languages) for s in sentences):
        return ()
    texts = [s.text for s in sentences]
    if any(
        offers_booking_link(t, texts[i - 1] if i else "", languages) for i, t in enumerate(texts)
    ):
        return ()
    at = sentences[-1].end if sentences else 0
    return (
        Finding(
            "no_next_step",
            "info",
            N_("There is no next step, so the conversation may stop at hello."),
            at,
            at,
            N_("Propose something small, e.g. “{proposal}”", proposal=proposal),
        ),
    )


def check_length(text: str, sentences: Sequence[Sentence]) -> tuple[Finding, ...]:
    """`too_long` above MAX_WORDS; the span covers the words past TARGET_WORDS.

    Words are counted as a reader of the script would: Chinese and Japanese by
    characters (`word_equivalents`), so a long reply without spaces is long too."""
    body = [s for s in sentences if not is_greeting(s)]
    lengths = [word_equivalents(s.text) for s in body]
    total = sum(lengths)
    if total <= MAX_WORDS:
        return ()
    running = list(accumulate(lengths))
    start = next(s.start for s, n in zip(body, running, strict=True) if n > TARGET_WORDS)
    end = body[-1].end
    return (
        Finding(
            "too_long",
            "info",
            N_(
                "At {total} words this is long for a first reply; under {target} reads best.",
                total=total,
                target=TARGET_WORDS,
            ),
            start,
            end,
            N_("Keep the thanks, one line of interest in them and the next step; cut the rest."),
            text[start:end],
        ),
    )
