"""Opening the station database: pragmas, migrations (after a backup), change sequence numbers.

SQLite runs in WAL mode with synchronous=FULL and foreign keys on, so a record the user saw saved
survives a crash or a power cut. Schema changes only happen through Alembic migrations, applied
at start-up after a backup of the file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from . import search_index, summary
from .dialects import SQLITE, configured_url, display_url
from .errors import (
    DatabaseCorrupt,
    DatabaseProblem,
    DatabaseTooNew,
    DatabaseUnreachable,
    environment_fault,
)
from .files import AtomicFile, make_private_dir, rename_durably
from .models import Synced
from .peek import DB_FILENAME, MIGRATIONS, schema_revisions  # noqa: F401 - re-exported
from .search_index import register_functions

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (and Mako, which it pulls in) costs a few hundred ms to import: it is only loaded when a
# migration has to run, not on every start-up (see docs/performance.md).

BACKUP_DIRNAME = "backups"
KEYS_DIRNAME = "keys"  # private keys of sync bundles (services/bundles/keys.py)


def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
    # Autocommit at the driver; SQLAlchemy's "begin" event below issues a real BEGIN, so that
    # transactions (and savepoints) behave as written (pysqlite's own handling is unreliable).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
    register_functions(dbapi_conn)  # the search-index triggers call it (search_index.py)


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def _on_commit(conn) -> None:
    """Index the rows the search-index triggers noted, inside the transaction that changed
    them (search_index.py): a committed record is searchable at once."""
    dbapi = conn.connection.driver_connection
    try:
        pending = search_index.has_pending(dbapi)
    except sqlite3.OperationalError:  # a database before migration perf_0002
        return
    if pending:
        search_index.flush(dbapi.execute)
    _flush_summaries(conn)


def _flush_summaries(conn) -> None:
    """Bring the figures' summary tables up to date with what this transaction changed
    (storage/summary.py), before it commits."""
    state = conn.engine.__dict__.setdefault("_xyd_summaries", {})
    if not state.get("present"):  # a database before migration stats_0002 has none to flush
        state["present"] = summary.ready(conn)
        if not state["present"]:
            return
    if summary.has_pending(conn.exec_driver_sql):
        summary.flush(conn.exec_driver_sql, conn.dialect.name)


def make_engine(path: Path | str) -> Engine:
    """An engine for the SQLite file at ``path`` with the station pragmas, or for a server URL
    (``postgresql+psycopg://...``; storage.dialects)."""
    if isinstance(path, str) and "://" in path:
        engine = create_engine(path, future=True, pool_pre_ping=True)
        if engine.dialect.name != SQLITE:
            event.listen(engine, "commit", _on_commit_server)
            return engine
    else:
        engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "commit", _on_commit)
    folder = Path(str(engine.url.database or ".")).parent
    event.listen(engine, "handle_error", lambda context: _name_fault(context, folder))
    return engine


def _name_fault(context, folder: Path) -> None:
    """Every statement and commit: a database another program is writing (after the 5 s
    busy_timeout) or a full disk comes out of the services as DatabaseBusy / DiskFull, errors
    with a message that the window (a save, a delete, a setting) and the command line show as
    they are, instead of a raw OperationalError that reads as a program fault."""
    fault = environment_fault(context.original_exception, folder)
    if fault is not None:
        raise fault from context.sqlalchemy_exception


def _on_commit_server(conn) -> None:
    """What a commit brings up to date on a server: the summaries (the search index keeps
    itself current there)."""
    _flush_summaries(conn)


def next_change_seqs(session: Session, count: int) -> range:
    """Reserve ``count`` change sequence numbers inside the current transaction."""
    last = session.execute(
        text("UPDATE change_counter SET last_seq = last_seq + :n WHERE id = 1 RETURNING last_seq"),
        {"n": count},
    ).scalar_one()
    return range(last - count + 1, last + 1)


def _assign_change_seq(session: Session, _context, _instances) -> None:
    if any(isinstance(obj, Synced) for obj in session.deleted):
        raise RuntimeError("synced records are soft-deleted (deleted_at), never DELETEd")
    changed = [o for o in session.new if isinstance(o, Synced)]
    changed += [o for o in session.dirty if isinstance(o, Synced) and session.is_modified(o)]
    if not changed:
        return
    for obj, seq in zip(changed, next_change_seqs(session, len(changed)), strict=True):
        obj.change_seq = seq


class Database:
    """An open database: the engine and a session factory. ``path`` is the SQLite file (None on
    a server: then ``url`` names it, without the password)."""

    def __init__(self, path: Path | None, engine: Engine, url: str | None = None):
        self.path = path
        self.engine = engine
        self.dialect = engine.dialect.name
        self.url = url or (str(path) if path else display_url(str(engine.url)))
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self.sessions, "before_flush", _assign_change_seq)

    @property
    def is_file(self) -> bool:
        """Whether the store is the SQLite file in the data directory (file backups apply)."""
        return self.dialect == SQLITE

    def session(self) -> Session:
        """A new session; use ``with db.session() as s, s.begin():`` for one write transaction."""
        return self.sessions()

    def dispose(self) -> None:
        """Close all connections."""
        self.engine.dispose()


def _alembic_config(engine_url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine_url)
    return config


def head_revision() -> str:
    """The newest schema revision this program knows (as Alembic sees it)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()


def backup_dir(data_dir: Path) -> Path:
    """Where automatic backups are kept."""
    return data_dir / BACKUP_DIRNAME


def latest_backup(data_dir: Path) -> Path | None:
    """The newest backup file, if any."""
    folder = backup_dir(data_dir)
    files = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime) if folder.exists() else []
    return files[-1] if files else None


def backup_database(path: Path, target_dir: Path, reason: str) -> Path:
    """Copy the database with SQLite's online backup API; returns the backup file."""
    make_private_dir(target_dir)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"xiangyun-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"xiangyun-{stamp}-{reason}-{n}.sqlite3"
    with AtomicFile(target, mode=0o600) as partial, closing(sqlite3.connect(path)) as src, \
            closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    return target


def _current_revision(path: Path) -> str | None:
    """The schema revision stored in the file (None for a new, empty database).

    Opens read-only so that a damaged file is never written to.
    """
    uri = f"file:{path}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise sqlite3.DatabaseError("not a xiangyun-desk database")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def _known_revisions() -> frozenset[str]:
    known, head = schema_revisions()
    if head is None:  # unusual script layout: ask Alembic
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(_alembic_config("sqlite://"))
        known = frozenset(s.revision for s in script.walk_revisions())
    return known


def _migrate(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as conn:
        config = _alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_server_database(url: str) -> Database:
    """Open (creating the schema or migrating as needed) the database at a server URL.

    Backups of a server are the server's business (pg_dump), so a migration runs without one,
    in one transaction (PostgreSQL changes its schema transactionally). Raises
    DatabaseUnreachable when the server cannot be used, DatabaseTooNew for a newer schema.
    """
    from sqlalchemy.exc import SQLAlchemyError

    shown = display_url(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(conn.dialect.get_table_names(conn))
            revision = None
            if "alembic_version" in tables:
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            elif tables - {"spatial_ref_sys"}:
                raise DatabaseUnreachable(shown, "not a xiangyun-desk database")
        if revision is not None and revision not in _known_revisions():
            raise DatabaseTooNew(Path(shown), None, revision)
        if revision is None or revision != schema_revisions()[1]:
            _migrate(engine)
    except DatabaseProblem:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise DatabaseUnreachable(shown, str(getattr(exc, "orig", exc)).strip()[:300]) from exc
    return Database(None, engine, shown)


def open_database(data_dir: Path, url: str | None = None) -> Database:
    """Open (creating or migrating as needed) the database of ``data_dir``: the SQLite file in
    it, or the server named by ``url`` or by the data directory's setting (storage.dialects).

    Raises DatabaseCorrupt or DatabaseTooNew without touching the file.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    url = url or configured_url(data_dir)
    if url and not url.startswith(SQLITE):
        return open_server_database(url)
    path = data_dir / DB_FILENAME
    existed = path.exists() and path.stat().st_size > 0
    revision = None
    if existed:
        try:
            revision = _current_revision(path)
        except sqlite3.DatabaseError as exc:
            raise (environment_fault(exc, data_dir)
                   or DatabaseCorrupt(path, latest_backup(data_dir), str(exc))) from exc
        if revision is not None and revision not in _known_revisions():
            raise DatabaseTooNew(path, latest_backup(data_dir), revision)
    engine = make_engine(path)
    try:
        if revision is None or revision != schema_revisions()[1]:
            if existed:
                backup_database(path, backup_dir(data_dir), "before-migrate")
            _migrate(engine)
        with engine.connect() as conn:  # a damaged file fails here, not later in the window
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except (SADatabaseError, sqlite3.DatabaseError, OSError) as exc:
        engine.dispose()
        fault = environment_fault(exc, data_dir)
        if fault is None and isinstance(exc, OSError):
            raise
        raise (fault or DatabaseCorrupt(path, latest_backup(data_dir), str(exc))) from exc
    return Database(path, engine)


def restore_backup(data_dir: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the current database; the damaged file is kept, renamed.

    Returns the path the old file was moved to. The backup is checked before anything moves.
    """
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as conn:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise DatabaseCorrupt(backup, None, "backup failed quick_check")
    path = data_dir / DB_FILENAME
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{DB_FILENAME}.damaged-{stamp}")
    saver = AtomicFile(path, mode=0o600)
    with saver as staged:
        with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(staged)) as dst:
            src.backup(dst)
        saver.sync()
        for suffix in ("", "-wal", "-shm"):
            old = Path(str(path) + suffix)
            if old.exists():
                rename_durably(old, Path(str(kept) + suffix))
    return kept
