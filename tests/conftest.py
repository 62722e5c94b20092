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
