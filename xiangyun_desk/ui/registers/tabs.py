"""The register tabs: visitor log, relief visits, job fairs, volunteers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.fields import split_positions
from ...domain.money import format_yuan
from ...domain.phone import mask_phone
from ...services.desk import Desk
from ..settings import ui_settings
from .columns import Column
from .form import FormField
from .register_view import FieldMemory, RegisterView


class Common(QObject):
    """Labels shared by several registers (one translation context)."""

    def person_columns(self) -> list[Column]:
        return [Column("name", self.tr("Name"), width=90),
                Column("gender", self.tr("Gender"), "code", "gender", width=50),
                Column("phone", self.tr("Phone"), "phone", width=110),
                Column("id_number", self.tr("ID number"), "id", width=160),
                Column("employer", self.tr("Employer"), width=170)]

    def person_fields(self) -> list[FormField]:
        return [FormField("name", self.tr("&Name"), required=True),
                FormField("gender", self.tr("&Gender"), "code", "gender", default="U",
                          allow_empty=False),
                FormField("phone", self.tr("&Phone"), placeholder="13812345678 / 0872-1234567"),
                FormField("id_number", self.tr("&ID number"), placeholder="18 位居民身份证号"),
                FormField("employer", self.tr("E&mployer"))]

    def all_label(self) -> str:
        return self.tr("(all)")


def _choices(desk: Desk, list_name: str, lang: str = "zh") -> list[tuple[str, str]]:
    return [(i.code, i.label_zh if lang == "zh" else i.label_en) for i in desk.code_list(list_name)]


class TabContext:
    """What every tab needs: the desk, code labels, the staff on duty, the language."""

    def __init__(self, desk: Desk, lang: str, on_duty):
        self.desk = desk
        self.lang = "zh" if lang.startswith("zh") else "en"
        self.labels = desk.code_labels(self.lang)
        self.on_duty = on_duty  # () -> staff name
        self.common = Common()

    def choices(self, list_name: str) -> list[tuple[str, str]]:
        return _choices(self.desk, list_name, self.lang)

    def view(self, key: str, columns, fields, title, category_list=None, date_filter=True,
             parent=None) -> RegisterView:
        category = (self.common.all_label(), self.choices(category_list)) if category_list else None
        view = RegisterView(self.desk.registers[key], columns, fields, self.labels,
                            self.desk.code_list, title, category=category,
                            date_filter=date_filter, parent=parent)
        view.setObjectName(f"view_{key}")
        if any(f.remember for f in fields):
            session = self.desk.session
            view.memory = FieldMemory(
                ui_settings(self.desk.data_dir),
                lambda: session.user.username if session.user and not session.user.system
                else "", key)
        return view


class VisitsTab(QWidget):
    """来访登记."""

    def __init__(self, ctx: TabContext, parent=None):
        super().__init__(parent)
        c = ctx.common
        columns = [Column("visited_at", self.tr("Visited at"), "datetime", width=130),
                   *c.person_columns(),
                   Column("purpose", self.tr("Purpose"), "code", "visit_purpose", width=90),
                   Column("party_size", self.tr("People"), "int", width=50),
                   Column("status", self.tr("Status"), "code", "visit_status", width=70),
                   Column("staff", self.tr("Staff on duty"), width=80),
                   Column("follow_up_on", self.tr("Follow up"), "date", width=90)]
        staff = [(s, s) for s in ctx.desk.settings.staff()]
        fields = [FormField("visited_at", self.tr("&Visited at"), "datetime", required=True),
                  FormField("left_at", self.tr("&Left at"), "datetime"),
                  *c.person_fields(),
                  FormField("union_member", self.tr("&Union member"), "code", "union_member",
                            default="unknown", allow_empty=False),
                  FormField("party_size", self.tr("Party si&ze"), "int", default=1),
                  FormField("purpose", self.tr("Purpos&e"), "code", "visit_purpose", required=True),
                  FormField("summary", self.tr("Summar&y"), "text"),
                  FormField("outcome", self.tr("&Outcome"), "text"),
                  FormField("status", self.tr("&Status"), "code", "visit_status", required=True,
                            default="done"),
                  FormField("referred_to", self.tr("&Referred to")),
                  FormField("staff", self.tr("S&taff on duty"), "staff", choices=staff,
                            default=ctx.on_duty),
                  FormField("follow_up_on", self.tr("&Follow-up date"), "date")]
        self.view = ctx.view("visits", columns, fields, self.tr("Visitor log"), "visit_purpose",
                             parent=self)
        self.view.continuous_entry = True
        QVBoxLayout(self).addWidget(self.view)
        self.views = [self.view]


class ReliefTab(QWidget):
    """慰问走访."""

    def __init__(self, ctx: TabContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        c = ctx.common
        columns = [Column("visit_date", self.tr("Date"), "date", width=90),
                   Column("campaign", self.tr("Campaign"), "code", "campaign", width=100),
                   *c.person_columns()[:2],
                   Column("category", self.tr("Category"), "code", "recipient_category", width=80),
                   *c.person_columns()[2:],
                   Column("cash_fen", self.tr("Cash (yuan)"), "money", width=80),
                   Column("goods", self.tr("Goods"), width=140),
                   Column("goods_value_fen", self.tr("Goods value"), "money", width=80),
                   Column("visitors", self.tr("Visited by"), width=120)]
        fields = [FormField("visit_date", self.tr("&Date"), "date", required=True),
                  FormField("campaign", self.tr("&Campaign"), "code", "campaign", required=True,
                            remember=True),
                  *c.person_fields(),
                  FormField("address", self.tr("&Address")),
                  FormField("category", self.tr("Recipient ca&tegory"), "code",
                            "recipient_category", required=True),
                  FormField("cash_fen", self.tr("Cas&h (yuan)"), "money", placeholder="500.00"),
                  FormField("goods", self.tr("G&oods")),
                  FormField("goods_value_fen", self.tr("Goods &value (yuan)"), "money"),
                  FormField("visitors", self.tr("Visited &by"), default=ctx.on_duty),
                  FormField("notes", self.tr("Not&es"), "text")]
        self.view = ctx.view("relief", columns, fields, self.tr("Relief visits"), "campaign",
                             parent=self)
        self.view.before_save = self._warn_duplicate
        QVBoxLayout(self).addWidget(self.view)
        self.views = [self.view]

    def _warn_duplicate(self, values: dict, record_id: str | None) -> bool:
        """Before saving: warn (not block) when the person already had a visit in this campaign
        and year, naming it; ask when the amount is above the station's confirmation amount.
        Both questions answer 否 to Enter: a second payment is never saved by a key press."""
        desk = self.ctx.desk
        desk.relief.clean(values)  # raise validation errors first
        no = QMessageBox.StandardButton.No
        yes_no = QMessageBox.StandardButton.Yes | no
        earlier = desk.relief_duplicates(values, exclude_id=record_id)
        if earlier:
            visits = "\n".join("· " + self._describe(e) for e in earlier)
            answer = QMessageBox.question(
                self, self.tr("Already visited"),
                self.tr("%1 already received a visit in this campaign this year:\n%2\n\n"
                        "Save another visit anyway?").replace("%1", values.get("name", ""))
                .replace("%2", visits), yes_no, no)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        amount = desk.relief_amount_fen(values)
        ceiling = desk.relief_confirm_above_fen()
        if amount is not None and amount > ceiling:
            answer = QMessageBox.question(
                self, self.tr("Large amount"),
                self.tr("This visit gives %1 yuan (cash and goods), more than %2 yuan per visit. "
                        "Is the amount right?").replace("%1", format_yuan(amount))
                .replace("%2", format_yuan(ceiling)), yes_no, no)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return True

    def _describe(self, visit: dict) -> str:
        """One earlier visit: date, campaign, amount, station."""
        labels = self.ctx.labels.get("campaign", {})
        amount = (visit.get("cash_fen") or 0) + (visit.get("goods_value_fen") or 0)
        return self.tr("%1, %2, %3 yuan, %4").replace("%1", str(visit["visit_date"])) \
            .replace("%2", labels.get(visit["campaign"], visit["campaign"])) \
            .replace("%3", format_yuan(amount)) \
            .replace("%4", self._station_name(visit.get("station_code") or ""))

    def _station_name(self, code: str) -> str:
        identity = self.ctx.desk.identity
        if identity is not None and code == identity.code:
            return identity.name
        if identity is not None and identity.is_tier:
            from ...services.county import CountyService

            return CountyService(self.ctx.desk).station_names().get(code, code)
        return code


class JobFairTab(QWidget):
    """招聘会: events above; the selected fair's employers, seekers and intentions."""

    def __init__(self, ctx: TabContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._build_fairs()
        self._build_employers()
        self._build_seekers()
        self._build_intentions()
        self._lay_out()
        self.views = [self.fairs, self.employers, self.seekers, self.intentions]
        self.fairs.currentRecordChanged.connect(self.select_fair)
        for child in (self.employers, self.seekers, self.intentions):
            child.countChanged.connect(lambda _n: self._refresh_fair_counts())
        self.select_fair(None)

    def _build_fairs(self) -> None:
        ctx = self.ctx
        fair_columns = [Column("held_on", self.tr("Date"), "date", width=90),
                        Column("name", self.tr("Job fair"), width=160),
                        Column("place", self.tr("Place"), width=120),
                        Column("employers", self.tr("Employers"), "int", width=60),
                        Column("positions", self.tr("Positions"), "int", width=60),
                        Column("seekers", self.tr("Seekers"), "int", width=60)]
        fair_fields = [FormField("name", self.tr("Fair &name"), required=True),
                       FormField("held_on", self.tr("&Date"), "date", required=True),
                       FormField("place", self.tr("&Place")),
                       FormField("organiser", self.tr("&Organiser"))]
        self.fairs = ctx.view("fairs", fair_columns, fair_fields, self.tr("Job fair"), parent=self)
        self.fairs.search.setPlaceholderText(self.tr("Search fairs"))

    def _build_employers(self) -> None:
        employer_columns = [Column("name", self.tr("Employer"), width=170),
                            Column("positions", self.tr("Positions"), "int", width=60),
                            Column("job_titles", self.tr("Jobs"), width=160),
                            Column("pay_range", self.tr("Pay"), width=90),
                            Column("contact", self.tr("Contact"), width=70),
                            Column("phone", self.tr("Phone"), "phone", width=100),
                            Column("intentions", self.tr("Intentions"), "int", width=60)]
        employer_fields = [FormField("name", self.tr("&Employer"), required=True),
                           FormField("credit_code", self.tr("&Credit code"),
                                     placeholder="统一社会信用代码（可不填）"),
                           FormField("positions", self.tr("&Positions offered"), "int",
                                     required=True),
                           FormField("job_titles", self.tr("&Jobs")),
                           FormField("pay_range", self.tr("Pa&y range"), placeholder="3000-5000"),
                           FormField("contact", self.tr("C&ontact")),
                           FormField("phone", self.tr("P&hone"))]
        self.employers = self.ctx.view("employers", employer_columns, employer_fields,
                                       self.tr("Employer"), date_filter=False, parent=self)
        # An employer has no ID number: say what this box searches.
        self.employers.search.setPlaceholderText(
            self.tr("Search employer, jobs, contact, phone, initials"))

    def _build_seekers(self) -> None:
        c = self.ctx.common
        seeker_columns = [Column("created_at", self.tr("Registered"), "utc", width=120),
                          *c.person_columns()[:4],
                          Column("birth_year", self.tr("Born"), "int", width=50),
                          Column("education", self.tr("Education"), "code", "education", width=80),
                          Column("household", self.tr("Household"), "code", "household", width=50),
                          Column("poverty_relief", self.tr("Lifted from poverty"), "bool", width=60),
                          Column("desired_job", self.tr("Desired job"), width=100),
                          Column("intentions", self.tr("Intentions"), "int", width=50)]
        # Seeker form: one column, the fields a worker at a fair needs, in typing order.
        seeker_fields = [*c.person_fields()[:4],
                         FormField("birth_year", self.tr("&Birth year"), placeholder="1985"),
                         FormField("education", self.tr("E&ducation"), "code", "education"),
                         FormField("household", self.tr("Ho&usehold"), "code", "household"),
                         FormField("poverty_relief", self.tr("Lifted from po&verty"), "bool"),
                         FormField("desired_job", self.tr("Desired &job"))]
        self.seekers = self.ctx.view("seekers", seeker_columns, seeker_fields,
                                     self.tr("Job seeker"), "education", date_filter=False,
                                     parent=self)
        self.seekers.act_new.setText(self.tr("&Register seeker"))
        self.seekers.continuous_entry = True

    def _build_intentions(self) -> None:
        intention_columns = [Column("agreed_on", self.tr("Date"), "date", width=90),
                             Column("seeker_name", self.tr("Job seeker"), width=90),
                             Column("employer_name", self.tr("Employer"), width=170),
                             Column("position", self.tr("Position"), width=90),
                             Column("status", self.tr("Status"), "code", "intention_status",
                                    width=80)]
        self.intention_fields_base = [
            FormField("status", self.tr("&Status"), "code", "intention_status", required=True,
                      default="intent"),
            FormField("agreed_on", self.tr("&Date"), "date", required=True)]
        self.intentions = self.ctx.view("intentions", intention_columns,
                                        list(self.intention_fields_base), self.tr("Intention"),
                                        "intention_status", date_filter=False, parent=self)
        self.intentions.open_form = self._intention_form
        # Intentions have no search key (names live on the seeker and employer): a search box
        # here would silently ignore what is typed. The status filter stays.
        self.intentions.search.hide()

    def _lay_out(self) -> None:
        """Fairs above; the selected fair's employers, seekers and intentions below, seekers in
        front."""
        self.detail = QTabWidget()
        self.detail.addTab(self.employers, self.tr("Employers and positions"))
        self.detail.addTab(self.seekers, self.tr("Job seekers"))
        self.detail.addTab(self.intentions, self.tr("Intentions"))
        self.detail.setCurrentIndex(1)
        self.heading = QLabel()
        self.heading.setObjectName("fair_heading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        # The fair's id can be copied from here (xiangyun-desk report jobfair --event ID).
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.detail, 1)

        # Fairs above, the selected fair's registers below: side by side, the two lists' tool
        # rows needed more than a 1024-pixel screen (issue 11), and the seekers' table gets
        # the whole width. There are few fairs a year: the list above can be short.
        splitter = QSplitter(Qt.Orientation.Vertical)
        box = QGroupBox(self.tr("Job fairs"))
        QVBoxLayout(box).addWidget(self.fairs)
        splitter.addWidget(box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        QHBoxLayout(self).addWidget(splitter)
        self.splitter = splitter

    def select_fair(self, fair_id: str | None) -> None:
        for child in (self.employers, self.seekers, self.intentions):
            child.set_parent_id(fair_id)
        if fair_id is None:
            self.heading.setText(self.tr("Choose a job fair above (or create one)."))
            return
        fair = self.ctx.desk.fairs.get(fair_id)
        fair_no = self.tr("No. %1").replace("%1", fair_id[:8])
        self.heading.setText(f"{fair['name']}  {fair['held_on'].isoformat()}  "
                             f"{fair['place'] or ''}  {fair_no}")
        self.heading.setToolTip(self.tr("Job fair id (for the command line: report jobfair --event): %1").replace("%1", fair_id))

    def _refresh_fair_counts(self) -> None:
        # Counts are computed columns (positions and seekers per fair, intentions per employer
        # and per seeker): repaint them without losing the selection.
        for view in (self.fairs, self.employers, self.seekers):
            _repaint(view.model)

    def _intention_form(self, record_id):
        """The intention form lists this fair's seekers and employers."""
        from ...services.registers import RegisterQuery

        desk = self.ctx.desk
        fair_id = self.fairs.current_id()
        q = RegisterQuery(parent_id=fair_id, descending=False, sort_column="name")
        seekers = desk.seekers.fetch_rows(desk.seekers.query_ids(q))
        employers = desk.employers.fetch_rows(desk.employers.query_ids(q))
        seeker_choices = sorted(((r["id"], f"{r['name']}  {mask_phone(r.get('phone') or '')}")
                                 for r in seekers.values()), key=lambda x: x[1])
        employer_choices = sorted(((r["id"], r["name"]) for r in employers.values()),
                                  key=lambda x: x[1])
        if record_id is not None:
            # Keep the intention's own links listed even when one was deleted since: otherwise
            # the list would show (and save) the first other person instead.
            current = desk.intentions.get(record_id)
            for key, service, choices in (("seeker_id", desk.seekers, seeker_choices),
                                          ("employer_id", desk.employers, employer_choices)):
                if current[key] not in {value for value, _label in choices}:
                    try:
                        choices.insert(0, (current[key], service.get(current[key])["name"]))
                    except KeyError:
                        pass
        positions = {r["id"]: split_positions(r.get("job_titles")) for r in employers.values()}
        self.intentions.fields = [
            FormField("seeker_id", self.tr("&Job seeker"), "choice", required=True,
                      choices=seeker_choices, allow_empty=False),
            FormField("employer_id", self.tr("E&mployer"), "choice", required=True,
                      choices=employer_choices, allow_empty=False),
            FormField("position", self.tr("&Position"), "choice", choices=[]),
            *self.intention_fields_base]
        form = RegisterView.open_form(self.intentions, record_id)
        employer = form.widgets["employer_id"]
        position = form.widgets["position"]

        def offer(_index=None):
            """The positions of the chosen employer (optional: blank = not named)."""
            current = position.currentData()
            position.clear()
            position.addItem("", None)
            for name in positions.get(employer.currentData(), []):
                position.addItem(name, name)
            i = position.findData(current)
            if i < 0 and current:
                position.addItem(current, current)  # an older value: kept as stored
                i = position.count() - 1
            position.setCurrentIndex(max(i, 0))

        offer()
        employer.currentIndexChanged.connect(offer)
        return form


class VolunteersTab(QWidget):
    """志愿者: the roster, and the selected volunteer's service records with hours."""

    def __init__(self, ctx: TabContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        c = ctx.common
        columns = [*c.person_columns(),
                   Column("skills", self.tr("Skills"), "codes", "skill", width=150),
                   Column("availability", self.tr("Availability"), width=90),
                   Column("joined_on", self.tr("Joined"), "date", width=90),
                   Column("status", self.tr("Status"), "code", "volunteer_status", width=60),
                   Column("hours", self.tr("Hours"), "hours", width=60)]
        fields = [*c.person_fields(),
                  FormField("skills", self.tr("S&kills"), "codes", "skill"),
                  FormField("availability", self.tr("&Availability"), placeholder="周末 / 工作日晚上"),
                  FormField("joined_on", self.tr("&Joined on"), "date",
                            default=lambda: dt.date.today()),
                  FormField("status", self.tr("&Status"), "code", "volunteer_status",
                            required=True, default="active"),
                  FormField("notes", self.tr("N&otes"), "text")]
        self.roster = ctx.view("volunteers", columns, fields, self.tr("Volunteer"),
                               "volunteer_status", date_filter=False, parent=self)
        record_columns = [Column("served_on", self.tr("Date"), "date", width=90),
                          Column("activity", self.tr("Activity"), width=220),
                          Column("half_hours", self.tr("Hours"), "hours", width=60)]
        record_fields = [FormField("served_on", self.tr("&Date"), "date", required=True),
                         FormField("activity", self.tr("&Activity"), required=True),
                         FormField("half_hours", self.tr("&Hours"), "hours", required=True,
                                   placeholder="2.5")]
        self.records = ctx.view("service_records", record_columns, record_fields,
                                self.tr("Service record"), parent=self)
        self.records.search.hide()
        self.heading = QLabel()
        self.heading.setObjectName("volunteer_heading")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.heading)
        lower_layout.addWidget(self.records)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.roster)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        self.splitter = splitter
        self.views = [self.roster, self.records]
        self.roster.currentRecordChanged.connect(self.select_volunteer)
        self.records.countChanged.connect(lambda _n: self._refresh_hours())
        self.select_volunteer(None)

    def select_volunteer(self, volunteer_id: str | None) -> None:
        self.records.set_parent_id(volunteer_id)
        if volunteer_id is None:
            self.heading.setText(self.tr("Service records: choose a volunteer above."))
        else:
            name = self.ctx.desk.volunteers.get(volunteer_id)["name"]
            self.heading.setText(self.tr("Service records of %1").replace("%1", name))

    def _refresh_hours(self) -> None:
        _repaint(self.roster.model)


def _repaint(model) -> None:
    """Fetch the rows again (computed columns changed) keeping the rows and the selection."""
    if model.rowCount():
        model._cache.clear()
        model.dataChanged.emit(model.index(0, 0),
                               model.index(model.rowCount() - 1, model.columnCount() - 1))
