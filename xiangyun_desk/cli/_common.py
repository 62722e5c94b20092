"""What every command module of the command line shares: messages, exit codes, the desk.

Below everything else in :mod:`xiangyun_desk.cli`: it imports no command module.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from ..domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ..services import paths

CTX = "Cli"
EXIT_USAGE = 2
EXIT_FAILED = 1


def translator():
    """A translate(context, text) function for the CLI language (Chinese unless XYD_LANG=en)."""
    lang = os.environ.get("XYD_LANG", "zh_CN")
    if lang.startswith("en"):
        return None
    try:
        from PySide6.QtCore import QTranslator

        from ..resources import translation_file
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return None
    qt_translator = QTranslator()
    if not qt_translator.load(str(translation_file("zh_CN"))):
        return None

    def translate(context: str, text: str) -> str:
        return qt_translator.translate(context, text) or text

    return translate


def say(message: Message, stream=None) -> None:
    """Print a translated message."""
    print(message.render(translator()), file=stream or sys.stdout)


def fail(message: Message, code: int = EXIT_FAILED) -> int:
    say(message, sys.stderr)
    return code


def open_desk(args):
    """The desk on the data directory of ``--data-dir`` (or its default)."""
    from ..services.desk import Desk

    return Desk(paths.data_dir(args.data_dir))


def require_setup(desk) -> Message | None:
    """A message when the data directory is not set up yet, else None."""
    if desk.identity is None:
        return msg(CTX, QT_TRANSLATE_NOOP("Cli", "This data directory is not set up yet: run xiangyun-desk init first."))
    return None


def parse_date(text: str) -> dt.date:
    """An argparse ``type=``: a YYYY-MM-DD date."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None
