"""Where a draft's own words end: quoted history and legal footers the splitter missed (pure).

`quotes.split_body` handles the common reply headers; two shapes it leaves in
the own text would otherwise be read as the user's words: Lotus Notes headers
("jane@x.com on 11/22/2000 06:45:42 AM" followed by "To:") and confidentiality
footers ("This email and any files transmitted with it are confidential").
"""

from __future__ import annotations

import re

_LOTUS = re.compile(
    r"^[^\n]{0,160}\bon \d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?\s*\n"
    r"(?:[^\n]*\n){0,2}\s*To:",
    re.IGNORECASE | re.MULTILINE,
)
_FOOTER = re.compile(
    r"^\s*(?:\*{10,}|={10,}|-{10,})?\s*\n?\s*(?:this (?:e-?mail|message|communication)"
    r"(?: and any (?:files|attachments))?[^\n]{0,80}\b(?:confidential|privileged|intended solely)"
    r"|confidentiality (?:notice|footer)|disclaimer:)",
    re.IGNORECASE | re.MULTILINE,
)


def own_words_end(text: str) -> int:
    """Offset where quoted history or a legal footer starts (len(text) if none)."""
    ends = [m.start() for m in (_LOTUS.search(text), _FOOTER.search(text)) if m]
    return min(ends) if ends else len(text)
