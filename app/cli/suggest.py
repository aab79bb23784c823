"""The `suggest` command: the first reply to an introduction, from mail files (a contract).

`python -m app suggest --json [--me ADDRESS] THREAD.eml...` prints one object per
thread: `{"file", "suggestion": null | {"to", "cc", "subject", "body", "reasons"}}`
(with `"why"` when null); `-` reads standard input. Unreadable or empty input gives an
`"error"` field, never a traceback; the exit status is 1 when any input was unreadable.
"""

from __future__ import annotations

import argparse

from app.cli.mailfile import MailFiles, UnreadableMail
from app.cli.output import JsonObject, emit
from app.core.intro import detect_introduction
from app.core.model import Thread
from app.core.preferences import NEXT_STEPS, TONES, Preferences
from app.core.reply import Proposal, ReplyAdvice, ReplySuggestion, suggest_reply

EPILOG = """\
THREAD.eml may be - for standard input (Gmail API JSON when it starts with {).

exit status:
  0  every thread was read (with a suggestion or a why)
  1  a thread could not be read: missing, empty, too large, binary or not mail
     (its record says why; the other threads are still read)
  2  usage error: an unknown option or value, or no THREAD.eml
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `suggest` command."""
    suggest = subparsers.add_parser(
        "suggest",
        help="suggest the first reply to an introduction",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    suggest.add_argument("--json", action="store_true", help="one JSON object per thread per line")
    suggest.add_argument("--me", help="your address (default: the first introduced person on To)")
    suggest.add_argument("--tone", choices=TONES, default="warm")
    suggest.add_argument("--next-step", choices=NEXT_STEPS, default="coffee", dest="next_step")
    suggest.add_argument("--variant", type=int, default=0, help="another phrasing (0, 1, 2...)")
    suggest.add_argument("--name", default="", help="the name to sign with")
    suggest.add_argument("--sign-off", default="", dest="sign_off", help='e.g. "Best,"')
    suggest.add_argument("files", nargs="+", metavar="THREAD.eml")
    suggest.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """The `suggest` command; returns the exit status."""
    prefs = Preferences(
        name=args.name,
        sign_off=args.sign_off,
        next_step=args.next_step,
        tone=args.tone,
        variant=args.variant,
    )
    mail: MailFiles = args.mail
    status = 0
    for name in args.files:
        try:
            thread = mail.read(name)
        except UnreadableMail as exc:
            emit({"file": name, "suggestion": None, "error": str(exc)}, args.json, _summary)
            status = 1
            continue
        emit({"file": name, **suggestion_json(thread, args.me, prefs)}, args.json, _summary)
    return status


def suggestion_json(thread: Thread, me: str | None, prefs: Preferences) -> JsonObject:
    """The `suggestion` (or `why`) part of one `suggest` record."""
    verdict = detect_introduction(thread, me)
    if verdict.introduction is None:
        return {"suggestion": None, "why": verdict.reason or "not an introduction"}
    advice = suggest_reply(verdict.introduction, thread, me, prefs)
    return _advice_json(advice)


def _advice_json(advice: ReplyAdvice) -> JsonObject:
    # What the thread adds: the other side's proposal and the points that matter now
    # (none about timing: the command line reads no clock, so its output stays the same).
    thread: JsonObject = {
        "proposal": _proposal_dict(advice.proposal),
        "points": [{"title": p.title, "body": p.body} for p in advice.points],
    }
    if advice.suggestion is None:
        return {
            "suggestion": None,
            "why": advice.why,
            "state": advice.state,
            "next_moves": list(advice.next_moves),
            **thread,
        }
    return {"suggestion": _suggestion_dict(advice.suggestion), "state": advice.state, **thread}


def _proposal_dict(proposal: Proposal | None) -> JsonObject | None:
    if proposal is None:
        return None
    return {
        "kind": proposal.kind,
        "phrase": proposal.phrase,
        "when": proposal.when,
        "where": proposal.where,
        "language": proposal.language,
    }


def _suggestion_dict(s: ReplySuggestion) -> JsonObject:
    return {
        "to": [a.formatted() for a in s.to],
        "cc": [a.formatted() for a in s.cc],
        "subject": s.subject,
        "body": s.body_text,
        "reasons": list(s.reasons),
        "in_reply_to": s.in_reply_to,
        "references": list(s.references),
        "html": s.body_html,
    }


def _summary(record: JsonObject) -> str:
    head = record["file"]
    if "error" in record:
        return f"{head}: error: {record['error']}"
    suggestion = record["suggestion"]
    if suggestion is None:
        moves = "".join(f"\n  next: {m}" for m in record.get("next_moves", []))
        return f"{head}: no reply to suggest ({record['why']}){moves}"
    cc = f"\nCc: {', '.join(suggestion['cc'])}" if suggestion["cc"] else ""
    return (
        f"{head}\nTo: {', '.join(suggestion['to'])}{cc}\nSubject: {suggestion['subject']}\n\n"
        f"{suggestion['body']}\n"
    )
