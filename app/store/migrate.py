"""Schema migrations: `upgrade(engine)` brings the database to the newest revision.

Alembic runs the revisions in `migrations/versions/`. When the database is already at
`HEAD_REVISION` (every start but the first after a release) one query answers and
Alembic is not even imported. Several processes may start at once: on PostgreSQL an
advisory lock (taken in `migrations/env.py`) lets one migrate while the others wait;
on SQLite a file lock beside the database does the same for uvicorn's workers. Alembic
keeps its context in module globals, so within one process runs are serialised too.
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, inspect, text

HEAD_REVISION = "0003"  # the newest file in migrations/versions (a test checks it)
MIGRATIONS = Path(__file__).with_name("migrations")
_in_process = threading.Lock()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when it has no schema yet."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if value is None else str(value)


def upgrade(engine: Engine) -> str | None:
    """Migrate to the newest revision (a no-op when already there); the revision after."""
    if current_revision(engine) == HEAD_REVISION:
        return HEAD_REVISION
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _in_process, _sqlite_lock(engine), engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return current_revision(engine)


@contextmanager
def _sqlite_lock(engine: Engine) -> Iterator[None]:
    # SQLite's DDL is not transactional through pysqlite: serialise migrators by a file lock.
    if engine.dialect.name != "sqlite" or not engine.url.database:
        yield
        return
    path = Path(engine.url.database + ".migrate-lock")
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
