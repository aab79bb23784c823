"""The `migrate` command: bring the database schema to the newest revision (a contract).

`python -m app migrate [--database-url URL]`. The service also migrates when it first
opens the store; this command does it ahead of a deploy, or checks that
`INTRO_DATABASE_URL` is reachable. SQLAlchemy and Alembic are imported only when the
command runs, so the rest of the command line stays quick.
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `migrate` command."""
    parser = subparsers.add_parser("migrate", help="create or upgrade the database schema")
    parser.add_argument(
        "--database-url", help="database to migrate (default: INTRO_DATABASE_URL or its default)"
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from app.settings import Settings
    from app.store import UnsupportedDatabase, connect, current_revision, upgrade

    url = args.database_url or Settings().database_url
    try:
        engine = connect(url)
    except (UnsupportedDatabase, ArgumentError) as exc:
        sys.stderr.write(f"migrate: {exc}\n")
        return 2
    try:
        before = current_revision(engine)
        after = upgrade(engine)
    except SQLAlchemyError as exc:
        sys.stderr.write(f"migrate: database error: {type(exc).__name__}\n")
        return 1
    finally:
        engine.dispose()
    sys.stdout.write(f"schema at revision {after} (was {before or 'empty'})\n")
    return 0
