"""Where things go in the SVG charts the server draws: a measure's results over time against its
goal, and the spread of answers to a survey question.

The pictures are for a glance. Everything they show is also said in words next to them (a
sentence saying whether the goal was met, and a table of every result), so a chart needs only a
title for a screen reader, and nothing depends on colour: a result that met its goal is a filled
dot, one that did not yet is a hollow one.
"""

import dataclasses
from decimal import Decimal

from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from clpages.charts import aims_lower, amount, meets, number

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 20, 44


@dataclasses.dataclass(frozen=True)
class Point:
    x: float
    y: float
    met: bool | None


@dataclasses.dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclasses.dataclass(frozen=True)
class Trend:
    points: list[Point]
    line: str  # the polyline's points attribute
    goal_y: float | None
    start_y: float | None
    labels: list[Label]
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_bottom: int = HEIGHT - BOTTOM


def _short_date(date):
    return format_date(date, pgettext("clpages short month format", "M Y"))


def trend(results, *, baseline, target, unit):
    """The chart of a measure's readings over time, or None with fewer than two to join."""
    readings = [result for result in results if result.value is not None]
    if len(readings) < 2:
        return None
    floor = Decimal(100) if unit.strip() == "%" else Decimal(1)
    top = max([r.value for r in readings] + [target or 0, baseline or 0, floor])
    lower = aims_lower(baseline, target)
    first, last = readings[0].date, readings[-1].date
    span = (last - first).days
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM

    def x(index, date):
        # Readings on the same day, or all on one day, are spread evenly instead of piled up.
        share = (date - first).days / span if span else index / (len(readings) - 1)
        return round(LEFT + share * plot_width, 1)

    def y(value):
        return round(TOP + plot_height * (1 - float(max(value, 0) / top)), 1)

    points = []
    for index, reading in enumerate(readings):
        met = None if target is None else meets(reading.value, target, lower)
        points.append(Point(x(index, reading.date), y(reading.value), met))
    labels = [
        # The axis gives numbers only: the unit is in the title, the summary and the labels.
        Label(LEFT - 8, y(0) + 4, number(0), "end"),
        Label(LEFT - 8, y(top) + 4, number(top), "end"),
        Label(LEFT, HEIGHT - 16, _short_date(first), "start"),
        Label(WIDTH - RIGHT, HEIGHT - 16, _short_date(last), "end"),
    ]
    if target is not None:
        # Above its line at the left: the latest result, at the right, is often on the goal.
        labels.append(
            Label(LEFT + 8, y(target) - 8, _("Goal: %(amount)s") % {"amount": amount(target, unit)}, "start")
        )
    if baseline is not None:
        # Below its line, at the right, clear of the first dot (which starts near it).
        labels.append(
            Label(
                WIDTH - RIGHT,
                y(baseline) + 18,
                _("At the start: %(amount)s") % {"amount": amount(baseline, unit)},
                "end",
            )
        )
    return Trend(
        points=points,
        line=" ".join(f"{point.x},{point.y}" for point in points),
        goal_y=y(target) if target is not None else None,
        start_y=y(baseline) if baseline is not None else None,
        labels=labels,
    )


@dataclasses.dataclass(frozen=True)
class SpreadBar:
    label: str
    count: int
    share: int  # whole per cent of all answers
    y: int
    width: float
    words: str


@dataclasses.dataclass(frozen=True)
class Spread:
    bars: list[SpreadBar]
    height: int
    total: int
    width: int = WIDTH
    bar_left: int = 240
    bar_right: int = WIDTH - 120


ROW = 34


def spread(options):
    """Bars for how many chose each option: ``options`` is ``[(label, count), ...]`` in order."""
    total = sum(count for _, count in options)
    if not total:
        return None
    most = max(count for _, count in options)
    room = WIDTH - 120 - 240
    bars = []
    for index, (label, count) in enumerate(options):
        share = round(100 * count / total)
        people = "answer" if count == 1 else "answers"
        bars.append(
            SpreadBar(
                label=label,
                count=count,
                share=share,
                y=8 + index * ROW,
                width=round(room * count / most, 1) if most else 0,
                words=f"{count} {people} ({share}%)",
            )
        )
    return Spread(bars=bars, height=16 + len(options) * ROW, total=total)
