"""`PreferencesStore` in SQL: one row of plain columns per user, keyed by a keyed hash.

Keeps: the user id is stored only as HMAC(`INTRO_HASH_KEY`, id); no mail content.
Values read back are checked: an unknown tone, next step or language falls back to the default.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, Row, select

from app.core.preferences import CHECK_CODES, Preferences, language_or, next_step_or, tone_or
from app.store.dialect import insert
from app.store.hashkey import Hasher
from app.store.schema import TEXT, preferences

MAX_VARIANT = 2**31 - 1
_DEFAULT = Preferences()


class SqlPreferences:
    """Per-user preferences in the `preferences` table."""

    def __init__(
        self, engine: Engine, hasher: Hasher, clock: Callable[[], float] = time.time
    ) -> None:
        self._engine = engine
        self._hash = hasher
        self._clock = clock

    def load(self, user_id: str) -> Preferences:
        """The user's preferences, or the defaults."""
        query = select(preferences).where(preferences.c.user_hash == self._hash("user", user_id))
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return _DEFAULT if row is None else _from_row(row)

    def save(self, user_id: str, prefs: Preferences) -> None:
        """Remember the user's preferences (replacing what was there)."""
        values = _to_row(prefs) | {"updated_at": self._clock()}
        with self._engine.begin() as conn:
            statement = insert(conn, preferences).values(
                user_hash=self._hash("user", user_id), **values
            )
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[preferences.c.user_hash], set_=values
                )
            )


def _to_row(prefs: Preferences) -> dict[str, object]:
    return {
        "name": prefs.name[:TEXT],
        "sign_off": prefs.sign_off[:TEXT],
        "next_step": prefs.next_step,
        "tone": prefs.tone,
        "disabled_checks": " ".join(sorted(CHECK_CODES - prefs.enabled_checks)),
        "variant": max(0, min(prefs.variant, MAX_VARIANT)),
        "language": prefs.language,
    }


def _from_row(row: Row[Any]) -> Preferences:
    disabled = frozenset(str(row.disabled_checks).split())
    return Preferences(
        name=str(row.name),
        sign_off=str(row.sign_off),
        next_step=next_step_or(str(row.next_step), _DEFAULT.next_step),
        tone=tone_or(str(row.tone), _DEFAULT.tone),
        enabled_checks=CHECK_CODES - disabled,
        variant=int(row.variant),
        language=language_or(str(row.language), _DEFAULT.language),
    )
