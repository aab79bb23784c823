"""The card for an introduction the user wrote: a check of it, and a nudge when it waits (pure).

Findings come from `check_introduction` (the exact words and a fix each, as for first
replies); the nudge, when offered, is a threaded reply draft to both people, created
by the "reply" action with `nudge=1`: nothing is sent.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.cards import findings as findings_card
from app.cards.i18n import N_, _, ngettext, translate
from app.cards.thread import points_section, short_name
from app.cards.urls import Urls
from app.cards.widgets import Widget, action, button, card, decorated, esc, paragraph, section
from app.core.checks import Finding
from app.core.model import Introduction, Person
from app.core.reply import Point, ReplySuggestion

NUDGE_LABEL = N_("Nudge both")


def build(
    intro: Introduction,
    findings: Sequence[Finding],
    nudge: ReplySuggestion | None,
    urls: Urls,
    ids: dict[str, str],
    *,
    waited_days: int = 0,
    points: Sequence[Point] = (),
) -> Widget:
    """The introducer's card: what matters now on the thread, what they said, what to
    improve, and the nudge if due."""
    me = ids.get("me", "")
    people = [p for p in intro.introduced if not me or p.email != me]
    sections = [points_section(points)] if points else []
    sections += [_about(people), _check(findings)]
    footer = None
    if nudge is not None:
        sections.append(_nudge(nudge, waited_days))
        footer = (
            button(
                translate(NUDGE_LABEL), action(urls.of("reply"), {**ids, "nudge": "1"}), filled=True
            ),
            None,
        )
    return card(
        _("Your introduction"),
        sections,
        subtitle=_subtitle([p.name or p.email for p in people]),
        name="introducer",
        footer=footer,
    )


def _about(people: list[Person]) -> Widget:
    widgets = []
    for person in people[:6]:
        text = esc(person.blurb) if person.blurb else f"<i>{esc(_('Nothing said about them.'))}</i>"
        top = esc(_("What you said about {name}").format(name=short_name(person)))
        widgets.append(decorated(text, top=top, bottom=esc(person.email), icon="PERSON"))
    return section("", widgets, collapse_after=2)


def _check(findings: Sequence[Finding]) -> Widget:
    if not findings:
        ok = _("Both named and described, with a reason to meet: a good introduction.")
        return section(_("Your introduction"), [decorated(esc(ok), icon="STAR")])
    return section(_("Your introduction"), findings_card.widgets(findings))


def _nudge(nudge: ReplySuggestion, waited_days: int) -> Widget:
    names = ", ".join(a.name or a.email for a in nudge.to)
    lead = (
        ngettext(
            "No answer from {names} after {n} day. A light nudge to both can help.",
            "No answer from {names} after {n} days. A light nudge to both can help.",
            waited_days,
        )
        if waited_days > 1
        else _("No answer from {names} after a while. A light nudge to both can help.")
    ).format(names=names, n=waited_days)
    return section(
        _("No reply yet"),
        [
            paragraph(esc(lead)),
            decorated(esc(nudge.body_text).replace("\n", "<br>"), top=esc(nudge.subject)),
            paragraph(esc(_("It is saved as a reply draft in this thread; nothing is sent."))),
        ],
    )


def _subtitle(names: list[str]) -> str:
    """ "You introduced Sue and Dana": one sentence per count of names."""
    if not names:
        return _("You introduced two people")
    if len(names) == 1:
        return _("You introduced {name}").format(name=names[0])
    return _("You introduced {first} and {second}").format(
        first=", ".join(names[:-1]), second=names[-1]
    )
