"""Card text catalogues: extract the messages, update each language, compile (Babel).

    python -m scripts.i18n            # messages.pot from app/, every .po updated, .mo compiled
    python -m scripts.i18n --check    # exit 1 when any of them is stale or a message is
                                      # untranslated (what tests/cards/test_i18n.py checks)

Messages are what `_`, `N_`, `ngettext` (cards) and `N_`, `NP_` (core) mark in `app/`
(the mapping is `babel.cfg`). Files are written without line numbers or dates, so they
change only when a message does. A new message reaches each `.po` with an empty
translation (no fuzzy guesses): write it there, then run this again to compile.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from app.cards.i18n import CATALOGUES, DOMAIN, LOCALES, SOURCE

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": (1, 2)}
STAMP = datetime(2026, 12, 3, tzinfo=UTC)  # fixed, so the files change only with messages
TEMPLATE = CATALOGUES / f"{DOMAIN}.pot"


def _catalog(locale: str | None = None) -> Catalog:
    return Catalog(
        locale=locale,
        domain=DOMAIN,
        project="Intro Coach",
        version="1",
        copyright_holder="Intro Coach",
        msgid_bugs_address="",
        creation_date=STAMP,
        revision_date=STAMP,
        fuzzy=False,
    )


def extract() -> Catalog:
    """Every marked message in app/, in source order, with its file as location."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg, "babel.cfg")
    template = _catalog()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def _po_bytes(catalog: Catalog, template: bool = False) -> bytes:
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=100,
        include_lineno=False,
        ignore_obsolete=True,
        sort_by_file=True,
        include_previous=False,
    )
    return out.getvalue()


def updated(locale: str, template: Catalog) -> Catalog:
    """The locale's catalogue (from its .po, else new) updated to the template's messages."""
    path = po_path(locale)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=locale, domain=DOMAIN)
    else:
        catalog = _catalog(locale)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.revision_date = STAMP
    catalog.creation_date = STAMP
    return catalog


def compiled(catalog: Catalog) -> bytes:
    """The `.mo` bytes of a catalogue (fuzzy entries left out)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def po_path(locale: str) -> Path:
    return CATALOGUES / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def untranslated(catalog: Catalog) -> list[str]:
    """Message ids with no (or a fuzzy) translation, any plural form missing included."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def outputs() -> dict[Path, bytes]:
    """Every catalogue file as it should read, by path."""
    template = extract()
    files = {TEMPLATE: _po_bytes(template)}
    for locale in LOCALES:
        if locale == SOURCE:
            continue
        catalog = updated(locale, template)
        files[po_path(locale)] = _po_bytes(catalog)
        files[po_path(locale).with_suffix(".mo")] = compiled(catalog)
    return files


def stale() -> list[str]:
    """The catalogue files that differ from what this script would write."""
    return [
        str(path.relative_to(ROOT))
        for path, data in outputs().items()
        if not path.exists() or path.read_bytes() != data
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.i18n", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail when a file is stale")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for path in old:
            print(f"stale: {path} (run python -m scripts.i18n)")
        template = extract()
        gaps = 0
        for locale in LOCALES:
            if locale != SOURCE:
                for msgid in untranslated(updated(locale, template)):
                    gaps += 1
                    print(f"untranslated [{locale}]: {msgid}")
        return 1 if old or gaps else 0
    for path, data in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
