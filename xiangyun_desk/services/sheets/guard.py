"""Permissions and the audit log for spreadsheets, when the desk has accounts.

Accounts and the audit log (services/audit.py, domain/permissions.py) arrive separately from
this feature; until a desk has them (``desk.session`` / ``desk.audit``), exports and imports are
neither checked nor recorded. With them: an export needs ``export`` (and ``print_full`` for full
ID numbers and phones), an import needs ``import``; both are recorded, and every imported record
gets its own "created" entry inside the import's transaction.
"""

from __future__ import annotations

from typing import Any


def require(desk, perm: str) -> None:
    """Raise PermissionDenied when the signed-in person lacks ``perm`` (a Perm value)."""
    session = getattr(desk, "session", None)
    if session is None or not hasattr(session, "require"):
        return
    try:
        from ...domain.permissions import Perm
    except ImportError:  # pragma: no cover - a desk without accounts has no session either
        return
    session.require(Perm(perm))


def record(desk, action: str, table: str | None, detail: dict[str, Any], s=None) -> None:
    """Append an audit entry (inside ``s``'s transaction when given)."""
    audit = getattr(desk, "audit", None)
    if audit is None or not hasattr(audit, "record"):
        return
    if s is not None:
        audit.record(action, table, None, detail, s=s)
    else:
        audit.record(action, table, None, detail)


def created(service, s, obj) -> None:
    """The per-record "created" entry, as a form's save writes it."""
    guard = getattr(service, "guard", None)
    if guard is not None and hasattr(guard, "changed"):
        guard.changed(s, service, "create", obj, None)
