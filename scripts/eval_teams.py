"""Teams: the labelled one-to-many introductions, and teams named in prose (dev only).

For each labelled one-to-many introduction (`subtype=one_to_many` in its notes):
detected or not, roles right (`eval_intro.roles_right`, in-sample: the committed
weights), and the members listed (a group's after a team phrase, or a team named in
prose) against the people the label names. For every labelled message: how often a
team named in prose (`Introduction.teams`) is listed, so a false team shows up. The
prose reading adds no one to the introduced people, so it cannot change roles.
"""

from __future__ import annotations

from app.core.intro import detect_introduction
from scripts.eval_intro import _person_matches, roles_right
from scripts.intro_data import Row, load_rows
from scripts.reporting import corpus_report


def report(rows: list[Row] | None = None) -> list[str]:
    """The lines `make eval` prints for teams."""
    rows = rows if rows is not None else load_rows()
    many = [r for r in rows if "subtype=one_to_many" in r.notes]
    found = right = listed = labelled_members = members_right = 0
    prose: list[str] = []
    for row in rows:
        intro = detect_introduction(row.email, row.user or None).introduction
        if intro is not None and intro.teams:
            prose.append(f"{row.id} ({row.label}): {', '.join(intro.teams[0].members)}")
        if row not in many or intro is None:
            continue
        found += 1
        right += roles_right(row, intro)
        members = [m for p in (*intro.introduced, *intro.teams) for m in p.members]
        listed += bool(members)
        labelled_members += len(members)
        members_right += sum(
            any(_person_matches(n, m, "") for n in row.introduced) for m in members
        )
    return [
        f"teams: {len(many)} labelled one-to-many introductions (in-sample)",
        f"  detected {found}/{len(many)}; roles right {right}/{found}; members listed on "
        f"{listed}/{found}, {members_right}/{labelled_members} of them among the labelled people",
        f"  teams named in prose listed on {len(prose)} of {len(rows)} labelled messages"
        + "".join(f"\n    {line}" for line in prose),
    ]


def main() -> int:
    return corpus_report(report)


if __name__ == "__main__":
    raise SystemExit(main())
