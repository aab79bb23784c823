"""The program: the parser with every command, and `main`, which runs one.

`python -m app` (app/__main__.py) calls `main`. Each command module adds itself with
`register(subparsers)`; this module is the only one that knows them all.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from app.cli import analyze, check, manifest, migrate, suggest

DESCRIPTION = (
    "The command line: `analyze`, `suggest`, `check`, `manifest` and `migrate` (a contract)."
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="python -m app", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True)
    for command in (analyze, suggest, check, manifest, migrate):
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0
