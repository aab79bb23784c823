"""Alembic environment: runs the revisions on the connection `app.store.migrate` hands over.

Keeps: one migrator at a time. On PostgreSQL a transaction-scoped advisory lock is
taken before Alembic reads the current revision, so instances starting together
migrate once; the others wait, then find the schema at head.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from app.store.schema import metadata

ADVISORY_LOCK = 7_405_417_250  # any constant shared by every instance of this service


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
        context.run_migrations()


def _connection() -> Connection:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError(
            "run migrations with `python -m app migrate` (app.store.migrate.upgrade)"
        )
    return connection


_run(_connection())
