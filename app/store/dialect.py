"""`INSERT ... ON CONFLICT` for the two dialects we run on (both spell it the same)."""

from __future__ import annotations

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def insert(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An insert into `table` that offers `on_conflict_do_nothing/_update`."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
