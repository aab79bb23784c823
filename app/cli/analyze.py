"""The `analyze` command: recognise introductions in mail files (a contract).

`python -m app analyze --json [--me ADDRESS] FILE...` prints one JSON object per
file, in order, one per line; `-` reads standard input. Unreadable or empty input
gives an object with an `error` field, never a traceback. Files are read one at a time,
so hundreds are fine.
"""

from __future__ import annotations

import argparse

from app.cli.mailfile import MailFiles, UnreadableMail
from app.cli.output import JsonObject, emit
from app.core.intro import detect_introduction, detect_request
from app.core.model import Introduction, IntroRequest

EPILOG = """\
FILE may be - for standard input (Gmail API JSON when it starts with {, else .eml).

exit status:
  0  every file was read (an introduction or not)
  1  a file could not be read: missing, empty, too large, binary or not mail
     (its line says why; the other files are still analysed)
  2  usage error: an unknown option or no FILE
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `analyze` command."""
    analyze = subparsers.add_parser(
        "analyze",
        help="recognise introductions in .eml or Gmail JSON files",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    analyze.add_argument("--json", action="store_true", help="one JSON object per file per line")
    analyze.add_argument("--me", help="your address, to tell your role")
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """The `analyze` command; returns the exit status."""
    mail: MailFiles = args.mail
    status = 0
    for name in args.files:
        record: JsonObject = {"file": name}
        try:
            thread = mail.read(name)
        except UnreadableMail as exc:
            record["error"] = str(exc)
            status = 1
        else:
            verdict = detect_introduction(thread, args.me)
            record["introduction"] = introduction_json(verdict.introduction)
            # A request for an introduction ("could you introduce me to Sue?"), next to it.
            asked = None if verdict.introduction else detect_request(thread, args.me)
            record["request"] = request_json(asked)
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
        # True when no message given makes the introduction and a reply to it was read.
        "from_reply": intro.from_reply,
        # A group among the introduced ("Growth Team") and the members the mail names.
        # A team named in prose has no address; its members are among the introduced.
        "teams": [
            {"name": p.name, "email": p.email, "members": list(p.members)}
            for p in (*intro.introduced, *intro.teams)
            if p.members
        ],
    }


def request_json(request: IntroRequest | None) -> JsonObject | None:
    """The contract shape of a request for an introduction."""
    if request is None:
        return None
    return {
        "requester": {"name": request.requester.name, "email": request.requester.email},
        "target": request.target,
        "language": request.language,
        "confidence": request.confidence,
    }


def _summary(record: JsonObject) -> str:
    if "error" in record:
        return f"{record['file']}: error: {record['error']}"
    intro = record.get("introduction")
    if not intro:
        text = f"{record['file']}: not an introduction ({record.get('why', '')})"
        asked = record.get("request")
        if asked:
            who = asked["requester"]["name"] or asked["requester"]["email"] or "someone"
            whom = asked["target"] or "someone"
            text += f"\n{record['file']}: {who} asks for an introduction to {whom}"
        return text
    who = intro["introducer"]["name"] or intro["introducer"]["email"] or "someone"
    members = {t["email"]: t["members"] for t in intro.get("teams", [])}
    people = " and ".join(
        (p["name"] or p["email"])
        + (f" ({', '.join(members[p['email']])})" if members.get(p["email"]) else "")
        for p in intro["introduced"]
    )
    listed = [t for t in intro.get("teams", []) if not t["email"]]  # teams named in prose
    people += "".join(f" ({t['name']}: {', '.join(t['members'])})" for t in listed)
    role = "" if intro["user_role"] == "unknown" else f", you: {intro['user_role']}"
    detail = f"{intro['kind']}, {intro['confidence']:.2f}{role}"
    return f"{record['file']}: {who} introduced {people} ({detail})"
