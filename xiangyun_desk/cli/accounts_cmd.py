"""Accounts from the command line: ``init --admin NAME`` and ``reset-password --recovery-code``.

Passwords are never command-line arguments (they would show in the process list and the shell
history): they come from ``--password-file FILE`` (``-`` reads standard input; a script or test
writes the file with mode 0600 and removes it after) or from a prompt that does not echo.
"""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import DomainError, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..services import paths
from ._common import EXIT_FAILED, EXIT_USAGE, CliRefusal, fail, read_password, say, translator

CTX = "Cli"  # the translation context of the command line's messages


def _read_password(args, prompt_twice: bool = True) -> str | None:
    """The password from --password-file (first line) or a prompt; None when none was given
    (the reason printed)."""
    try:
        return read_password(getattr(args, "password_file", None), prompt_twice)
    except CliRefusal as exc:
        fail(exc.message)
        return None


def _print_recovery_code(username: str, code: str) -> None:
    say(msg(CTX, QT_TRANSLATE_NOOP(
        "Cli", "Recovery code of {user} (print it or write it down and keep it locked away; "
               "it is shown only now):"), user=username))
    print(code)


def _with_admin(original):
    """Wrap ``init``: read and check the administrator's password first, then set up the
    station, then create the account (and print its recovery code)."""

    def cmd(args) -> int:
        from ..services.accounts import AccountService

        if not args.admin:
            return original(args)
        password = _read_password(args)
        if password is None:
            return EXIT_FAILED
        try:
            AccountService._check_password(password, args.admin)
        except ValidationFailed as exc:
            for message in exc.errors.values():
                say(message, sys.stderr)
            return EXIT_FAILED
        code = original(args)
        if code != 0:
            return code
        from ..services.desk import Desk

        desk = Desk(paths.data_dir(args.data_dir))
        try:
            _user, recovery = desk.accounts.create_first_admin(
                args.admin, args.admin_display_name or args.admin, password)
        except ValidationFailed as exc:
            for message in exc.errors.values():
                say(message, sys.stderr)
            return EXIT_FAILED
        finally:
            desk.close()
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Created the station head's account {user}."),
                user=args.admin))
        _print_recovery_code(args.admin, recovery)
        return 0

    return cmd


def cmd_reset_password(args) -> int:
    from ..services.desk import Desk

    if not args.recovery_code:
        return fail(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "Use --recovery-code: the station head's printed recovery code sets a new "
                   "password. Staff ask the station head.")), EXIT_USAGE)
    code = args.recovery_code if isinstance(args.recovery_code, str) else None
    if code is None:
        if args.password_file == "-":
            return fail(msg(CTX, QT_TRANSLATE_NOOP(
                "Cli", "With --password-file -, give the code after --recovery-code.")),
                EXIT_USAGE)
        try:
            code = input(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Recovery code: ")).render(translator()))
        except EOFError:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "No recovery code was given.")),
                        EXIT_USAGE)
    password = _read_password(args)
    if password is None:
        return EXIT_FAILED
    desk = Desk(paths.data_dir(args.data_dir))
    try:
        username, fresh = desk.accounts.reset_with_recovery_code(code, password, args.user)
    except ValidationFailed as exc:
        for message in exc.errors.values():
            say(message, sys.stderr)
        return EXIT_FAILED
    except DomainError as exc:
        return fail(exc.message)
    finally:
        desk.close()
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "The password of {user} was changed. The old "
                                          "recovery code no longer works."), user=username))
    _print_recovery_code(username, fresh)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """``reset-password``, and ``--admin`` on ``init`` (register after the ``init`` command)."""
    init = sub.choices.get("init")
    if init is not None:
        init.add_argument("--admin", metavar="NAME",
                          help="create the station head's account NAME (password from "
                               "--password-file or a prompt)")
        init.add_argument("--admin-display-name", metavar="NAME",
                          help="the station head's name as shown (default: the account name)")
        init.add_argument("--password-file", metavar="FILE",
                          help="read the password from the first line of FILE (- = stdin)")
        init.set_defaults(func=_with_admin(init.get_default("func")))

    p = sub.add_parser("reset-password",
                       help="forgotten password: set a new one with the printed recovery code")
    p.add_argument("--recovery-code", nargs="?", const=True, default=None, metavar="CODE",
                   help="use the recovery code (asked for when not given)")
    p.add_argument("--user", help="the account (default: the one the code belongs to)")
    p.add_argument("--password-file", metavar="FILE",
                   help="read the new password from the first line of FILE (- = stdin)")
    p.set_defaults(func=cmd_reset_password)
