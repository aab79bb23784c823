"""The command line (a contract): `python -m app analyze|suggest|check|manifest|migrate`.

One module per command, each with a `register(subparsers)`; `mailfile` reads the mail
files the commands share and `output` writes their records; `program` builds the parser
and runs a command. Imports flow one way: program -> commands -> mailfile, output.
"""

from app.cli.analyze import introduction_json
from app.cli.check import finding_json
from app.cli.mailfile import MailFiles, UnreadableMail
from app.cli.program import build_parser, main
from app.cli.suggest import suggestion_json

__all__ = [
    "MailFiles",
    "UnreadableMail",
    "build_parser",
    "finding_json",
    "introduction_json",
    "main",
    "suggestion_json",
]
