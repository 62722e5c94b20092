"""A line edit that shows a stored ID number or phone masked (5329**********1234) until the user
clicks 显示 (a permission, recorded by the service) or types a new value over it.

``text()`` returns the stored value while masked, so a form that saves without the user touching
the field writes back exactly what was there; ``setText()`` (a new value typed or set by code)
ends the masking.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QStyle, QToolButton

from ...domain.idnumber import mask_id_number
from ...domain.phone import mask_phone

MASKED_FORM_FIELDS = {"id_number": mask_id_number, "phone": mask_phone}


def _mask(name: str, value: str) -> str:
    if name == "phone" and not value.isdigit():
        digits = "".join(ch for ch in value if ch.isdigit())
        return mask_phone(digits) if digits else "*" * len(value)
    return MASKED_FORM_FIELDS[name](value)


class MaskedLineEdit(QLineEdit):
    """See the module docstring. ``revealRequested`` asks the form for the full value."""

    revealRequested = Signal()

    def __init__(self, field_name: str, parent=None):
        super().__init__(parent)
        self.field_name = field_name
        self._stored: str | None = None
        self.show_button = QToolButton(self)
        self.show_button.setObjectName(f"reveal_{field_name}")
        self.show_button.setText(self.tr("Show"))
        self.show_button.setToolTip(self.tr("Show the full value (recorded in the audit log)"))
        self.show_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_button.clicked.connect(self.revealRequested)
        self.show_button.hide()

    # ---- state -------------------------------------------------------------------------------

    @property
    def masked(self) -> bool:
        return self._stored is not None

    def set_stored(self, value: str | None) -> None:
        """Show a stored value masked (an empty value is simply empty and editable)."""
        if not value:
            self.setText("")
            return
        self._stored = str(value)
        super().setText(_mask(self.field_name, self._stored))
        self.setReadOnly(True)
        self.show_button.show()
        self._place_button()
        self.setTextMargins(0, 0, self.show_button.sizeHint().width(), 0)

    def reveal(self, value: str | None) -> None:
        """Show the full value (after the service allowed and recorded it) for editing."""
        self.setText(value if value is not None else (self._stored or ""))

    def text(self) -> str:  # noqa: D401 - Qt API
        """The stored value while masked, otherwise what is in the box."""
        return self._stored if self._stored is not None else super().text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        self._stored = None
        self.setReadOnly(False)
        self.show_button.hide()
        self.setTextMargins(0, 0, 0, 0)
        super().setText(text)

    # ---- typing over a masked value replaces it ---------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.masked and (event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
                            or (event.text() and event.text().isprintable())):
            self.setText("")
            if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                return
        super().keyPressEvent(event)

    # ---- layout --------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place_button()

    def _place_button(self) -> None:
        hint = self.show_button.sizeHint()
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        height = self.height() - 2 * frame
        self.show_button.setGeometry(self.width() - hint.width() - frame, frame,
                                     hint.width(), max(height, 0))


RevealHook = Callable[[str], str | None]
