"""Accounts: argon2id hashes, sign-in (failures recorded, throttled), roles enforced by the
services, the recovery code, the idle-lock setting."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from security_helpers import PASSWORD, VISIT

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.domain.permissions import Perm, PermissionDenied
from xiangyun_desk.services import accounts as accounts_module
from xiangyun_desk.services.accounts import FREE_FAILURES, THROTTLE_SECONDS, SignInFailed
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.storage.security_models import Account


def stored_hash(desk, username):
    with desk.db.session() as s:
        return s.query(Account).filter_by(username=username).one().password_hash


def test_the_program_hashes_with_argon2id_defaults(desk, monkeypatch):
    monkeypatch.setattr(accounts_module, "make_hasher", accounts_module._hasher)
    desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
    stored = stored_hash(desk, "zhanzhang")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PASSWORD not in stored
    assert PasswordHasher().verify(stored, PASSWORD)


def test_sign_in_sets_the_user_and_is_recorded(desk, people):
    desk.accounts.sign_out()
    assert desk.session.user is None
    user = desk.accounts.sign_in("GongZuo", PASSWORD)  # account names ignore case
    assert (user.username, user.role) == ("gongzuo", "staff")
    assert desk.session.user == user
    desk.session.user = people["admin"]
    entries = desk.audit.entries(AuditFilter(action="sign_in"))
    assert [e.actor_name for e in entries] == ["王建国"]


def test_failed_sign_ins_are_recorded_without_the_typed_password(desk, people):
    desk.accounts.sign_out()
    with pytest.raises(SignInFailed):
        desk.accounts.sign_in("gongzuo", "wrong-password")
    with pytest.raises(SignInFailed):
        desk.accounts.sign_in("my-secret-password", "x")  # a password typed as the name
    assert desk.session.user is None
    desk.session.user = people["admin"]
    failed = desk.audit.entries(AuditFilter(action="sign_in_failed"))
    assert len(failed) == 2
    unknown, known = failed
    assert known.actor_name == "王建国" and known.detail == {"failures": 1}
    assert unknown.actor_id == "" and unknown.detail == {"reason": "unknown account"}
    everything = repr(desk.audit.entries())
    assert "my-secret-password" not in everything and "wrong-password" not in everything


def test_too_many_failures_wait_before_the_next_try(desk, people):
    now = [dt.datetime(2026, 11, 24, 9, 0)]
    desk.accounts.clock = lambda: now[0]
    desk.accounts.sign_out()
    for _ in range(FREE_FAILURES):
        with pytest.raises(SignInFailed):
            desk.accounts.sign_in("gongzuo", "wrong")
    with pytest.raises(SignInFailed) as refused:
        desk.accounts.sign_in("gongzuo", PASSWORD)  # right password, but too soon
    assert "seconds" in str(refused.value)
    now[0] += dt.timedelta(seconds=3)
    assert desk.accounts.sign_in("gongzuo", PASSWORD).username == "gongzuo"


def test_repeated_failures_wait_a_little_longer_each_time_and_never_for_good(desk, people):
    """A short, growing delay (2, 4, 8, 16 s, at most 30 s), never a lockout."""
    now = [dt.datetime(2026, 11, 24, 9, 0)]
    desk.accounts.clock = lambda: now[0]
    desk.accounts.sign_out()
    waits = []
    for _ in range(FREE_FAILURES + 6):
        wait = desk.accounts.wait_seconds("gongzuo")
        now[0] += dt.timedelta(seconds=wait)  # the dialog keeps its button disabled this long
        with pytest.raises(SignInFailed) as refused:
            desk.accounts.sign_in("gongzuo", "wrong")
        assert "Wrong" in str(refused.value)  # a real try each time, not a refusal to try
        waits.append(desk.accounts.wait_seconds("gongzuo"))
    assert waits[:FREE_FAILURES - 1] == [0] * (FREE_FAILURES - 1)
    assert 1 <= waits[FREE_FAILURES - 1] <= 3
    assert waits == sorted(waits) and max(waits) <= THROTTLE_SECONDS + 1
    assert waits[-1] > waits[FREE_FAILURES]
    # Too soon: refused with the time left; after the wait the right password works.
    with pytest.raises(SignInFailed) as refused:
        desk.accounts.sign_in("gongzuo", PASSWORD)
    assert "seconds" in str(refused.value)
    now[0] += dt.timedelta(seconds=THROTTLE_SECONDS)
    assert desk.accounts.sign_in("gongzuo", PASSWORD).username == "gongzuo"
    assert desk.accounts.wait_seconds("gongzuo") == 0


def test_a_disabled_account_cannot_sign_in(desk, people):
    desk.accounts.update_account(people["staff"].id, active=False)
    with pytest.raises(SignInFailed):
        desk.accounts.sign_in("gongzuo", PASSWORD)


def test_viewer_cannot_create_edit_delete_or_restore(desk, people):
    record_id = desk.visits.create(VISIT)
    desk.visits.delete(record_id)
    desk.visits.restore(record_id)
    desk.session.user = people["viewer"]
    for attempt in (lambda: desk.visits.create(VISIT),
                    lambda: desk.visits.update(record_id, {**VISIT, "name": "李四"}),
                    lambda: desk.visits.delete(record_id),
                    lambda: desk.visits.restore(record_id),
                    lambda: desk.visits.reveal(record_id),
                    lambda: desk.people.erase([("visits", record_id)]),
                    lambda: desk.people.correct([("visits", record_id)], {"name": "李四"})):
        with pytest.raises(PermissionDenied):
            attempt()
    # Reading works, with the ID number and phone masked.
    shown = desk.visits.get(record_id)
    assert shown["name"] == "张三"
    assert shown["id_number"] == "5329**********0012"
    assert shown["phone"] == "138****5678"


def test_every_register_refuses_a_viewer(desk, people):
    desk.session.user = people["viewer"]
    for service in desk.registers.values():
        with pytest.raises(PermissionDenied):
            service.create({"name": "x"})
        assert isinstance(PermissionDenied(Perm.WRITE), ValidationFailed)  # shown like a refusal


def test_staff_cannot_read_the_audit_log_or_manage_accounts(desk, people):
    desk.session.user = people["staff"]
    desk.visits.create(VISIT)  # staff write
    with pytest.raises(PermissionDenied):
        desk.audit.entries()
    with pytest.raises(PermissionDenied):
        desk.audit.count()
    with pytest.raises(PermissionDenied):
        desk.accounts.accounts()
    with pytest.raises(PermissionDenied):
        desk.accounts.create_account("x1", "某人", "admin", PASSWORD)
    with pytest.raises(PermissionDenied):
        desk.accounts.set_idle_minutes(3)
    with pytest.raises(PermissionDenied):
        desk.backups.restore(desk.backups.backup("manual"))


def test_nobody_signed_in_can_do_nothing(desk, people):
    record_id = desk.visits.create(VISIT)
    desk.accounts.sign_out()
    with pytest.raises(PermissionDenied):
        desk.visits.get(record_id)
    with pytest.raises(PermissionDenied):
        desk.visits.create(VISIT)
    with pytest.raises(PermissionDenied):
        desk.people.find("532923198001010012")


def test_the_last_station_head_stays(desk, people):
    with pytest.raises(ValidationFailed):
        desk.accounts.update_account(people["admin"].id, role="staff")
    with pytest.raises(ValidationFailed):
        desk.accounts.update_account(people["admin"].id, active=False)
    desk.accounts.update_account(people["staff"].id, role="admin")
    desk.accounts.update_account(people["admin"].id, role="staff")  # now allowed


def test_passwords_and_names_are_checked(desk, people):
    with pytest.raises(ValidationFailed) as short:
        desk.accounts.create_account("neu", "新人", "staff", "123")
    assert "password" in short.value.errors
    with pytest.raises(ValidationFailed) as taken:
        desk.accounts.create_account("ZHANZHANG", "某人", "staff", PASSWORD)
    assert "username" in taken.value.errors
    with pytest.raises(ValidationFailed):
        desk.accounts.create_account("with space", "某人", "staff", PASSWORD)
    with pytest.raises(ValidationFailed):
        desk.accounts.create_first_admin("second", "某人", PASSWORD)  # accounts exist


def test_temporary_password_must_be_changed(desk, people):
    desk.accounts.reset_password(people["staff"].id, "temp-4567")
    desk.accounts.sign_in("gongzuo", "temp-4567")
    assert desk.accounts.must_change_password()
    with pytest.raises(ValidationFailed):
        desk.accounts.change_password("wrong", "mine-7890")
    desk.accounts.change_password("temp-4567", "mine-7890")
    assert not desk.accounts.must_change_password()
    desk.accounts.sign_out()
    assert desk.accounts.sign_in("gongzuo", "mine-7890").role == "staff"


def test_recovery_code_sets_a_new_password_once(desk):
    _admin, code = desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
    assert len(code) == 24 and code.count("-") == 4
    typed = code.lower().replace("-", " ")  # as someone types it from paper
    username, fresh = desk.accounts.reset_with_recovery_code(typed, "neues-Passwort")
    assert username == "zhanzhang" and fresh != code
    assert desk.accounts.sign_in("zhanzhang", "neues-Passwort").role == "admin"
    with pytest.raises(SignInFailed):  # used up
        desk.accounts.reset_with_recovery_code(code, "another-one")
    assert desk.accounts.reset_with_recovery_code(fresh, "third-pass")[0] == "zhanzhang"
    actions = [e.action for e in desk.audit.entries()]
    assert actions.count("recovery_used") == 2 and "sign_in_failed" in actions


def test_idle_minutes_default_and_admin_setting(desk, people):
    assert desk.accounts.idle_minutes() == 10
    desk.accounts.set_idle_minutes(3)
    assert desk.accounts.idle_minutes() == 3
    with pytest.raises(ValidationFailed):
        desk.accounts.set_idle_minutes(0)
    entry = desk.audit.entries(AuditFilter(action="settings"))[0]
    assert entry.detail["changes"] == {"lock_minutes": [10, 3]}


def test_accounts_are_added_to_the_staff_on_duty(desk, people):
    assert {"李红", "王建国", "赵敏"} <= set(desk.settings.staff())


def test_sign_in_upgrades_a_hash_made_with_older_argon2_parameters(desk, people, monkeypatch):
    desk.accounts.sign_out()
    old = stored_hash(desk, "gongzuo")
    assert old.startswith("$argon2id$v=19$m=8,t=1,p=1$")  # the cheap parameters of conftest
    # The program's parameters change (e.g. a newer argon2-cffi default): the next sign-in
    # stores a hash with the new ones, and the password still works.
    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    desk.accounts.sign_in("gongzuo", PASSWORD)
    new = stored_hash(desk, "gongzuo")
    assert new.startswith("$argon2id$v=19$m=16,t=2,p=1$") and new != old
    desk.accounts.sign_out()
    assert desk.accounts.sign_in("gongzuo", PASSWORD).username == "gongzuo"
    assert stored_hash(desk, "gongzuo") == new  # current parameters: left as it is


def test_a_failed_sign_in_does_not_touch_the_hash(desk, people, monkeypatch):
    desk.accounts.sign_out()
    old = stored_hash(desk, "gongzuo")
    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    with pytest.raises(SignInFailed):
        desk.accounts.sign_in("gongzuo", "wrong-password")
    assert stored_hash(desk, "gongzuo") == old
