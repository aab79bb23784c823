"""Engines for the store's database URL: a SQLite file (default) or PostgreSQL via psycopg 3.

Calls block: the routes are plain `def`, run in FastAPI's thread pool, so each process
keeps one pool sized for that pool. The SQLite file's folder is created when missing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

POOL_SIZE = 5  # connections kept open per process
MAX_OVERFLOW = 15  # burst above that: the thread pool has 40 threads, most waiting on Gmail
POOL_TIMEOUT = 10.0  # seconds a request waits for a free connection before failing
POOL_RECYCLE = 1800  # seconds; replaces connections before managed proxies drop them
CONNECT_TIMEOUT = 5  # seconds to reach PostgreSQL
SQLITE_BUSY_SECONDS = 15.0  # a writer waits this long for another writer (other workers)


class UnsupportedDatabase(ValueError):
    """The database URL names neither SQLite nor PostgreSQL (or an in-memory SQLite)."""


def database_url(raw: str) -> URL:
    """The URL with our driver: `postgres://` and `postgresql://` mean psycopg 3."""
    url = make_url(raw)
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend != "sqlite":
        raise UnsupportedDatabase(
            f"unsupported database {backend!r}: use sqlite:/// or postgresql://"
        )
    if url.database in (None, "", ":memory:") or (url.database or "").startswith("file:"):
        raise UnsupportedDatabase("in-memory SQLite is one database per connection: name a file")
    return url.set(drivername="sqlite+pysqlite")


def connect(raw: str) -> Engine:
    """An engine (with its pool) for the URL; nothing is opened until first use."""
    url = database_url(raw)
    if url.get_backend_name() == "sqlite":
        return _sqlite(url)
    return create_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=MAX_OVERFLOW,
        pool_timeout=POOL_TIMEOUT,
        pool_recycle=POOL_RECYCLE,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": "intro-coach"},
    )


def _sqlite(url: URL) -> Engine:
    Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=MAX_OVERFLOW,
        pool_timeout=POOL_TIMEOUT,
        connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False},
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # WAL lets readers go on while one writer writes (uvicorn workers share the file).
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()
