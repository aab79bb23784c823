"""Base64url as the Gmail API speaks it (pure: no I/O).

Gmail writes the URL-safe alphabet with `=` padding. On input we accept padded or
unpadded text, and tolerate the standard `+/` alphabet, as Gmail itself does.
"""

from __future__ import annotations

import base64
import binascii

_TO_URLSAFE = str.maketrans("+/", "-_")


def encode(data: bytes) -> str:
    """URL-safe base64 with padding, the shape Gmail returns."""
    return base64.urlsafe_b64encode(data).decode("ascii")


def decode(text: str) -> bytes:
    """Decode padded or unpadded base64url; raise `ValueError` on garbage."""
    cleaned = "".join(text.split()).translate(_TO_URLSAFE).rstrip("=")
    padded = cleaned + "=" * (-len(cleaned) % 4)
    try:
        return base64.b64decode(padded.encode("ascii"), altchars=b"-_", validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("not base64url") from exc
