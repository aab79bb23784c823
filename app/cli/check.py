"""The `check` command: what in a first-reply draft would hurt (a contract).

`python -m app check --json [--thread THREAD.eml] [--me ADDRESS] [--as auto|reply|introducer]
DRAFT.eml...` prints one object per draft: `{"file", "findings": [{"code", "severity",
"message", "start", "end", "fix", ...}]}`; an `ask` finding also carries its `kind`. A
draft whose own words introduce two people, written by the user, is checked as an
introduction (`check_introduction`); its record then also says `"as": "introducer"`. `-` reads
standard input. Unreadable or empty input gives an `"error"` field, never a traceback;
the exit status is 1 when any input was unreadable. Findings do not change it.
"""

from __future__ import annotations

import argparse

from app.cli.mailfile import MailFiles, UnreadableMail
from app.cli.output import JsonObject, emit
from app.core.checks import Draft, Finding, check_email, check_introduction, written_introduction
from app.core.model import Email
from app.core.preferences import CHECK_CODES

EPILOG = """\
checking as the introducer:
  A draft whose own words introduce two people and whose sender is you (--me, or the
  draft's From) is checked as an introduction you wrote (--as auto, the default): codes
  one_side_missing, no_blurb, no_reason, ask_on_behalf, no_consent, vague_subject, and
  the record carries "as": "introducer". --as introducer always checks that way (the
  people then come from the greeting and the recipients when no introduction is
  recognised); --as reply always runs the first-reply checks.

DRAFT.eml or --thread may be - for standard input (once; Gmail API JSON when it
starts with {).

exit status:
  0  every draft was read; findings do not change the status
  1  a draft or the --thread could not be read: missing, empty, too large, binary or
     not mail (its record says why)
  2  usage error: an unknown option or check code, or no DRAFT.eml
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `check` command."""
    check = subparsers.add_parser(
        "check",
        help="check a first-reply draft for what would hurt",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("--json", action="store_true", help="one JSON object per draft per line")
    check.add_argument("--thread", help="the thread the draft replies to (.eml)")
    check.add_argument("--me", help="your address (default: the draft's sender)")
    check.add_argument(
        "--only", action="append", choices=sorted(CHECK_CODES), help="run only these checks"
    )
    check.add_argument(
        "--as",
        dest="role",
        choices=("auto", "reply", "introducer"),
        default="auto",
        help="check the draft as a first reply, as your own introduction, or tell which "
        "(auto, the default)",
    )
    check.add_argument("files", nargs="+", metavar="DRAFT.eml")
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """The `check` command; returns the exit status."""
    mail: MailFiles = args.mail
    enabled = frozenset(args.only) if args.only else None
    thread = None
    if args.thread:
        try:
            thread = mail.read(args.thread)
        except UnreadableMail as exc:
            for name in args.files:
                error = f"thread: {exc}"
                emit({"file": name, "findings": [], "error": error}, args.json, _summary)
            return 1
    status = 0
    for name in args.files:
        try:
            draft = mail.read(name).last
        except UnreadableMail as exc:
            emit({"file": name, "findings": [], "error": str(exc)}, args.json, _summary)
            status = 1
            continue
        if draft is None:
            emit({"file": name, "findings": []}, args.json, _summary)
            continue
        record: JsonObject = {"file": name, "findings": []}
        found = _introducer_findings(draft, args.role, args.me, enabled)
        if found is None:
            found = check_email(draft, thread, me=args.me, enabled=enabled)
        else:
            record["as"] = "introducer"
        record["findings"] = [finding_json(f) for f in found]
        emit(record, args.json, _summary)
    return status


def _introducer_findings(
    email: Email, role: str, me: str | None, enabled: frozenset[str] | None
) -> tuple[Finding, ...] | None:
    """The introducer checks when the draft is to be checked as an introduction the user
    wrote (`--as introducer`, or `auto` and it reads as one); None otherwise."""
    if role == "reply":
        return None
    draft = Draft.from_email(email)
    intro = written_introduction(draft, me)
    if intro is None and role == "auto":
        return None
    return check_introduction(draft, intro, me=me, enabled=enabled)


def finding_json(finding: Finding) -> JsonObject:
    """The contract shape of one finding (`kind` only on findings that have one)."""
    record: JsonObject = {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "start": finding.start,
        "end": finding.end,
        "fix": finding.fix,
        "excerpt": finding.excerpt,
    }
    if finding.kind:
        record["kind"] = finding.kind
    return record


def _summary(record: JsonObject) -> str:
    head = record["file"]
    if "error" in record:
        return f"{head}: error: {record['error']}"
    findings: list[JsonObject] = record["findings"]
    if not findings:
        return f"{head}: looks good"
    lines = [f"{head}: {len(findings)} finding{'s' if len(findings) > 1 else ''}"]
    for f in findings:
        code = f"{f['code']}:{f['kind']}" if "kind" in f else f["code"]
        lines.append(f"  [{f['severity']}] {code}: {f['message']}")
        if f["excerpt"]:
            lines.append(f"    “{' '.join(f['excerpt'].split())[:160]}”")
        lines.append(f"    fix: {f['fix']}")
    return "\n".join(lines)
