"""The system libraries Qt's X11 platform plugin needs, and what to install when they are missing.

A pip-installed program (or a .deb installed without its dependencies) on a Linux desktop that
lacks them would otherwise abort inside QApplication with Qt's "Could not load the Qt platform
plugin "xcb"" and exit status 134. :func:`x11_problem` finds that out *before* the QApplication
exists and names the packages to install; ``self-check`` uses the same list.

``X11_PACKAGES`` is also the .deb's Depends: list (installer/build-deb.sh reads it with
``runpy``, so this module imports nothing at module level beyond the standard library).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Debian / Ubuntu / UOS / Kylin package -> the library file it provides, for the X11 platform
# plugin (xcb), OpenGL, fonts and D-Bus. Names that exist on Debian 10+, Ubuntu 20.04+, UOS 20
# and Kylin V10 alike.
X11_PACKAGES: dict[str, str] = {
    "libgl1": "libGL.so.1",
    "libegl1": "libEGL.so.1",
    "libfontconfig1": "libfontconfig.so.1",
    "libfreetype6": "libfreetype.so.6",
    "libdbus-1-3": "libdbus-1.so.3",
    "libglib2.0-0": "libglib-2.0.so.0",
    "libx11-6": "libX11.so.6",
    "libx11-xcb1": "libX11-xcb.so.1",
    "libxcb1": "libxcb.so.1",
    "libxkbcommon0": "libxkbcommon.so.0",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-image0": "libxcb-image.so.0",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-randr0": "libxcb-randr.so.0",
    "libxcb-render-util0": "libxcb-render-util.so.0",
    "libxcb-shape0": "libxcb-shape.so.0",
    "libxcb-xfixes0": "libxcb-xfixes.so.0",
    "libxcb-xkb1": "libxcb-xkb.so.1",
    "libxcb-sync1": "libxcb-sync.so.1",
    "libxcb-shm0": "libxcb-shm.so.0",
    "libxcb-render0": "libxcb-render.so.0",
    "libxcb-glx0": "libxcb-glx.so.0",
}


def packages_for(libraries: list[str]) -> list[str]:
    """The packages to install for missing library files; a file not in the table is kept as
    it is (the person can search for it)."""
    by_file = {lib: pkg for pkg, lib in X11_PACKAGES.items()}
    wanted = [by_file.get(lib, lib) for lib in libraries]
    return sorted(set(wanted), key=wanted.index)


def xcb_plugin() -> Path:
    """Qt's X11 platform plugin of the PySide6 in use."""
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / "libqxcb.so"


def missing_libraries(plugin: Path) -> list[str] | None:
    """System libraries ``plugin`` needs that this machine lacks (None: ldd is not available)."""
    import subprocess

    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=30,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return sorted({line.split()[0] for line in out.splitlines() if "not found" in line})


def _first_missing(error: OSError) -> list[str]:
    """'libxcb-cursor.so.0: cannot open shared object file: …' -> ['libxcb-cursor.so.0']."""
    text = str(error)
    name = text.split(":", 1)[0].strip()
    return [name] if name.startswith("lib") else [text]


def plugin_missing_libraries(plugin: Path) -> list[str]:
    """[] when the plugin loads, else the library files it lacks (all of them, with ldd)."""
    import _ctypes

    try:
        _ctypes.dlopen(str(plugin), os.RTLD_NOW | os.RTLD_LOCAL)
        return []
    except OSError as exc:
        return missing_libraries(plugin) or _first_missing(exc)


def uses_xcb(environ=None) -> bool:
    """Whether Qt would open the window through X11 here (Linux, not offscreen/wayland)."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]
    if platform:
        return platform == "xcb"
    # Qt prefers Wayland where a Wayland session is running (and falls back to xcb).
    return not environ.get("WAYLAND_DISPLAY")


def x11_problem(environ=None, plugin: Path | None = None):
    """A Message (Chinese through the translation file) telling what to install when the X11
    platform plugin cannot load; None when it loads or is not going to be used."""
    from .domain.i18n import QT_TRANSLATE_NOOP, msg

    if not uses_xcb(environ):
        return None
    plugin = plugin or xcb_plugin()
    if not plugin.is_file():
        return None  # a build without it: Qt says what it has
    missing = plugin_missing_libraries(plugin)
    if not missing:
        return None
    return msg("Platform", QT_TRANSLATE_NOOP(
        "Platform", "The window cannot open: this computer lacks system libraries that Qt needs "
                    "for the desktop (X11): {libraries}.\nInstall them, then start again:\n"
                    "    sudo apt install {packages}"),
        libraries=", ".join(missing), packages=" ".join(packages_for(missing)))
