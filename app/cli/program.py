"""The program: the parser with every command, and `main`, which runs one.

`python -m app` (app/__main__.py) calls `main`. Each command module adds itself with
`register(subparsers)`; this module is the only one that knows them all, and it hands
each command the one `MailFiles` reader (so `-` reads standard input once per run).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import BinaryIO

from app.cli import analyze, check, manifest, migrate, suggest
from app.cli.mailfile import MailFiles

DESCRIPTION = (
    "The command line: `analyze`, `suggest`, `check`, `manifest` and `migrate` (a contract)."
)
EPILOG = """\
Each command's --help lists its exit statuses: 0 success, 1 some input could not be
read or a database failed, 2 a usage error. An interrupted run exits with 130.
"""
INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description=DESCRIPTION,
        epilog=EPILOG,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in (analyze, suggest, check, manifest, migrate):
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, stdin: BinaryIO | None = None) -> int:
    """Run the command line; returns the exit status. `stdin` is read for `-`."""
    args = build_parser().parse_args(argv)
    args.mail = MailFiles(stdin)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `... | head`: the reader has gone, which is not an error
        return 0
    except KeyboardInterrupt:
        return INTERRUPTED
