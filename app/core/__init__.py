"""Pure analysis core: reading mail, recognising introductions, coaching replies.

No I/O, no web framework, no Google client, no clock, no randomness.
"""

from app.core.checks import Draft, Finding, check_email, check_reply
from app.core.intro import detect_introduction
from app.core.mail import first_name, greeting_name, parse_eml
from app.core.model import (
    Address,
    Attachment,
    Email,
    Introduction,
    IntroKind,
    IntroVerdict,
    Person,
    Thread,
    UserRole,
)
from app.core.preferences import Preferences
from app.core.reply import ReplyAdvice, ReplySuggestion, render_rfc822, suggest_reply

__all__ = [
    "Address",
    "Attachment",
    "Draft",
    "Email",
    "Finding",
    "IntroKind",
    "IntroVerdict",
    "Introduction",
    "Person",
    "Preferences",
    "ReplyAdvice",
    "ReplySuggestion",
    "Thread",
    "UserRole",
    "check_email",
    "check_reply",
    "detect_introduction",
    "first_name",
    "greeting_name",
    "parse_eml",
    "render_rfc822",
    "suggest_reply",
]
