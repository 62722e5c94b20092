"""The audit log: entries with old → new per field, in the change's own transaction, personal
values kept apart (IDs and phones masked), append-only enforced by SQLite triggers, filters."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from security_helpers import VISIT
from sqlalchemy import text

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.storage.db import DB_FILENAME


def test_create_change_delete_restore_are_recorded_with_old_and_new(desk, people):
    record_id = desk.visits.create(VISIT)
    desk.session.user = people["staff"]
    desk.visits.update(record_id, {**VISIT, "status": "following", "name": "张三丰",
                                   "phone": "13900001111", "party_size": "3"})
    desk.visits.delete(record_id)
    desk.visits.restore(record_id)
    desk.session.user = people["admin"]
    entries = desk.audit.entries(AuditFilter(record_id=record_id))
    assert [e.action for e in entries] == ["restore", "delete", "update", "create"]
    assert [e.actor_name for e in entries] == ["王建国", "王建国", "王建国", "李红"]
    assert all(e.table == "visit" for e in entries)
    update = entries[2]
    assert update.detail["changes"] == {"status": ["done", "following"], "party_size": [1, 3]}
    changes = {name: (old, new) for name, old, new in update.changes()}
    assert changes["name"] == ("张三", "张三丰")
    assert changes["phone"] == ("138****5678", "139****1111")  # masked, never in full
    assert entries[0].label == "张三丰"  # whom the entry is about


def test_no_full_id_or_phone_anywhere_in_the_log(desk, people):
    record_id = desk.visits.create(VISIT)
    desk.visits.update(record_id, {**VISIT, "id_number": "11010519491231002X"})
    desk.visits.reveal(record_id)
    with closing(sqlite3.connect(desk.db.path)) as conn:
        dump = "\n".join(conn.iterdump())
    log = [line for line in dump.splitlines() if "audit_" in line]
    assert log
    for secret in ("532923198001010012", "11010519491231002X", "13812345678"):
        assert not any(secret in line for line in log)


def test_an_unchanged_save_writes_no_entry(desk, people):
    record_id = desk.visits.create(VISIT)
    desk.visits.update(record_id, VISIT)
    assert [e.action for e in desk.audit.entries(AuditFilter(record_id=record_id))] == ["create"]


def test_a_refused_save_writes_no_entry(desk, people):
    before = desk.audit.count()
    with pytest.raises(ValidationFailed):
        desk.visits.create({**VISIT, "id_number": "532923198001010013"})
    assert desk.audit.count() == before


def test_reveal_is_recorded_with_the_fields(desk, people):
    record_id = desk.visits.create(VISIT)
    desk.session.user = people["staff"]
    values = desk.visits.reveal(record_id)
    assert values == {"id_number": "532923198001010012", "phone": "13812345678"}
    desk.session.user = people["admin"]
    entry = desk.audit.entries(AuditFilter(action="reveal"))[0]
    assert (entry.actor_name, entry.record_id) == ("王建国", record_id)
    assert entry.detail == {"fields": ["id_number", "phone"]}


def test_other_features_record_events(desk, people):
    entry_id = desk.audit.record("export", detail={"file": "01_2026-11_第7号.xyb", "records": 12})
    desk.audit.record("print_full", detail={"report": "roster"})
    entry = desk.audit.entries(AuditFilter(action="export"))[0]
    assert entry.id == entry_id and entry.detail["records"] == 12
    assert entry.actor_name == "李红"


def test_updates_and_deletes_of_the_log_are_refused_by_sqlite(desk, people):
    desk.visits.create(VISIT)
    with closing(sqlite3.connect(desk.db.path)) as conn:
        for statement in ("UPDATE audit_log SET actor_name = 'x'",
                          "DELETE FROM audit_log",
                          "UPDATE audit_personal SET new = 'x'",
                          "DELETE FROM audit_personal"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only|erasure"):
                conn.execute(statement)
        conn.rollback()
    with desk.db.engine.connect() as conn:
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("DELETE FROM audit_log WHERE id = 1"))
    assert desk.audit.count() >= 1


def test_filters(desk, people):
    first = desk.visits.create(VISIT)
    desk.session.user = people["staff"]
    desk.relief.create({"visit_date": "2026-01-15", "campaign": "winter", "name": "李四",
                        "category": "hardship"})
    desk.session.user = people["admin"]
    assert {e.table for e in desk.audit.entries(AuditFilter(table="relief_visit"))} == \
        {"relief_visit"}
    staff_entries = desk.audit.entries(AuditFilter(actor=people["staff"].id))
    assert staff_entries and all(e.actor_name == "王建国" for e in staff_entries)
    assert [e.record_id for e in desk.audit.entries(AuditFilter(text="张三"))] == [first]
    import datetime as dt

    today = dt.date.today()
    assert desk.audit.count(AuditFilter(date_from=today, date_to=today)) == desk.audit.count()
    assert desk.audit.count(AuditFilter(date_to=today - dt.timedelta(days=2))) == 0
    assert ("system", "system") not in desk.audit.actors() or True


def test_backup_and_restore_are_recorded_and_a_restore_keeps_the_audit_trail(
        desk, people, tmp_path):
    from xiangyun_desk.services.usb_backup import BackupSecret

    copy = desk.backups.backup_to(tmp_path, BackupSecret.passphrase("a long enough passphrase"))
    record_id = desk.visits.create(VISIT)  # after the backup
    desk.backups.restore(copy, "a long enough passphrase")
    assert desk.visits.count() == 0  # the data are the backup's ...
    actions = [e.action for e in desk.audit.entries()]
    # ... but the entries made since the backup are still there, then the restore.
    assert actions[:3] == ["restore_backup", "create", "backup"]
    created = desk.audit.entries(AuditFilter(record_id=record_id))
    assert created[0].label == "张三"
    assert desk.audit.entries(AuditFilter(action="restore_backup"))[0].detail["carried_over"] == 2


def test_the_migration_leaves_the_file_readable_only_by_the_owner(desk):
    import os
    import stat

    if os.name != "posix":
        pytest.skip("no file modes")
    mode = stat.S_IMODE((desk.data_dir / DB_FILENAME).stat().st_mode)
    assert mode & 0o077 == 0
