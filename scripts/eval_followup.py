"""Follow-up words on labelled mail: how often a first reply or ordinary mail reads as a meeting.

The follow-up stage (`app.core.followup`) calls two people connected when a later message
of theirs says they met or fixed a meeting. A first reply that merely hopes to meet must
not say so. This counts, over the labelled first replies (`intro_reply` rows of
`dev-labels.csv` and `written/labels.csv`), the replies whose own words hold a meeting
phrase (their language's and English), and shows each with the words found; then the
same rate over the labelled non-introductions, for scale. Run: `python -m scripts.eval_followup`.
"""

from __future__ import annotations

import csv
import os
import sys
from collections import Counter
from pathlib import Path

from app.core.followup.words import words_for
from app.core.intro import language_of
from app.core.mail.rfc822 import parse_eml

CORPUS = Path(
    os.environ.get("INTRO_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)


def _rows() -> list[tuple[Path, dict[str, str]]]:
    found: list[tuple[Path, dict[str, str]]] = []
    for labels, folders in (
        (CORPUS / "dev-labels.csv", ("enron", "web", "intl")),
        (CORPUS / "written" / "labels.csv", ("written",)),
    ):
        with labels.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                path = next(
                    (
                        CORPUS / f / f"{row['id']}.eml"
                        for f in folders
                        if (CORPUS / f / f"{row['id']}.eml").exists()
                    ),
                    None,
                )
                if path is not None:
                    found.append((path, row))
    return found


def _meeting(path: Path) -> str:
    email = parse_eml(path.read_bytes())
    text = email.new_text or email.text
    language = language_of(text) or "en"
    return words_for(language).meeting_words(text) or words_for("en").meeting_words(text)


def report() -> list[str]:
    """Report lines: flagged first replies (each shown) and the rate on other mail."""
    rows = _rows()
    lines: list[str] = []
    for label, title in (("intro_reply", "first replies"), ("negative", "non-introductions")):
        chosen = [(p, r) for p, r in rows if r["label"] == label]
        hits = [(p, r, _meeting(p)) for p, r in chosen]
        hits = [h for h in hits if h[2]]
        languages = Counter(r.get("lang") or "en" for _, r in chosen)
        lines.append(
            f"{title}: {len(hits)}/{len(chosen)} hold a meeting phrase "
            f"({', '.join(f'{k} {v}' for k, v in sorted(languages.items()))})"
        )
        lines += [f"  {p.parent.name}/{p.name}: “{words}”" for p, _, words in hits]
    return lines


def main() -> int:
    """Print the report."""
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    print("\n".join(report()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
