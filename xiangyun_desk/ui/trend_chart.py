"""A small bar chart of the last months, painted with Qt's own QPainter (PySide6-Essentials has no
QtCharts). The numbers are given; the widget only draws them (and shows each in a tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget


class TrendChart(QWidget):
    """Bars for ``values`` with ``labels`` under them; the last bar (this month) is darker."""

    def __init__(self, color: str = "#1d5fa8", parent=None):
        super().__init__(parent)
        self.color = QColor(color)
        self.values: list[float] = []
        self.labels: list[str] = []
        self.texts: list[str] = []  # the values as shown (thousands separators)
        self.setMinimumHeight(64)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(360, 72)

    def set_data(self, values: list[float], labels: list[str], texts: list[str]) -> None:
        self.values, self.labels, self.texts = list(values), list(labels), list(texts)
        self.setAccessibleDescription("; ".join(f"{a} {b}" for a, b in zip(labels, texts,
                                                                            strict=False)))
        self.update()

    def _bars(self) -> list[QRectF]:
        n = len(self.values)
        if not n:
            return []
        label_h = 14
        top_pad = 12
        w = self.width()
        h = self.height() - label_h - top_pad
        slot = w / n
        peak = max(self.values) or 1.0
        bars = []
        for i, v in enumerate(self.values):
            bh = max(1.0, h * v / peak) if v > 0 else 0.0
            bars.append(QRectF(i * slot + slot * 0.18, top_pad + h - bh, slot * 0.64, bh))
        return bars

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bars = self._bars()
        base = self.height() - 14
        painter.setPen(QPen(QColor("#bbbbbb"), 1))
        painter.drawLine(0, base, self.width(), base)
        light = QColor(self.color)
        light.setAlpha(120)
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.75))
        painter.setFont(font)
        slot = self.width() / max(1, len(bars))
        for i, rect in enumerate(bars):
            last = i == len(bars) - 1
            painter.fillRect(rect, self.color if last else light)
            painter.setPen(QColor("#666666"))
            painter.drawText(QRectF(i * slot, base + 1, slot, 13),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             self.labels[i] if i < len(self.labels) else "")
        if bars:  # the peak's value above its bar, so the scale can be read
            peak = max(range(len(bars)), key=lambda i: self.values[i])
            if self.values[peak] > 0:
                r = bars[peak]
                painter.setPen(QColor("#333333"))
                painter.drawText(QRectF(r.center().x() - 40, r.top() - 12, 80, 12),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                                 self.texts[peak])
        painter.end()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        n = len(self.values)
        if n:
            i = min(n - 1, max(0, int(event.position().x() / (self.width() / n))))
            QToolTip.showText(event.globalPosition().toPoint(),
                              f"{self.labels[i]}：{self.texts[i]}", self)
        super().mouseMoveEvent(event)
