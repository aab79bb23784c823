"""Text the user reads, marked for translation and kept translatable (pure).

The core writes its messages in English, as before, but through `N_` (and `NP_` for
text with a count): the result is a `Msg`, a `str` whose value is the English text
(so the CLI's JSON, the logs and every English test read exactly what they did) and
which also remembers its message id and arguments. The cards layer translates a
`Msg` into the user's locale at render time (`app.cards.i18n.translate`); the core
never loads a catalogue or knows a locale. Babel's extractor finds `N_("…")` and
`NP_("…", "…", n)` in the source like any gettext call.

Arguments are formatted with `str.format` (`{name}` placeholders, `{{`/`}}` for a
literal brace). An argument may itself be a `Msg` (an ask's kind, a document's
name), which is translated before it is put in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_NO_ARGS: Mapping[str, object] = MappingProxyType({})


class Msg(str):
    """English text plus what it takes to translate it: `msgid` (and `plural`, `n`
    for a count) and the `args` put into its placeholders."""

    msgid: str
    plural: str
    n: int | None
    args: Mapping[str, object]

    def __new__(
        cls,
        msgid: str,
        plural: str = "",
        n: int | None = None,
        args: Mapping[str, object] | None = None,
    ) -> Msg:
        values = dict(args or {})
        if n is not None:
            values.setdefault("n", n)
        english = plural if plural and n != 1 else msgid
        self = super().__new__(cls, english.format(**values))
        self.msgid = msgid
        self.plural = plural
        self.n = n
        self.args = MappingProxyType(values) if values else _NO_ARGS
        return self

    def __reduce__(self) -> tuple[type[Msg], tuple[str, str, int | None, dict[str, object]]]:
        return (Msg, (self.msgid, self.plural, self.n, dict(self.args)))


def N_(msgid: str, /, **args: object) -> Msg:
    """Mark `msgid` for translation; the English text with `args` filled in."""
    return Msg(msgid, args=args)


def NP_(singular: str, plural: str, n: int, /, **args: object) -> Msg:
    """Mark a text with a count for translation (`{n}` is the count)."""
    return Msg(singular, plural, n, args)
