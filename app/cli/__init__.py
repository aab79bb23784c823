"""The command line (a contract): `python -m app analyze|suggest|check|manifest|migrate`.

One module per command, each with a `register(subparsers)`; `mailfile` reads the mail
files the commands share and `output` writes their records; `program` builds the parser
and runs a command. Imports flow one way: program -> commands -> mailfile, output.
"""

from app.cli.program import main

__all__ = ["main"]
