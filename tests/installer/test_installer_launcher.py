"""The .deb's launcher script: which input-method path it picks for the bundled Qt."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "installer" / "linux" / "xiangyun-desk-launcher.sh"

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")

FAKE_PROGRAM = """#!/bin/sh
echo "IM=${QT_IM_MODULE:-<unset>}"
echo "PLUGINS=${XYD_EXTRA_QT_PLUGIN_PATH:-<unset>}"
echo "PORTAL=${IBUS_USE_PORTAL:-<unset>}"
for a in "$@"; do echo "ARG=$a"; done
"""
# pgrep -x [-U uid] NAME: succeeds when NAME is listed in $FAKE_RUNNING.
FAKE_PGREP = """#!/bin/sh
for last; do :; done
for p in $FAKE_RUNNING; do [ "$p" = "$last" ] && exit 0; done
exit 1
"""


def _executable(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@pytest.fixture
def app(tmp_path):
    """An installed-like tree: files/bin/xiangyun-desk (the launcher) and the fake program."""
    files = tmp_path / "opt" / "files"
    (files / "bin").mkdir(parents=True)
    shutil.copy(LAUNCHER, files / "bin" / "xiangyun-desk")
    (files / "bin" / "xiangyun-desk").chmod(0o755)
    _executable(files / "lib" / "xiangyun-desk" / "xiangyun-desk", FAKE_PROGRAM)
    _executable(tmp_path / "fakebin" / "pgrep", FAKE_PGREP)
    # /usr/bin/xiangyun-desk is a symlink to the launcher: it must find the program through it.
    (tmp_path / "usr-bin").mkdir()
    (tmp_path / "usr-bin" / "xiangyun-desk").symlink_to(files / "bin" / "xiangyun-desk")
    return tmp_path


def run(app: Path, *args: str, running: str = "", **env: str) -> dict[str, object]:
    environ = {"PATH": f"{app / 'fakebin'}:/usr/bin:/bin", "HOME": str(app / "home"),
               "FAKE_RUNNING": running, "XYD_QT6_PLUGIN_DIRS": str(app / "no-system-qt6"), **env}
    proc = subprocess.run([str(app / "usr-bin" / "xiangyun-desk"), *args], env=environ,
                          capture_output=True, text=True, timeout=30, check=True)
    out: dict[str, object] = {"args": [], "stderr": proc.stderr}
    for line in proc.stdout.splitlines():
        key, _, value = line.partition("=")
        if key == "ARG":
            out["args"].append(value)
        else:
            out[key] = value
    return out


def test_arguments_pass_through_unchanged(app):
    assert run(app, "--data-dir", "/tmp/with space", "self-check")["args"] == \
        ["--data-dir", "/tmp/with space", "self-check"]


def test_fcitx5_is_reached_through_its_ibus_portal(app):
    out = run(app, running="fcitx5", QT_IM_MODULE="fcitx")
    assert (out["IM"], out["PORTAL"]) == ("ibus", "1")
    assert run(app, running="fcitx5", IBUS_USE_PORTAL="0")["PORTAL"] == "0"  # the user's choice


def test_ibus_daemon_gets_ibus_without_the_portal(app):
    out = run(app, running="ibus-daemon")
    assert (out["IM"], out["PORTAL"]) == ("ibus", "<unset>")


def test_a_fcitx_setting_without_any_framework_running_falls_back_to_the_ibus_portal(app):
    out = run(app, QT_IM_MODULE="fcitx5")
    assert (out["IM"], out["PORTAL"]) == ("ibus", "1")


def test_other_settings_are_left_alone(app):
    assert run(app, QT_IM_MODULE="compose")["IM"] == "compose"
    assert run(app)["IM"] == "<unset>"


def test_keep_and_explicit_modes(app):
    assert run(app, running="fcitx5", QT_IM_MODULE="fcitx", XYD_IM="keep")["IM"] == "fcitx"
    assert run(app, XYD_IM="ibus")["IM"] == "ibus"
    assert run(app, XYD_IM="none")["IM"] == "compose"


def test_fcitx4_without_a_qt6_plugin_explains(app):
    out = run(app, running="fcitx", QT_IM_MODULE="fcitx")
    assert out["IM"] == "fcitx"
    assert "fcitx5 or ibus" in out["stderr"]


def test_system_fcitx5_plugin_is_offered_alone_on_the_plugin_path(app):
    system = app / "system-qt6"
    plugin = system / "platforminputcontexts" / "libfcitx5platforminputcontextplugin.so"
    plugin.parent.mkdir(parents=True)
    plugin.write_bytes(b"\x7fELF")
    (system / "platforms").mkdir()
    (system / "platforms" / "libqxcb.so").write_bytes(b"\x7fELF")
    for kwargs in ({"XYD_IM": "system"}, {"running": "fcitx"}):
        out = run(app, XYD_QT6_PLUGIN_DIRS=str(system), **kwargs)
        assert out["IM"] == "fcitx"
        private = Path(str(out["PLUGINS"]).split(":")[0])
        assert private.is_relative_to(app / "home")
        linked = list((private / "platforminputcontexts").iterdir())
        assert [p.resolve() for p in linked] == [plugin.resolve()]
        assert not (private / "platforms").exists()  # no other system plugin can mix in


def test_missing_program_is_reported(app):
    os.remove(app / "opt" / "files" / "lib" / "xiangyun-desk" / "xiangyun-desk")
    proc = subprocess.run([str(app / "usr-bin" / "xiangyun-desk")], capture_output=True,
                          text=True, timeout=30, env={"PATH": "/usr/bin:/bin"})
    assert proc.returncode == 127 and "missing" in proc.stderr
