"""The county overview's per-station table: a period choice (month, quarter, year, dates), one
row per station of the list (a station that never sent anything shows as missing), and a totals
row equal to the county's figures. Computed off the GUI thread."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from ...services import definitions as DEF
from ...services.county import CountyService
from ..jobs import run_in_background

if TYPE_CHECKING:
    from ...services.reports.period import ReportPeriod

KINDS = ("month", "quarter", "year", "range")


def period_of(kind: str, anchor: dt.date, end: dt.date) -> ReportPeriod:
    # (imported here: the reports package loads ReportLab, which the window's first frame does
    # not need; issue 15)
    from ...services.reports.period import ReportPeriod

    """The month, quarter or year containing ``anchor``, or ``anchor``..``end``."""
    if kind == "month":
        return ReportPeriod.month(anchor.year, anchor.month)
    if kind == "quarter":
        return ReportPeriod.quarter(anchor.year, (anchor.month - 1) // 3 + 1)
    if kind == "year":
        return ReportPeriod.year(anchor.year)
    return ReportPeriod.between(min(anchor, end), max(anchor, end))


def _two_lines(text: str) -> str:
    """A long column heading on two lines (慰问金（元） -> 慰问金 / （元）; 参与服务志愿者 ->
    参与服务 / 志愿者), so that the numbers, not the headings, set the widths."""
    for mark in ("（", " ("):
        if mark in text:
            head, _sep, tail = text.partition(mark)
            return f"{head}\n{mark.strip()}{tail}"
    if len(text) > 4 and all(ord(c) > 0x2E80 for c in text):
        cut = 2 if len(text) == 5 else 4  # 登记 / 求职者, 达成意向 / 人数
        return f"{text[:cut]}\n{text[cut:]}"
    if " " in text and len(text) > 12:
        words = text.split(" ")
        half = len(words) // 2
        return " ".join(words[:half]) + "\n" + " ".join(words[half:])
    return text


class StationFiguresBox(QGroupBox):
    """分站点统计 on the county's 概览."""

    refreshed = Signal()

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.setObjectName("station_figures")
        self.setTitle(self.tr("By station"))
        self.setStyleSheet("QGroupBox { font-weight: bold; font-size: 14px; }")
        self.service = CountyService(desk)
        self._generation = 0
        self.result: dict | None = None
        self.measures = [DEF.BY_KEY[k] for k in DEF.STATION_KEYS]

        self.kind = QComboBox()
        self.kind.setObjectName("period_kind")
        for kind, text in zip(KINDS, (self.tr("Month"), self.tr("Quarter"), self.tr("Year"),
                                      self.tr("Dates")), strict=True):
            self.kind.addItem(text, kind)
        today = QDate.currentDate()
        self.anchor = QDateEdit(today)
        self.anchor.setObjectName("period_from")
        self.anchor.setCalendarPopup(True)
        self.anchor.setDisplayFormat("yyyy-MM-dd")
        self.end = QDateEdit(today)
        self.end.setObjectName("period_to")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.dash = QLabel("–")
        self.period_label = QLabel()
        self.period_label.setObjectName("period_label")
        self.period_label.setStyleSheet("color: #555; font-weight: normal;")
        bar = QHBoxLayout()
        period = QLabel(self.tr("&Period:"))
        period.setBuddy(self.kind)
        period.setStyleSheet("font-weight: normal;")
        for w in (period, self.kind, self.anchor, self.dash, self.end, self.period_label):
            bar.addWidget(w)
        bar.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.anchor.dateChanged.connect(lambda _d: self.refresh())
        self.end.dateChanged.connect(lambda _d: self.refresh())

        headers = [self.tr("Station"), self.tr("Township")] + [
            _two_lines(QCoreApplication.translate(DEF.CTX, m.label)) for m in self.measures]
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(headers)
        for i, m in enumerate(self.measures, start=2):
            self.model.horizontalHeaderItem(i).setToolTip(m.definition)
        self.table = QTableView()
        self.table.setObjectName("breakdown")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(44)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note = QLabel(self.tr("The totals row is the county's figures (stations and the county's own records). People visited are counted once across the county, so the total can be less than the sum of the stations."))
        if desk.identity is not None and desk.identity.is_upper:
            self.note.setText(self.tr("Stations are grouped by county; a county's row adds up its stations (— where people are counted once, which does not add up). The totals row is the figures of every station below."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666; font-weight: normal; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        self._kind_changed()

    def period(self) -> ReportPeriod:
        return period_of(self.kind.currentData(), self.anchor.date().toPython(),
                         self.end.date().toPython())

    def _kind_changed(self, _index: int = 0) -> None:
        dates = self.kind.currentData() == "range"
        self.end.setVisible(dates)
        self.dash.setVisible(dates)
        self.refresh()

    def refresh(self) -> None:
        period = self.period()
        self.period_label.setText(period.range_label)
        self._generation += 1
        generation = self._generation
        service = self.service
        run_in_background(lambda: service.station_figures(period.stats_period()),
                          done=lambda result: self._show(result, generation),
                          failed=lambda _exc: None)

    def _show(self, result: dict, generation: int) -> None:
        if generation != self._generation:
            return
        try:
            self.result = result
            self.model.removeRows(0, self.model.rowCount())
            missing = self.tr("not sent yet")
            county = self.tr("county office")
            bold = QFont(self.font())
            bold.setBold(True)
            groups = {g["code"]: g for g in result.get("counties", [])}
            shown: set[str] = set()
            for row in result["rows"]:
                group = groups.get(row["code"].split("-")[0])
                if group is not None and group["code"] not in shown:  # the county's totals
                    shown.add(group["code"])
                    self.model.appendRow(self._county_row(group, bold))
                name = row["name"] or (county if row["own"] else "")
                first = f"{name}（{row['code']}）"
                if row["never_seen"]:
                    first += f"　{missing}"
                if group is not None:
                    first = "　　" + first  # under its county
                items = [QStandardItem(first), QStandardItem(row["township"])]
                items += [self._number(m.text(row["figures"])) for m in self.measures]
                if row["never_seen"]:
                    for item in items:
                        item.setBackground(QBrush(QColor("#fff3cd")))
                self.model.appendRow(items)
            totals = [QStandardItem(self.tr("Total")), QStandardItem("")]
            totals += [self._number(m.text(result["totals"])) for m in self.measures]
            for item in totals:
                item.setFont(bold)
                item.setBackground(QBrush(QColor("#f4f4ec")))
            self.model.appendRow(totals)
            self.table.resizeColumnsToContents()
            # Every row in view: the overview scrolls, not the table.
            rows = self.model.rowCount()
            self.table.setFixedHeight(self.table.horizontalHeader().height() + 4
                                      + rows * self.table.verticalHeader().defaultSectionSize())
        except RuntimeError:  # closed meanwhile
            return
        self.refreshed.emit()

    def _county_row(self, group: dict, bold: QFont) -> list[QStandardItem]:
        """A county and the sums of its stations (a prefecture's or province's overview);
        a figure that does not add up across stations (people counted once) shows —."""
        first = self.tr("%1 (%2): %3 station(s)").replace("%1", group["name"] or group["code"]) \
            .replace("%2", group["code"]).replace("%3", str(len(group["stations"])))
        items = [QStandardItem(first), QStandardItem("")]
        for m in self.measures:
            value = group["sums"].get(m.key)
            items.append(self._number("—" if value is None else DEF.format_number(value, m.kind)))
        for item in items:
            item.setFont(bold)
            item.setBackground(QBrush(QColor("#e8eef7")))
        return items

    @staticmethod
    def _number(text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item
