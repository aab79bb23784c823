"""Managed migrations: from empty to head, idempotent, concurrent, and matching schema.py."""

from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from app.store.engine import connect
from app.store.migrate import HEAD_REVISION, MIGRATIONS, current_revision, upgrade
from app.store.schema import metadata

ROOT = Path(__file__).parents[2]
TABLES = {"store_meta", "preferences", "recent_intros", "recent_intro_people", "draft_claims"}
# Words that would mean mail content is being kept.
CONTENT = re.compile(r"body|subject|snippet|content|message|raw|text|html|attachment|blurb")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_head_constant_is_the_newest_revision() -> None:
    """HEAD_REVISION names the newest revision file (update it with each new one)."""
    assert ScriptDirectory.from_config(_config()).get_current_head() == HEAD_REVISION


def test_upgrade_from_empty_then_again(database_url: str) -> None:
    """An empty database migrates to head; running it again changes nothing."""
    engine = connect(database_url)
    try:
        assert current_revision(engine) is None
        assert upgrade(engine) == HEAD_REVISION
        assert set(inspect(engine).get_table_names()) >= TABLES
        assert upgrade(engine) == HEAD_REVISION
        with engine.begin() as conn:  # Alembic itself, at head, has nothing to do either
            config = _config()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        assert current_revision(engine) == HEAD_REVISION
    finally:
        engine.dispose()


def test_instances_starting_together_migrate_once(database_url: str) -> None:
    """Four processes' engines migrating at the same moment all end at head, unharmed."""
    engines = [connect(database_url) for _ in range(4)]
    try:
        with ThreadPoolExecutor(len(engines)) as pool:
            assert set(pool.map(upgrade, engines)) == {HEAD_REVISION}
    finally:
        for engine in engines:
            engine.dispose()


def test_migrated_schema_matches_schema_py(database_url: str) -> None:
    """The tables the migrations build are exactly the ones the queries are written for."""
    engine = connect(database_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_downgrade_to_base_drops_everything(database_url: str) -> None:
    """The first revision's downgrade removes every table it made."""
    engine = connect(database_url)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            config = _config()
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert not TABLES & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _row_after_upgrade(database_url: str, start: str, insert: str, select: str) -> tuple:
    """Migrate to `start`, write a row there, upgrade to the head, read the row back."""
    engine = connect(database_url)
    try:
        with engine.begin() as conn:
            config = _config()
            config.attributes["connection"] = conn
            command.upgrade(config, start)
            conn.execute(text(insert))
        assert upgrade(engine) == HEAD_REVISION
        with engine.connect() as conn:
            return tuple(conn.execute(text(select)).one())
    finally:
        engine.dispose()


def test_preferences_saved_before_the_language_column_read_as_auto(database_url: str) -> None:
    """Migration 0002 adds `preferences.language`; rows saved at 0001 get "auto"."""
    row = _row_after_upgrade(
        database_url,
        "0001",
        "INSERT INTO preferences (user_hash, name, sign_off, next_step, tone, "
        "disabled_checks, variant, updated_at) VALUES ('h', 'Dana', '', 'call', 'warm', '', 0, 0)",
        "SELECT name, language FROM preferences",
    )
    assert row == ("Dana", "auto")


def test_migrations_refuse_to_run_without_our_connection() -> None:
    """Running Alembic without a connection handed over fails with a pointer to the command."""
    with pytest.raises(RuntimeError, match="python -m app migrate"):
        command.upgrade(_config(), "head")


def test_no_column_could_hold_mail_content() -> None:
    """No table has a column for bodies, subjects, snippets or attachments."""
    assert {table.name for table in metadata.sorted_tables} == TABLES
    columns = [f"{t.name}.{c.name}" for t in metadata.sorted_tables for c in t.columns]
    assert [name for name in columns if CONTENT.search(name)] == []


@pytest.mark.slow
def test_processes_starting_together_migrate_once(database_url: str) -> None:
    """Three processes (workers, instances) migrating the same empty database all succeed."""
    script = (
        "import sys; from app.store.engine import connect; from app.store.migrate import upgrade; "
        "print(upgrade(connect(sys.argv[1])))"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, database_url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    assert {out.strip() for out, _ in outputs} == {HEAD_REVISION}


def test_0003_keeps_remembered_intros_with_no_thread_yet(database_url: str) -> None:
    """Rows written before 0003 survive it: no thread id (so not listed), stage `new`."""
    row = _row_after_upgrade(
        database_url,
        "0001",
        "INSERT INTO recent_intros (user_hash, people_hash, introducer, introducer_name,"
        " seen_at, expires_at) VALUES ('u', 'p', 'j@x', 'J', 1, 2)",
        "SELECT thread_id, stage, introduced_at FROM recent_intros",
    )
    assert row == ("", "new", 0)
