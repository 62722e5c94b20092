"""What the PyInstaller build leaves out (used by installer/xiangyun-desk.spec; unit-tested in
tests/installer/). The program uses QtCore, QtGui and QtWidgets only; everything else Qt ships is
left out here. If the code starts using another Qt module, take it off EXCLUDED_MODULES and
UNUSED_QT_LIBS (the self-check in CI fails on the import otherwise).
"""

from __future__ import annotations

import re
import sys

# Python-level modules never used by the program (Qt bindings, test tools, GUI toolkits).
EXCLUDED_MODULES = [
    *(f"PySide6.{m}" for m in (
        "QtQml", "QtQuick", "QtQuickControls2", "QtQuickWidgets", "QtQuickTest", "QtQuick3D",
        "QtNetwork", "QtNetworkAuth", "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick",
        "QtWebChannel", "QtWebSockets", "QtPdf", "QtPdfWidgets", "QtSvg", "QtSvgWidgets",
        "QtOpenGL", "QtOpenGLWidgets", "QtSql", "QtTest", "QtDesigner", "QtHelp", "QtUiTools",
        "QtXml", "QtConcurrent", "QtDBus", "QtPrintSupport", "QtMultimedia", "QtCharts",
        "QtVirtualKeyboard", "QtStateMachine", "QtExampleIcons", "QtAxContainer",
    )),
    "tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "pytestqt", "pydoc_data",
    "lib2to3", "IPython", "numpy",
    # Pillow's optional codecs (ReportLab imports Pillow's core; the reports embed no images).
    "PIL.AvifImagePlugin", "PIL.WebPImagePlugin", "PIL.ImageTk", "PIL.ImageCms", "PIL.ImageQt",
]
# ... and their compiled parts (libavif alone is 5 MB).
UNUSED_PIL = re.compile(r"^_(avif|webp|imagingtk|imagingcms|imagingft)\.")

# Qt shared libraries (any platform's spelling) that the three modules above do not need.
UNUSED_QT_LIBS = re.compile(
    r"(lib)?Qt6(Qml\w*|Quick\w*|Labs\w*|VirtualKeyboard\w*|Pdf\w*|Svg\w*|WebEngine\w*|"
    r"WebChannel\w*|WebSockets|Network\w*|Designer\w*|Help|UiTools|Test|Sql|Xml|Concurrent|"
    r"Wayland\w*|WlShell\w*|EglFS\w*|EglFs\w*|OpenGLWidgets|PrintSupport|Multimedia\w*|"
    r"ShaderTools|3D\w*|Charts|StateMachine)\b", re.IGNORECASE)

# Qt plugins: folder -> plugin names kept (None: keep the whole folder). Folders not listed go.
KEPT_PLUGINS = {
    # xcb for X11 (UOS, Kylin, and Wayland desktops through XWayland), offscreen and minimal for
    # self-check and servers, windows for Windows. Wayland-native is left out: XWayland does it.
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows"},
    # The xdg-desktop-portal theme only (D-Bus). The GTK3 theme would drag in the build machine's
    # GTK/pango/cairo, which then clash with the desktop's own GTK modules.
    "platformthemes": {"qxdgdesktopportal"},
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
    "xcbglintegrations": None,
    "imageformats": {"qico", "qjpeg", "qgif"},
    "styles": None,  # Windows: the native "windows11"/"windowsvista" styles
}
KEPT_TRANSLATIONS = re.compile(r"^(qt|qtbase)_(zh_CN|en)\.qm$")


def keep(dest: str) -> bool:
    """Whether a bundled file (its path inside the build) stays."""
    parts = dest.replace("\\", "/").split("/")
    name = parts[-1]
    if "PySide6" in parts:
        if "plugins" in parts:
            i = parts.index("plugins")
            if len(parts) < i + 3:
                return True
            folder = parts[i + 1]
            if folder not in KEPT_PLUGINS:
                return False
            wanted = KEPT_PLUGINS[folder]
            stem = re.sub(r"^lib|\.(so|dll|dylib)$", "", name)
            return wanted is None or stem in wanted
        if "translations" in parts:
            return bool(KEPT_TRANSLATIONS.match(name))
        if "qml" in parts:
            return False
    if UNUSED_QT_LIBS.match(name):
        return False
    if "PIL" in parts and UNUSED_PIL.match(name):
        return False
    return True


def _top_level(entry) -> bool:
    """A library only there for others: _internal/*.so*, pillow.libs/... (not a Python module,
    which is imported, not linked, and not a symlink)."""
    dest, _, kind = entry
    if kind in ("EXTENSION", "SYMLINK"):
        return False
    return (("/" not in dest and not dest.startswith("libpython"))
            or (dest.count("/") == 1 and dest.split("/")[0].endswith(".libs")))


def dt_needed(path) -> list[str]:
    """The DT_NEEDED entries (library names it links to) of a 64-bit little-endian ELF file."""
    import struct

    with open(path, "rb") as fh:
        data = fh.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQII", data, shoff + i * shentsize)
                for i in range(shnum)]
    names = []
    for _name, sh_type, _flags, _addr, offset, size, link, _info in sections:
        if sh_type != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[link][4]
        for at in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strtab + value)
                names.append(data[strtab + value:end].decode())
    return names


def leave_system_libraries_out(binaries, system_names, needed=dt_needed):
    """Release builds (XYD_SYSTEM_LIBS=1): the libraries the .deb's Depends: provides
    (``system_names``, e.g. libfontconfig.so.1) are taken from the target system, and so is
    everything only they link to (libpng16 through libfreetype, libsystemd through libdbus):
    a top-level library stays only if the program's own binaries reach it through DT_NEEDED
    without passing through a system library. The build machine's copies may need a newer glibc
    than the target has."""
    top = {e[0].split("/")[-1]: e for e in binaries if _top_level(e)}
    reached: set[str] = set()
    stack = [src for dest, src, kind in binaries if kind != "SYMLINK" and not _top_level(
        (dest, src, kind))]
    while stack:
        for name in needed(stack.pop()):
            if name in system_names or name in reached or name not in top:
                continue
            reached.add(name)
            stack.append(top[name][1])
    kept = [e for e in binaries if not _top_level(e) or e[0].split("/")[-1] in reached]
    present = {e[0] for e in kept}
    kept = [e for e in kept if e[2] != "SYMLINK" or e[1] in present]
    dropped = sorted({e[0] for e in binaries} - {e[0] for e in kept})
    if dropped:
        print("freeze_rules: from the system (Depends:), not bundled:", ", ".join(dropped))
    return kept


def drop_orphans(binaries, imports=None):
    """Linux: drop the top-level shared libraries that only a removed module or plugin needed
    (PyInstaller resolved dependencies before the filtering above). ``binaries`` is PyInstaller's
    TOC (dest, src, typecode); ``imports(src)`` gives the (name, path) pairs a binary needs,
    transitively (default: PyInstaller's ldd-based get_imports)."""
    if not sys.platform.startswith("linux"):
        return binaries
    if imports is None:
        from PyInstaller.depend.bindepend import get_imports as imports

    top_level = _top_level  # symlinks: see below

    needed = set()
    for dest, src, kind in binaries:
        if kind != "SYMLINK" and not top_level((dest, src, kind)):  # the roots
            needed.update(name for name, _ in imports(src))
    kept = [e for e in binaries if not top_level(e) or e[0].split("/")[-1] in needed]
    present = {e[0] for e in kept}
    # A symlink stays only while its target does.
    kept = [e for e in kept if e[2] != "SYMLINK" or e[1] in present]
    dropped = sorted({e[0] for e in binaries} - {e[0] for e in kept})
    if dropped:
        print("freeze_rules: not needed after filtering:", ", ".join(dropped))
    return kept
