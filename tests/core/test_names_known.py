"""Matching a written name to a recipient, with the recipient's words worked out once."""

from __future__ import annotations

from app.core.mail.names import matches
from app.core.model import Address


def test_matches_by_name_address_or_handle() -> None:
    """Header name, the name in the address, a long word of the handle; nothing else."""
    assert matches("Sue", Address("Susan Park", "sp@x.example"))
    assert matches("Dana", Address("", "dana.reyes@x.example"))
    assert matches("Reyes", Address("", "dreyes@x.example"))
    assert not matches("Joe", Address("", "dreyes@x.example"))
    assert matches("Sue", Address("Sue", ""))
    assert not matches("Reyes", Address("Dana", ""))
    assert not matches("", Address("Dana", "dana@x.example"))
