"""Roles, permissions and who is acting (pure Python; enforced by the services).

Three roles (DESIGN.md, issue 7): 站长 ``admin``, 工作人员 ``staff``, 只读 ``viewer``. The UI hides
what a role may not do, but the services refuse it as well: a button that slipped through, a
script or a future dialog cannot get round the rule.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .errors import ValidationFailed
from .i18n import QT_TRANSLATE_NOOP, Message, msg

CTX = "Permissions"


class Perm(enum.Enum):
    """What a signed-in person may do."""

    READ = "read"                # see the registers (IDs and phones masked)
    WRITE = "write"              # create, edit, delete, restore records; correct a person
    REVEAL = "reveal"            # show a full ID number or phone on screen (recorded)
    PRINT_FULL = "print_full"    # print or export with full ID numbers (recorded)
    EXPORT = "export"            # sync bundles, spreadsheets, backups to a folder (recorded)
    IMPORT = "import"            # import bundles or spreadsheets (recorded)
    ERASE = "erase"              # erase a person's details on request
    AUDIT = "audit"              # read the audit log
    ADMIN = "admin"              # accounts, idle-lock time, restore from a backup


ROLES = ("admin", "staff", "viewer")

ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    "admin": frozenset(Perm),
    "staff": frozenset({Perm.READ, Perm.WRITE, Perm.REVEAL, Perm.PRINT_FULL, Perm.EXPORT,
                        Perm.IMPORT}),
    "viewer": frozenset({Perm.READ}),
}

ROLE_LABELS = {
    "admin": QT_TRANSLATE_NOOP("Permissions", "Station head (administrator)"),
    "staff": QT_TRANSLATE_NOOP("Permissions", "Staff"),
    "viewer": QT_TRANSLATE_NOOP("Permissions", "Read only"),
}

_REFUSALS = {
    Perm.READ: QT_TRANSLATE_NOOP("Permissions", "Sign in first."),
    Perm.WRITE: QT_TRANSLATE_NOOP("Permissions", "Your account is read-only: it cannot add, change or delete records."),
    Perm.REVEAL: QT_TRANSLATE_NOOP("Permissions", "Your account may not show full ID numbers or phone numbers."),
    Perm.PRINT_FULL: QT_TRANSLATE_NOOP("Permissions", "Your account may not print full ID numbers or phone numbers."),
    Perm.EXPORT: QT_TRANSLATE_NOOP("Permissions", "Your account may not export data."),
    Perm.IMPORT: QT_TRANSLATE_NOOP("Permissions", "Your account may not import data."),
    Perm.ERASE: QT_TRANSLATE_NOOP("Permissions", "Only the station head may erase a person's details."),
    Perm.AUDIT: QT_TRANSLATE_NOOP("Permissions", "Only the station head may read the audit log."),
    Perm.ADMIN: QT_TRANSLATE_NOOP("Permissions", "Only the station head may do this."),
}


def role_label(role: str) -> Message:
    return msg(CTX, ROLE_LABELS.get(role, role))


@dataclass(frozen=True)
class Principal:
    """Who is acting: a signed-in account, or the trusted in-process system (CLI, scripts,
    tests and embedding, which run with the operating-system user's own rights)."""

    id: str
    username: str
    display_name: str
    role: str
    system: bool = False

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMISSIONS.get(self.role, frozenset())


SYSTEM = Principal("system", "system", "", "admin", system=True)


class PermissionDenied(ValidationFailed):
    """The signed-in person may not do this.

    A ValidationFailed (key ``permission``) so that every place that already shows a refused
    save or delete to the user shows this message too, instead of a crash dialog.
    """

    def __init__(self, perm: Perm):
        super().__init__({"permission": msg(CTX, _REFUSALS[perm])})
        self.perm = perm


# What each named action of the window needs (the QAction's objectName). The window disables an
# action the signed-in role may not do and says who may, before any file picker or question:
# one table for every menu, so a new action is gated by adding one line here.
ACTION_PERMS: dict[str, Perm] = {
    "file_backup": Perm.EXPORT,
    "file_restore": Perm.ADMIN,
    "menu_new": Perm.WRITE,
    "menu_edit": Perm.WRITE,
    "menu_delete": Perm.WRITE,
    "menu_restore": Perm.WRITE,
    "settings_add_staff": Perm.ADMIN,
    "settings_relief_ceiling": Perm.ADMIN,
    "security_audit": Perm.AUDIT,
    "security_accounts": Perm.ADMIN,
    "security_recovery": Perm.ADMIN,
    "sync_import": Perm.IMPORT,
    "sync_publish": Perm.EXPORT,
    "sync_key_card": Perm.ADMIN,
    "sync_export": Perm.EXPORT,
    "sync_reference": Perm.IMPORT,
    "export_sheet": Perm.EXPORT,
    "export_sheet_full": Perm.PRINT_FULL,
    "import_sheet": Perm.IMPORT,
    "file_sheet_export": Perm.EXPORT,
    "file_sheet_import": Perm.IMPORT,
    "reveal_row": Perm.REVEAL,
}


def roles_with(perm: Perm) -> tuple[str, ...]:
    """The roles that may do ``perm``, most powerful first."""
    return tuple(role for role in ROLES if perm in ROLE_PERMISSIONS[role])


def who_may(perm: Perm) -> Message:
    """Says who may do ``perm`` (the tooltip of a disabled action)."""
    roles = roles_with(perm)
    if roles == ("admin",):
        return msg(CTX, QT_TRANSLATE_NOOP("Permissions", "Only the station head may do this."))
    if roles == ("admin", "staff"):
        return msg(CTX, QT_TRANSLATE_NOOP(
            "Permissions",
            "Only the station head and staff may do this; your account is read-only."))
    return msg(CTX, _REFUSALS[perm])
