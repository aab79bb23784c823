"""The sentence bank of the suggested reply, in our own words, and how lines are picked (pure).

Several phrasings per slot so two replies rarely read the same. The choice is
a deterministic function of the people's names, the slot and the user's
`variant` (CRC-32, not `hash()`, which changes between processes), so the same
introduction always gets the same wording until the user asks for another.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import datetime

from app.core.i18n import N_, Msg
from app.core.preferences import NextStep, Tone

GREETING: dict[Tone, tuple[str, ...]] = {
    "warm": ("Hi {names},", "Hello {names},", "Hi {names}!"),
    "formal": ("Dear {names},", "Hello {names},"),
}
GREETING_NO_NAME: dict[Tone, tuple[str, ...]] = {
    "warm": ("Hi both,", "Hello both,"),
    "formal": ("Hello,", "Good day,"),
}
THANKS: dict[Tone, tuple[str, ...]] = {
    "warm": (
        "{introducer}, thank you for connecting us!",
        "{introducer}, thanks so much for putting us in touch.",
        "Thanks, {introducer}, for bringing us together.",
        "{introducer}, I really appreciate you connecting us.",
    ),
    "formal": (
        "{introducer}, thank you for the kind introduction.",
        "Thank you, {introducer}, for introducing us.",
        "{introducer}, I am grateful for the introduction.",
    ),
}
THANKS_NO_NAME: dict[Tone, tuple[str, ...]] = {
    "warm": ("Thank you for connecting us!", "Thanks so much for putting us in touch."),
    "formal": ("Thank you for the kind introduction.", "I am grateful for the introduction."),
}
# The other side wrote first: the user has thanked nobody yet, so no "again".
THANKS_AGAIN: dict[Tone, tuple[str, ...]] = {
    "warm": ("And thank you, {introducer}, for connecting us.",),
    "formal": ("And thank you, {introducer}, for the introduction.",),
}
THANKS_AGAIN_BCC: dict[Tone, tuple[str, ...]] = {
    "warm": ("I'm grateful to {introducer} for connecting us.",),
    "formal": ("I remain grateful to {introducer} for the introduction.",),
}
# The other side wrote first: thank them for writing, never "for getting back to me"
# (the user has not written yet).
ANSWER: dict[Tone, tuple[str, ...]] = {
    "warm": ("Great to hear from you{other}!", "Thanks for reaching out{other}."),
    "formal": ("Thank you for your message{other}.", "It was good to hear from you{other}."),
}
INTEREST_FACT: dict[Tone, tuple[str, ...]] = {
    "warm": (
        "{introducer} tells me {fact}, and I'd love to hear more about it.",
        "from what {introducer} shared, {fact}; I'm keen to hear how that's going.",
        "{introducer} mentioned that {fact}, which I'd enjoy learning more about.",
    ),
    "formal": (
        "{introducer} mentioned that {fact}; I would welcome the chance to learn more.",
        "I understand from {introducer} that {fact}, and I would be glad to hear more.",
    ),
}
INTEREST_PLAIN: dict[Tone, tuple[str, ...]] = {
    "warm": (
        "I'd enjoy learning about your work and what's keeping you busy.",
        "I'm keen to hear what you're focused on at the moment.",
        "it would be great to hear more about your work.",
    ),
    "formal": (
        "I would welcome the chance to learn more about your work.",
        "I would be glad to hear more about what you are focused on.",
    ),
}
NEXT_STEP: dict[tuple[NextStep, Tone], tuple[str, ...]] = {
    ("coffee", "warm"): (
        "Would you be up for a coffee sometime in the next two weeks?",
        "Could we grab a coffee in the next week or two?",
        "Are you free for a coffee at some point in the next two weeks?",
    ),
    ("call", "warm"): (
        "Would you have 20 minutes for a phone call in the next week or two?",
        "Could we find time for a quick phone call in the next two weeks?",
    ),
    ("video", "warm"): (
        "Would a short video call in the next two weeks work for you?",
        "Could we set up a 20-minute video call in the next week or two?",
    ),
    ("coffee", "formal"): (
        "Would you have time for a coffee in the next two weeks?",
        "Might you be available for a coffee in the coming two weeks?",
    ),
    ("call", "formal"): (
        "Would you be available for a brief phone call in the next two weeks?",
        "Might we arrange a short phone call in the coming two weeks?",
    ),
    ("video", "formal"): (
        "Would you be available for a short video call in the next two weeks?",
        "Might we arrange a brief video call in the coming two weeks?",
    ),
}
FLEXIBLE: dict[Tone, tuple[str, ...]] = {
    "warm": (
        "I'm happy to work around your calendar.",
        "Happy to fit around whatever suits you.",
        "Any day that suits you works for me.",
    ),
    "formal": ("I am glad to work around your schedule.", "I will gladly fit around your diary."),
}
SIGN_OFF: dict[Tone, tuple[str, ...]] = {
    "warm": ("Best,", "All the best,", "Warmly,"),
    "formal": ("Kind regards,", "Best regards,"),
}
# Answering a time or place the other side proposed; `{proposal}` is their proposal quoted
# back ("coffee near Union Square some morning next week"). ACCEPT when it is the kind of
# meeting the user chose; COUNTER when the user chose another (`{alternative}`, e.g.
# "a video call"): theirs is taken up and the user's offered beside it, never refused.
ACCEPT: dict[Tone, tuple[str, ...]] = {
    "warm": (
        "{proposal} works well for me. Shall I send a calendar invite?",
        "{proposal} sounds great; count me in. I'll send you an invite.",
        "Happy to go with {proposal}; I'll send you an invite.",
    ),
    "formal": (
        "{proposal} suits me well; I will send a calendar invitation.",
        "I would be glad to meet as you suggest, {proposal}; shall I send an invitation?",
    ),
}
COUNTER: dict[Tone, tuple[str, ...]] = {
    "warm": (
        "Thanks for suggesting {proposal}: that works for me, and if {alternative} is easier "
        "for you, I'm happy to do that instead. Which would you prefer?",
        "{proposal} works for me, and so would {alternative}, whichever suits you better. "
        "Just let me know.",
    ),
    "formal": (
        "Thank you for suggesting {proposal}, which suits me; {alternative} would work equally "
        "well if you prefer. Please let me know which you would like.",
    ),
}
NEXT_STEP_NOUN: dict[NextStep, str] = {
    "coffee": "a coffee",
    "call": "a phone call",
    "video": "a video call",
}

REASON_TO = "To: {who}, the person you were introduced to."
REASON_TO_MORE = "To: {who}, also introduced."
REASON_CC = "Cc: {who}, who made the introduction and should see you followed up."
REASON_MOVED = "{who} was moved to Bcc by the other side, so they are not re-added."
REASON_NO_ADDRESS = "No address was found for {who}; add it before sending."
REASON_NOT_ME = "Your own address is left off the recipients."
REASON_EXTRA = "Left off {who}, also copied; add them back if they should follow along."

# The advice shown on the card (not reply text): marked for the card's translation.
WHY_INTRODUCER = N_("You made this introduction; the first reply is theirs to write.")
WHY_NOT_INVOLVED = N_("You are not one of the people introduced.")
INTRODUCER_MOVES = (
    N_("If neither has replied in a few days, a light nudge to both helps."),
    N_("Once they have connected, step back to Bcc so your inbox stays quiet."),
)


def why_replied(on: datetime | None) -> Msg:
    """Why there is no first reply to write: the user already sent one."""
    if on is None:
        return N_("You already replied; no new first reply is needed.")
    return N_("You already replied on {date:%d %B %Y}; no new first reply is needed.", date=on)


def follow_up_moves(other: str, introducer: str) -> tuple[Msg, ...]:
    """What to do after the first reply (`other`, `introducer`: first names or "")."""
    them = other or N_("them")
    return (
        N_(
            "Give first: send {other} something useful, an article on their field or an "
            "introduction to someone who could help them.",
            other=them,
        ),
        N_("Talk about your own needs only once {other} asks.", other=them),
        N_(
            "After you have met, close the loop with {introducer}: a short note on how it went.",
            introducer=introducer or N_("the introducer"),
        ),
    )


def pick(options: Sequence[str], key: str, slot: str, variant: int) -> str:
    """One of `options`, fixed by the key (names), the slot and the variant."""
    index = zlib.crc32(f"{slot}|{key}".encode()) + variant
    return options[index % len(options)]
