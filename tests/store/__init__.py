"""Tests of app.store: the shared SQL store, run against SQLite and PostgreSQL."""
