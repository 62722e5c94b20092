"""Helpers of the tests that run on both dialects (fixtures ``db_url``, ``fresh_pg_url`` in
tests/conftest.py)."""

from __future__ import annotations

from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage.dialects import store_url


def open_desk(path, db_url=None, **kwargs) -> Desk:
    """A Desk on ``path`` whose store is the SQLite file there, or ``db_url`` (remembered in the
    data directory, as ``init --database-url`` does)."""
    if db_url:
        store_url(path, db_url)
    return Desk(path, **kwargs)
