"""The `migrate` command: bring the database schema to the newest revision (a contract).

`python -m app migrate [--database-url URL]`. The service also migrates when it first
opens the store; this command does it ahead of a deploy, or checks that
`INTRO_DATABASE_URL` is reachable. SQLAlchemy, Alembic and the settings are imported only
when the command runs, so the rest of the command line stays quick.
"""

from __future__ import annotations

import argparse
import sys

EPILOG = """\
URL is sqlite:///PATH, postgresql://... or memory://; memory:// keeps its state in one
process and has no schema, so there is nothing to migrate and the command says so.

exit status:
  0  the schema is at the newest revision (or the URL is memory://)
  1  the database could not be reached, created or migrated
  2  usage error: an unknown option, an unsupported or malformed URL, or a bad INTRO_ setting
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `migrate` command."""
    parser = subparsers.add_parser(
        "migrate",
        help="create or upgrade the database schema",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--database-url", help="database to migrate (default: INTRO_DATABASE_URL or its default)"
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.settings import MEMORY_URL

    url = args.database_url or _configured_url()
    if url is None:
        return 2
    if url == MEMORY_URL:
        sys.stdout.write("memory:// keeps no schema: nothing to migrate\n")
        return 0
    return _migrate(url)


def _configured_url() -> str | None:
    from pydantic import ValidationError

    from app.settings import Settings

    try:
        return Settings().database_url
    except ValidationError as exc:
        for error in exc.errors():
            name = "INTRO_" + "_".join(str(part) for part in error["loc"]).upper()
            sys.stderr.write(f"migrate: {name}: {error['msg']}\n")
        return None


def _migrate(url: str) -> int:
    from alembic.util.exc import CommandError
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from app.store.engine import UnsupportedDatabase, connect
    from app.store.migrate import current_revision, upgrade

    try:
        engine = connect(url)
    except (UnsupportedDatabase, ArgumentError) as exc:
        sys.stderr.write(f"migrate: {exc}\n")
        return 2
    except OSError as exc:  # the SQLite file's folder could not be created
        sys.stderr.write(f"migrate: cannot create the database folder: {exc.strerror}\n")
        return 1
    try:
        before = current_revision(engine)
        after = upgrade(engine)
    except SQLAlchemyError as exc:
        sys.stderr.write(f"migrate: database error: {type(exc).__name__}\n")
        return 1
    except CommandError as exc:  # e.g. the database is at a revision this release lacks
        sys.stderr.write(f"migrate: {exc}\n")
        return 1
    finally:
        engine.dispose()
    sys.stdout.write(f"schema at revision {after} (was {before or 'empty'})\n")
    return 0
