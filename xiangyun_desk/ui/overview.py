"""概览: this month's and this year's headline figures for each register (the `stats` numbers)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..services.stats import Period, StatsService


class OverviewTab(QWidget):
    """Headline figures, refreshed whenever the tab is shown."""

    refreshed = Signal()

    def __init__(self, stats: StatsService, station_name: str, parent=None):
        super().__init__(parent)
        self._generation = 0
        self.stats = stats
        self.values: dict[tuple[str, str], QLabel] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 20px; font-weight: bold; padding: 8px;")
        self.station_name = station_name
        rows = [
            ("visitors.visits", self.tr("Visits to the station")),
            ("visitors.people", self.tr("People who came")),
            ("condolence.visits", self.tr("Relief visits")),
            ("condolence.people", self.tr("People visited")),
            ("condolence.cash_yuan", self.tr("Relief cash (yuan)")),
            ("job_fairs.events", self.tr("Job fairs")),
            ("job_fairs.positions", self.tr("Positions offered")),
            ("job_fairs.seekers", self.tr("Job seekers registered")),
            ("job_fairs.intentions", self.tr("Seekers with an intention")),
            ("volunteers.registered", self.tr("Volunteers on the roster")),
            ("volunteers.active", self.tr("Volunteers who served")),
            ("volunteers.service_hours", self.tr("Service hours")),
        ]
        self.rows = rows
        # One card per register, two columns of cards, numbers right-aligned per period.
        cards = [(self.tr("Visitor log"), rows[0:2]), (self.tr("Relief visits"), rows[2:5]),
                 (self.tr("Job fairs"), rows[5:9]), (self.tr("Volunteers"), rows[9:12])]
        grid_of_cards = QGridLayout()
        grid_of_cards.setSpacing(16)
        for i, (title, card_rows) in enumerate(cards):
            box = QGroupBox(title)
            box.setStyleSheet("QGroupBox { font-weight: bold; font-size: 15px; }")
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(24)
            grid.setColumnStretch(0, 1)
            for col, text in enumerate((self.tr("This month"), self.tr("This year")), start=1):
                header = QLabel(text)
                header.setStyleSheet("color: #666; font-weight: normal;")
                header.setAlignment(Qt.AlignmentFlag.AlignRight)
                grid.addWidget(header, 0, col)
            for r, (key, text) in enumerate(card_rows, start=1):
                label = QLabel(text)
                label.setStyleSheet("font-weight: normal; font-size: 13px;")
                grid.addWidget(label, r, 0)
                for col, span in enumerate(("month", "year"), start=1):
                    value = QLabel("–")
                    value.setObjectName(f"{span}:{key}")
                    value.setAlignment(Qt.AlignmentFlag.AlignRight)
                    value.setMinimumWidth(90)
                    value.setStyleSheet("font-size: 18px; font-weight: normal; color: #1d5fa8;")
                    grid.addWidget(value, r, col)
                    self.values[(span, key)] = value
            grid_of_cards.addWidget(box, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        holder.setMaximumWidth(1000)
        holder.setLayout(grid_of_cards)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(holder)
        layout.addStretch(1)

    def refresh(self, today: dt.date | None = None) -> None:
        """Recompute the figures off the GUI thread (at a million records the year's statistics
        take seconds); the labels update when the result arrives, ``refreshed`` is emitted."""
        from .jobs import run_in_background

        today = today or dt.date.today()
        self.title.setText(self.tr("%1 — %2").replace("%1", self.station_name)
                           .replace("%2", today.isoformat()))
        self._generation += 1
        generation = self._generation
        periods = (("month", Period.month_of(today)), ("year", Period.year_of(today)))
        stats = self.stats
        run_in_background(lambda: [(span, stats.compute(period)) for span, period in periods],
                          done=lambda result: self._show(result, generation),
                          failed=lambda _exc: None)  # logged by the job; the old figures stay

    def _show(self, result, generation: int) -> None:
        if generation != self._generation:  # a newer refresh is on its way
            return
        try:
            for span, figures in result:
                for key, _text in self.rows:
                    section, name = key.split(".")
                    self.values[(span, key)].setText(str(figures[section][name]))
        except RuntimeError:  # the window was closed while the figures were computed
            return
        self.refreshed.emit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.refresh()
        super().showEvent(event)
