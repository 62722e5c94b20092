"""Shared fixtures. Qt runs offscreen (no display on test machines); data goes to tmp dirs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("XIANGYUN_DESK_HOME", None)

import pytest  # noqa: E402

from xiangyun_desk.services.desk import Desk  # noqa: E402


@pytest.fixture
def data_dir(tmp_path):
    """An empty data directory."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def desk(data_dir):
    """A set-up station desk on an empty database."""
    d = Desk(data_dir)
    d.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红", "王建国"])
    yield d
    d.close()


# ---- both dialects (issue 14) -------------------------------------------------------------------
# Tests that take ``db_url`` run twice: on the SQLite file (None) and on a PostgreSQL server named by
# XYD_TEST_PG_URL (.ci/run starts a throwaway cluster and sets it), each test in a fresh database
# copied from a migrated template. Without the variable the PostgreSQL variants are skipped, unless
# XYD_REQUIRE_PG=1 (CI), which makes them fail instead.

PG_ENV = "XYD_TEST_PG_URL"


def _pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _pg_exec(url: str, *statements: str) -> None:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


@pytest.fixture(scope="session")
def pg_template():
    """A database migrated to the head once per test session, copied by each test."""
    admin = _pg_admin_url()
    if admin is None:
        yield None
        return
    from xiangyun_desk.storage.db import open_server_database

    name = f"xyd_template_{os.getpid()}"
    _pg_exec(admin, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}")
    open_server_database(_with_database(admin, name)).dispose()
    yield name
    _pg_exec(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def fresh_pg_url(pg_template):
    """The URL of a new, migrated PostgreSQL database (dropped after the test)."""
    import uuid

    admin = _pg_admin_url()
    if admin is None:
        if os.environ.get("XYD_REQUIRE_PG") == "1":
            pytest.fail(f"{PG_ENV} is not set but XYD_REQUIRE_PG=1: the PostgreSQL tests must run")
        pytest.skip(f"PostgreSQL variant: set {PG_ENV} to a server URL to run it (.ci/run does)")
    name = f"xyd_t_{uuid.uuid4().hex[:16]}"
    _pg_exec(admin, f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield _with_database(admin, name)
    _pg_exec(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request):
    """None (the SQLite file in the data directory) or a fresh PostgreSQL database's URL."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("fresh_pg_url")

