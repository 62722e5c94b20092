"""报表: the dialog that makes the PDF reports (services/reports) from the window.

The person chooses the kind of report, the period (a month, quarter or year picked from lists, or
two dates), what the kind needs (register, relief campaign, job fair, blank forms), whether ID
numbers and phones are printed in full (asked for confirmation, checked against the account's
``print_full`` permission and recorded in the audit log when the desk has accounts) and where to
save. The report is made on a worker thread; a progress dialog with 取消 appears only when the work
takes longer than :data:`PROGRESS_DELAY_MS`. When the file is written a message offers to open it
with the system's PDF viewer or to open its folder.

:meth:`MainWindow.open_report_dialog` opens it with sensible defaults (see :class:`ReportDialog`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ...domain.errors import DomainError
from ...services.reports import (
    KINDS,
    LEDGER_REGISTERS,
    PERSONAL_KINDS,
    PROGRESS_TOTAL,
    ReportCancelled,
    ReportPeriod,
    ReportRequest,
    campaigns,
    check_request,
    default_filename,
    fairs_in,
    generate_report,
)
from ...storage import models as M
from ..crash import show_crash
from ..i18n import current_language, render
from ..settings import ui_settings
from ..sheet_worker import SheetJob

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600   # a progress dialog only for work that takes longer than this
FOLDER_KEY = "reports/folder"
KIND_KEY = "reports/kind"
PERIOD_KINDS = ("month", "quarter", "year", "range")
# Kinds that need a period (PERSONAL_KINDS: whose reports hold ID numbers or phones, the
# full-ID option applies to them).
DATED_KINDS = ("summary", "ledger", "roster")
# Register views without a ledger of their own -> the ledger that covers them.
LEDGER_OF_VIEW = {"employers": "fairs", "intentions": "fairs"}


def last_month(today: dt.date) -> tuple[int, int]:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


def _permission_problem(desk, perm_name: str) -> str | None:
    """The refusal text when the signed-in person lacks ``perm_name``; None when allowed (or when
    the desk has no accounts)."""
    session = getattr(desk, "session", None)
    if session is None or not hasattr(session, "require"):
        return None
    try:
        from ...domain.permissions import Perm
    except ImportError:  # pragma: no cover - a desk without accounts has no session either
        return None
    try:
        session.require(Perm(perm_name))
    except DomainError as exc:
        return render(exc.message)
    return None


def latest_campaign(desk) -> tuple[str | None, dt.date | None]:
    """The campaign of the most recent live relief visit and that visit's date."""
    t = M.ReliefVisit.__table__.c
    stmt = (select(t.campaign, t.visit_date).where(t.deleted_at.is_(None))
            .order_by(t.visit_date.desc()).limit(1))
    with desk.db.engine.connect() as conn:
        row = conn.execute(stmt).first()
    return (row[0], row[1]) if row else (None, None)


def latest_visit_of(desk, campaign: str) -> dt.date | None:
    t = M.ReliefVisit.__table__.c
    stmt = (select(t.visit_date).where(t.deleted_at.is_(None), t.campaign == campaign)
            .order_by(t.visit_date.desc()).limit(1))
    with desk.db.engine.connect() as conn:
        return conn.execute(stmt).scalar()


def open_path(path: Path, owner: QWidget | None = None) -> bool:
    """Open a file with the system's viewer (or a folder in the file manager)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.warning(
        owner, QCoreApplication.translate("ReportDialog", "Report saved"),
        QCoreApplication.translate(
            "ReportDialog", "No program was found to open it. The report is here:\n%1")
        .replace("%1", str(path)))
    return False


class _Problem(Exception):
    """A choice is missing or wrong: ``text`` for the person, ``widget`` to put the focus on."""

    def __init__(self, text: str, widget: QWidget | None = None):
        super().__init__(text)
        self.text = text
        self.widget = widget


class PeriodPicker(QWidget):
    """A month, quarter or year chosen from lists, or two dates: never free text."""

    changed = Signal()

    def __init__(self, today: dt.date, parent=None):
        super().__init__(parent)
        self.today = today
        self.kind = QComboBox()
        self.kind.setObjectName("period_kind")
        for code, text in zip(PERIOD_KINDS, (self.tr("Month"), self.tr("Quarter"),
                                             self.tr("Year"), self.tr("From … to …")),
                              strict=True):
            self.kind.addItem(text, code)
        self.year = QSpinBox()
        self.year.setObjectName("period_year")
        self.year.setRange(2000, today.year + 1)
        self.year.setSuffix(self.tr(" (year)"))
        self.year.setValue(today.year)
        self.month = QComboBox()
        self.month.setObjectName("period_month")
        for m in range(1, 13):
            self.month.addItem(self.tr("Month %1").replace("%1", str(m)), m)
        self.quarter = QComboBox()
        self.quarter.setObjectName("period_quarter")
        for q, text in enumerate((self.tr("Q1 (Jan–Mar)"), self.tr("Q2 (Apr–Jun)"),
                                  self.tr("Q3 (Jul–Sep)"), self.tr("Q4 (Oct–Dec)")), start=1):
            self.quarter.addItem(text, q)
        self.start = QDateEdit(calendarPopup=True)
        self.start.setObjectName("period_start")
        self.end = QDateEdit(calendarPopup=True)
        self.end.setObjectName("period_end")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(2000, 1, 1), QDate(today.year + 1, 12, 31))
        self.to_label = QLabel(self.tr("to"))
        self.range_label = QLabel()
        self.range_label.setObjectName("period_range")
        self.range_label.setStyleSheet("color: palette(placeholder-text);")

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.kind, self.year, self.month, self.quarter, self.start, self.to_label,
                  self.end):
            row.addWidget(w)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.range_label)

        year, month = last_month(today)
        self.set_period(ReportPeriod.month(year, month))
        for signal in (self.kind.currentIndexChanged, self.year.valueChanged,
                       self.month.currentIndexChanged, self.quarter.currentIndexChanged,
                       self.start.dateChanged, self.end.dateChanged):
            signal.connect(self._changed)
        self._changed()

    def set_period(self, period: ReportPeriod) -> None:
        widgets = (self.kind, self.year, self.month, self.quarter, self.start, self.end)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.kind.setCurrentIndex(PERIOD_KINDS.index(period.kind))
            self.year.setValue(period.start.year)
            self.month.setCurrentIndex(period.start.month - 1)
            self.quarter.setCurrentIndex((period.start.month - 1) // 3)
            self.start.setDate(QDate(period.start.year, period.start.month, period.start.day))
            self.end.setDate(QDate(period.end.year, period.end.month, period.end.day))
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._changed()

    def period(self) -> ReportPeriod:
        """The chosen period; PeriodInvalid when the dates are the wrong way round."""
        kind = self.kind.currentData()
        year = self.year.value()
        if kind == "month":
            return ReportPeriod.month(year, self.month.currentData())
        if kind == "quarter":
            return ReportPeriod.quarter(year, self.quarter.currentData())
        if kind == "year":
            return ReportPeriod.year(year)
        return ReportPeriod.between(self.start.date().toPython(), self.end.date().toPython())

    def _changed(self) -> None:
        kind = self.kind.currentData()
        self.year.setVisible(kind != "range")
        self.month.setVisible(kind == "month")
        self.quarter.setVisible(kind == "quarter")
        for w in (self.start, self.to_label, self.end):
            w.setVisible(kind == "range")
        try:
            period = self.period()
        except DomainError as exc:
            self.range_label.setText(render(exc.message))
        else:
            if current_language() == "zh_CN":
                self.range_label.setText(period.range_label)
            else:
                self.range_label.setText(self.tr("%1 to %2").replace(
                    "%1", period.start.isoformat()).replace("%2", period.end.isoformat()))
        self.changed.emit()


class ReportDialog(QDialog):
    """Choose a report, make it off the GUI thread, then open it.

    Defaults: ``kind`` (the menu entry; else the last kind made), the period of last month (a
    station reports monthly; a roster gets the year of its campaign's latest visit),
    ``register`` (the register in front), the campaign of the latest relief visit, ``event_id``
    (the fair selected in the window, else the newest), the folder used last time and the name
    from :func:`default_filename`.
    """

    generated = Signal(object)   # the Path of a finished report

    def __init__(self, desk, parent=None, kind: str | None = None, register: str | None = None,
                 event_id: str | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.desk = desk
        self.today = today or dt.date.today()
        self.settings = ui_settings(desk.data_dir)
        self.job: SheetJob | None = None
        self.progress: QProgressDialog | None = None
        self.done_box: QMessageBox | None = None
        self.last_path: Path | None = None
        self.worker_thread: threading.Thread | None = None  # where the last report was made
        self._period_touched = False
        self._name_touched = False
        self._asking = False
        self.setObjectName("report_dialog")
        self.setWindowTitle(self.tr("Make a report"))
        self.setMinimumWidth(560)
        self._build_kind()
        self._build_sources()
        self._build_options()
        folder_row = self._build_destination()
        self.form = self._build_form(folder_row)
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._apply_defaults(kind, register, event_id)
        self._connect()
        self._kind_changed()

    # ---- building ----------------------------------------------------------------------------

    def _build_kind(self) -> None:
        """Which report, what it is for, and the period."""
        self.kind = QComboBox()
        self.kind.setObjectName("report_kind")
        names = {"summary": self.tr("Work report (monthly, quarterly, yearly)"),
                 "ledger": self.tr("Ledger of one register"),
                 "roster": self.tr("Relief payment roster with signatures"),
                 "jobfair": self.tr("Job-fair report"),
                 "blank": self.tr("Blank forms to fill in by hand")}
        for code in KINDS:
            self.kind.addItem(names.get(code, code), code)
        self.about = QLabel()
        self.about.setObjectName("report_about")
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: palette(placeholder-text);")

        self.period = PeriodPicker(self.today)
        self.period.setObjectName("report_period")

    def _build_sources(self) -> None:
        """The register of a ledger, the campaign of a roster, the fair of a fair report."""
        desk = self.desk
        self.register = QComboBox()
        self.register.setObjectName("report_register")
        self.register.addItem(self.tr("(choose)"), None)
        register_names = {"visits": self.tr("Visitor log"), "relief": self.tr("Relief visits"),
                          "fairs": self.tr("Job fairs"), "seekers": self.tr("Job seekers"),
                          "volunteers": self.tr("Volunteers"),
                          "service_records": self.tr("Volunteer service records")}
        for code, zh in LEDGER_REGISTERS.items():
            self.register.addItem(register_names.get(code, zh), code)

        self.campaign = QComboBox()
        self.campaign.setObjectName("report_campaign")
        self.campaign.addItem(self.tr("(choose)"), None)
        labels = desk.code_labels("en" if current_language() == "en" else "zh").get("campaign", {})
        for code, zh in campaigns(desk).items():
            self.campaign.addItem(labels.get(code) or zh, code)

        self.event = QComboBox()
        self.event.setObjectName("report_event")
        self.event.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.event.setMinimumContentsLength(28)
        fairs = fairs_in(desk)
        self._fair_days = {fair["id"]: fair["held_on"] for fair in fairs}
        if not fairs:
            self.event.addItem(self.tr("(no job fairs recorded)"), None)
        for fair in fairs:
            text = f"{fair['held_on'].isoformat()}  {fair['name']}"
            if fair.get("source") == "county":
                text += " " + self.tr("(county)")
            self.event.addItem(text, fair["id"])

    def _build_options(self) -> None:
        """Which blank forms, and printing ID numbers in full (a permission)."""
        self.forms = QWidget()
        forms_row = QHBoxLayout(self.forms)
        forms_row.setContentsMargins(0, 0, 0, 0)
        self.form_visits = QCheckBox(self.tr("Visitor sign-in sheet"), checked=True)
        self.form_visits.setObjectName("form_visits")
        self.form_fair = QCheckBox(self.tr("Job-fair registration sheet"), checked=True)
        self.form_fair.setObjectName("form_fair")
        forms_row.addWidget(self.form_visits)
        forms_row.addWidget(self.form_fair)
        forms_row.addStretch(1)

        self.full_ids = QCheckBox(self.tr("Print ID numbers and phone numbers in full"))
        self.full_ids.setObjectName("report_full_ids")
        self.full_ids.setToolTip(self.tr(
            "Normally they are partly hidden (5329**********1234, 138****5678). Printing them "
            "in full asks for confirmation and is recorded."))
        refusal = _permission_problem(self.desk, "print_full")
        if refusal:
            self.full_ids.setEnabled(False)
            self.full_ids.setToolTip(refusal)
        self.full_ids.toggled.connect(self._full_ids_toggled)

    def _build_destination(self) -> QHBoxLayout:
        """Where the file goes: the folder (remembered) and the file name."""
        self.folder = QLineEdit(self._initial_folder())
        self.folder.setObjectName("report_folder")
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("report_browse")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.name = QLineEdit()
        self.name.setObjectName("report_name")
        self.name.textEdited.connect(self._name_edited)
        return folder_row

    def _build_form(self, folder_row: QHBoxLayout) -> QFormLayout:
        def label(text: str, buddy: QWidget) -> QLabel:
            shown = QLabel(text)
            shown.setBuddy(buddy)  # Alt+letter goes to the field
            return shown

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(label(self.tr("&Report:"), self.kind), self.kind)
        form.addRow("", self.about)
        form.addRow(label(self.tr("&Period:"), self.period.kind), self.period)
        form.addRow(label(self.tr("Re&gister:"), self.register), self.register)
        form.addRow(label(self.tr("&Campaign:"), self.campaign), self.campaign)
        form.addRow(label(self.tr("&Job fair:"), self.event), self.event)
        form.addRow(label(self.tr("&Forms:"), self.form_visits), self.forms)
        form.addRow(self.tr("Options:"), self.full_ids)
        form.addRow(label(self.tr("Save &in:"), self.folder), folder_row)
        form.addRow(label(self.tr("File &name:"), self.name), self.name)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        """The message line (problems, progress) and Make the report / Close."""
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        self.message.hide()

        buttons = QDialogButtonBox()
        self.generate_button = buttons.addButton(self.tr("&Make the report"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.generate_button.setObjectName("report_generate")
        self.generate_button.setDefault(True)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.generate)
        buttons.rejected.connect(self.reject)
        return buttons

    def _apply_defaults(self, kind: str | None, register: str | None,
                        event_id: str | None) -> None:
        """The kind asked for (else the last one made), the register in front, the latest
        relief campaign and the fair selected in the window."""
        if kind not in KINDS:
            kind = self.settings.value(KIND_KEY, "summary")
            kind = kind if kind in KINDS else "summary"
        self.kind.setCurrentIndex(KINDS.index(kind))
        if register:
            register = LEDGER_OF_VIEW.get(register, register)
            index = self.register.findData(register)
            if index >= 0:
                self.register.setCurrentIndex(index)
        recent, _day = latest_campaign(self.desk)
        index = self.campaign.findData(recent) if recent else -1
        if index >= 0:
            self.campaign.setCurrentIndex(index)
        index = self.event.findData(event_id) if event_id else -1
        if index >= 0:
            self.event.setCurrentIndex(index)

    def _connect(self) -> None:
        """Changes of the choices update the rest; quitting stops a report being made."""
        app = QCoreApplication.instance()
        if app is not None:  # quitting while a report is being made: stop it first
            app.aboutToQuit.connect(self._stop_worker)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.period.changed.connect(self._period_changed)
        for combo in (self.register, self.campaign, self.event):
            combo.currentIndexChanged.connect(self._choices_changed)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        for box in (self.form_visits, self.form_fair):
            box.toggled.connect(self._choices_changed)

    # ---- choices -----------------------------------------------------------------------------

    def current_kind(self) -> str:
        return self.kind.currentData()

    def _initial_folder(self) -> str:
        saved = self.settings.value(FOLDER_KEY, "")
        if saved and Path(saved).is_dir():
            return str(saved)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def _kind_default_period(self) -> ReportPeriod:
        if self.current_kind() == "roster" and self.campaign.currentData():
            day = latest_visit_of(self.desk, self.campaign.currentData())
            return ReportPeriod.year(day.year if day else self.today.year)
        return ReportPeriod.month(*last_month(self.today))

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        about = {
            "summary": self.tr("The figures of every register for the period, with a signature "
                               "block: the report the station files with the county."),
            "ledger": self.tr("Every record of one register in the period, as in the paper "
                              "ledger."),
            "roster": self.tr("The recipients of one relief campaign in the period, with an "
                              "empty column for each signature and the totals at the end."),
            "jobfair": self.tr("The employers, positions, job seekers and intentions of one "
                               "job fair."),
            "blank": self.tr("Empty sheets to fill in by hand on days when the computer is "
                             "off."),
        }
        self.about.setText(about.get(kind, ""))
        rows = {self.period: kind in DATED_KINDS, self.register: kind == "ledger",
                self.campaign: kind == "roster", self.event: kind == "jobfair",
                self.forms: kind == "blank", self.full_ids: kind in PERSONAL_KINDS}
        for widget, visible in rows.items():
            self.form.setRowVisible(widget, visible)
        QTimer.singleShot(0, self._fit_height)  # rows came or went: no squeeze, no gap
        if not self._period_touched:
            self._set_default_period()
        self._choices_changed()

    def _fit_height(self) -> None:
        self.layout().activate()
        self.resize(self.width(), self.sizeHint().height())

    def _set_default_period(self) -> None:
        self.period.blockSignals(True)
        try:
            self.period.set_period(self._kind_default_period())
        finally:
            self.period.blockSignals(False)

    def _campaign_changed(self) -> None:
        if self.current_kind() == "roster" and not self._period_touched:
            self._set_default_period()
            self._choices_changed()

    def _period_changed(self) -> None:
        self._period_touched = True
        self._choices_changed()

    def _name_edited(self, text: str) -> None:
        self._name_touched = bool(text.strip())

    def _choices_changed(self) -> None:
        self.show_message("")
        if self._name_touched:
            return
        try:
            request = self.request()
            name = default_filename(self.desk, request)
        except (_Problem, DomainError):
            name = ""
        else:
            day = self._fair_days.get(request.event_id) if request.kind == "jobfair" else None
            if day is not None and day.isoformat() not in name:  # one file per fair
                name = f"{name[:-4]}_{day.isoformat()}.pdf"
        self.name.setText(name)

    def request(self) -> ReportRequest:
        """The request the choices make; _Problem when one is missing."""
        kind = self.current_kind()
        period = None
        if kind in DATED_KINDS:
            try:
                period = self.period.period()
            except DomainError as exc:
                raise _Problem(render(exc.message), self.period.start) from exc
        if kind == "ledger" and not self.register.currentData():
            raise _Problem(self.tr("Choose the register for the ledger."), self.register)
        if kind == "roster" and not self.campaign.currentData():
            raise _Problem(self.tr("Choose the relief campaign for the roster."), self.campaign)
        if kind == "jobfair" and not self.event.currentData():
            raise _Problem(self.tr("There is no job fair to report on yet."), self.event)
        forms = tuple(code for code, box in (("visits", self.form_visits),
                                             ("fair", self.form_fair)) if box.isChecked())
        if kind == "blank" and not forms:
            raise _Problem(self.tr("Tick at least one form."), self.form_visits)
        return ReportRequest(
            kind, period,
            register=self.register.currentData() if kind == "ledger" else None,
            campaign=self.campaign.currentData() if kind == "roster" else None,
            event_id=self.event.currentData() if kind == "jobfair" else None,
            forms=forms or ("visits", "fair"),
            full_ids=self.full_ids.isChecked() and kind in PERSONAL_KINDS)

    def target(self) -> Path:
        """Where the report goes; _Problem when the folder or name is unusable."""
        folder = self.folder.text().strip()
        if not folder:
            raise _Problem(self.tr("Choose the folder to save the report in."), self.folder)
        if not Path(folder).is_dir():
            raise _Problem(self.tr("The folder %1 does not exist.").replace("%1", folder),
                           self.folder)
        name = self.name.text().strip()
        if not name:
            raise _Problem(self.tr("Enter a file name."), self.name)
        if any(ch in name for ch in '\\/:*?"<>|'):
            raise _Problem(self.tr('A file name cannot contain any of \\ / : * ? " < > |'),
                           self.name)
        if not name.lower().endswith(".pdf"):
            name += ".pdf"
        return Path(folder) / name

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save reports in"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setVisible(bool(text))

    def _fail(self, problem: _Problem) -> bool:
        self.show_message(problem.text)
        if problem.widget is not None:
            problem.widget.setFocus()
        return False

    # ---- full ID numbers ---------------------------------------------------------------------

    def _full_ids_toggled(self, checked: bool) -> None:
        if not checked or self._asking:
            return
        self._asking = True
        try:
            allowed = self._confirm_full_ids()
        finally:
            self._asking = False
        if not allowed:
            self.full_ids.blockSignals(True)
            self.full_ids.setChecked(False)
            self.full_ids.blockSignals(False)

    def _confirm_full_ids(self) -> bool:
        refusal = _permission_problem(self.desk, "print_full")
        if refusal:
            QMessageBox.warning(self, self.tr("Full ID numbers"), refusal)
            return False
        answer = QMessageBox.question(
            self, self.tr("Full ID numbers"),
            self.tr("The report will show complete ID numbers and phone numbers. Keep the "
                    "printout safe and destroy it when it is no longer needed.\n\nPrint them in "
                    "full?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # ---- making the report -------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def generate(self) -> bool:
        """Check the choices and start making the report; False when it did not start."""
        if self.running:
            return False
        self.show_message("")
        try:
            request = self.request()
            request = check_request(self.desk, request)
            path = self.target()
        except _Problem as problem:
            return self._fail(problem)
        except DomainError as exc:
            return self._fail(_Problem(render(exc.message)))
        if request.full_ids:
            refusal = _permission_problem(self.desk, "print_full")  # the account may have changed
            if refusal:
                self.full_ids.setChecked(False)
                return self._fail(_Problem(refusal, self.full_ids))
        if path.exists():
            answer = QMessageBox.question(
                self, self.tr("Make a report"),
                self.tr("%1 already exists. Replace it?").replace("%1", path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.settings.setValue(FOLDER_KEY, str(path.parent))
        self.settings.setValue(KIND_KEY, request.kind)
        self.settings.sync()
        self._start(request, path)
        return True

    def _start(self, request: ReportRequest, path: Path) -> None:
        if self.progress is not None:
            self.progress.deleteLater()
        progress = QProgressDialog(
            self.tr("Making the report…\n%1").replace("%1", path.name), self.tr("Cancel"),
            0, PROGRESS_TOTAL, self)
        progress.setObjectName("report_progress")
        progress.setWindowTitle(self.tr("Make a report"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(360)
        progress.setValue(0)  # starts the timer that shows it after PROGRESS_DELAY_MS
        self.progress = progress

        desk = self.desk
        made_on: dict[str, threading.Thread] = {}

        def work(report, cancelled):  # on the worker thread: no widgets, no Qt objects here
            made_on["thread"] = threading.current_thread()
            return generate_report(desk, request, path, progress=report, cancelled=cancelled)

        def ended() -> None:
            self.worker_thread = made_on.get("thread")

        job = SheetJob(work, self)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(self._progressed)
        job.done.connect(lambda result: (ended(), self._finished(request, Path(result))))
        job.error.connect(lambda exc: (ended(), self._failed(exc)))
        self.generate_button.setEnabled(False)
        self.job = job.start()

    def cancel(self) -> None:
        """Stop the report being made (nothing is written)."""
        if self.running:
            self.job.cancel()

    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is not None and not progress.wasCanceled() and done != progress.value():
            progress.setValue(min(done, total))

    def _stop_progress(self) -> None:
        self.generate_button.setEnabled(True)
        if self.progress is not None:
            self.progress.reset()
            self.progress.hide()

    def _finished(self, request: ReportRequest, path: Path) -> None:
        self._stop_progress()
        self.last_path = path
        self.generated.emit(path)
        self.accept()
        self.done_box = self._show_done(path)

    def _failed(self, exc: Exception) -> None:
        self._stop_progress()
        if isinstance(exc, ReportCancelled):
            self.show_message(self.tr("Cancelled; nothing was saved."), error=False)
            return
        if isinstance(exc, DomainError):
            self.show_message(render(exc.message))
            return
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        log.error("making a report failed\n%s", details)
        self.show_message(self.tr("The report could not be made because of an error in the "
                                  "program."))
        show_crash(details, Path(self.desk.data_dir) / "logs" / "xiangyun-desk.log")

    # ---- after -------------------------------------------------------------------------------

    def _show_done(self, path: Path) -> QMessageBox:
        """A message with 打开 / 打开所在文件夹 (not blocking: the caller goes on)."""
        owner = self.parentWidget()
        box = QMessageBox(owner)
        box.setObjectName("report_done")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Report saved"))
        box.setText(self.tr("The report was saved:\n%1").replace("%1", str(path)))
        open_file = box.addButton(self.tr("&Open"), QMessageBox.ButtonRole.AcceptRole)
        open_file.setObjectName("report_open")
        open_folder = box.addButton(self.tr("Open the &folder"),
                                    QMessageBox.ButtonRole.ActionRole)
        open_folder.setObjectName("report_open_folder")
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_file)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        open_file.clicked.connect(lambda: open_path(path, owner))
        open_folder.clicked.connect(lambda: open_path(path.parent, owner))
        if owner is not None and hasattr(owner, "statusBar"):
            owner.statusBar().showMessage(
                self.tr("Report saved: %1").replace("%1", str(path)), 15000)
        box.open()
        return box

    # ---- closing -----------------------------------------------------------------------------

    def reject(self) -> None:
        if self.running:  # Esc or 关闭 while a report is being made stops it first
            self.cancel()
            return
        super().reject()

    def _stop_worker(self) -> None:
        if self.running:
            self.cancel()
            self.job.wait(10000)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._stop_worker()
        super().closeEvent(event)
