"""Where the store lives (an SQLite file in the data directory, or a PostgreSQL server) and the few
things that differ between the two dialects outside the migrations.

SQLite in the data directory is the default everywhere. A tier above the station (county and up)
may keep its store on PostgreSQL (issue 14); the URL is chosen, first match wins, by:

1. the environment variable ``XIANGYUN_DESK_DATABASE_URL``;
2. the file ``database-url`` in the data directory (written by ``init --database-url``);
3. otherwise the file ``xiangyun.sqlite3`` in the data directory.

The data directory still holds the keys, settings and (for SQLite) the backups. Only
``postgresql+psycopg://`` URLs (psycopg 3, the optional extra ``[postgres]``) are accepted
besides SQLite.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import literal_column
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from .files import write_atomic

CTX = "Storage"
ENV_VAR = "XIANGYUN_DESK_DATABASE_URL"
URL_FILENAME = "database-url"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"


class DatabaseUrlInvalid(DomainError):
    """The configured database URL is not one this program can use."""


def check_url(url: str) -> str:
    """``url`` when it names a store this program supports, ``postgresql://`` spelled with its
    driver (raises DatabaseUrlInvalid)."""
    url = url.strip()
    if url.startswith(("postgresql://", "postgres://")):  # the usual spelling: psycopg 3
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    if parsed is None or parsed.drivername not in (SQLITE, "postgresql+psycopg"):
        raise DatabaseUrlInvalid(msg(CTX, QT_TRANSLATE_NOOP(
            "Storage", "The database address {url} is not supported: use "
                       "postgresql+psycopg://user@host/database, or leave it out for the "
                       "database file in the data directory."), url=_masked(url)))
    return url


def _masked(url: str) -> str:
    try:
        return make_url(url.strip()).render_as_string(hide_password=True)
    except ArgumentError:
        return url[:80]


def configured_url(data_dir: Path) -> str | None:
    """The server URL chosen for this data directory (environment first), or None for the
    SQLite file."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return check_url(env)
    path = Path(data_dir) / URL_FILENAME
    if path.exists():
        text = path.read_text(encoding="utf-8").strip()
        if text:
            return check_url(text)
    return None


def store_url(data_dir: Path, url: str) -> None:
    """Remember ``url`` for the data directory (readable by the user only: it may hold a
    password)."""
    url = check_url(url)
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(data_dir / URL_FILENAME, (url + "\n").encode("utf-8"), mode=0o600)


def display_url(url: str) -> str:
    """The URL without its password, for messages and the window title."""
    return _masked(url)


def dialect_of(bind) -> str:
    """"sqlite" or "postgresql" for an engine, connection or session."""
    engine = getattr(bind, "engine", None) or bind.get_bind()
    return engine.dialect.name


def row_key(table, dialect: str):
    """The key a lazily fetched listing holds per row: SQLite's integer rowid (what the FTS
    index joins on), the primary key elsewhere."""
    if dialect == SQLITE:
        return literal_column(f"{table.name}.rowid")
    return table.c.id
