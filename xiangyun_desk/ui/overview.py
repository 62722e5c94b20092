"""概览: per register 本月, 上月, the change against last month and 本年, a chart of the last 12
months, and the 待办 panel. Names, definitions (tooltips) and number formats come from
services/definitions.py; every number from StatsService, computed off the GUI thread."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..services import definitions as DEF
from ..services.stats import Period, StatsService
from .i18n import render
from .trend_chart import TrendChart

# The figures each register's card shows (the first CHART_KEYS figure of the register is charted).
OVERVIEW_KEYS = {
    "visitors": ("visitors.batches", "visitors.person_times"),
    "condolence": ("condolence.person_times", "condolence.people", "condolence.cash_yuan",
                   "condolence.goods_value_yuan"),
    "job_fairs": ("job_fairs.events", "job_fairs.positions", "job_fairs.seekers",
                  "job_fairs.intentions"),
    "volunteers": ("volunteers.registered", "volunteers.serving", "volunteers.service_hours"),
}
SPANS = ("month", "previous", "change", "year")
CHART_MONTHS = 12
COLORS = {"visitors": "#1d5fa8", "condolence": "#c25a21", "job_fairs": "#338c4d",
          "volunteers": "#7f4d9e"}


def _figure_steps(stats: StatsService, today: dt.date, todo) -> list:
    """What the overview shows, as short steps run one after the other off the GUI thread (a
    long single job would hold the interpreter lock for the whole time and make the window
    stutter); each step returns part of the result."""
    months = Period.months_back(today, CHART_MONTHS)
    return [lambda: {"months": months, "month": stats.compute(months[-1])},
            lambda: {"previous": stats.compute(months[-2])},
            lambda: {"year": stats.compute(Period.year_of(today))},
            lambda: {"series": stats.series(months),  # the charts: sums only, cheap
                     "todo": todo.items(today) if todo is not None else None}]


def _figures_for(stats: StatsService, today: dt.date, todo) -> dict:
    """Everything the overview shows, in one go (tests, tools)."""
    out: dict = {}
    for step in _figure_steps(stats, today, todo):
        out.update(step())
    return out


class OverviewTab(QWidget):
    """Headline figures, trends and to-dos, refreshed whenever the tab is shown."""

    refreshed = Signal()
    todoActivated = Signal(object)  # a services.todo.Todo: open what it counts

    def __init__(self, stats: StatsService, station_name: str, parent=None, todo=None):
        super().__init__(parent)
        self._generation = 0
        self.stats = stats
        self.todo_service = todo
        self.station_name = station_name
        self.values: dict[tuple[str, str], QLabel] = {}
        self.charts: dict[str, TrendChart] = {}
        self.chart_keys: dict[str, str] = {}
        self.todo_items: list = []
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold; padding: 4px 8px;")
        self.rows = [(key, self._label(key)) for keys in OVERVIEW_KEYS.values() for key in keys]

        self.todo_box = QGroupBox(self.tr("To do"))
        self.todo_box.setObjectName("todo")
        self.todo_box.setStyleSheet("QGroupBox { font-weight: bold; }")
        self.todo_layout = QVBoxLayout(self.todo_box)
        self.todo_layout.setContentsMargins(8, 4, 8, 4)
        self.todo_layout.setSpacing(2)
        self.todo_empty = QLabel(self.tr("Nothing waiting."))
        self.todo_empty.setStyleSheet("color: #666; font-weight: normal;")
        self.todo_layout.addWidget(self.todo_empty)
        self.todo_box.setVisible(todo is not None)

        grid_of_cards = QGridLayout()
        grid_of_cards.setSpacing(10)
        for i, (section, keys) in enumerate(OVERVIEW_KEYS.items()):
            grid_of_cards.addWidget(self._card(section, keys), i // 2, i % 2,
                                    Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        holder.setMaximumWidth(1100)
        holder.setLayout(grid_of_cards)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(6, 2, 6, 2)
        self.body_layout.setSpacing(4)
        self.body_layout.addWidget(self.title)
        self.body_layout.addWidget(self.todo_box)
        self.body_layout.addWidget(holder)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("overview_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def add_section(self, widget: QWidget) -> None:
        """Add a part below the cards (the county's per-station table)."""
        self.body_layout.insertWidget(self.body_layout.count() - 1, widget)

    @staticmethod
    def _label(key: str) -> str:
        return QCoreApplication.translate(DEF.CTX, DEF.BY_KEY[key].label)

    def _card(self, section: str, keys) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate(DEF.CTX, DEF.SECTION_LABELS[section]))
        box.setObjectName(f"card_{section}")
        box.setStyleSheet("QGroupBox { font-weight: bold; font-size: 14px; }")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(1)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setColumnStretch(0, 1)
        heads = (self.tr("This month"), self.tr("Last month"), self.tr("Change"),
                 self.tr("This year"))
        for col, text in enumerate(heads, start=1):
            header = QLabel(text)
            header.setStyleSheet("color: #666; font-weight: normal;")
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(header, 0, col)
        for r, key in enumerate(keys, start=1):
            m = DEF.BY_KEY[key]
            label = QLabel(self._label(key))
            label.setToolTip(m.definition)
            label.setStyleSheet("font-weight: normal; font-size: 13px;")
            grid.addWidget(label, r, 0)
            for col, span in enumerate(SPANS, start=1):
                value = QLabel("–")
                value.setObjectName(f"{span}:{key}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight)
                value.setToolTip(m.definition)
                size = "15px" if span in ("month", "year") else "13px"
                color = "#1d5fa8" if span in ("month", "year") else "#444"
                value.setStyleSheet(f"font-size: {size}; font-weight: normal; color: {color};")
                grid.addWidget(value, r, col)
                self.values[(span, key)] = value
        row = len(keys) + 1
        if section == "volunteers":
            note = QLabel(self.tr("Who served: anyone with service in the month or year, "
                                  "including volunteers who have since left."))
            note.setWordWrap(True)
            note.setObjectName("serving_note")
            note.setStyleSheet("color: #666; font-weight: normal; font-size: 11px;")
            grid.addWidget(note, row, 0, 1, 5)
            row += 1
        chart_key = next(k for k in DEF.CHART_KEYS if k.startswith(section + "."))
        caption = QLabel(self.tr("Last 12 months: %1").replace("%1", self._label(chart_key)))
        caption.setStyleSheet("color: #666; font-weight: normal; font-size: 11px;")
        grid.addWidget(caption, row, 0, 1, 5)
        chart = TrendChart(COLORS[section])
        chart.setObjectName(f"chart_{section}")
        chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        chart.setFixedHeight(66)
        grid.addWidget(chart, row + 1, 0, 1, 5)
        self.charts[section] = chart
        self.chart_keys[section] = chart_key
        return box

    def refresh(self, today: dt.date | None = None) -> None:
        """Recompute the figures off the GUI thread (at a million records they take seconds);
        the labels update when the result arrives, ``refreshed`` is emitted."""
        from .jobs import run_in_background

        today = today or dt.date.today()
        self.title.setText(self.tr("%1 — %2").replace("%1", self.station_name)
                           .replace("%2", today.isoformat()))
        self._generation += 1
        generation = self._generation
        steps = _figure_steps(self.stats, today, self.todo_service)
        result: dict = {}

        def run(i: int) -> None:
            if generation != self._generation:
                return  # a newer refresh took over
            if i == len(steps):
                self._show(result, generation)
                return

            def done(part, i=i):
                result.update(part)
                run(i + 1)

            run_in_background(steps[i], done=done,
                              failed=lambda _exc: None)  # logged; the old figures stay

        run(0)

    def _show(self, result, generation: int) -> None:
        if generation != self._generation:  # a newer refresh is on its way
            return
        try:
            months = result["months"]
            month, previous = result["month"], result["previous"]
            by_span = {"month": month, "previous": previous, "year": result["year"]}
            for key, _text in self.rows:
                m = DEF.BY_KEY[key]
                for span, figures in by_span.items():
                    self.values[(span, key)].setText(m.text(figures))
                change = DEF.format_change(m.value(month), m.value(previous), m.kind)
                label = self.values[("change", key)]
                label.setText(change)
                color = "#2e7d32" if change.startswith("+") else (
                    "#b3261e" if change.startswith("−") else "#444")
                label.setStyleSheet(f"font-size: 13px; font-weight: normal; color: {color};")
            for section, chart in self.charts.items():
                m = DEF.BY_KEY[self.chart_keys[section]]
                values = result["series"][m.key]
                chart.set_data([float(v) for v in values], [str(p.start.month) for p in months],
                               [DEF.format_number(v, m.kind) for v in values])
                chart.setToolTip("")
            if result.get("todo") is not None:
                self._show_todo(result["todo"])
        except RuntimeError:  # the window was closed while the figures were computed
            return
        self.refreshed.emit()

    def _show_todo(self, items) -> None:
        self.todo_items = list(items)
        while self.todo_layout.count() > 1:
            widget = self.todo_layout.takeAt(1).widget()
            if widget is not None:
                widget.deleteLater()
        self.todo_empty.setVisible(not items)
        for item in items:
            row = QHBoxLayout()
            button = QPushButton("▸ " + render(item.text))
            button.setObjectName(f"todo_{item.key}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { text-align: left; color: #1d5fa8; "
                                 "font-weight: normal; padding: 1px 4px; }")
            button.clicked.connect(lambda _c=False, it=item: self.todoActivated.emit(it))
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(button)
            row.addStretch(1)
            self.todo_layout.addWidget(holder)

    def todo_buttons(self) -> dict[str, QPushButton]:
        return {b.objectName()[5:]: b for b in self.todo_box.findChildren(QPushButton)
                if b.objectName().startswith("todo_")}

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.refresh()
        super().showEvent(event)
