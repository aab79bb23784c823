"""Card text catalogues: complete, consistent with the source, and used per locale."""

from __future__ import annotations

import ast
import re
import string
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from app.cards import findings
from app.cards.i18n import (
    LOCALES,
    SOURCE,
    _,
    catalogue,
    current_locale,
    negotiate,
    ngettext,
    translate,
    using,
)
from app.core.checks import Finding, check_length, check_thanks, split_sentences
from app.core.i18n import N_, NP_
from scripts.i18n import po_path, stale, untranslated

TRANSLATED = [loc for loc in LOCALES if loc != SOURCE]


def _catalog(locale: str) -> Catalog:
    with po_path(locale).open("rb") as f:
        return read_po(f, locale=locale)


def _fields(text: str) -> set[str]:
    """The placeholder names of a `str.format` template (format specs ignored)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_catalogues_are_up_to_date() -> None:
    """The .pot holds every marked message, each .po follows it, each .mo is compiled from
    its .po (run `python -m scripts.i18n` after changing card text)."""
    assert stale() == []


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_message_is_translated(locale: str) -> None:
    """No message is left empty or fuzzy, in any plural form."""
    catalog = _catalog(locale)
    assert len(catalog) > 100
    assert untranslated(catalog) == []


@pytest.mark.parametrize("locale", TRANSLATED)
def test_placeholders_match(locale: str) -> None:
    """Every translation uses exactly the placeholders of its source, and formats."""
    catalog = _catalog(locale)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(i) for i in ids))
        for text in strings:
            assert _fields(text) == wanted, f"[{locale}] {ids[0]!r} -> {text!r}"
            text.format(**dict.fromkeys(wanted, "x"))  # no stray brace or format spec


@pytest.mark.parametrize("locale", TRANSLATED)
def test_plural_forms_follow_the_language(locale: str) -> None:
    """Each catalogue's plural rule is CLDR's for its language, with that many forms."""
    catalog = _catalog(locale)
    assert catalog.num_plurals == get_plural(locale).num_plurals
    plural = [m for m in catalog if m.id and isinstance(m.id, tuple)]
    assert plural
    assert all(len(m.string) == catalog.num_plurals for m in plural)


@pytest.mark.parametrize(
    ("user_locale", "expected"),
    [
        ("de", "de"),
        ("de-AT", "de"),
        ("pt-BR", "pt"),
        ("pt-PT", "pt"),
        ("nl-BE", "nl"),
        ("es-419", "es"),
        ("fr_CA", "fr"),
        ("en-GB", "en"),
        ("ja", "en"),
        ("zz-ZZ", "en"),
        ("", "en"),
        (None, "en"),
        ("de-" + "x" * 100, "en"),
        ("<script>", "en"),
    ],
)
def test_negotiate_picks_the_nearest_catalogue(user_locale: str | None, expected: str) -> None:
    """Gmail's `userLocale` maps to one of our seven languages, else English."""
    assert negotiate(user_locale) == expected


def test_english_is_the_source_text_unchanged() -> None:
    """Without a catalogue every text is its msgid, marked texts their English value."""
    msg = N_("Put {name} back on Cc", name="Joe")
    assert current_locale() == "en"
    assert _("Reply to both") == "Reply to both"
    assert translate(msg) == "Put Joe back on Cc"
    assert type(translate(msg)) is str
    assert translate("Joe Smith") == "Joe Smith"


def test_a_finding_is_rendered_in_the_users_language() -> None:
    """A core finding (message id + arguments) comes out German under `de`, with the
    introducer's name and the counts in place."""
    text = "Hi Sue,\n\n" + "I built growth teams at three companies over ten years. " * 20
    sentences = split_sentences(text)
    (thanks,) = check_thanks(text, sentences, "Joe")
    (length,) = check_length(text, sentences)
    with using("de"):
        assert translate(thanks.message) == (
            "Die Antwort dankt Joe nie, obwohl Joe sich mit der Vorstellung für Sie verbürgt hat."
        )
        assert translate(length.message).startswith("Mit 200 Wörtern ist das lang")
    with using("fr"):
        assert translate(thanks.fix) == (
            "Commencez par un remerciement, p. ex. « Joe, merci de nous avoir mis en relation. »"
        )


def test_marked_arguments_and_dates_are_translated_too() -> None:
    """A marked argument is translated before it is put in place; a date is written the
    locale's way."""
    moved = N_("Talk about your own needs only once {other} asks.", other=N_("them"))
    replied = N_(
        "You already replied on {date:%d %B %Y}; no new first reply is needed.",
        date=datetime(2026, 12, 3, 9, 30),
    )
    with using("de"):
        assert translate(moved) == (
            "Sprechen Sie über Ihre eigenen Anliegen erst, wenn die andere Person danach fragt."
        )
        assert translate(replied) == (
            "Sie haben am 3. Dezember 2026 bereits geantwortet; eine neue erste Antwort ist "
            "nicht nötig."
        )
    assert translate(replied) == (
        "You already replied on 03 December 2026; no new first reply is needed."
    )


def test_plural_forms_are_picked_by_count() -> None:
    """`ngettext` and `NP_` take the form the language's rule picks."""
    with using("de"):
        assert ngettext("…and {n} more.", "…and {n} more.", 1) == "…und {n} weiterer."
        assert ngettext("…and {n} more.", "…and {n} more.", 3) == "…und {n} weitere."
    with using("fr"):
        wait = NP_("Try again in {n} second.", "Try again in {n} seconds.", 1)
        assert translate(wait) == "Réessayez dans 1 seconde."
        wait = NP_("Try again in {n} second.", "Try again in {n} seconds.", 30)
        assert translate(wait) == "Réessayez dans 30 secondes."


def test_a_broken_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """A translation naming a placeholder the source lacks shows the English text, not a
    500 (the placeholder test keeps the real catalogues from it)."""
    german = catalogue("de")
    monkeypatch.setattr(german, "gettext", lambda message: "Kaputt {missing}")
    with using("de"):
        assert translate(N_("Put {name} back on Cc", name="Joe")) == "Put Joe back on Cc"


def test_using_is_per_thread_and_resets() -> None:
    """A worker thread builds in its own locale; leaving `using` restores the last one."""

    def build(locale: str) -> str:
        with using(locale):
            return _("Reply to both")

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(build, ["de", "es", "nl", "en", "it", "fr", "pt"]))
    assert answers == [
        "Beiden antworten",
        "Responder a ambos",
        "Beide beantwoorden",
        "Reply to both",
        "Rispondi a entrambi",
        "Répondre aux deux",
        "Responder aos dois",
    ]
    with using("de"):
        with using("xx"):
            assert current_locale() == "en"
        assert current_locale() == "de"
    assert current_locale() == "en"


def test_finding_titles_and_kinds_are_translated() -> None:
    """The title of an ask names its kind in the user's language."""
    with using("es"):
        (line,) = findings.widgets(
            [
                Finding(
                    "ask",
                    "warning",
                    N_(
                        "This sentence asks for advice; a first reply should "
                        "ask for nothing but a conversation."
                    ),
                    0,
                    5,
                    "",
                    "Help?",
                    "advice",
                )
            ]
        )
    assert line["decoratedText"]["topLabel"] == "Una petición en la primera respuesta (consejo)"
    assert line["decoratedText"]["text"].startswith("<b>Esta frase pide consejo;")


# Card builders and the text argument(s) each shows the user: (positions, keywords).
_TEXT_ARGS = {
    "card": ((0,), ("subtitle",)),
    "section": ((0,), ()),
    "button": ((0,), ()),
    "paragraph": ((0,), ()),
    "decorated": ((0,), ("top", "bottom")),
    "text_input": ((1,), ()),
    "selection": ((1,), ()),
    "notify": ((0,), ()),
    "update": ((1,), ("notification",)),
    "open_draft": ((2,), ("notification",)),
}
_BRAND = {"Intro Coach"}  # the product's name, the same in every language
_ROOT = Path(__file__).resolve().parents[2]


def _words(text: str) -> bool:
    """Letters outside markup tags (`<b>`, `</i>` hold none)."""
    return any(c.isalpha() for c in re.sub(r"<[^<>]*>", "", text))


def _bare_text(node: ast.expr) -> bool:
    """English written straight into a card: a literal with letters, an f-string, or
    either inside `esc(…)` (markup around a translated text is fine: `"<b>" + esc(_(…))`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value not in _BRAND and _words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _words(str(v.value)) for v in node.values)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "esc" and node.args:
        return _bare_text(node.args[0])
    if isinstance(node, ast.BinOp):
        return _bare_text(node.left) or _bare_text(node.right)
    return False


def _untranslated_texts(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", "") or getattr(node.func, "attr", "")
        if name not in _TEXT_ARGS:
            continue
        positions, keywords = _TEXT_ARGS[name]
        shown = [node.args[i] for i in positions if i < len(node.args)]
        shown += [k.value for k in node.keywords if k.arg in keywords]
        found += [f"{path.name}:{node.lineno} {name}()" for arg in shown if _bare_text(arg)]
    return found


@pytest.mark.parametrize(
    "path",
    sorted((_ROOT / "app" / "cards").glob("*.py"))
    + sorted((_ROOT / "app" / "service").glob("*.py"))
    + sorted((_ROOT / "app" / "api").glob("*.py")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_card_text_goes_through_the_catalogue(path: Path) -> None:
    """No card title, header, label, button, paragraph or toast is a bare English literal:
    each is `_("…")`, or an `N_` constant passed through `translate` (README,
    "Translating card text")."""
    assert _untranslated_texts(path) == []


def test_the_text_scan_sees_bare_english(tmp_path: Path) -> None:
    """The scan above flags what it should (else it would pass vacuously)."""
    sample = (
        'card("Check my reply", [])\n'
        'button(f"Reply to {name}", go)\n'
        "paragraph(esc('No problems found.'))\n"
        'paragraph("<b>" + esc("Saved.") + "</b>")\n'
        'notify(_("Preferences saved"))\n'
        'card("Intro Coach", [], subtitle=_("Make the most of it"))\n'
        'section("", [])\n'
    )
    path = tmp_path / "sample.py"
    path.write_text(sample, encoding="utf-8")
    assert [f.split(" ", 1)[1] for f in _untranslated_texts(path)] == [
        "card()",
        "button()",
        "paragraph()",
        "paragraph()",
    ]


_MARKERS = {"_", "N_", "NP_", "ngettext"}
_URL = re.compile(r"https?://\S*$")  # an address ("https://mail.google.com/mail/"), not text
_NOT_CARDS = {"__init__", "urls", "widgets", "responses", "i18n"}  # no user-facing text


def _english_outside_markers(path: Path) -> list[str]:
    """Literals that read as English words ("Reply to both", "Ask first?") anywhere in a
    card module, tables included, except inside `_`/`N_`/`NP_`/`ngettext` and docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    marked: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            marked.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in _MARKERS:
            marked.update(id(sub) for arg in node.args for sub in ast.walk(arg))
    return [
        f"{path.name}:{node.lineno} {node.value[:50]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in marked
        and node.value not in _BRAND
        and not _URL.match(node.value)
        and re.search(r"[A-Za-z]{2,}[ ,.:;!?]+[A-Za-z]{2,}", re.sub(r"<[^<>]*>", "", node.value))
    ]


@pytest.mark.parametrize(
    "path",
    [p for p in sorted((_ROOT / "app" / "cards").glob("*.py")) if p.stem not in _NOT_CARDS],
    ids=lambda p: p.name,
)
def test_card_modules_hold_no_unmarked_english(path: Path) -> None:
    """Every English phrase in a card module is marked for the catalogue, tables of
    titles and labels too (`N_`), so `make i18n` extracts it."""
    assert _english_outside_markers(path) == []


def test_the_marker_scan_sees_unmarked_tables(tmp_path: Path) -> None:
    """The scan above flags a table value and a glued fragment, not codes or markup."""
    path = tmp_path / "sample.py"
    path.write_text(
        '"""A card."""\n'
        'TITLES = {"no_consent": "Ask first?", "ask": N_("An ask")}\n'
        'icon = "BOOKMARK" if code == "resume_attached" else ""\n'
        'GMAIL = "https://mail.google.com/mail/"\n'
        'top = "What " + who + " said about " + name\n'
        'text = "<b>" + esc(_("Saved.")) + "</b>"\n',
        encoding="utf-8",
    )
    assert [f.split(" ", 1)[1] for f in _english_outside_markers(path)] == [
        "'Ask first?'",
        "' said about '",
    ]
