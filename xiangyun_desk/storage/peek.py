"""A first look at a data directory with plain ``sqlite3`` (no SQLAlchemy), for the start-up.

The sign-in dialog needs only the station's name and the account names. Reading them here lets
the program show the dialog before it imports its ORM, services and windows, and build those
while the password is typed (app.py, issue 15). Whenever anything is unusual — no database yet,
a database server, a schema that needs a migration, a damaged file, no accounts, a bundle export
left unfinished — :func:`peek` answers None and the start-up takes the full path, which handles
each case (migration, backup offer, first administrator, recovery).

Also the schema revisions read from the migration files (storage.db uses them to see that a
database needs no migration without importing Alembic).
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")
DB_FILENAME = "xiangyun.sqlite3"
# storage.dialects (which imports SQLAlchemy) names these; tests/test_startup_imports.py
# keeps them equal.
URL_ENV_VAR = "XIANGYUN_DESK_DATABASE_URL"
URL_FILENAME = "database-url"
PENDING_EXPORT_SETTING = "bundle_export_pending"  # = storage.sync_models' name

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@lru_cache(maxsize=1)
def schema_revisions() -> tuple[frozenset[str], str | None]:
    """Every revision of the migration scripts and the head, read from the files without
    importing Alembic (start-up only needs to see that the database is already at the head).
    The head is None when the files do not give exactly one (Alembic then decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        down = _DOWN.search(source)
        if not found or not down:
            continue
        revisions.add(found.group(1))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return frozenset(revisions), (next(iter(heads)) if len(heads) == 1 else None)


@dataclass(frozen=True)
class Peek:
    """What the sign-in dialog shows before the database is opened for real."""

    role: str
    code: str
    name: str
    usernames: tuple[str, ...]


def peek(data_dir: Path) -> Peek | None:
    """The identity and the active account names of ``data_dir``'s SQLite database, read
    only; None whenever the full start-up path has to decide (see the module's text)."""
    data_dir = Path(data_dir)
    if os.environ.get(URL_ENV_VAR, "").strip() or (data_dir / URL_FILENAME).exists():
        return None
    path = data_dir / DB_FILENAME
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        head = schema_revisions()[1]
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if head is None or row is None or row[0] != head:
                return None
            settings = dict(conn.execute(
                "SELECT key, value FROM setting WHERE key IN ('role', 'code', 'name', ?)",
                (PENDING_EXPORT_SETTING,)))
            if not settings.get("role") or settings.get(PENDING_EXPORT_SETTING):
                return None
            names = tuple(r[0] for r in conn.execute(
                "SELECT username FROM account WHERE active ORDER BY created_at"))
    except (OSError, sqlite3.Error):
        return None
    if not names:
        return None
    return Peek(settings["role"], settings.get("code") or "", settings.get("name") or "", names)
