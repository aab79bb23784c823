"""The mail model every other part reads: pure frozen values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal


@dataclass(frozen=True, slots=True)
class Address:
    """One mailbox: a display name (may be empty) and a lower-cased address (may be empty)."""

    name: str
    email: str

    def label(self) -> str:
        """The best short way to show this person: the name, else the address."""
        return self.name or self.email

    def formatted(self) -> str:
        """`Name <addr>` (or the bare address), for headers and JSON."""
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.email or self.name


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to a message: name, MIME type and size in bytes."""

    filename: str
    mime_type: str
    size: int


@dataclass(frozen=True, slots=True)
class Email:
    """One message, whatever it was read from (RFC 822 bytes or Gmail API JSON).

    `new_text` is what the sender wrote in this message: quoted history, forwarded
    blocks and the signature are split off into `quoted_text` and `signature`.
    `problems` lists what could not be read cleanly; reading never raises.
    """

    subject: str = ""
    sender: Address | None = None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    bcc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    date: datetime | None = None
    text: str = ""
    new_text: str = ""
    quoted_text: str = ""
    signature: str = ""
    attachments: tuple[Attachment, ...] = ()
    problems: tuple[str, ...] = ()
    gmail_id: str = ""
    thread_id: str = ""
    headers_present: bool = True

    @property
    def recipients(self) -> tuple[Address, ...]:
        """To then Cc (Bcc is private to the sender)."""
        return self.to + self.cc


@dataclass(frozen=True, slots=True)
class Thread:
    """Messages of one conversation, oldest first."""

    messages: tuple[Email, ...] = field(default_factory=tuple)
    thread_id: str = ""

    @property
    def last(self) -> Email | None:
        """The newest message, if any."""
        return self.messages[-1] if self.messages else None


IntroKind = Literal[
    "classic", "handoff", "one_sided", "one_to_many", "forwarded", "double_opt_in_forward"
]
UserRole = Literal["introduced", "introducer", "bystander", "unknown"]


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in an introduction; `blurb` is what the introducer wrote about them;
    `members`, for a group ("Growth Team"), the people of it the introduction names."""

    name: str
    email: str
    blurb: str = ""
    members: tuple[str, ...] = ()

    @property
    def address(self) -> Address:
        """This person as an `Address`."""
        return Address(self.name, self.email)


@dataclass(frozen=True, slots=True)
class Introduction:
    """Who introduced whom, in which message, and how sure we are.

    `message_index` is the introduction's position in the thread; -1 means it was
    found only in the quoted history of the newest message.
    """

    kind: IntroKind
    introducer: Person
    introduced: tuple[Person, ...]
    user_role: UserRole
    confidence: float
    evidence: tuple[str, ...]
    message_index: int
    subject: str = ""
    message_id: str = ""
    references: tuple[str, ...] = ()
    language: str = "en"
    # Recognised from a reply to it (the thread given holds no introduction): who was
    # thanked for it, and who is on the reply; `message_index` is then -1.
    from_reply: bool = False
    # Teams named in prose ("Noor runs lifecycle and Caleb handles paid"): each a `Person`
    # with no address whose `members` are people of `introduced` (who stay there, each
    # with their address); see `app/core/intro/team_prose.py`.
    teams: tuple[Person, ...] = ()


# --- Requests for an introduction (app/core/intro/request.py) ---


@dataclass(frozen=True, slots=True)
class IntroRequest:
    """Someone asking the recipient for an introduction: "could you introduce me to Sue?".

    `requester` is the sender; `target` is whom they want to meet, as written (a name,
    a company or a role); `evidence` names the phrases that fired.
    """

    requester: Person
    target: str
    language: str
    confidence: float
    evidence: tuple[str, ...] = ()


def known_introduction(
    introducer: Person,
    introduced: tuple[Person, ...],
    *,
    confidence: float,
    evidence: str,
    thread: Thread | None = None,
) -> Introduction:
    """A classic introduction of the user that was not detected: chosen or remembered.

    Args:
        introducer: who made the introduction.
        introduced: the people introduced (the user among them, or only the others).
        confidence: how sure we are, 0 to 1.
        evidence: why we believe it, in a few words.
        thread: the thread it is in; the reply then answers its newest message.
            Without it, the introduction is in no message we read (`message_index` -1).
    """
    last = thread.last if thread is not None else None
    if thread is None or last is None:
        return Introduction(
            "classic", introducer, introduced, "introduced", confidence, (evidence,), -1
        )
    return Introduction(
        kind="classic",
        introducer=introducer,
        introduced=introduced,
        user_role="introduced",
        confidence=confidence,
        evidence=(evidence,),
        message_index=len(thread.messages) - 1,
        subject=last.subject,
        message_id=last.message_id,
        references=last.references,
    )


@dataclass(frozen=True, slots=True)
class IntroVerdict:
    """The answer of `detect_introduction`: an `Introduction`, or why not.

    `confidence` is how sure we are that there is an introduction, 0.5 being the line:
    the model's figure (≥ 0.5 with an introduction, below without), or 0 when a rule
    rules one out whatever the model weighs (no evidence at all; nobody to introduce).
    """

    introduction: Introduction | None
    confidence: float
    evidence: tuple[str, ...] = ()
    reason: str = ""

    @property
    def is_introduction(self) -> bool:
        """True when an introduction was recognised."""
        return self.introduction is not None
