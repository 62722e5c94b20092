"""Enrolment of stations in the window (services/stations.py): a station shows its key fingerprint
(同步 → 本站密钥指纹), the county adds and edits its stations and confirms their fingerprints
(站点 tab), and the import dialog asks for the confirmation of a held bundle (待确认) with the
fingerprint shown. The services check the permissions again and record every change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, ValidationFailed
from ...services import bundles as B
from ...services.stations import Station, StationRegistry
from ..i18n import render


def fingerprint_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A fingerprint in large digits, five groups of four, to read out or compare by phone."""
    label = QLabel(text, parent)
    label.setObjectName("fingerprint")
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(max(QFont().pointSizeF(), 9.0) * 1.9)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("QLabel { background: #f4f6f8; border: 1px solid #c8ccd0;"
                        " border-radius: 4px; padding: 10px 18px; }")
    return label


class StationKeyDialog(QDialog):
    """同步 → 本站密钥指纹: the station's fingerprint, read out to the county by phone."""

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("This station's key fingerprint"))
        identity = desk.identity
        self.fingerprint = B.station_key_fingerprint(desk)
        intro = QLabel(self.tr("Key fingerprint of %1 (%2):")
                       .replace("%1", identity.name).replace("%2", identity.code))
        intro.setWordWrap(True)
        how = QLabel(self.tr("Read these 20 digits out to the county office by phone, group by "
                             "group. The county confirms them before it applies this station's "
                             "sync bundles. Nobody needs to keep this number secret."))
        how.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.fingerprint))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(fingerprint_label(self.fingerprint, self))
        layout.addWidget(how)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


class StationDialog(QDialog):
    """Add a station to the county's list, or edit one (code fixed once added)."""

    def __init__(self, desk, station: Station | None = None, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.station = station
        self.saved: Station | None = None
        # At a prefecture or province: enrol the tier below (a county, a prefecture) by the
        # fingerprint of its key card, read out over the phone.
        self.tier = station is None and bool(desk.identity and desk.identity.is_upper)
        self.setWindowTitle(self.tr("Enrol the tier below") if self.tier
                            else self.tr("Add a station") if station is None
                            else self.tr("Edit station %1").replace("%1", station.code))
        self.code = QLineEdit(station.code if station else "")
        self.code.setObjectName("code")
        self.code.setPlaceholderText("03")
        self.code.setReadOnly(station is not None)
        self.name = QLineEdit(station.name if station else "")
        self.name.setObjectName("name")
        self.name.setPlaceholderText("云南驿镇职工之家")
        self.township = QLineEdit(station.township if station else "")
        self.township.setObjectName("township")
        self.township.setPlaceholderText("云南驿镇")
        self.monthly = QCheckBox(self.tr("A sync bundle is expected every month"))
        self.monthly.setObjectName("monthly")
        self.monthly.setChecked(station.monthly_expected if station else True)
        self.fingerprint = QLineEdit()
        self.fingerprint.setObjectName("fingerprint_input")
        self.fingerprint.setPlaceholderText("0000 0000 0000 0000 0000")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        if self.tier:
            self.code.setPlaceholderText("532923")
            self.name.setPlaceholderText("祥云县总工会")
            form.addRow(self.tr("&Code"), self.code)
            form.addRow(self.tr("&Name"), self.name)
            form.addRow(self.tr("Key card &fingerprint"), self.fingerprint)
            hint = QLabel(self.tr("The 20 digits of its key card (同步 → 导出本单位密钥卡), read "
                                  "out over the phone. Without them, its first relay bundle "
                                  "waits for confirmation."))
            hint.setWordWrap(True)
            form.addRow("", hint)
        else:
            form.addRow(self.tr("Station &code"), self.code)
            form.addRow(self.tr("&Name"), self.name)
            form.addRow(self.tr("&Township"), self.township)
            form.addRow("", self.monthly)
        if station is None and not self.tier:
            form.addRow(self.tr("Key &fingerprint"), self.fingerprint)
            hint = QLabel(self.tr("Optional: the 20 digits the station reads out over the phone "
                                  "(同步 → 本站密钥指纹). Without them, the station's first "
                                  "bundle waits for confirmation."))
            hint.setWordWrap(True)
            form.addRow("", hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def save(self) -> None:
        registry = StationRegistry(self.desk)
        try:
            if self.tier:
                self.saved = registry.add_tier(self.code.text(), self.name.text(),
                                               self.fingerprint.text())
            elif self.station is None:
                self.saved = registry.add(self.code.text(), self.name.text(),
                                          self.township.text(), self.monthly.isChecked(),
                                          self.fingerprint.text())
            else:
                self.saved = registry.update(self.station.code, name=self.name.text(),
                                             township=self.township.text(),
                                             monthly_expected=self.monthly.isChecked())
        except ValidationFailed as exc:
            self.error.setText("\n".join(render(m) for m in exc.errors.values()))
            return
        except DomainError as exc:
            self.error.setText(render(exc.message))
            return
        self.accept()


class ConfirmKeyDialog(QDialog):
    """Confirm a station's key fingerprint, read out by the station over the phone.

    With an offered key (a held bundle brought it), that fingerprint is shown large and can be
    confirmed as it is after comparing it group by group; otherwise the administrator types the
    digits the station reads out (a new key before its first bundle, re-enrolment)."""

    def __init__(self, desk, station: Station, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.station = station
        self.saved: Station | None = None
        self.setWindowTitle(self.tr("Confirm the key of station %1").replace("%1", station.code))
        layout = QVBoxLayout(self)
        title = QLabel(f"{station.name}（{station.code}）")
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        self.input = QLineEdit()
        self.input.setObjectName("fingerprint_input")
        self.input.setPlaceholderText("0000 0000 0000 0000 0000")
        if station.offered_fingerprint:
            intro = QLabel(self.tr("A sync bundle from this station was signed with the key "
                                   "below. Call the station, ask them to read out their key "
                                   "fingerprint (同步 → 本站密钥指纹) and compare it group by "
                                   "group:"))
            intro.setWordWrap(True)
            layout.addWidget(intro)
            layout.addWidget(fingerprint_label(station.offered_fingerprint, self))
            self.input.setText(station.offered_fingerprint)
        else:
            intro = QLabel(self.tr("Call the station, ask them to read out their key fingerprint "
                                   "(同步 → 本站密钥指纹) and type it here:"))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        if station.fingerprint and station.key_state != "pending":
            current = QLabel(self.tr("Key on record: %1 (%2)").replace(
                "%1", station.fingerprint).replace("%2", render(station.state_label())))
            current.setWordWrap(True)
            layout.addWidget(current)
        form = QFormLayout()
        form.addRow(self.tr("Key &fingerprint"), self.input)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton(self.tr("The station read out the same: &confirm"),
                               QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("confirm")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)

    def save(self) -> None:
        try:
            self.saved = StationRegistry(self.desk).confirm_key(self.station.code,
                                                                self.input.text())
        except ValidationFailed as exc:
            self.error.setText("\n".join(render(m) for m in exc.errors.values()))
            return
        except DomainError as exc:
            self.error.setText(render(exc.message))
            return
        self.accept()


class HeldBundleDialog(QDialog):
    """The import dialog's question for a bundle held for its key (待确认): the fingerprint to
    check with the station, and an explicit confirmation by the administrator."""

    def __init__(self, result: B.ImportResult, parent=None):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Awaiting confirmation (待确认)"))
        layout = QVBoxLayout(self)
        station = f"{result.station_name or ''}（{result.station_code}）"
        if result.relay:  # a relay bundle (转报包) from the tier below: its key card's fingerprint
            text = self.tr("%1 is not enrolled here, or its key card has not been confirmed. "
                           "Relay bundle No. %2 is not applied until you confirm it.")
        elif result.reason_code == "key-changed":
            text = self.tr("%1 signed bundle No. %2 with a key the county has not confirmed "
                           "(the station may have renewed its key, or someone else wrote it).")
        else:
            text = self.tr("%1 is not an enrolled station of this county, or its key has not "
                           "been confirmed. Bundle No. %2 is not applied until you confirm its "
                           "key.")
        intro = QLabel(text.replace("%1", station).replace("%2", str(result.bundle_seq)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        how = QLabel(self.tr("Call them (use a number you know, not one from the bundle), ask "
                             "them to read out the fingerprint of their key card and compare it "
                             "group by group with:") if result.relay else
                     self.tr("Call the station (use a number you know, not one from the "
                             "bundle), ask them to read out their key fingerprint (同步 → "
                             "本站密钥指纹) and compare it group by group with:"))
        how.setWordWrap(True)
        layout.addWidget(how)
        layout.addWidget(fingerprint_label(result.fingerprint or "", self))
        warn = QLabel(self.tr("Confirm only if every digit is the same. Anyone with this "
                              "installation's key card can make a relay bundle; the fingerprint "
                              "is what tells the real tier below apart.") if result.relay else
                      self.tr("Confirm only if every digit is the same. Anyone with the county's "
                              "key card can make a bundle; the fingerprint is what tells the "
                              "real station apart."))
        warn.setWordWrap(True)
        warn.setStyleSheet("color: #8a5300;")
        layout.addWidget(warn)
        buttons = QDialogButtonBox()
        no = buttons.addButton(self.tr("&Not the same / not now"),
                               QDialogButtonBox.ButtonRole.RejectRole)
        no.setObjectName("not_confirmed")
        yes = buttons.addButton(self.tr("Same fingerprint: &confirm and import"),
                                QDialogButtonBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirm")
        yes.setAutoDefault(False)
        self.no_button = no
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.no_button.setDefault(True)  # Enter never confirms a key
        self.no_button.setFocus()


def edit_station(desk, station: Station | None, parent: QWidget) -> Station | None:
    dialog = StationDialog(desk, station, parent)
    return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


def confirm_station_key(desk, station: Station, parent: QWidget) -> Station | None:
    dialog = ConfirmKeyDialog(desk, station, parent)
    return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


def show_station_key(desk, parent: QWidget) -> StationKeyDialog | None:
    try:
        dialog = StationKeyDialog(desk, parent)
    except DomainError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate(
            "StationKeyDialog", "This station's key fingerprint"), render(exc.message))
        return None
    dialog.open()
    return dialog

