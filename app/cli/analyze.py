"""The command line: `analyze`, `suggest`, `check`, `manifest` and `migrate` (a contract).

`python -m app analyze --json [--me ADDRESS] FILE...` prints one JSON object per
file, in order, one per line. Unreadable input gives an object with an `error`
field, never a traceback. Files are read one at a time, so hundreds are fine.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.core.intro import detect_introduction
from app.core.model import Email, Introduction, Thread
from app.core.rfc822 import parse_eml

MAX_FILE = 50 * 1024 * 1024  # bytes; a larger file is refused with an error object


def read_mail(path: Path) -> Thread:
    """A `.eml` file (RFC 822) or Gmail API JSON (message or thread) as a `Thread`."""
    raw = path.read_bytes() if path.stat().st_size <= MAX_FILE else None
    if raw is None:
        raise ValueError(f"file larger than {MAX_FILE // (1024 * 1024)} MB")
    if b"\x00" in raw[:8192]:
        raise ValueError("not an email: binary data")
    if path.suffix.lower() == ".json":
        from app.gmail.mime import email_from_gmail, thread_from_gmail

        data = json.loads(raw)
        if isinstance(data, dict) and isinstance(data.get("messages"), list):
            return thread_from_gmail(data)
        return Thread((email_from_gmail(data),))
    return Thread((parse_eml(raw),))


def introduction_json(intro: Introduction | None) -> dict[str, Any] | None:
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


def _analyze(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        record: dict[str, Any] = {"file": name}
        try:
            thread = read_mail(Path(name))
        except (OSError, ValueError, UnicodeError, RecursionError) as exc:
            record["error"] = _describe(exc)
            status = 1
        else:
            verdict = detect_introduction(thread, args.me)
            record["introduction"] = introduction_json(verdict.introduction)
            if verdict.introduction is None:
                record["why"] = verdict.reason
        _emit(record, args.json, _summary)
    return status


def _describe(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} at line {exc.lineno}"
    return str(exc) or type(exc).__name__


def _summary(record: dict[str, Any]) -> str:
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


def _emit(record: dict[str, Any], as_json: bool, summary: Any) -> None:
    line = json.dumps(record, ensure_ascii=False) if as_json else summary(record)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="recognise introductions in .eml or Gmail JSON files")
    analyze.add_argument("--json", action="store_true", help="one JSON object per file per line")
    analyze.add_argument("--me", help="your address, to tell your role")
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.set_defaults(func=_analyze)
    from app.cli.suggest import register

    register(sub)
    from app.cli.manifest import register as register_manifest
    from app.cli.migrate import register as register_store

    register_manifest(sub)
    register_store(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0


__all__ = ["Email", "build_parser", "introduction_json", "main", "read_mail"]
