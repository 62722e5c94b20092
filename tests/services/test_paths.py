"""Where user data lives: --data-dir, then XIANGYUN_DESK_HOME, then the platform default."""

from __future__ import annotations

from pathlib import Path

from xiangyun_desk.services import paths


def test_explicit_directory_wins(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "flag") == (tmp_path / "flag").resolve()


def test_environment_variable_next(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "env"))
    assert paths.data_dir() == (tmp_path / "env").resolve()
    assert paths.data_dir("") == (tmp_path / "env").resolve()


def test_relative_and_home_paths_are_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert paths.data_dir("rel") == (tmp_path / "rel").resolve()
    assert paths.data_dir("~/x") == (tmp_path / "home" / "x").resolve()


def test_platform_default_last(monkeypatch):
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    default = paths.data_dir()
    assert isinstance(default, Path) and default.is_absolute()
    assert default.name == "xiangyun-desk"


def test_nothing_is_created(tmp_path):
    target = tmp_path / "not-yet"
    paths.data_dir(target)
    assert not target.exists()
