"""Render first-reply findings: what is wrong, the exact words, and the fix (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from app.cards.i18n import N_, _, ngettext, translate
from app.cards.widgets import Widget, decorated, esc, paragraph
from app.core.checks import Finding

TITLES = {
    "resume_attached": N_("Resume attached"),
    "ask": N_("An ask in a first reply"),
    "self_focus": N_("Mostly about you"),
    "throwaway_offer": N_("Throw-away offer"),
    "dropped_introducer": N_("Introducer left off"),
    "no_thanks": N_("No thanks to the introducer"),
    "no_next_step": N_("No next step"),
    "too_long": N_("Long for a first reply"),
    # An introduction the user writes (app/core/checks/introducer.py).
    "one_side_missing": N_("One side left out"),
    "no_blurb": N_("No line about who they are"),
    "no_reason": N_("No reason to meet"),
    "ask_on_behalf": N_("An ask on someone's behalf"),
    "no_consent": N_("Ask first?"),
    "vague_subject": N_("Subject"),
}
# An ask's kind, after its title: "An ask in a first reply (job)".
KINDS = {
    "introductions": N_("introductions"),
    "contacts": N_("contacts"),
    "job": N_("job"),
    "referral": N_("referral"),
    "resume": N_("resume"),
    "review": N_("review"),
    "advice": N_("advice"),
    "target_companies": N_("target companies"),
    "favour": N_("favour"),
}
_MAX_EXCERPT = 160
MAX_SHOWN = 12


def widgets(findings: Sequence[Finding]) -> list[Widget]:
    """One decorated line per finding, or a reassuring line when there are none."""
    if not findings:
        return [
            decorated(
                esc(_("No problems found: thanks, interest and a next step, all there.")),
                icon="STAR",
            )
        ]
    shown = [_one(f) for f in findings[:MAX_SHOWN]]
    more = len(findings) - MAX_SHOWN
    if more > 0:
        shown.append(
            paragraph(esc(ngettext("…and {n} more.", "…and {n} more.", more).format(n=more)))
        )
    return shown


def _one(finding: Finding) -> Widget:
    title = translate(TITLES.get(finding.code, finding.code))
    if finding.kind:
        kind = translate(KINDS.get(finding.kind, finding.kind.replace("_", " ")))
        title += f" ({kind})"
    text = f"<b>{esc(translate(finding.message))}</b>"
    excerpt = finding.excerpt.strip()
    if excerpt:
        short = excerpt if len(excerpt) <= _MAX_EXCERPT else excerpt[:_MAX_EXCERPT] + "…"
        text += f"<br><i>“{esc(short)}”</i>"
    if finding.fix:
        text += "<br>" + esc(_("Try: {fix}").format(fix=translate(finding.fix)))
    icon = "DESCRIPTION" if finding.code == "resume_attached" else "BOOKMARK"
    return decorated(text, top=title, icon=icon if finding.severity == "warning" else "")
