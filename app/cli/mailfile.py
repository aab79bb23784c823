"""Reads the mail files the commands take: `.eml` (RFC 822), Gmail API JSON, or `-`.

`-` is standard input, as Unix tools read it: read once, at most `MAX_FILE` bytes, JSON
when it starts with `{` (a Gmail API message or thread), RFC 822 otherwise. Keeps: a file
that can't be read, is empty, or isn't mail raises `UnreadableMail` with a short message
for the user, so no command shows a traceback for bad input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import BinaryIO

from app.core.mail import parse_eml
from app.core.model import Thread

STDIN = "-"
MAX_FILE = 50 * 1024 * 1024  # bytes; a larger file is refused with an error object
_READ_ERRORS = (OSError, ValueError, UnicodeError, RecursionError)
_MESSAGES: tuple[tuple[type[BaseException], str], ...] = (
    (FileNotFoundError, "no such file"),
    (IsADirectoryError, "is a directory"),
    (PermissionError, "permission denied"),
)


class UnreadableMail(Exception):
    """A mail file that could not be read; `str()` is the message for the user."""


class MailFiles:
    """Reads the mail files named on the command line; `-` is standard input, read once.

    `stdin` stands in for the process's standard input (tests pass bytes this way).
    """

    def __init__(self, stdin: BinaryIO | None = None) -> None:
        self._stdin = stdin
        self._stdin_read = False

    def read(self, name: str) -> Thread:
        """The thread in the named file (or in standard input for `-`).

        Raises:
            UnreadableMail: the file is missing, unreadable, too large, empty or not mail.
        """
        try:
            if name == STDIN:
                raw = self._read_stdin()
                return _parse(raw, "standard input", as_json=_looks_like_json(raw))
            raw = _read_file(Path(name))
            return _parse(raw, "file", as_json=Path(name).suffix.lower() == ".json")
        except _READ_ERRORS as exc:
            raise UnreadableMail(_describe(exc)) from exc

    def _read_stdin(self) -> bytes:
        if self._stdin_read:
            raise ValueError("standard input was already read (give `-` once)")
        self._stdin_read = True
        stream = self._stdin if self._stdin is not None else _process_stdin()
        return _read_at_most(stream, "standard input")


def _process_stdin() -> BinaryIO:
    if sys.stdin is None:  # started with standard input closed (`<&-`)
        raise ValueError("no standard input")
    return sys.stdin.buffer


def _read_file(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE:
        raise ValueError(f"file larger than {MAX_FILE // (1024 * 1024)} MB")
    with path.open("rb") as stream:  # a pipe or FIFO has no size: read it bounded too
        return _read_at_most(stream, "file")


def _read_at_most(stream: BinaryIO, what: str) -> bytes:
    raw = stream.read(MAX_FILE + 1)
    if len(raw) > MAX_FILE:
        raise ValueError(f"{what} larger than {MAX_FILE // (1024 * 1024)} MB")
    return raw


def _looks_like_json(raw: bytes) -> bool:
    return raw.lstrip()[:1] in (b"{", b"[")


def _parse(raw: bytes, what: str, *, as_json: bool) -> Thread:
    if not raw.strip():
        raise ValueError(f"empty {what}" + (" (whitespace only)" if raw else ""))
    if b"\x00" in raw[:8192]:
        raise ValueError("not an email: binary data")
    if as_json:
        return _gmail_thread(_json(raw))
    return Thread((parse_eml(raw),))


def _json(raw: bytes) -> object:
    try:
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise ValueError("not valid JSON: not UTF-8 text") from exc


def _gmail_thread(data: object) -> Thread:
    from app.gmail.mime import email_from_gmail, thread_from_gmail

    if not isinstance(data, dict):
        raise ValueError("not a Gmail API message or thread: expected a JSON object")
    if isinstance(data.get("messages"), list):
        return thread_from_gmail(data)
    return Thread((email_from_gmail(data),))


def _describe(exc: BaseException) -> str:
    known = (message for kind, message in _MESSAGES if isinstance(exc, kind))
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} at line {exc.lineno}"
    return next(known, str(exc) or type(exc).__name__)
