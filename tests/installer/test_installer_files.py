"""The installer's static parts: freeze rules, icons, desktop entry, NSIS script, build script."""

from __future__ import annotations

import configparser
import re
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
ICONS = ROOT / "resources" / "icons"
APPID = "cn.org.xiangyun.desk"

sys.path.insert(0, str(INSTALLER))
import freeze_rules  # noqa: E402

# ---- what the frozen build keeps --------------------------------------------------------------

@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/imageformats/libqico.so",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/translations/qt_zh_CN.qm",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
    "PySide6/Qt6Widgets.dll",
    "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
    "xiangyun_desk/_resources/fonts/HanaMinB.ttf",
    "xiangyun_desk/storage/migrations/versions/0001_initial_schema.py",
])
def test_kept(dest):
    assert freeze_rules.keep(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_help_zh_CN.qm",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/Qt6Quick.dll",
    "PySide6/Qt6WebEngineCore.dll",
    "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
])
def test_left_out(dest):
    assert not freeze_rules.keep(dest)


def test_every_qt_module_the_program_imports_is_kept():
    used = set()
    for path in (ROOT / "xiangyun_desk").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    excluded = {m.split(".", 1)[1] for m in freeze_rules.EXCLUDED_MODULES
                if m.startswith("PySide6.")}
    assert used and not used & excluded, f"used but left out of the build: {used & excluded}"
    for module in used:
        assert freeze_rules.keep(f"PySide6/Qt/lib/lib{module.replace('Qt', 'Qt6', 1)}.so.6")


def test_orphaned_libraries_are_dropped_and_extension_modules_kept(monkeypatch):
    monkeypatch.setattr(freeze_rules.sys, "platform", "linux")
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/w/libQt6Gui.so.6", "BINARY"),
        ("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1", "BINARY"),
        ("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0", "BINARY"),  # only gtk3 wanted it
        ("_cffi_backend.cpython-311-x86_64-linux-gnu.so", "/v/_cffi_backend.so", "EXTENSION"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),  # target filtered
        ("pillow.libs/libavif-1.so", "/v/libavif-1.so", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
    ]
    needs = {"/w/libQt6Gui.so.6": {("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1")}}
    kept = freeze_rules.drop_orphans(binaries, imports=lambda src: needs.get(src, set()))
    assert [e[0] for e in kept] == [
        "PySide6/Qt/lib/libQt6Gui.so.6", "libfontconfig.so.1",
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so", "libQt6Gui.so.6",
        "libpython3.11.so.1.0"]


def test_a_release_build_takes_the_depends_libraries_from_the_system():
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/w/libQt6Gui.so.6", "BINARY"),
        ("python3.11/lib-dynload/_ctypes.cpython-311-x86_64-linux-gnu.so", "/py/_ctypes.so",
         "EXTENSION"),
        ("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1", "BINARY"),
        ("libfreetype.so.6", "/usr/lib/libfreetype.so.6", "BINARY"),
        ("libpng16.so.16", "/usr/lib/libpng16.so.16", "BINARY"),  # only freetype wants it
        ("libexpat.so.1", "/usr/lib/libexpat.so.1", "BINARY"),
        ("libffi.so.7", "/usr/lib/libffi.so.7", "BINARY"),  # the program's own _ctypes
        ("libz.so.1", "/usr/lib/libz.so.1", "BINARY"),  # both: through libffi's user too
        ("libpng16.so", "libpng16.so.16", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ]
    needs = {"/w/libQt6Gui.so.6": ["libfontconfig.so.1", "libfreetype.so.6", "libc.so.6"],
             "/usr/lib/libfontconfig.so.1": ["libfreetype.so.6", "libexpat.so.1"],
             "/usr/lib/libfreetype.so.6": ["libpng16.so.16", "libz.so.1"],
             "/py/_ctypes.so": ["libffi.so.7"], "/usr/lib/libffi.so.7": ["libz.so.1"]}
    kept = freeze_rules.leave_system_libraries_out(
        binaries, {"libfontconfig.so.1", "libfreetype.so.6"},
        needed=lambda src: needs.get(src, []))
    assert [e[0] for e in kept] == [
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "python3.11/lib-dynload/_ctypes.cpython-311-x86_64-linux-gnu.so",
        "libffi.so.7", "libz.so.1", "libQt6Gui.so.6"]


def test_dt_needed_reads_a_real_program():
    assert "libc.so.6" in freeze_rules.dt_needed("/bin/ls")


# ---- icons --------------------------------------------------------------------------------------

def test_png_icons_have_their_sizes():
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        data = (ICONS / f"xiangyun-desk-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (size, size)


def test_the_program_finds_its_icon_sizes():
    from xiangyun_desk.resources import icon_files

    assert [int(p.stem.rsplit("-", 1)[1]) for p in icon_files()] == [
        16, 24, 32, 48, 64, 128, 256, 512]


def test_ico_holds_every_windows_size():
    data = (ICONS / "xiangyun-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _, _, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        assert w == h and bpp == 32 and offset + length <= len(data)
        sizes.append(w or 256)
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]


# ---- desktop entry, launcher, NSIS, build script ------------------------------------------------

def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read(INSTALLER / "linux" / f"{APPID}.desktop", encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Name"] == e["Name[zh_CN]"] == "祥云职工之家工作台"
    assert e["Type"] == "Application" and e["Terminal"] == "false"
    assert e["Exec"] == f"/opt/apps/{APPID}/files/bin/xiangyun-desk"
    assert e["Icon"] == APPID
    assert e["Categories"].endswith(";")


def test_build_script_uses_the_uos_layout_and_no_maintainer_scripts():
    script = (INSTALLER / "build-deb.sh").read_text(encoding="utf-8")
    assert f"APPID={APPID}" in script
    for part in ('"$APP/files/bin/xiangyun-desk"', '"$APP/info"', "entries/applications",
                 "entries/icons/hicolor", '"$STAGE/usr/bin/xiangyun-desk"'):
        assert part in script
    for hook in ("postinst", "preinst", "prerm", "postrm"):
        assert hook not in script


def test_nsis_script_is_unicode_chinese_and_keeps_user_data():
    raw = (INSTALLER / "windows" / "xiangyun-desk.nsi").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so makensis reads the Chinese right"
    text = raw.decode("utf-8-sig")
    assert re.search(r"^Unicode true", text, re.M)
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in text
    assert '$SMPROGRAMS\\${APPNAME}' in text and '$DESKTOP\\${APPNAME}.lnk' in text
    uninstall = text[text.index('Section "Uninstall"'):]
    assert "$LOCALAPPDATA" not in uninstall and "$APPDATA" not in uninstall
