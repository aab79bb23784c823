"""Marking user-facing text for translation, without translating it (pure).

Public surface: `Msg` (English text that remembers its message id and arguments),
`N_` and `NP_` (mark a text, or a text with a count). Catalogues and locales live in
the cards layer (`app/cards/i18n.py`); see README "Translating card text".
"""

from app.core.i18n.message import N_, NP_, Msg

__all__ = ["NP_", "N_", "Msg"]
