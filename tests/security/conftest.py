"""Fixtures for the security tests: accounts of every role with cheap argon2 parameters (the
program itself always uses argon2-cffi's defaults; one test checks those)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from security_helpers import PASSWORD

from xiangyun_desk.services import accounts as accounts_module


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def people(desk):
    """The station head (signed in as the desk's user), a staff member and a viewer.

    Returns {role: Principal}; ``desk.session.user`` is the administrator."""
    admin, _code = desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
    desk.session.user = admin
    desk.accounts.create_account("gongzuo", "王建国", "staff", PASSWORD)
    desk.accounts.create_account("zhidu", "赵敏", "viewer", PASSWORD)
    return {"admin": admin, "staff": desk.accounts.principal("gongzuo"),
            "viewer": desk.accounts.principal("zhidu")}

