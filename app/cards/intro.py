"""The introduction card: who introduced whom, what was said, what matters, the reply (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.cards.i18n import _, translate
from app.cards.thread import point_items, points_section, short_name
from app.cards.urls import Urls
from app.cards.widgets import (
    Widget,
    action,
    button,
    buttons,
    card,
    decorated,
    esc,
    paragraph,
    section,
    selection,
    text_input,
)
from app.core.model import Introduction, Person
from app.core.preferences import (
    NEXT_STEP_LABELS,
    NEXT_STEPS,
    TONE_LABELS,
    TONES,
    Preferences,
    next_step_or,
    tone_or,
)
from app.core.reply import ReplyAdvice


def tips(keeps_introducer: bool = True) -> tuple[tuple[str, str], ...]:
    """The etiquette points, as (title, text) templates with `{introducer}` and `{other}`,
    in the current locale. When the thread already moved the introducer to Bcc, the
    reply leaves them off, and the first point says so."""
    first = (
        (
            _("Keep {introducer} in the loop"),
            _("Reply to both, with {introducer} on Cc, so they see the thanks."),
        )
        if keeps_introducer
        else (
            _("{introducer} is off the thread now"),
            _(
                "They were moved to Bcc, so the reply goes to {other} alone: one line of "
                "thanks to {introducer} in it still closes the loop."
            ),
        )
    )
    return (
        first,
        (
            _("Make it about {other}"),
            _("Show interest in their work; leave your own story for later."),
        ),
        (
            _("One small step"),
            _("Offer a short coffee or call in the next two weeks. No resume, no favours yet."),
        ),
    )


def build(
    intro: Introduction,
    advice: ReplyAdvice,
    prefs: Preferences,
    urls: Urls,
    ids: dict[str, str],
    *,
    edited: str = "",
) -> Widget:
    """The card for an introduction the user is part of (`edited`: the user's own text
    for the reply box, kept over a re-rendered suggestion)."""
    introducer = short_name(intro.introducer)
    me = ids.get("me", "")
    others = [p for p in intro.introduced if not me or p.email != me]
    sections = [_about(intro, others)]
    if advice.suggestion is None and advice.points:
        sections.append(points_section(advice.points))
    sections.append(_state(advice))
    if intro.user_role == "introducer":
        sections.append(_writing_check(intro))
    keeps_introducer = advice.suggestion is not None and any(
        a.email.lower() == intro.introducer.email.lower()
        for a in (*advice.suggestion.to, *advice.suggestion.cc)
    )
    if advice.suggestion is not None:
        sections.append(_tips(introducer, others, keeps_introducer, advice))
        sections.append(_reply(advice, prefs, urls, ids, edited))
    footer = None
    if advice.suggestion is not None:
        params = {
            **ids,
            "draftField": draft_field(prefs),
            "nextStep": prefs.next_step,
            "tone": prefs.tone,
        }
        # The button says what the draft does: to both, or (the introducer moved to Bcc
        # by the other side) to the others alone.
        label = _button_label(advice, keeps_introducer)
        footer = (button(label, action(urls.of("reply"), params), filled=True), None)
    return card(
        _("Introduction spotted"),
        sections,
        subtitle=_headline(intro, others),
        name="intro",
        footer=footer,
    )


def _button_label(advice: ReplyAdvice, keeps_introducer: bool) -> str:
    """What the draft does, from its own recipients: "Reply to both" (one person and the
    introducer), "Reply to all", or the names it goes to when the introducer is left off."""
    suggestion = advice.suggestion
    assert suggestion is not None
    if keeps_introducer:
        both = len(suggestion.to) + len(suggestion.cc) == 2
        return _("Reply to both") if both else _("Reply to all")
    names = [short_name(a) for a in suggestion.to]
    if not names or len(names) > 2:
        return _("Reply to all")
    if len(names) == 2:
        return _("Reply to {first} and {second}").format(first=names[0], second=names[1])
    return _("Reply to {name}").format(name=names[0])


def draft_field(prefs: Preferences) -> str:
    """The name of the reply text box for these options."""
    return f"replyDraft_{prefs.next_step}_{prefs.tone}_{prefs.variant}"


def choices_of_field(name: str, prefs: Preferences) -> Preferences | None:
    """The choices a reply box named by `draft_field` was rendered with (None: not one)."""
    parts = name.split("_")
    if len(parts) != 4 or parts[0] != "replyDraft" or not parts[3].isdigit():
        return None
    if parts[1] not in NEXT_STEPS or parts[2] not in TONES:
        return None
    step = next_step_or(parts[1], prefs.next_step)
    tone = tone_or(parts[2], prefs.tone)
    variant = int(parts[3][:5])
    return replace(prefs, next_step=step, tone=tone, variant=variant)


def _headline(intro: Introduction, others: list[Person]) -> str:
    who = intro.introducer.name or intro.introducer.email or _("Someone")
    if intro.user_role == "introducer":
        return _("You introduced {people}").format(people=_and(intro.introduced))
    if intro.user_role == "introduced" and others:
        return _("{who} introduced you to {people}").format(who=who, people=_and(others))
    return _("{who} introduced {people}").format(who=who, people=_and(intro.introduced))


def _and(people: Sequence[Person]) -> str:
    """Full names joined by the locale's "and" (every name, as the English card did)."""
    return _(" and ").join(_full(p) for p in people)


def _about(intro: Introduction, others: list[Person]) -> Widget:
    widgets = []
    for person in others[:6]:
        text = (
            esc(person.blurb)
            if person.blurb
            else "<i>" + esc(_("No details given about them.")) + "</i>"
        )
        if person.members:  # a team: the members the introduction names
            text += "<br>" + esc(_("Team: {members}").format(members=_listed(person.members)))
        if intro.user_role == "introducer":
            top = _("What you said about {name}").format(name=esc(short_name(person)))
        else:
            top = _("What {speaker} said about {name}").format(
                speaker=esc(short_name(intro.introducer)), name=esc(short_name(person))
            )
        widgets.append(decorated(text, top=top, bottom=esc(person.email), icon="PERSON"))
    for team in intro.teams:  # a team named in prose: its members are listed above
        members = _("Team: {members}").format(members=_listed(team.members))
        widgets.append(decorated(esc(members), icon="MULTIPLE_PEOPLE"))
    return section("", widgets, collapse_after=2)


def _listed(names: tuple[str, ...]) -> str:
    """ "Noor, Caleb, Ines and Theo"."""
    if len(names) == 1:
        return names[0]
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def _state(advice: ReplyAdvice) -> Widget:
    widgets = []
    if advice.why:
        widgets.append(paragraph(esc(translate(advice.why))))
    widgets.extend(decorated(esc(translate(move)), icon="STAR") for move in advice.next_moves[:5])
    return section(_("Where things stand") if widgets else "", widgets)


def _writing_check(intro: Introduction) -> Widget:
    """For the introducer: did each person get a line on why the other should care?"""
    items = []
    for person in intro.introduced[:6]:
        if person.blurb:
            told = _("You told the others who {name} is.").format(name=short_name(person))
            items.append(decorated(esc(told), icon="STAR"))
        else:
            tip = _("Add a line about {name}: what they do and why this meeting helps.").format(
                name=short_name(person)
            )
            items.append(decorated(esc(tip), icon="BOOKMARK"))
    return section(_("Your introduction"), items)


def _tips(
    introducer: str, others: list[Person], keeps_introducer: bool, advice: ReplyAdvice
) -> Widget:
    """The points for this thread first (who is on it, what was proposed, how late the
    reply is), then the general etiquette, folded away."""
    other = short_name(others[0]) if others else _("them")
    general = list(tips(keeps_introducer))
    if not keeps_introducer and advice.state == "introducer_moved" and advice.points:
        general = general[1:]  # a thread point says it already
    if advice.proposal is not None:
        general = general[:-1]  # they proposed: no step of our own
    items = point_items(advice.points)
    items += [
        decorated(
            esc(body.format(introducer=introducer, other=other)),
            top=esc(title.format(introducer=introducer, other=other)),
        )
        for title, body in general
    ]
    return section(_("What matters now"), items, collapse_after=max(1, len(advice.points)))


def _reply(
    advice: ReplyAdvice, prefs: Preferences, urls: Urls, ids: dict[str, str], edited: str = ""
) -> Widget:
    suggestion = advice.suggestion
    assert suggestion is not None
    # The phrasing chosen survives a change of tone or next step.
    refresh = action(urls.of("refresh"), {**ids, "variant": str(prefs.variant)})
    # A new field name per option: Gmail keeps typed text in a field of the same name
    # across updateCard, which would hide the re-rendered suggestion.
    field = draft_field(prefs)
    recipients = _("To: {people}").format(people=", ".join(a.formatted() for a in suggestion.to))
    if suggestion.cc:
        recipients += _(" · Cc: {people}").format(
            people=", ".join(a.formatted() for a in suggestion.cc)
        )
    return section(
        _("Suggested reply"),
        [
            decorated(esc(recipients), top=esc(suggestion.subject)),
            *_language_note(suggestion.language_note),
            text_input(
                field,
                _("Your reply (edit freely)"),
                edited or suggestion.body_text,
                multiline=True,
            ),
            *_kept(edited, urls, ids, prefs),
            selection(
                "nextStep",
                _("Next step"),
                _labels(NEXT_STEP_LABELS),
                [prefs.next_step],
                on_change=refresh,
            ),
            selection("tone", _("Tone"), _labels(TONE_LABELS), [prefs.tone], on_change=refresh),
            buttons(
                button(
                    _("Another phrasing"),
                    action(urls.of("refresh"), {**ids, "variant": str(prefs.variant + 1)}),
                )
            ),
        ],
    )


def _language_note(note: str) -> list[Widget]:
    """One short line when the reply is not in English, or is in English for want of the
    introduction's language (it says which language and form of address, or why)."""
    return [paragraph(esc(note))] if note else []


def _kept(edited: str, urls: Urls, ids: dict[str, str], prefs: Preferences) -> list[Widget]:
    """When the box keeps the user's own text: say so, and offer the new suggestion."""
    if not edited:
        return []
    fresh = action(urls.of("refresh"), {**ids, "variant": str(prefs.variant), "discardEdits": "1"})
    return [
        paragraph(esc(_("Your edits are kept. The new choices apply if you take the new text."))),
        buttons(button(_("Replace my text with the new suggestion"), fresh)),
    ]


def _labels(choices: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """A choice table's labels (marked in the core) in the current locale."""
    return [(translate(label), value) for label, value in choices]


def _full(person: Person) -> str:
    return person.name or person.email or _("someone")
