"""Where the store lives (issue 14): the SQLite file by default, a PostgreSQL server when a URL is
configured; one schema on both; the append-only audit log and the backup refusal on the server."""

from __future__ import annotations

import os
import socket
import stat

import pytest
from db_dialects import open_desk
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from xiangyun_desk.services.backup import BackupRefused
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage import dialects
from xiangyun_desk.storage.db import head_revision, open_database, open_server_database
from xiangyun_desk.storage.errors import DatabaseUnreachable

PG = "postgresql+psycopg://xyd@127.0.0.1:5999/county"


def test_sqlite_in_the_data_directory_is_the_default(data_dir, monkeypatch):
    monkeypatch.delenv(dialects.ENV_VAR, raising=False)
    assert dialects.configured_url(data_dir) is None
    db = open_database(data_dir)
    try:
        assert db.is_file and db.dialect == "sqlite" and db.path == data_dir / "xiangyun.sqlite3"
    finally:
        db.dispose()


def test_url_from_the_data_directory_then_the_environment(data_dir, monkeypatch):
    monkeypatch.delenv(dialects.ENV_VAR, raising=False)
    dialects.store_url(data_dir, PG)
    assert dialects.configured_url(data_dir) == PG
    if os.name == "posix":  # it may hold a password
        assert stat.S_IMODE((data_dir / dialects.URL_FILENAME).stat().st_mode) == 0o600
    other = "postgresql+psycopg://u:secret@db.example/prefecture"
    monkeypatch.setenv(dialects.ENV_VAR, other)
    assert dialects.configured_url(data_dir) == other
    assert "secret" not in dialects.display_url(other)


def test_postgresql_urls_get_the_psycopg_driver():
    assert dialects.check_url(" postgresql://u@h/db\n") == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize("url", ["mysql://x@y/z", "postgresql+psycopg2://x@y/z", "not a url"])
def test_unsupported_urls_are_refused_plainly(data_dir, url):
    with pytest.raises(dialects.DatabaseUrlInvalid) as caught:
        dialects.store_url(data_dir, url)
    assert "postgresql+psycopg://" in caught.value.message.render()
    assert not (data_dir / dialects.URL_FILENAME).exists()


def test_an_unreachable_server_is_a_plain_error(data_dir):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+psycopg://xyd:pw@127.0.0.1:{port}/county"
    with pytest.raises(DatabaseUnreachable) as caught:
        open_database(data_dir, url)
    shown = caught.value.message.render()
    assert "127.0.0.1" in shown and "pw" not in shown


# ---- on a real server (XYD_TEST_PG_URL) ---------------------------------------------------------

def _tables(engine) -> set[str]:
    # The SQLite search index (FTS5 tables and their shadow tables, the pending list) has no
    # counterpart table on PostgreSQL (a GIN index there).
    return {t for t in inspect(engine).get_table_names()
            if not t.startswith(("visit_search", "relief_visit_search", "search_pending"))}


def test_one_schema_on_both_dialects(fresh_pg_url, data_dir):
    server = open_server_database(fresh_pg_url)
    local = open_database(data_dir)
    try:
        assert _tables(server.engine) == _tables(local.engine)
        for table in _tables(local.engine):
            assert {c["name"] for c in inspect(server.engine).get_columns(table)} \
                == {c["name"] for c in inspect(local.engine).get_columns(table)}, table
        with server.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
                == head_revision()
            # The search index is there (search_pg.py).
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM pg_indexes WHERE indexname IN "
                "('visit_search', 'relief_visit_search')").scalar() == 2
    finally:
        server.dispose()
        local.dispose()


def test_reopening_a_migrated_server_database_changes_nothing(fresh_pg_url):
    for _ in range(2):
        open_server_database(fresh_pg_url).dispose()


def test_audit_log_is_append_only_on_postgres(fresh_pg_url, tmp_path):
    desk = open_desk(tmp_path / "county", fresh_pg_url)
    try:
        desk.initialize("county", "532923", "祥云县总工会")
        desk.audit.record("export", None, None, {"file": "x"})
        with desk.db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() > 0
        for statement in ("UPDATE audit_log SET actor_name = 'x'", "DELETE FROM audit_log",
                          "TRUNCATE audit_log CASCADE"):
            with pytest.raises(DBAPIError, match="append-only"), desk.db.engine.begin() as conn:
                conn.execute(text(statement))
        with desk.db.engine.begin() as conn:
            entry = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
            conn.execute(text("INSERT INTO audit_personal (entry_id, record_id, field, old) "
                              "VALUES (:e, 'r1', 'name', '张三')"), {"e": entry})
        with pytest.raises(DBAPIError, match="erasure"), desk.db.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_personal"))
        with pytest.raises(DBAPIError, match="append-only"), desk.db.engine.begin() as conn:
            conn.execute(text("UPDATE audit_personal SET old = NULL"))
    finally:
        desk.close()


def test_file_backups_are_refused_on_a_server_and_say_pg_dump(fresh_pg_url, tmp_path):
    desk = open_desk(tmp_path / "county", fresh_pg_url)
    try:
        desk.initialize("county", "532923", "祥云县总工会")
        assert not desk.db.is_file
        for attempt in (lambda: desk.backups.backup_to(tmp_path / "usb"), desk.backups.check,
                        lambda: desk.backups.restore(tmp_path / "x.sqlite3")):
            with pytest.raises(BackupRefused) as caught:
                attempt()
            shown = caught.value.message.render()
            assert "pg_dump" in shown and "127.0.0.1" in shown
        # Automatic backups (start, daily, before an import) are quietly not the program's.
        assert desk.backups.backup("start") is None and desk.backups.backup_if_due() is None
        assert not (tmp_path / "usb").exists()
    finally:
        desk.close()


def test_registers_work_on_postgres(fresh_pg_url, tmp_path):
    from xiangyun_desk.services.registers import RegisterQuery

    desk = open_desk(tmp_path / "county", fresh_pg_url)
    try:
        desk.initialize("county", "532923", "祥云县总工会")
        first = desk.visits.create({"visited_at": "2026-11-02 09:30", "name": "张三",
                                    "purpose": "legal", "status": "done"})
        desk.visits.create({"visited_at": "2026-11-03 09:30", "name": "李四",
                            "purpose": "legal", "status": "done"})
        listing = desk.visits.query_ids(RegisterQuery())
        assert len(listing) == 2 and listing[1] == first  # newest first; keys are record ids
        assert desk.visits.query_ids(RegisterQuery(text="zs")) == [first]
        assert desk.visits.query_ids(RegisterQuery(text="张")) == [first]
        desk.visits.update(first, {"visited_at": "2026-11-02 09:30", "name": "王五",
                                   "purpose": "legal", "status": "done"})
        assert desk.visits.query_ids(RegisterQuery(text="zs")) == []
        assert desk.visits.query_ids(RegisterQuery(text="ww")) == [first]
        desk.visits.delete(first)
        assert desk.visits.query_ids(RegisterQuery(text="ww", deleted=True)) == [first]
        row = desk.visits.fetch_rows([first])[first]
        assert row["name"] == "王五"
    finally:
        desk.close()


def test_a_desk_opens_the_configured_server(fresh_pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv(dialects.ENV_VAR, fresh_pg_url)
    desk = Desk(tmp_path / "county")
    try:
        assert desk.db.dialect == "postgresql"
        assert not (tmp_path / "county" / "xiangyun.sqlite3").exists()
    finally:
        desk.close()


# ---- init --database-url ----------------------------------------------------------------------

def _init(data_dir, *extra):
    from xiangyun_desk.cli import main

    return main(["--data-dir", str(data_dir), "init", "--role", "county", "--county-code",
                 "532923", "--county-name", "祥云县总工会", *extra])


def test_init_with_a_database_url_keeps_the_county_on_the_server(fresh_pg_url, tmp_path, capsys,
                                                                   monkeypatch):
    from xiangyun_desk.cli import main

    monkeypatch.delenv(dialects.ENV_VAR, raising=False)
    folder = tmp_path / "county"
    assert _init(folder, "--database-url", fresh_pg_url) == 0
    assert dialects.configured_url(folder) == fresh_pg_url
    assert not (folder / "xiangyun.sqlite3").exists()
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "stats", "--json"]) == 0
    assert '"visitors"' in capsys.readouterr().out
    desk = Desk(folder)
    try:
        assert desk.db.dialect == "postgresql" and desk.identity.code == "532923"
    finally:
        desk.close()


def test_init_database_url_is_refused_for_a_station(tmp_path, capsys):
    from xiangyun_desk.cli import main

    folder = tmp_path / "station"
    code = main(["--data-dir", str(folder), "init", "--role", "station", "--station-code", "03",
                 "--station-name", "云南驿镇职工之家", "--database-url", PG])
    assert code == 2
    assert "--database-url" in capsys.readouterr().err
    assert not (folder / dialects.URL_FILENAME).exists()


def test_init_with_an_unreachable_server_leaves_nothing_behind(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(dialects.ENV_VAR, raising=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = tmp_path / "county"
    assert _init(folder, "--database-url", f"postgresql://xyd@127.0.0.1:{port}/x") == 1
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in err and "Traceback" not in err
    assert not (folder / dialects.URL_FILENAME).exists()
    assert not (folder / "xiangyun.sqlite3").exists()
