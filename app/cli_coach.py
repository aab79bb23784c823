"""Placeholder: the `suggest` and `check` commands are being written (issue 3)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the coach commands to the command line (none yet)."""
