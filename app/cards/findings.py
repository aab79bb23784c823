"""Render first-reply findings: what is wrong, the exact words, and the fix (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from app.cards.widgets import Widget, decorated, esc, paragraph
from app.core.checks import Finding

TITLES = {
    "resume_attached": "Resume attached",
    "ask": "An ask in a first reply",
    "self_focus": "Mostly about you",
    "throwaway_offer": "Throw-away offer",
    "dropped_introducer": "Introducer left off",
    "no_thanks": "No thanks to the introducer",
    "no_next_step": "No next step",
    "too_long": "Long for a first reply",
    # An introduction the user writes (app/core/checks/introducer.py).
    "one_side_missing": "One side left out",
    "no_blurb": "No line about who they are",
    "no_reason": "No reason to meet",
    "ask_on_behalf": "An ask on someone's behalf",
    "no_consent": "Ask first?",
    "vague_subject": "Subject",
}
_MAX_EXCERPT = 160
MAX_SHOWN = 12


def widgets(findings: Sequence[Finding]) -> list[Widget]:
    """One decorated line per finding, or a reassuring line when there are none."""
    if not findings:
        return [
            decorated(
                "No problems found: thanks, interest and a next step, all there.", icon="STAR"
            )
        ]
    shown = [_one(f) for f in findings[:MAX_SHOWN]]
    if len(findings) > MAX_SHOWN:
        shown.append(paragraph(f"…and {len(findings) - MAX_SHOWN} more."))
    return shown


def _one(finding: Finding) -> Widget:
    title = TITLES.get(finding.code, finding.code)
    if finding.kind:
        title += f" ({finding.kind.replace('_', ' ')})"
    text = f"<b>{esc(finding.message)}</b>"
    excerpt = finding.excerpt.strip()
    if excerpt:
        short = excerpt if len(excerpt) <= _MAX_EXCERPT else excerpt[:_MAX_EXCERPT] + "…"
        text += f"<br><i>“{esc(short)}”</i>"
    if finding.fix:
        text += f"<br>Try: {esc(finding.fix)}"
    icon = "DESCRIPTION" if finding.code == "resume_attached" else "BOOKMARK"
    return decorated(text, top=title, icon=icon if finding.severity == "warning" else "")
