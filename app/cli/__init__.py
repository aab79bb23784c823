"""The command line (app/cli/): `python -m app analyze|suggest|check|manifest|migrate`."""

from app.cli.analyze import build_parser, introduction_json, main, read_mail

__all__ = ["build_parser", "introduction_json", "main", "read_mail"]
