"""The QPainter charts: they draw their data, say when there is none, and size themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from dvdesk.ui.charts import (
    BAR_COLOUR,
    REACHED_COLOUR,
    TARGET_COLOUR,
    BarChart,
    ProgressChart,
    nice_step,
)

STAGES = [
    ("Quần chúng ưu tú", 14),
    ("Đã học lớp nhận thức", 9),
    ("Đang thẩm tra lý lịch", 5),
    ("Chờ chi bộ xét", 2),
    ("Đảng viên dự bị", 0),
]


def colours(widget: QWidget) -> dict[int, int]:
    """How many pixels of each colour the widget paints (RGB as an int)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())
    line = image.bytesPerLine()
    counts: dict[int, int] = {}
    for y in range(image.height()):
        row = data[y * line : y * line + 4 * image.width()]
        for x in range(0, len(row), 4):
            key = row[x] | row[x + 1] << 8 | row[x + 2] << 16
            counts[key] = counts.get(key, 0) + 1
    return counts


def rgb(colour: QColor) -> int:
    return colour.rgb() & 0xFFFFFF


def shown(qtbot: QtBot, widget: QWidget, size: QSize | None = None) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(size or widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def background(widget: QWidget) -> int:
    return rgb(widget.palette().color(QPalette.ColorRole.Base))


def test_bar_chart_draws_a_bar_per_value(qtbot: QtBot) -> None:
    chart = BarChart()
    chart.set_data(STAGES, "Nguồn phát triển đảng viên theo bước")
    shown(qtbot, chart)
    counts = colours(chart)
    assert counts.get(rgb(BAR_COLOUR), 0) > 500
    assert sum(n for c, n in counts.items() if c != background(chart)) > 2000
    assert chart.accessibleName() == "Nguồn phát triển đảng viên theo bước"
    assert "Quần chúng ưu tú: 14" in chart.toolTip()


def test_bar_chart_grows_with_its_rows_and_keeps_a_sensible_size(qtbot: QtBot) -> None:
    chart = BarChart()
    chart.set_data(STAGES[:2], "Theo giới tính")
    two = chart.sizeHint()
    chart.set_data(STAGES, "Theo giới tính")
    five = chart.sizeHint()
    assert five.height() > two.height()
    assert 240 <= chart.minimumSizeHint().width() <= five.width() <= 800
    shown(qtbot, chart, QSize(260, 120))  # squeezed: still paints
    assert colours(chart).get(rgb(BAR_COLOUR), 0) > 0


def test_bar_chart_without_data_says_so(qtbot: QtBot) -> None:
    chart = BarChart()
    chart.set_data([], "Theo dân tộc")
    shown(qtbot, chart)
    assert chart.is_empty()
    assert chart.toolTip() == "No data"
    counts = colours(chart)
    assert rgb(BAR_COLOUR) not in counts
    assert sum(n for c, n in counts.items() if c != background(chart)) > 50  # title and note


def test_bar_chart_all_zero_values_paint_no_bars(qtbot: QtBot) -> None:
    chart = BarChart()
    chart.set_data([("Nam", 0), ("Nữ", 0)], "Theo giới tính")
    shown(qtbot, chart)
    assert not chart.is_empty()
    assert rgb(BAR_COLOUR) not in colours(chart)


def test_progress_chart_adds_up_the_months_against_the_target(qtbot: QtBot) -> None:
    chart = ProgressChart()
    monthly = [1, 0, 2, 0, 1, 3, 0, 1, 0, 0, 0, 0]
    chart.set_data(monthly, 8, "Kết nạp đảng viên năm 2026", through_month=9)
    assert chart.cumulative() == [1, 1, 3, 3, 4, 7, 7, 8, 8, 8, 8, 8]
    assert chart.shown_totals() == [1, 1, 3, 3, 4, 7, 7, 8, 8]
    assert chart.month_labels[0] == "M1" and chart.month_labels[11] == "M12"
    assert chart.toolTip() == "Admitted: 8 of a target of 8"
    shown(qtbot, chart)
    counts = colours(chart)
    assert counts.get(rgb(BAR_COLOUR), 0) > 300  # the months below the target
    assert counts.get(rgb(REACHED_COLOUR), 0) > 100  # the months that reached it
    assert counts.get(rgb(TARGET_COLOUR), 0) > 100  # the dashed line and its label


def test_progress_chart_takes_month_labels_and_tolerates_short_lists(qtbot: QtBot) -> None:
    chart = ProgressChart()
    chart.set_data([2, 1], 10, "Năm 2026", month_labels=["Th1", "Th2"])
    assert chart.monthly == [2, 1] + [0] * 10
    assert chart.month_labels[:3] == ["Th1", "Th2", "M3"]
    shown(qtbot, chart)
    assert rgb(REACHED_COLOUR) not in colours(chart)


def test_progress_chart_without_data_says_so(qtbot: QtBot) -> None:
    chart = ProgressChart()
    chart.set_data([], 0, "Năm 2027")
    shown(qtbot, chart)
    assert chart.is_empty()
    counts = colours(chart)
    assert rgb(TARGET_COLOUR) not in counts and rgb(BAR_COLOUR) not in counts
    zero = ProgressChart()
    zero.set_data([0] * 12, 3, "Năm 2027")
    assert not zero.is_empty()  # a target with nobody admitted yet is worth showing
    shown(qtbot, zero)
    assert colours(zero).get(rgb(TARGET_COLOUR), 0) > 50


@pytest.mark.parametrize("chart_type", [BarChart, ProgressChart])
def test_charts_paint_at_twice_the_pixel_density(qtbot: QtBot, chart_type: type) -> None:
    chart = chart_type()
    if chart_type is BarChart:
        chart.set_data(STAGES, "Theo bước")
    else:
        chart.set_data([1] * 12, 6, "Năm 2026")
    qtbot.addWidget(chart)
    chart.resize(chart.sizeHint())
    image = QImage(chart.size() * 2, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(2)
    image.fill(QColor("white"))
    chart.render(image)
    assert image.pixelColor(image.width() // 2, image.height() // 2).isValid()
    bars = sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).rgb() & 0xFFFFFF == rgb(BAR_COLOUR)
    )
    assert bars > 100


def test_nice_steps() -> None:
    assert nice_step(11) == 5
    assert nice_step(4) == 1
    assert nice_step(130) == 50
    assert nice_step(0) == 1
