"""Store fixtures: a fresh database per test, on SQLite (a temp file) and on PostgreSQL.

PostgreSQL is the server at `INTRO_TEST_POSTGRES_URL` (`.ci/run` starts one with
`.ci/postgres.sh`); each test gets a schema of its own, dropped afterwards. Without the
variable the PostgreSQL cases are skipped, except under `CI=true`, where they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from app.store.engine import database_url as driver_url
from app.store.sql_store import Store, open_store

POSTGRES_ENV = "INTRO_TEST_POSTGRES_URL"
HASH_KEY = "store-test-hash-key"


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An engine on the test server's database, to create and drop schemas."""
    raw = os.environ.get(POSTGRES_ENV)
    if not raw:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{POSTGRES_ENV} is unset under CI=true: .ci/run should start PostgreSQL")
        pytest.skip(f"PostgreSQL unavailable: `bash .ci/postgres.sh start`, export {POSTGRES_ENV}")
    engine = create_engine(driver_url(raw), poolclass=NullPool)
    yield engine
    engine.dispose()


def _postgres(admin: Engine) -> Iterator[str]:
    schema = f"t_{secrets.token_hex(6)}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(str(os.environ[POSTGRES_ENV]))
    yield url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file in a folder not made yet, or a fresh PG schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/not-yet/store.sqlite3"
        return
    yield from _postgres(request.getfixturevalue("postgres_admin"))


@pytest.fixture
def clock() -> FakeClock:
    """The store's wall clock, moved by hand."""
    return FakeClock()


@pytest.fixture
def store(database_url: str, clock: FakeClock) -> Iterator[Store]:
    """A store opened (and migrated) on the fresh database."""
    opened = open_store(database_url, HASH_KEY, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def second_store(database_url: str, clock: FakeClock) -> Iterator[Store]:
    """Another store on the same database: a second Cloud Run instance."""
    opened = open_store(database_url, HASH_KEY, clock=clock)
    yield opened
    opened.close()


def dump(store: Store) -> str:
    """Every value of every row of every table, as one string to search."""
    from app.store.schema import metadata

    parts: list[str] = []
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(table.select()):
                parts.extend(str(value) for value in row)
    return "\n".join(parts)
