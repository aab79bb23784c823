"""The demo mailbox: our own `.eml` threads loaded into the Gmail emulator's `Mailbox`.

Files in `devkit/demo/mailbox/` load in name order. Messages of one thread find each other
by `In-Reply-To`/`References`, as Gmail threads them; a file named `*.draft.eml` is an
unsent draft of the user's in its thread. Uploads (`.eml` from the simulator page) are
checked first, so a file that is not an email is a clear `BadEml`, never a crash.
The add-on never reads this object: it reads the emulator over HTTP, like Gmail.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.errors import MessageError
from pathlib import Path

from app.core.mail import parse_eml
from devkit.emulator import EntityNotFound, Mailbox, StoredDraft, StoredMessage

MAILBOX_DIR = Path(__file__).parent / "mailbox"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# What reading a hostile file can raise (bad encoded words, charsets, nesting).
_READ_ERRORS = (MessageError, ValueError, LookupError, UnicodeError, RecursionError)
_DRAFT_SUFFIX = ".draft.eml"
# What each demo thread shows off, for the thread list (keyed by the file name's prefix).
NOTES = {
    "01": "Classic introduction",
    "02": "Handoff: “I'm copying Misha”",
    "03": "Forwarded double opt-in",
    "04": "The other side replied first",
    "05": "Introducer moved to Bcc",
    "06": "Self-introduction (not an intro)",
    "07": "Bad first reply: resume and an ask",
    "08": "HTML-only introduction",
    "09": "Introduction in Spanish",
    "10": "Your own introduction: a check, and a nudge",
    "11": "Replied and connected: close the loop",
    "12": "Loop closed (in French)",
    "13": "Someone asks you for an introduction",
}


class BadEml(ValueError):
    """An uploaded file is not a usable email; the message says why (safe to show)."""


@dataclass(frozen=True, slots=True)
class ThreadSummary:
    """One row of the thread list."""

    id: str
    subject: str
    sender: str
    snippet: str
    count: int
    has_draft: bool
    note: str


class DemoMailbox:
    """The emulator's mailbox plus the simulator's thread order and notes."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox
        self._order: list[str] = []
        self._notes: dict[str, str] = {}

    def load_folder(self, folder: Path = MAILBOX_DIR) -> None:
        """Load every `.eml` of `folder`, in name order."""
        for path in sorted(folder.glob("*.eml")):
            thread_id = self._load(path.read_bytes(), draft=path.name.endswith(_DRAFT_SUFFIX))
            self._remember(thread_id, NOTES.get(path.name[:2], ""), first=False)

    def upload(self, raw: bytes) -> StoredMessage:
        """Store an uploaded `.eml` as a received message; its thread goes to the top.

        Raises:
            BadEml: empty, too large, or not an email (no From header).
        """
        check_eml(raw)
        try:
            message = self.mailbox.message(self.mailbox.add_eml(raw))
        except _READ_ERRORS as exc:
            raise BadEml(f"The message could not be read ({type(exc).__name__}).") from exc
        self._remember(message.thread_id, "Uploaded", first=True)
        return message

    def threads(self) -> list[ThreadSummary]:
        """The listed threads, in list order."""
        drafts = self.draft_ids()
        return [self._summary(thread_id, drafts) for thread_id in self._order]

    def messages(self, thread_id: str) -> tuple[StoredMessage, ...]:
        """A thread's messages, drafts included, in arrival order (`EntityNotFound` if none)."""
        return self.mailbox.thread(thread_id)

    def draft_ids(self) -> dict[str, str]:
        """Message id to draft id, for every draft."""
        return {draft.message.id: draft.id for draft in self.mailbox.drafts()}

    def draft(self, draft_id: str) -> StoredDraft:
        """One draft (`EntityNotFound` if unknown)."""
        return self.mailbox.draft(draft_id)

    def _load(self, raw: bytes, *, draft: bool) -> str:
        if not draft:
            return self.mailbox.message(self.mailbox.add_eml(raw)).thread_id
        email = parse_eml(raw)
        thread_id = self.thread_of(email.in_reply_to, *email.references)
        return self.mailbox.create_draft(raw, thread_id).message.thread_id

    def thread_of(self, *rfc_ids: str) -> str | None:
        """The thread holding a message with one of these `Message-ID`s, if any."""
        wanted = {i for i in rfc_ids if i}
        for thread_id in self.mailbox.thread_ids():
            for message in self.mailbox.thread(thread_id):
                if message.parsed.message_id in wanted:
                    return thread_id
        return None

    def _remember(self, thread_id: str, note: str, *, first: bool) -> None:
        if thread_id in self._order:
            return
        self._order.insert(0 if first else len(self._order), thread_id)
        self._notes[thread_id] = note

    def _summary(self, thread_id: str, drafts: dict[str, str]) -> ThreadSummary:
        try:
            messages = self.mailbox.thread(thread_id)
        except EntityNotFound:
            messages = ()
        received = [m for m in messages if m.id not in drafts] or list(messages)
        first = parse_eml(received[0].raw) if received else None
        last = parse_eml(received[-1].raw) if received else None
        sender = last.sender if last is not None else None
        return ThreadSummary(
            id=thread_id,
            subject=(first.subject if first else "") or "(no subject)",
            sender=(sender.name or sender.email) if sender else "(unknown sender)",
            snippet=" ".join((last.new_text if last else "").split())[:140],
            count=len(received),
            has_draft=any(m.id in drafts for m in messages),
            note=self._notes.get(thread_id, ""),
        )


def check_eml(raw: bytes) -> None:
    """Raise `BadEml` unless `raw` looks like one email message."""
    if not raw.strip():
        raise BadEml("The file is empty.")
    if len(raw) > MAX_UPLOAD_BYTES:
        raise BadEml(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    if b"\x00" in raw[:4096]:
        raise BadEml("This is a binary file, not an .eml (RFC 822) message.")
    try:
        email = parse_eml(raw)
    except _READ_ERRORS as exc:
        raise BadEml(f"The message could not be read ({type(exc).__name__}).") from exc
    if not email.headers_present or email.sender is None:
        raise BadEml("This is not an email message: it has no From header.")
    if not (email.to or email.cc or email.subject):
        raise BadEml("This message has neither recipients nor a subject.")
