"""The `suggest` and `check` commands: coach a first reply from `.eml` files (a contract).

`python -m app suggest --json [--me ADDRESS] THREAD.eml...` prints one object per
thread: `{"file", "suggestion": null | {"to", "cc", "subject", "body", "reasons"}}`
(with `"why"` when null). `python -m app check --json [--thread THREAD.eml]
[--me ADDRESS] DRAFT.eml...` prints one object per draft: `{"file", "findings":
[{"code", "severity", "message", "start", "end", "fix", ...}]}`; an `ask` finding
also carries its `kind`. Unreadable input gives an `"error"` field, never a traceback;
the exit status is 1 when any input was unreadable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.analyze import read_mail
from app.core.checks import Finding
from app.core.draft import check_email
from app.core.intro import detect_introduction
from app.core.model import Thread
from app.core.preferences import CHECK_CODES, NEXT_STEPS, TONES, Preferences
from app.core.reply import ReplyAdvice, ReplySuggestion, suggest_reply

JsonObject = dict[str, Any]
_READ_ERRORS = (OSError, ValueError, UnicodeError, RecursionError)
_READ_MESSAGES: tuple[tuple[type[BaseException], str], ...] = (
    (FileNotFoundError, "no such file"),
    (IsADirectoryError, "is a directory"),
    (PermissionError, "permission denied"),
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `suggest` and `check` to the command line."""
    suggest = subparsers.add_parser("suggest", help="suggest the first reply to an introduction")
    suggest.add_argument("--json", action="store_true", help="one JSON object per thread per line")
    suggest.add_argument("--me", help="your address (default: the first introduced person on To)")
    suggest.add_argument("--tone", choices=TONES, default="warm")
    suggest.add_argument("--next-step", choices=NEXT_STEPS, default="coffee", dest="next_step")
    suggest.add_argument("--variant", type=int, default=0, help="another phrasing (0, 1, 2...)")
    suggest.add_argument("--name", default="", help="the name to sign with")
    suggest.add_argument("--sign-off", default="", dest="sign_off", help='e.g. "Best,"')
    suggest.add_argument("files", nargs="+", metavar="THREAD.eml")
    suggest.set_defaults(func=run_suggest)
    check = subparsers.add_parser("check", help="check a first-reply draft for what would hurt")
    check.add_argument("--json", action="store_true", help="one JSON object per draft per line")
    check.add_argument("--thread", help="the thread the draft replies to (.eml)")
    check.add_argument("--me", help="your address (default: the draft's sender)")
    check.add_argument(
        "--only", action="append", choices=sorted(CHECK_CODES), help="run only these checks"
    )
    check.add_argument("files", nargs="+", metavar="DRAFT.eml")
    check.set_defaults(func=run_check)


def run_suggest(args: argparse.Namespace) -> int:
    """The `suggest` command; returns the exit status."""
    prefs = Preferences(
        name=args.name,
        sign_off=args.sign_off,
        next_step=args.next_step,
        tone=args.tone,
        variant=args.variant,
    )
    status = 0
    for name in args.files:
        try:
            thread = read_mail(Path(name))
        except _READ_ERRORS as exc:
            _emit({"file": name, "suggestion": None, "error": _describe(exc)}, args.json)
            status = 1
            continue
        _emit({"file": name, **suggestion_json(thread, args.me, prefs)}, args.json)
    return status


def suggestion_json(thread: Thread, me: str | None, prefs: Preferences) -> JsonObject:
    """The `suggestion` (or `why`) part of one `suggest` record."""
    verdict = detect_introduction(thread, me)
    if verdict.introduction is None:
        return {"suggestion": None, "why": verdict.reason or "not an introduction"}
    advice = suggest_reply(verdict.introduction, thread, me, prefs)
    return _advice_json(advice)


def _advice_json(advice: ReplyAdvice) -> JsonObject:
    if advice.suggestion is None:
        return {
            "suggestion": None,
            "why": advice.why,
            "state": advice.state,
            "next_moves": list(advice.next_moves),
        }
    return {"suggestion": _suggestion_dict(advice.suggestion), "state": advice.state}


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


def run_check(args: argparse.Namespace) -> int:
    """The `check` command; returns the exit status."""
    enabled = frozenset(args.only) if args.only else None
    thread = None
    if args.thread:
        try:
            thread = read_mail(Path(args.thread))
        except _READ_ERRORS as exc:
            for name in args.files:
                error = f"thread: {_describe(exc)}"
                _emit({"file": name, "findings": [], "error": error}, args.json)
            return 1
    status = 0
    for name in args.files:
        try:
            draft = read_mail(Path(name)).last
        except _READ_ERRORS as exc:
            _emit({"file": name, "findings": [], "error": _describe(exc)}, args.json)
            status = 1
            continue
        found = check_email(draft, thread, me=args.me, enabled=enabled) if draft else ()
        _emit({"file": name, "findings": [finding_json(f) for f in found]}, args.json)
    return status


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


def _emit(record: JsonObject, as_json: bool) -> None:
    line = json.dumps(record, ensure_ascii=False) if as_json else _summary(record)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _summary(record: JsonObject) -> str:
    head = record["file"]
    if "error" in record:
        return f"{head}: error: {record['error']}"
    if "findings" in record:
        return _check_summary(head, record["findings"])
    suggestion = record["suggestion"]
    if suggestion is None:
        moves = "".join(f"\n  next: {m}" for m in record.get("next_moves", []))
        return f"{head}: no reply to suggest ({record['why']}){moves}"
    cc = f"\nCc: {', '.join(suggestion['cc'])}" if suggestion["cc"] else ""
    return (
        f"{head}\nTo: {', '.join(suggestion['to'])}{cc}\nSubject: {suggestion['subject']}\n\n"
        f"{suggestion['body']}\n"
    )


def _check_summary(head: str, findings: list[JsonObject]) -> str:
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


def _describe(exc: BaseException) -> str:
    known = (m for kind, m in _READ_MESSAGES if isinstance(exc, kind))
    return next(known, str(exc) or type(exc).__name__)
