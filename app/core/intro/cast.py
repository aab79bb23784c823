"""Decide the kind of introduction and who was introduced, from the cues (pure)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from app.core.intro.people import at_organisation, display_name, full_names, resolve, vocatives
from app.core.intro.reading import Hit
from app.core.mail.names import matches
from app.core.model import Address, Email, IntroKind

Cast = list[tuple[str, Address | None]]
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_WORD = re.compile(r"\w+")
_MAX_PEOPLE = 12
_KINDS: tuple[IntroKind, ...] = ("classic", "handoff", "one_sided", "one_to_many")


def cast(
    hits: Sequence[Hit],
    email: Email,
    others: tuple[Address, ...],
    subject_names: Sequence[str] = (),
    addressed_names: Sequence[str] | None = None,
) -> tuple[IntroKind, Cast]:
    """The introduction's kind and its people, recipient(s) first.

    `addressed_names` are the message's `vocatives` when the caller has them already.
    """
    kind = _kind(hits)
    named = _named(hits, email, others)
    if addressed_names is None:
        addressed_names = vocatives(email.new_text)
    addressed = _addressed(addressed_names, email, others, named)
    named = named + _from_subject(subject_names, email, others, named + addressed)
    if kind == "classic" and _to_a_group(named, addressed, others):
        kind, people = "one_to_many", _merge(named, _fallback(others, _MAX_PEOPLE))
    elif kind == "classic":
        # "I'd like to introduce you to Joe" with no greeting: "you" is who it is sent to.
        addressed = addressed or [(display_name("", a), a) for a in email.to if not _in(a, named)]
        people = _merge(addressed, named) if named or addressed else _fallback(others, 4)
        if len(people) < 2:
            people = _merge(people, _fallback(others, 4))
    else:
        helped = addressed or [(display_name("", a), a) for a in email.to if not _in(a, named)]
        people = _merge(helped[:_MAX_PEOPLE], named)
    people = [p for p in people if not _is_sender(p, email)]
    if len(people) < 2:
        people = _merge(people, _subject_person(email, others))
    if len(people) < 2 and not (kind == "one_sided" and people):
        return kind, []
    return kind, people[:_MAX_PEOPLE]


def _kind(hits: Sequence[Hit]) -> IntroKind:
    """The kind most cues point at; ties go to the first of classic, handoff, ..."""
    kinds = Counter(h.cue.kind for h in hits)
    for candidate in _KINDS:
        if kinds[candidate] and kinds[candidate] == max(kinds.values()):
            return candidate
    return "classic"


def _to_a_group(named: Cast, addressed: Cast, others: tuple[Address, ...]) -> bool:
    """One person presented to three or more recipients greeted as a group ("All,")."""
    if addressed or not named:
        return False
    first = named[0][1]
    same = all(p == first if first else n == named[0][0] for n, p in named)
    return same and first is not None and len(others) >= 4


def _named(hits: Sequence[Hit], email: Email, others: tuple[Address, ...]) -> Cast:
    found: Cast = []
    bare = [h.start for h in hits if h.cue.kind == "handoff" and not h.names]
    if bare:
        text = email.new_text[min(bare) :]
        found.extend((a.name, a) for a in email.cc if a.name and a.name.split()[-1] in text)
    for hit in hits:
        for name in hit.names:
            person = resolve(name, others) if hit.cue.name != "introduce-org" else None
            team = at_organisation(name, others) if person is None else []
            if team:  # "introduce you to Tallyworks": the people copied from tallyworks
                found.extend((display_name("", a), a) for a in team)
                continue
            if hit.cue.name == "introduce-org":
                continue
            if person is None and hit.cue.needs_copied and len(email.cc) == 1:
                person = email.cc[0] if not resolve(name, email.to) else None
            copied = _copied_in_clause(email, hit.start) if person is None else []
            if copied:  # "copying CDC Directo r Bob Redfield and ... Marty Cetron": a broken
                found.extend((a.name, a) for a in copied)  # name; the copied it names
                continue
            found.append((display_name(name, person), person))
    return found


def _copied_in_clause(email: Email, start: int) -> list[Address]:
    """The people on Cc whose last name the hand-off's sentence, from its cue on, holds."""
    if not email.cc:
        return []
    clause = _SENTENCE_END.split(email.new_text[start : start + 400], maxsplit=1)[0]
    words = set(_WORD.findall(clause.lower()))
    return [a for a in email.cc[:_MAX_PEOPLE] if a.name and a.name.split()[-1].lower() in words]


def _addressed(
    names: Sequence[str], email: Email, others: tuple[Address, ...], named: Cast
) -> Cast:
    found: Cast = []
    for name in names:
        person = resolve(name, others) or _sole_unnamed_to(email, named + found)
        if person is not None or not email.headers_present or not email.to:
            found.append((display_name(name, person), person))
    return found


def _from_subject(
    names: Sequence[str], email: Email, others: tuple[Address, ...], taken: Cast
) -> Cast:
    """Names from "Intro: Sue <> Joe" subjects, bound to recipients where possible."""
    found: Cast = []
    for name in names:
        person = resolve(name, others) or _sole_unnamed_to(email, taken + found)
        if person is not None:
            found.append((display_name(name, person), person))
    return found


def _sole_unnamed_to(email: Email, taken: Cast) -> Address | None:
    """A greeting whose name is nowhere in the headers goes to the one To left unnamed."""
    left = [a for a in email.to if not _in(a, taken) and not _has_real_name(a)]
    return left[0] if len(left) == 1 else None


def _has_real_name(address: Address) -> bool:
    name = address.name.lower()
    return bool(name) and name not in (address.email, address.email.split("@", 1)[0])


def _subject_person(email: Email, others: tuple[Address, ...]) -> Cast:
    """The person a one-sided introduction is about: the first full name not on the message."""
    sender = email.sender
    for name in full_names(email.new_text):
        if resolve(name, others) or (sender and matches(name, sender)):
            continue
        return [(name, None)]
    return []


def _fallback(others: tuple[Address, ...], limit: int) -> Cast:
    return [(display_name("", a), a) for a in others[:limit]]


def _merge(first: Cast, second: Cast) -> Cast:
    """Both lists without repeats: the same address, or a name that matches a person.

    Addresses are looked up in a set, so thousands of recipients merge in linear time;
    only entries without an address are compared by name.
    """
    merged: Cast = []
    seen: set[str] = set()
    loose: Cast = []  # merged entries without an address
    for name, person in (*first, *second):
        email = person.email if person else ""
        if email in seen or any(_same(name, person, n, p) for n, p in (loose if email else merged)):
            continue
        merged.append((name, person))
        if email:
            seen.add(email)
        else:
            loose.append((name, person))
    return merged


def _same(name: str, person: Address | None, other_name: str, other: Address | None) -> bool:
    """Two entries, at most one with an address (`_merge` compares addresses itself)."""
    mine = person if person and person.email else None
    theirs = other if other and other.email else None
    probe = mine or theirs
    if probe is not None:
        return matches(name if mine is None else other_name, probe)
    return bool(name) and matches(name, Address(other_name, ""))


def _in(address: Address, cast_: Cast) -> bool:
    return any(p is not None and p.email == address.email for _, p in cast_)


def _is_sender(entry: tuple[str, Address | None], email: Email) -> bool:
    person = entry[1]
    sender = email.sender
    return bool(person and sender and person.email and person.email == sender.email)
