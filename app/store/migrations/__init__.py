"""Alembic's script directory: `env.py` and the revisions in `versions/`.

Add a revision: write `versions/vNNNN_<what>.py` by hand (copy the newest one, set
`revision` and `down_revision`), update `schema.py` to match and `HEAD_REVISION` in
`migrate.py`; `tests/store/test_migrate.py` fails until all three agree.
"""
