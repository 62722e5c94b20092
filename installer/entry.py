"""The frozen program's entry point (PyInstaller needs a script, not ``python -m``)."""

import sys

from xiangyun_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
