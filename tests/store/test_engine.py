"""Engines: the URL picks SQLite or PostgreSQL (psycopg 3); SQLite's folder is made."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.store.engine import UnsupportedDatabase, connect, database_url


@pytest.mark.parametrize(
    "raw", ["postgresql://u:p@db/intro", "postgres://u:p@db/intro", "postgresql+psycopg2://db/x"]
)
def test_postgres_urls_use_psycopg3(raw: str) -> None:
    """Every spelling of a PostgreSQL URL runs on psycopg 3."""
    assert database_url(raw).drivername == "postgresql+psycopg"


def test_cloud_sql_socket_url_keeps_its_host() -> None:
    """A Cloud SQL Unix-socket URL keeps its `host` query parameter."""
    url = database_url("postgresql://app:pw@/intro?host=/cloudsql/p:r:i")
    assert url.query["host"] == "/cloudsql/p:r:i"


@pytest.mark.parametrize("raw", ["mysql://db/x", "sqlite://", "sqlite:///:memory:"])
def test_unsupported_urls_are_refused(raw: str) -> None:
    """Other databases, and an in-memory SQLite the thread pool can't share, are refused."""
    with pytest.raises(UnsupportedDatabase):
        database_url(raw)


def test_sqlite_folder_is_created_and_wal_is_on(tmp_path: Path) -> None:
    """The SQLite file's folder is created when missing, and the file runs in WAL mode."""
    engine = connect(f"sqlite:///{tmp_path}/a/b/store.sqlite3")
    try:
        assert (tmp_path / "a" / "b").is_dir()
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        engine.dispose()
