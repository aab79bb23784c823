"""The shared store: preferences, recent introductions and the draft ledger in SQL.

Stack, and why:
- SQLAlchemy Core (not the ORM): typed table definitions and portable SQL for both
  backends, `INSERT ... ON CONFLICT` for each dialect, and a thread-safe connection pool
  that suits routes running in FastAPI's thread pool. Rows map to frozen dataclasses by
  hand, so nothing here leaks into `core`.
- Alembic: managed, versioned migrations (`migrations/versions/`), run by
  `upgrade(engine)` when the store opens and by `python -m app migrate`.
- psycopg 3 (binary wheel) for PostgreSQL; the standard library's sqlite3 for the
  embedded default.

Importing this package loads SQLAlchemy, which costs about as much as FastAPI itself:
`app.wiring` imports it only when it builds the services, never at process start.
Keeps: no mail content is stored, and user ids and participants' addresses only as keyed
hashes (HMAC-SHA256 with `INTRO_HASH_KEY`).
"""

from app.state import DraftInProgress
from app.store.engine import UnsupportedDatabase, connect
from app.store.intros import SqlRecentIntros
from app.store.ledger import SqlDraftLedger
from app.store.migrate import HEAD_REVISION, current_revision, upgrade
from app.store.preferences import SqlPreferences
from app.store.store import Store, open_store

__all__ = [
    "HEAD_REVISION",
    "DraftInProgress",
    "SqlDraftLedger",
    "SqlPreferences",
    "SqlRecentIntros",
    "Store",
    "UnsupportedDatabase",
    "connect",
    "current_revision",
    "open_store",
    "upgrade",
]
