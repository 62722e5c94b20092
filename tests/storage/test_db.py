"""The station database: pragmas, change sequence numbers, no real deletes, corrupt / too-new
files refused without being changed, backups, backup before migrating."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage import models as M
from xiangyun_desk.storage.db import (
    DB_FILENAME,
    backup_database,
    backup_dir,
    head_revision,
    latest_backup,
    open_database,
)
from xiangyun_desk.storage.errors import DatabaseCorrupt, DatabaseTooNew


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder):
    return sorted(p.name for p in folder.rglob("*"))


@pytest.fixture
def db(data_dir):
    database = open_database(data_dir)
    yield database
    database.dispose()


def all_change_seqs(db) -> dict[str, list[int]]:
    with db.engine.connect() as conn:
        return {m.__tablename__: [r[0] for r in conn.execute(select(m.__table__.c.change_seq))]
                for m in M.SYNCED_MODELS}


# ---- pragmas -------------------------------------------------------------------------------

def test_pragmas_on_every_connection(db):
    for _ in range(2):  # a fresh pooled connection too
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.engine.dispose()


def test_wal_mode_is_stored_in_the_file(db, data_dir):
    with db.session() as s, s.begin():
        s.add(M.Staff(name="李红", station_code="01"))
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError):
        with db.session() as s, s.begin():
            s.add(M.FairEmployer(fair_id="no-such-fair", name="公司", station_code="01"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM fair_employer").scalar() == 0


def test_a_new_database_is_at_the_head_revision_with_seeded_code_lists(db, data_dir):
    assert head_revision()  # one head, whatever later revisions add
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
            == head_revision()
        last_seq = conn.exec_driver_sql("SELECT last_seq FROM change_counter WHERE id = 1")
        assert last_seq.scalar() == 0
        purposes = conn.exec_driver_sql(
            "SELECT count(*) FROM code_item WHERE list_name = 'visit_purpose'").scalar()
        assert purposes == 10
    # A brand-new database is not "migrated": no backup is made of an empty file.
    assert latest_backup(data_dir) is None


def test_reopening_does_not_migrate_or_back_up(data_dir):
    open_database(data_dir).dispose()
    before = digest(data_dir / DB_FILENAME)
    open_database(data_dir).dispose()
    assert latest_backup(data_dir) is None
    assert digest(data_dir / DB_FILENAME) == before


# ---- change sequence numbers ---------------------------------------------------------------

def test_change_seq_increases_across_tables_on_every_kind_of_change(desk):
    seen: list[int] = []

    def seq_of(register, record_id):
        value = desk.registers[register].get(record_id)["change_seq"]
        seen.append(value)
        return value

    visit = desk.visits.create({"visited_at": "2026-01-05 10:00", "name": "张三",
                                "purpose": "legal", "status": "done"})
    seq_of("visits", visit)
    fair = desk.fairs.create({"name": "春风行动", "held_on": "2026-02-01"})
    seq_of("fairs", fair)
    relief = desk.relief.create({"visit_date": "2026-01-10", "campaign": "winter", "name": "李四",
                                 "category": "hardship", "cash_fen": "500"})
    seq_of("relief", relief)
    desk.visits.update(visit, {"visited_at": "2026-01-05 10:00", "name": "张三丰",
                               "purpose": "legal", "status": "done"})
    seq_of("visits", visit)
    desk.fairs.delete(fair)
    seq_of("fairs", fair)
    desk.relief.delete(relief)
    seq_of("relief", relief)
    desk.fairs.restore(fair)
    seq_of("fairs", fair)
    assert seen == sorted(seen) and len(set(seen)) == len(seen), seen
    # The counter row is the station-wide high-water mark, and no number is used twice.
    with desk.db.engine.connect() as conn:
        last = conn.exec_driver_sql("SELECT last_seq FROM change_counter").scalar()
    used = [s for seqs in all_change_seqs(desk.db).values() for s in seqs]
    assert last == max(used) == seen[-1]
    assert len(used) == len(set(used))


def test_an_update_that_changes_nothing_keeps_its_number(desk):
    raw = {"name": "春风行动", "held_on": "2026-02-01", "place": "广场"}
    fair = desk.fairs.create(raw)
    first = desk.fairs.get(fair)["change_seq"]
    desk.fairs.update(fair, raw)
    assert desk.fairs.get(fair)["change_seq"] == first


def test_several_records_in_one_transaction_get_distinct_numbers(db):
    with db.session() as s, s.begin():
        s.add_all([M.Staff(name=f"员工{i}", station_code="01") for i in range(5)])
        s.add(M.JobFair(name="会", held_on=dt.date(2026, 1, 1), station_code="01"))
    seqs = sorted(s for seqs in all_change_seqs(db).values() for s in seqs)
    assert seqs == [1, 2, 3, 4, 5, 6]


def test_a_failed_transaction_does_not_use_up_numbers(db):
    with db.session() as s, s.begin():
        s.add(M.Staff(name="甲", station_code="01"))
    with pytest.raises(IntegrityError):
        with db.session() as s, s.begin():
            s.add(M.Staff(name="乙", station_code="01"))
            s.add(M.FairEmployer(fair_id="missing", name="x", station_code="01"))
    with db.session() as s, s.begin():
        s.add(M.Staff(name="丙", station_code="01"))
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name, change_seq FROM staff ORDER BY change_seq").all()
    assert [tuple(r) for r in rows] == [("甲", 1), ("丙", 2)]


def test_real_delete_of_a_synced_record_raises_and_keeps_it(desk):
    visit = desk.visits.create({"visited_at": "2026-01-05 10:00", "name": "张三",
                                "purpose": "legal", "status": "done"})
    with pytest.raises(RuntimeError, match="soft-deleted"):
        with desk.db.session() as s, s.begin():
            s.delete(s.get(M.Visit, visit))
    assert desk.visits.get(visit)["deleted_at"] is None


def test_settings_are_not_synced_and_may_be_replaced(db):
    # Only synced records carry change numbers; plain settings rows are unaffected by the rule.
    with db.session() as s, s.begin():
        s.add(M.Setting(key="k", value="1"))
    with db.session() as s, s.begin():
        s.delete(s.get(M.Setting, "k"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT last_seq FROM change_counter").scalar() == 0


# ---- damaged and too-new files ---------------------------------------------------------------

def test_random_bytes_raise_database_corrupt_and_the_file_is_untouched(data_dir):
    path = data_dir / DB_FILENAME
    path.write_bytes(os.urandom(64 * 1024))
    before = digest(path)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(data_dir)
    assert digest(path) == before
    assert files_in(data_dir) == [DB_FILENAME]  # no -wal/-shm, no backup folder
    assert info.value.path == path
    assert info.value.latest_backup is None
    assert str(path) in str(info.value.message) and "not been changed" in str(info.value)


def test_a_file_with_damaged_schema_pages_is_refused_untouched(data_dir):
    """A real file whose schema pages are overwritten cannot be opened silently."""
    open_database(data_dir).dispose()
    path = data_dir / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[100:] = os.urandom(len(data) - 100)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseCorrupt):
        open_database(data_dir)
    assert digest(path) == before


def test_another_programs_sqlite_file_is_refused_untouched(data_dir):
    path = data_dir / DB_FILENAME
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('x')")
        conn.commit()
    before = digest(path)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(data_dir)
    assert "not a xiangyun-desk database" in info.value.detail
    assert digest(path) == before


def _stamp(path, revision):
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()


def test_unknown_revision_raises_database_too_new_and_the_file_is_untouched(data_dir):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "站")
    desk.visits.create({"visited_at": "2026-01-05 10:00", "name": "张三", "purpose": "legal",
                        "status": "done"})
    desk.close()
    path = data_dir / DB_FILENAME
    _stamp(path, "9999_from_the_future")
    before = digest(path)
    with pytest.raises(DatabaseTooNew) as info:
        open_database(data_dir)
    assert info.value.revision == "9999_from_the_future"
    assert "9999_from_the_future" in str(info.value)
    assert digest(path) == before
    assert not backup_dir(data_dir).exists()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT name FROM visit").fetchone() == ("张三",)


def test_latest_backup_is_offered_with_a_damaged_file(data_dir):
    open_database(data_dir).dispose()
    path = data_dir / DB_FILENAME
    backup = backup_database(path, backup_dir(data_dir), "manual")
    path.write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(data_dir)
    assert info.value.latest_backup == backup


def test_latest_backup_is_offered_with_a_too_new_file(data_dir):
    open_database(data_dir).dispose()
    path = data_dir / DB_FILENAME
    backup = backup_database(path, backup_dir(data_dir), "manual")
    _stamp(path, "abc")
    with pytest.raises(DatabaseTooNew) as info:
        open_database(data_dir)
    assert info.value.latest_backup == backup


# ---- backups ---------------------------------------------------------------------------------

def test_backup_database_copies_committed_data(desk, data_dir):
    for i in range(3):
        desk.visits.create({"visited_at": f"2026-01-0{i + 1} 10:00", "name": f"访客{i}",
                            "purpose": "rest", "status": "done"})
    # The engine is still open (WAL holds recent commits outside the main file).
    target = backup_database(desk.db.path, backup_dir(data_dir), "manual")
    assert target.parent == backup_dir(data_dir)
    assert target.name.startswith("xiangyun-") and target.name.endswith("-manual.sqlite3")
    assert not list(backup_dir(data_dir).glob("*.partial"))
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM visit").fetchone() == (3,)
        assert conn.execute("SELECT value FROM setting WHERE key='code'").fetchone() == ("01",)
    # The backup opens as a data directory of its own.
    other = data_dir.parent / "restored"
    other.mkdir()
    (other / DB_FILENAME).write_bytes(target.read_bytes())
    restored = Desk(other)
    try:
        assert restored.visits.count() == 3
        assert restored.identity.code == "01"
    finally:
        restored.close()


def test_backups_made_in_the_same_second_do_not_overwrite(data_dir):
    open_database(data_dir).dispose()
    path = data_dir / DB_FILENAME
    names = {backup_database(path, backup_dir(data_dir), "manual").name for _ in range(3)}
    assert len(names) == 3
    assert len(list(backup_dir(data_dir).glob("*.sqlite3"))) == 3


def test_latest_backup_is_the_newest_by_time(data_dir):
    assert latest_backup(data_dir) is None
    folder = backup_dir(data_dir)
    folder.mkdir()
    old, new = folder / "b-old.sqlite3", folder / "a-new.sqlite3"
    old.write_bytes(b"1")
    new.write_bytes(b"2")
    os.utime(old, (1_000_000, 1_000_000))
    os.utime(new, (2_000_000, 2_000_000))
    (folder / "z-ignored.partial").write_bytes(b"3")
    assert latest_backup(data_dir) == new


def test_migrating_an_older_database_backs_it_up_first(data_dir):
    """A file from before the first revision (an empty alembic_version table) is migrated, and
    the untouched original is kept in backups/ first."""
    path = data_dir / DB_FILENAME
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        conn.commit()
    before = digest(path)
    database = open_database(data_dir)
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == head_revision()
            assert conn.execute(text("SELECT count(*) FROM visit")).scalar() == 0
    finally:
        database.dispose()
    backup = latest_backup(data_dir)
    assert backup is not None and "before-migrate" in backup.name
    assert digest(backup) == before  # the pre-migration file, byte for byte
    with closing(sqlite3.connect(backup)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"alembic_version"}
