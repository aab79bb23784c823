"""The `analyze` command: recognise introductions in mail files (a contract).

`python -m app analyze --json [--me ADDRESS] FILE...` prints one JSON object per
file, in order, one per line. Unreadable input gives an object with an `error`
field, never a traceback. Files are read one at a time, so hundreds are fine.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.mailfile import READ_ERRORS, describe, read_mail
from app.cli.output import JsonObject, emit
from app.core.intro import detect_introduction
from app.core.model import Introduction


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `analyze` command."""
    analyze = subparsers.add_parser(
        "analyze", help="recognise introductions in .eml or Gmail JSON files"
    )
    analyze.add_argument("--json", action="store_true", help="one JSON object per file per line")
    analyze.add_argument("--me", help="your address, to tell your role")
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """The `analyze` command; returns the exit status."""
    status = 0
    for name in args.files:
        record: JsonObject = {"file": name}
        try:
            thread = read_mail(Path(name))
        except READ_ERRORS as exc:
            record["error"] = describe(exc)
            status = 1
        else:
            verdict = detect_introduction(thread, args.me)
            record["introduction"] = introduction_json(verdict.introduction)
            if verdict.introduction is None:
                record["why"] = verdict.reason
        emit(record, args.json, _summary)
    return status


def introduction_json(intro: Introduction | None) -> JsonObject | None:
    """The contract shape of an introduction (extra keys may follow the fixed ones)."""
    if intro is None:
        return None
    return {
        "kind": intro.kind,
        "introducer": {"name": intro.introducer.name, "email": intro.introducer.email},
        "introduced": [
            {"name": p.name, "email": p.email, "blurb": p.blurb} for p in intro.introduced
        ],
        "user_role": intro.user_role,
        "confidence": intro.confidence,
        "message_index": intro.message_index,
        "evidence": list(intro.evidence),
        "language": intro.language,
    }


def _summary(record: JsonObject) -> str:
    if "error" in record:
        return f"{record['file']}: error: {record['error']}"
    intro = record.get("introduction")
    if not intro:
        return f"{record['file']}: not an introduction ({record.get('why', '')})"
    who = intro["introducer"]["name"] or intro["introducer"]["email"] or "someone"
    people = " and ".join(p["name"] or p["email"] for p in intro["introduced"])
    role = "" if intro["user_role"] == "unknown" else f", you: {intro['user_role']}"
    detail = f"{intro['kind']}, {intro['confidence']:.2f}{role}"
    return f"{record['file']}: {who} introduced {people} ({detail})"
