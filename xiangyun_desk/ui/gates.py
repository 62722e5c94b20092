"""Actions the signed-in role may not do are disabled, with a tooltip saying who may (issue 11).

One mechanism for every menu and button: :data:`domain.permissions.ACTION_PERMS` names what each
action needs; :func:`gate_window` applies it to the window's actions, :func:`gate` to one action
or button. The services refuse as well; this only spares a person a walk through a file picker or
a question that ends in a refusal.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu, QWidget

from ..domain.permissions import ACTION_PERMS, Perm, who_may
from .i18n import render

GATED = "gated_by_role"  # property set on an action disabled by the role


def gate(target: QAction | QAbstractButton, session, perm: Perm) -> bool:
    """Enable ``target`` when the session may do ``perm``; else disable it and say who may.
    Returns whether it is allowed."""
    allowed = session.can(perm)
    target.setProperty(GATED, not allowed)
    if not allowed:
        target.setEnabled(False)
        text = render(who_may(perm))
        target.setToolTip(text)
        target.setStatusTip(text)
    return allowed


def gated(target) -> bool:
    """True when ``target`` was disabled by the role (its enabled state must stay off)."""
    return bool(target.property(GATED))


def gate_window(window: QWidget, session) -> None:
    """Gate every named action of ``window`` listed in ACTION_PERMS; menus show the tooltips."""
    for action in window.findChildren(QAction):
        perm = ACTION_PERMS.get(action.objectName())
        if perm is not None:
            gate(action, session, perm)
    for menu in window.findChildren(QMenu):
        menu.setToolTipsVisible(True)

