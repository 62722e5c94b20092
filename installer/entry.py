"""The frozen program's entry point (PyInstaller needs a script, not ``python -m``)."""

import os
import sys

# PyInstaller's PySide6 runtime hook replaces QT_PLUGIN_PATH with the bundled plugin folder (so a
# session's QT_PLUGIN_PATH cannot mix system Qt plugins into the bundled Qt). The .deb launcher
# offers one extra folder this way: it holds only a system input-method plugin (XYD_IM=system).
_extra = os.environ.get("XYD_EXTRA_QT_PLUGIN_PATH")
if _extra and getattr(sys, "frozen", False):
    os.environ["QT_PLUGIN_PATH"] = os.pathsep.join(
        p for p in (os.environ.get("QT_PLUGIN_PATH"), _extra) if p)

from xiangyun_desk.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
