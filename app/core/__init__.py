"""Pure analysis core: reading mail, recognising introductions, coaching replies.

No I/O, no web framework, no Google client, no clock, no randomness.
"""

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
from app.core.names import first_name, greeting_name
from app.core.rfc822 import parse_eml

__all__ = [
    "Address",
    "Attachment",
    "Email",
    "IntroKind",
    "IntroVerdict",
    "Introduction",
    "Person",
    "Thread",
    "UserRole",
    "first_name",
    "greeting_name",
    "parse_eml",
]
