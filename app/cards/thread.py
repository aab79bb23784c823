"""Card parts every card about a thread shares: the thread's points, and how a person is
named (pure).

The introduction card, the introducer's card and the follow-up card each lead with "What
matters now" and name people by first name; one builder each, so the three read the same
and every point is shown in the user's locale.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.cards.i18n import _, translate
from app.cards.widgets import Widget, decorated, esc, section
from app.core.mail import first_name
from app.core.model import Address, Person
from app.core.reply import Point


def point_items(points: Sequence[Point]) -> list[Widget]:
    """Each point of the thread as a titled line, in the current locale."""
    return [decorated(esc(translate(p.body)), top=esc(translate(p.title))) for p in points]


def points_section(points: Sequence[Point]) -> Widget:
    """ "What matters now" holding only the thread's own points."""
    return section(_("What matters now"), point_items(points), collapse_after=2)


def short_name(person: Address | Person) -> str:
    """A person's first name, else their name or address ("them" when nothing is known)."""
    return first_name(person.name) or person.name or person.email or _("them")
