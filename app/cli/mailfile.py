"""Reads the mail files the commands take: `.eml` (RFC 822) or Gmail API JSON.

Keeps: an unreadable file raises one of `READ_ERRORS`, and `describe` turns it into a
short message for the user, so no command shows a traceback for bad input.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.core.model import Thread
from app.core.rfc822 import parse_eml

MAX_FILE = 50 * 1024 * 1024  # bytes; a larger file is refused with an error object
READ_ERRORS = (OSError, ValueError, UnicodeError, RecursionError)


def read_mail(path: Path) -> Thread:
    """A `.eml` file (RFC 822) or Gmail API JSON (message or thread) as a `Thread`."""
    raw = path.read_bytes() if path.stat().st_size <= MAX_FILE else None
    if raw is None:
        raise ValueError(f"file larger than {MAX_FILE // (1024 * 1024)} MB")
    if b"\x00" in raw[:8192]:
        raise ValueError("not an email: binary data")
    if path.suffix.lower() == ".json":
        from app.gmail.mime import email_from_gmail, thread_from_gmail

        data = json.loads(raw)
        if isinstance(data, dict) and isinstance(data.get("messages"), list):
            return thread_from_gmail(data)
        return Thread((email_from_gmail(data),))
    return Thread((parse_eml(raw),))


def describe(exc: BaseException) -> str:
    """A short message for one of `READ_ERRORS`."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} at line {exc.lineno}"
    return str(exc) or type(exc).__name__
