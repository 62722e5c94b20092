"""Before the window opens on X11: missing system libraries are named with the packages to
install, instead of Qt aborting inside QApplication (exit 134)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from xiangyun_desk import platform_libs
from xiangyun_desk.cli._common import translator as _translator

ROOT = Path(__file__).resolve().parent.parent


def test_library_files_map_to_the_packages_to_install():
    assert platform_libs.packages_for(
        ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0", "libodd.so.3"]
    ) == ["libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0", "libodd.so.3"]


def test_the_deb_depends_on_the_same_packages():
    script = (ROOT / "installer" / "build-deb.sh").read_text(encoding="utf-8")
    assert "platform_libs.py" in script and "X11_PACKAGES" in script


@pytest.mark.parametrize(("environ", "expected"), [
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "wayland"}, False),
    ({"DISPLAY": ":0"}, True),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
])
def test_only_an_x11_start_is_checked(environ, expected):
    assert platform_libs.uses_xcb(environ) is (expected and sys.platform.startswith("linux"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux here")
def test_missing_libraries_are_named_with_the_packages(monkeypatch, tmp_path):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"\x7fELF")
    monkeypatch.setattr(platform_libs, "plugin_missing_libraries",
                        lambda p: ["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    problem = platform_libs.x11_problem({"QT_QPA_PLATFORM": "xcb"}, plugin)
    text = problem.render()
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in text
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text
    chinese = problem.render(_translator())
    assert "缺少" in chinese and "sudo apt install libxcb-cursor0 libxcb-icccm4" in chinese
    assert platform_libs.x11_problem({"QT_QPA_PLATFORM": "offscreen"}, plugin) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux here")
def test_a_plugin_whose_libraries_are_missing_is_found_out(tmp_path):
    # The real plugin copied away from PySide6's lib folder: its Qt libraries are "missing".
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(platform_libs.xcb_plugin().read_bytes())
    missing = platform_libs.plugin_missing_libraries(plugin)
    assert "libQt6XcbQpa.so.6" in missing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux here")
def test_the_window_command_says_what_to_install_instead_of_aborting(tmp_path):
    code = (
        "import sys\n"
        "from xiangyun_desk import cli, platform_libs\n"
        "platform_libs.plugin_missing_libraries = lambda p: ['libxcb-cursor.so.0']\n"
        f"sys.exit(cli.main(['--data-dir', {str(tmp_path / 'data')!r}]))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XYD_LANG")}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":99")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "sudo apt install libxcb-cursor0" in proc.stderr
    assert "缺少" in proc.stderr
    assert not (tmp_path / "data").exists()  # nothing was started
