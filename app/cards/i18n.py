"""Card text in the user's Gmail locale: gettext message catalogues, read with Babel.

Every card module imports what it needs from here in one line:

    from app.cards.i18n import N_, _, ngettext, translate

- `_("Reply to both")` translates a literal at render time (inside a builder);
  `ngettext("{n} more", "{n} more", n)` when a count is shown; placeholders are
  `str.format` names, filled after translation: `_("Reply to {name}").format(name=…)`.
- `N_("…")` marks a module-level constant (a table of titles or labels) without
  translating it yet; `translate(value)` renders it at build time. The core marks its
  finding messages and fixes the same way (`app.core.i18n`), so `translate(finding.message)`
  gives them in the user's language.

The locale is per request: the API negotiates the event's `userLocale` (`negotiate`)
and runs the handler inside `using(locale)`; builders read it from a context variable
so their signatures need no locale argument. English is the source language and the
fallback: with no catalogue every text is its msgid, byte for byte.

Catalogues live in `app/cards/locale/<lang>/LC_MESSAGES/messages.po`, compiled to
`messages.mo` next to them and committed (the image and a fresh clone serve them as
they are; `tests/cards/test_i18n.py` fails when a `.mo` is stale or a message is
untranslated). `python -m scripts.i18n` extracts, updates and compiles them (README,
"Translating card text").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache, lru_cache
from gettext import NullTranslations
from pathlib import Path

from babel import negotiate_locale
from babel.dates import format_date
from babel.support import Translations

from app.core.i18n import N_, NP_, Msg

SOURCE = "en"
LOCALES = ("en", "es", "de", "fr", "pt", "it", "nl")
CATALOGUES = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
_MAX_TAG = 35  # BCP 47 tags in practice are far shorter; longer input is not a locale

_locale: ContextVar[str] = ContextVar("card_locale", default=SOURCE)


def negotiate(user_locale: str | None) -> str:
    """Our nearest catalogue for a Gmail `userLocale` (`pt-BR` → `pt`, `de-AT` → `de`);
    English for anything else, missing or malformed."""
    if not user_locale or len(user_locale) > _MAX_TAG:
        return SOURCE  # checked before the cache, so it only ever holds short tags
    return _negotiate(user_locale)


@lru_cache(maxsize=256)
def _negotiate(user_locale: str) -> str:
    tag = user_locale.strip().replace("-", "_")
    return negotiate_locale([tag], LOCALES, sep="_") or SOURCE


def current_locale() -> str:
    """The locale cards are being built in."""
    return _locale.get()


def set_locale(locale: str) -> None:
    """Build cards in `locale` for the rest of this task (one request)."""
    _locale.set(locale if locale in LOCALES else SOURCE)


@contextmanager
def using(locale: str) -> Iterator[None]:
    """Build cards in `locale` inside the block (worker threads are reused: it resets)."""
    token = _locale.set(locale if locale in LOCALES else SOURCE)
    try:
        yield
    finally:
        _locale.reset(token)


@cache
def catalogue(locale: str) -> NullTranslations:
    """The compiled catalogue of one locale, loaded once (English: none, the msgids)."""
    if locale == SOURCE or locale not in LOCALES:
        return NullTranslations()
    return Translations.load(str(CATALOGUES), [locale], DOMAIN)


def _(message: str) -> str:
    """`message` in the current locale."""
    locale = _locale.get()
    return message if locale == SOURCE else catalogue(locale).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a text with a count `n` that the current locale's plural rule picks."""
    locale = _locale.get()
    if locale == SOURCE:
        return singular if n == 1 else plural
    return catalogue(locale).ngettext(singular, plural, n)


def translate(text: str) -> str:
    """A marked text (`Msg`, from `N_`/`NP_`) in the current locale, its arguments
    translated too; any other string (a name, text from mail) as it is."""
    if not isinstance(text, Msg):
        return text
    locale = _locale.get()
    if locale == SOURCE:
        return str.__str__(text)
    found = catalogue(locale)
    template = (
        found.ngettext(text.msgid, text.plural, text.n)
        if text.plural and text.n is not None
        else found.gettext(text.msgid)
    )
    args = {k: _argument(v, locale) for k, v in text.args.items()}
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English text
        return str.__str__(text)


def _argument(value: object, locale: str) -> object:
    """A placeholder's value in `locale`: a marked text translated, a date written the
    locale's way ("3. Dezember 2026"; the English template spells its own format)."""
    if isinstance(value, Msg):
        return translate(value)
    if isinstance(value, date):
        return format_date(value, format="long", locale=locale)
    return value


__all__ = [
    "CATALOGUES",
    "LOCALES",
    "NP_",
    "N_",
    "SOURCE",
    "_",
    "catalogue",
    "current_locale",
    "negotiate",
    "ngettext",
    "set_locale",
    "translate",
    "using",
]
