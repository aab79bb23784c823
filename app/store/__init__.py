"""Where the state lives: the adapters of the service's state ports (`app.service.ports`).

- `memory`: in this process (tests, a one-process demo); standard library only.
- `sql_store` opens the shared database and its adapters, `sql_preferences`,
  `sql_intros` and `sql_ledger`; `engine`, `dialect`, `schema`, `migrate` and
  `migrations/` are theirs. `hashkey` hashes for both.

SQL stack, and why:
- SQLAlchemy Core (not the ORM): typed table definitions and portable SQL for both
  backends, `INSERT ... ON CONFLICT` for each dialect, and a thread-safe connection pool
  that suits routes running in FastAPI's thread pool. Rows map to frozen dataclasses by
  hand, so nothing here leaks into `core`.
- Alembic: managed, versioned migrations (`migrations/versions/`), run by
  `upgrade(engine)` when the store opens and by `python -m app migrate`.
- psycopg 3 (binary wheel) for PostgreSQL; the standard library's sqlite3 for the
  embedded default.

No re-exports here: SQLAlchemy costs about as much to import as FastAPI itself, so this
package loads nothing, `memory` stays free of it, and `app.wiring` imports `sql_store`
only when it builds the services, never at process start.
Keeps: no mail content is stored, and user ids and participants' addresses only as keyed
hashes (HMAC-SHA256 with `INTRO_HASH_KEY`).
"""
