"""Two small charts painted with QPainter (QtCharts is only in PySide6's Addons).

`BarChart`: labelled horizontal bars with their values (the pipeline by stage, people by sex or
ethnicity). `ProgressChart`: the people admitted so far this year, month by month and added up,
against the year's target drawn as a dashed line.

Everything is laid out in logical pixels from the widget's font metrics, so the charts follow
the user's font size and stay sharp on high-DPI screens; their strings share the "Chart"
context (a base class's `self.tr` would not say which); colours come from the palette except
the bars' accents. Without data they say so. Each chart's values are also in its tooltip and
accessible description, for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = 12
BAR_COLOUR = QColor("#1f6fb2")  # calm blue, readable on light and dark backgrounds
REACHED_COLOUR = QColor("#2e7d32")  # a month whose total has reached the target
TARGET_COLOUR = QColor("#c62828")  # the target line: Party red


def _title_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 1.2)
    else:
        font.setPixelSize(round(font.pixelSize() * 1.2))
    return font


def _muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)


def nice_step(span: float, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10ⁿ, at least 1) that cuts `span` into about `ticks` parts."""
    raw = max(span / max(ticks, 1), 1.0)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)


class _Chart(QWidget):
    """What both charts share: a title, the empty state, and repainting on new data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def is_empty(self) -> bool:
        raise NotImplementedError

    def _title_room(self) -> int:
        return self.width() - 2 * MARGIN

    def _title_height(self) -> int:
        if not self.title:
            return 0
        return QFontMetrics(_title_font(self.font())).height() + MARGIN // 2

    def _draw_title(self, painter: QPainter) -> None:
        if not self.title:
            return
        painter.save()
        font = _title_font(self.font())
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        metrics = QFontMetrics(font)
        width = max(self._title_room(), 0)
        text = metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(
            QRect(MARGIN, MARGIN, width, metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()

    def _draw_empty(self, painter: QPainter) -> None:
        top = MARGIN + self._title_height()
        painter.setPen(_muted(self.palette()))
        painter.drawText(
            QRect(MARGIN, top, self.width() - 2 * MARGIN, self.height() - top - MARGIN),
            int(Qt.AlignmentFlag.AlignCenter),
            QCoreApplication.translate("Chart", "No data"),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._draw_title(painter)
        if self.is_empty():
            self._draw_empty(painter)
        else:
            self._draw(painter)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _described(self, summary: str) -> None:
        self.setAccessibleName(self.title)
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.updateGeometry()
        self.update()


class BarChart(_Chart):
    """Horizontal bars, one per (label, value), longest value the widest bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bar_chart")
        self.data: list[tuple[str, int]] = []
        self._described("")

    def set_data(self, data: Sequence[tuple[str, int]], title: str = "") -> None:
        self.data = [(str(label), max(int(value), 0)) for label, value in data]
        self.title = title
        summary = "\n".join(f"{label}: {value}" for label, value in self.data)
        self._described(summary or QCoreApplication.translate("Chart", "No data"))

    def is_empty(self) -> bool:
        return not self.data

    def _row_height(self) -> int:
        return round(self.fontMetrics().height() * 1.7)

    def sizeHint(self) -> QSize:
        rows = max(len(self.data), 2)
        return QSize(480, 2 * MARGIN + self._title_height() + rows * self._row_height())

    def minimumSizeHint(self) -> QSize:
        rows = max(min(len(self.data), 3), 2)
        return QSize(240, 2 * MARGIN + self._title_height() + rows * self._row_height())

    def _draw(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        palette = self.palette()
        width = self.width() - 2 * MARGIN
        top = MARGIN + self._title_height()
        row = max(self._row_height(), (self.height() - top - MARGIN) // max(len(self.data), 1))
        row = min(row, round(self._row_height() * 1.5))  # a tall widget spaces rows, a little
        bar_height = max(round(metrics.height() * 1.05), 4)

        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self.data) + 4, round(width * 0.5)
        )
        highest = max(value for _, value in self.data)
        value_width = metrics.horizontalAdvance(str(highest)) + MARGIN // 2
        bar_left = MARGIN + label_width + MARGIN
        bar_room = max(width - label_width - MARGIN - value_width, 1)

        text_colour = palette.color(QPalette.ColorRole.Text)
        axis = QPen(_muted(palette))
        axis.setCosmetic(True)
        painter.setPen(axis)
        painter.drawLine(bar_left, top, bar_left, top + row * len(self.data))
        for index, (label, value) in enumerate(self.data):
            y = top + index * row
            painter.setPen(text_colour)
            painter.drawText(
                QRect(MARGIN, y, label_width, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width),
            )
            length = round(bar_room * value / highest) if highest else 0
            bar = QRectF(bar_left, y + (row - bar_height) / 2, length, bar_height)
            if length:
                painter.fillRect(bar, BAR_COLOUR)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(bar_left + length + MARGIN // 3, y, value_width, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )


class ProgressChart(_Chart):
    """A year's admissions added up month by month, as columns, against a dashed target line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_chart")
        self.monthly: list[int] = []
        self.target = 0
        self.month_labels: list[str] = []
        self.through_month = 12
        self._described("")

    def set_data(
        self,
        monthly_counts: Sequence[int],
        target: int,
        title: str = "",
        month_labels: Sequence[str] | None = None,
        through_month: int | None = None,
    ) -> None:
        """`monthly_counts`: people admitted in each month (12 values); `through_month` (1–12)
        leaves the months after it, not yet lived, without a column."""
        counts = [max(int(c), 0) for c in monthly_counts][:12]
        self.monthly = counts + [0] * (12 - len(counts)) if counts else []
        self.target = max(int(target), 0)
        self.title = title
        labels = list(month_labels or [])[:12]
        defaults = [
            QCoreApplication.translate("Chart", "M{month}").format(month=m) for m in range(1, 13)
        ]
        self.month_labels = labels + defaults[len(labels) :]
        self.through_month = 12 if through_month is None else min(max(through_month, 0), 12)
        if self.is_empty():
            summary = QCoreApplication.translate("Chart", "No data")
        else:
            summary = QCoreApplication.translate(
                "Chart", "Admitted: {total} of a target of {target}"
            ).format(total=sum(self.shown_totals()[-1:]), target=self.target)
        self._described(summary)

    def cumulative(self) -> list[int]:
        """The total admitted by the end of each month."""
        totals, running = [], 0
        for count in self.monthly:
            running += count
            totals.append(running)
        return totals

    def shown_totals(self) -> list[int]:
        return self.cumulative()[: self.through_month]

    def is_empty(self) -> bool:
        return not self.monthly or (sum(self.monthly) == 0 and self.target == 0)

    def sizeHint(self) -> QSize:
        return QSize(560, self._title_height() + 16 * self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self._title_height() + 10 * self.fontMetrics().height())

    def _target_pen(self) -> QPen:
        pen = QPen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def _legend(self) -> str:
        if not self.target:
            return ""
        return QCoreApplication.translate("Chart", "Target: {target}").format(target=self.target)

    def _legend_width(self) -> int:
        legend = self._legend()
        if not legend:
            return 0
        return self._bold_metrics().horizontalAdvance(legend) + 3 * MARGIN

    def _bold_metrics(self) -> QFontMetrics:
        font = QFont(self.font())
        font.setBold(True)
        return QFontMetrics(font)

    def _title_room(self) -> int:
        return self.width() - 2 * MARGIN - self._legend_width()

    def _draw_legend(self, painter: QPainter) -> None:
        legend = self._legend()
        if not legend:
            return
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        height = max(self._title_height() - MARGIN // 2, metrics.height())
        text_width = metrics.horizontalAdvance(legend)
        x = self.width() - MARGIN - text_width
        y = MARGIN + height / 2
        painter.setPen(self._target_pen())
        painter.drawLine(QPointF(x - 2.5 * MARGIN, y), QPointF(x - MARGIN / 2, y))
        painter.setFont(font)
        painter.setPen(TARGET_COLOUR)
        painter.drawText(
            QRectF(x, MARGIN, text_width, height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            legend,
        )
        painter.setFont(self.font())

    def _draw(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = _muted(palette)
        self._draw_legend(painter)
        totals = self.shown_totals()
        highest = max([*totals, self.target, 1])
        step = nice_step(highest * 1.1)
        top_value = step * math.ceil(highest * 1.1 / step)

        tick_width = max(
            metrics.horizontalAdvance(str(top_value)),
            self._bold_metrics().horizontalAdvance(str(self.target)),
        )
        left = MARGIN + tick_width + MARGIN // 2
        right = self.width() - MARGIN
        top = MARGIN + self._title_height() + metrics.height()  # room for a column's value
        bottom = self.height() - MARGIN - metrics.height() - MARGIN // 2
        if bottom - top < metrics.height() or right - left < 12 * 4:
            return
        plot = QRectF(left, top, right - left, bottom - top)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / top_value

        # grid and the value axis
        grid = QPen(palette.color(QPalette.ColorRole.Mid))
        grid.setCosmetic(True)
        for value in range(0, top_value + 1, step):
            y = y_of(value)
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if self.target and abs(y - y_of(self.target)) < metrics.height():
                continue  # the target's own value goes there
            painter.setPen(muted)
            painter.drawText(
                QRectF(MARGIN, y - metrics.height() / 2, tick_width, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )

        # the columns, their totals above them, the months below
        slot = plot.width() / 12
        column = max(slot * 0.6, 2.0)
        for month in range(12):
            x = plot.left() + month * slot
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(x, plot.bottom() + MARGIN // 4, slot, metrics.height()),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                metrics.elidedText(self.month_labels[month], Qt.TextElideMode.ElideRight, slot),
            )
            if month >= len(totals):
                continue
            total = totals[month]
            y = y_of(total)
            reached = self.target > 0 and total >= self.target
            if total:
                painter.fillRect(
                    QRectF(x + (slot - column) / 2, y, column, plot.bottom() - y),
                    REACHED_COLOUR if reached else BAR_COLOUR,
                )
            changed = month == 0 or total != totals[month - 1]
            if changed or month == len(totals) - 1:
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(x, y - metrics.height(), slot, metrics.height()),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                    str(total),
                )

        # the target, dashed; its value in red on the value axis and in the legend
        if self.target > 0:
            y = y_of(self.target)
            pen = self._target_pen()
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            painter.fillRect(
                QRectF(MARGIN, y - metrics.height() / 2, tick_width, metrics.height()),
                palette.color(QPalette.ColorRole.Base),
            )
            painter.setPen(TARGET_COLOUR)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, MARGIN + tick_width, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(self.target),
            )
            painter.setFont(self.font())

        axis = QPen(text_colour)
        axis.setCosmetic(True)
        painter.setPen(axis)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
