"""The one place that decides where user data lives.

Order: an explicit directory (``--data-dir``), then the ``XIANGYUN_DESK_HOME`` environment
variable, then the platform default (the same folders QStandardPaths would pick).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "XIANGYUN_DESK_HOME"
APP_NAME = "xiangyun-desk"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The data directory to use (not created here)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
