"""A measure's results as a chart that says in words how each one compares with the goal.

The bars are drawn for a glance; every row also says, as text beside its bar, where it stands
("Goal met: 120 of 100 visits", "Not yet: 40 of 100 visits"), so nobody has to judge a length or
a colour, and the words survive forced colours, print and screen readers.
"""

import dataclasses
import datetime
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

GOAL_MET = gettext_lazy("Goal met")
NOT_YET = gettext_lazy("Not yet")


@dataclasses.dataclass(frozen=True)
class ChartRow:
    """One bar: the baseline (``date`` is None) or a result on ``date``."""

    date: datetime.date | None
    value: Decimal
    width: int  # 0-100, the share of the chart's width the bar fills
    words: str  # what the bar shows, in words
    met: bool | None  # None for the baseline and when no goal was set

    @property
    def is_baseline(self):
        return self.date is None


@dataclasses.dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    goal_position: int | None  # 0-100, where the goal line is drawn
    goal_words: str  # "70% or more", "" when there is no goal
    start_words: str  # "35%", "" when there is no baseline


def number(value):
    """12, 71.5, 3.25: at most two decimals, and none that say nothing ("71.50" reads as precision)."""
    text = str(floatformat(value, "-2"))
    separator = get_format("DECIMAL_SEPARATOR")
    if separator in text:
        text = text.rstrip("0").rstrip(separator)
    return text


def amount(value, unit):
    """A number with its unit, as the page writes it: "70%", "30 children", "12"."""
    number_text = number(value)
    unit = unit.strip()
    if not unit:
        return number_text
    return f"{number_text}{unit}" if unit == "%" else f"{number_text} {unit}"


def aims_lower(baseline, target):
    """Whether the goal is to bring the number down (waiting times, missed sessions).

    Measures do not record a direction: a goal set below where things stood at the start can
    only mean "fewer", so that is what it is read as; otherwise more is better.
    """
    return baseline is not None and target is not None and target < baseline


def meets(value, target, lower):
    """Whether a figure reaches the goal, in whichever direction the goal points."""
    return value <= target if lower else value >= target


def goal_words(target, unit, lower):
    """The goal as the page writes it: "70% or more", "15 days or less"."""
    if lower:
        return _("%(amount)s or less") % {"amount": amount(target, unit)}
    return _("%(amount)s or more") % {"amount": amount(target, unit)}


def verdict(value, target, unit, lower):
    """Where one result stands against the goal, in words, and whether the goal is met."""
    if target is None:
        return amount(value, unit), None
    met = meets(value, target, lower)
    prefix = GOAL_MET if met else NOT_YET
    # "68% of 70%" reads as a share of a share, and "12 of 15 days or less" as nothing: say the goal.
    if lower or unit.strip() == "%":
        words = _("%(verdict)s: %(amount)s (goal: %(goal)s)") % {
            "verdict": prefix,
            "amount": amount(value, unit),
            "goal": goal_words(target, unit, lower),
        }
        return words, met
    words = _("%(verdict)s: %(number)s of %(target)s") % {
        "verdict": prefix,
        "number": number(value),
        "target": amount(target, unit),
    }
    return words, met


def measure_chart(results, *, baseline, target, unit):
    """The chart of `results` (MeasureResult records, in date order) for one measure."""
    readings = [result for result in results if result.value is not None]
    lower = aims_lower(baseline, target)
    # Percentages are drawn on a 0-100 scale so 50% fills half the width, whatever the goal.
    floor = Decimal(100) if unit.strip() == "%" else Decimal(1)
    scale = max([r.value for r in readings] + [target or 0, baseline or 0, floor])

    def width(value):
        return max(0, min(100, int(value / scale * 100)))

    rows = []
    if readings and baseline is not None:
        rows.append(ChartRow(None, baseline, width(baseline), amount(baseline, unit), None))
    for reading in readings:
        words, met = verdict(reading.value, target, unit, lower)
        rows.append(ChartRow(reading.date, reading.value, width(reading.value), words, met))
    goal = goal_words(target, unit, lower) if target is not None else ""
    return Chart(
        rows=rows,
        goal_position=width(target) if target is not None and readings else None,
        goal_words=goal,
        start_words=amount(baseline, unit) if baseline is not None else "",
    )


@dataclasses.dataclass(frozen=True)
class Summary:
    """Where a measure stands, from its latest figure: what the page says before any chart."""

    met: bool | None  # None when no goal was set or nothing was counted yet
    date: datetime.date | None
    words: str  # "68% (goal: 70% or more)"; "" when nothing was counted yet


def summary(results, *, baseline, target, unit):
    readings = [result for result in results if result.value is not None]
    if not readings:
        return Summary(met=None, date=None, words="")
    latest = readings[-1]
    lower = aims_lower(baseline, target)
    if target is None:
        return Summary(met=None, date=latest.date, words=amount(latest.value, unit))
    words = _("%(amount)s (goal: %(goal)s)") % {
        "amount": amount(latest.value, unit),
        "goal": goal_words(target, unit, lower),
    }
    return Summary(met=meets(latest.value, target, lower), date=latest.date, words=words)
