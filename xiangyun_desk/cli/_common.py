"""What every command module of the command line shares: messages, exit codes, the desk.

Below everything else in :mod:`xiangyun_desk.cli`: it imports no command module.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import stat
import sys
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ..domain.permissions import Perm
from ..services import paths

CTX = "Cli"
EXIT_USAGE = 2
EXIT_FAILED = 1
# Signing in on the command line (a desk with accounts): the account's name and a file holding
# its password, for scripts that run without a terminal (--user / --password-file win).
USER_ENV = "XIANGYUN_DESK_USER"
PASSWORD_FILE_ENV = "XIANGYUN_DESK_PASSWORD_FILE"


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


class CliRefusal(DomainError):
    """The command cannot go on (no account given, a password file others can read ...)."""


def read_password(source: str | None, prompt_twice: bool = False) -> str:
    """The password from the first line of the file ``source`` ("-": standard input) or, on a
    terminal, from a prompt that does not echo. A file that other users may read (or change) is
    refused: a password kept for a script belongs in a file only its owner can read (chmod 600).
    Raises CliRefusal with the reason."""
    if source:
        try:
            if source == "-":
                text = sys.stdin.read()
            else:
                path = Path(source)
                if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                    raise CliRefusal(msg(CTX, QT_TRANSLATE_NOOP(
                        "Cli", "The password file {path} can be read by other users of this "
                               "computer: make it readable by you only (chmod 600 {path}) and "
                               "run the command again."), path=source))
                text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CliRefusal(msg(CTX, QT_TRANSLATE_NOOP(
                "Cli", "Cannot read the password file: {reason}"),
                reason=exc.strerror or str(exc))) from None
        except UnicodeDecodeError:
            raise CliRefusal(msg(CTX, QT_TRANSLATE_NOOP(
                "Cli", "The password file is not UTF-8 text."))) from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise CliRefusal(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "Give the password with --password-file FILE (or - for standard input).")))
    first = getpass.getpass(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Password: ")).render(translator()))
    if prompt_twice:
        second = getpass.getpass(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Repeat the password: "))
                                 .render(translator()))
        if first != second:
            raise CliRefusal(msg(CTX, QT_TRANSLATE_NOOP("Cli", "The two passwords differ.")))
    return first


def account_options(parser: argparse.ArgumentParser) -> None:
    """--user and --password-file of a command that needs an account when the desk has any."""
    parser.add_argument(
        "--user", metavar="NAME",
        help=f"sign in as this account (needed when the desk has accounts; default ${USER_ENV})")
    parser.add_argument(
        "--password-file", metavar="FILE",
        help="read the password from the first line of FILE, readable by you only (chmod 600; "
             f"- = standard input; default ${PASSWORD_FILE_ENV}); without it the password is "
             "asked for")


def needed_permission(args) -> Perm | None:
    """What the command needs beyond reading (``set_defaults(needs=Perm | callable(args))``);
    None: what a read-only account may do, which runs without signing in."""
    needs = getattr(args, "needs", None)
    if needs is not None and not isinstance(needs, Perm):
        needs = needs(args)
    return needs


def sign_in(desk, args) -> None:
    """Make the command's account the desk's user when the desk has accounts and the command
    changes data or shows full personal data (or --user is given): the services then check its
    role and the audit log names it. A desk without accounts stays as it was (the trusted
    system, as before accounts existed)."""
    needs = needed_permission(args)
    user = getattr(args, "user", None)
    if needs is None and not user:
        return
    if not desk.accounts.has_accounts():
        return
    user = user or os.environ.get(USER_ENV) or ""
    if not user.strip():
        raise CliRefusal(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "This desk has accounts: this command needs one. Add --user NAME (the "
                   "password is asked for, or read from --password-file FILE).")))
    password = read_password(getattr(args, "password_file", None)
                             or os.environ.get(PASSWORD_FILE_ENV))
    desk.session.user = None  # nobody until the password is right
    desk.accounts.sign_in(user, password, detail={"via": "cli", "command": args.command})
    if desk.accounts.must_change_password():
        desk.session.user = None
        raise CliRefusal(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "The account {user} has a temporary password: sign in once in the window "
                   "and choose your own password, then run the command again."), user=user))
    if needs is not None:
        desk.session.require(needs)


def open_desk(args, signed_in: bool = True):
    """The desk on the data directory of ``--data-dir`` (or its default), with the command's
    account signed in where one is needed (:func:`sign_in`)."""
    from ..services.desk import Desk

    desk = Desk(paths.data_dir(args.data_dir))
    if signed_in:
        try:
            sign_in(desk, args)
        except BaseException:
            desk.close()
            raise
    return desk


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


def bundle_files(args_paths: list[str], suffix: str) -> list[Path]:
    """The files named on the command line; a folder (the USB stick) stands for its files ending
    in ``suffix``, sorted by name (import-bundle: .xyb, import-relay: .xyf)."""
    files: list[Path] = []
    for text in args_paths:
        path = Path(text)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix == suffix))
        else:
            files.append(path)
    return files


def parse_confirm(items) -> dict[str, str] | None:
    """``--confirm CODE=FINGERPRINT`` options as a dict; None (the message printed) when one is
    malformed."""
    confirm: dict[str, str] = {}
    for item in items or ():
        code, sep, fp = item.partition("=")
        if not sep or not code.strip():
            fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "--confirm takes CODE=FINGERPRINT, e.g. --confirm \"03=2113 0079 7777 8066 7812\".")), EXIT_USAGE)
            return None
        confirm[code.strip()] = fp
    return confirm
