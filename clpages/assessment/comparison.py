"""A team's assessments side by side: each facet's level at each sitting, as a table, as the
points of a chart, and what changed since the time before.

Everything the chart draws is in the table too (the level in words, and whether future focus
was marked), and nothing depends on colour: a level is a height, and a facet marked for future
focus is drawn as a diamond instead of a dot.
"""

import dataclasses

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from clpages.assessment.facets import FACETS, LAYERS, Level


@dataclasses.dataclass(frozen=True)
class Cell:
    level: int
    level_name: str
    focus: bool
    notes: str


@dataclasses.dataclass(frozen=True)
class Change:
    facet: object
    before: int
    after: int
    focus_before: bool
    focus_after: bool

    @property
    def direction(self):
        if self.after > self.before:
            return "up"
        if self.after < self.before:
            return "down"
        return "same"

    @property
    def words(self):
        before, after = Level(self.before).label, Level(self.after).label
        steps = abs(self.after - self.before)
        if self.direction == "up":
            moved = _("up %(steps)s, from %(before)s to %(after)s")
        elif self.direction == "down":
            moved = _("down %(steps)s, from %(before)s to %(after)s")
        else:
            moved = _("still %(after)s")
        text = moved % {"steps": _level_steps(steps), "before": before, "after": after}
        if self.focus_after and not self.focus_before:
            text += _("; now marked for future focus")
        elif self.focus_before and not self.focus_after:
            text += _("; no longer marked for future focus")
        return text


def _level_steps(steps):
    return _("one level") if steps == 1 else _("%(count)s levels") % {"count": steps}


@dataclasses.dataclass(frozen=True)
class FacetRow:
    facet: object
    layer: object
    cells: list


@dataclasses.dataclass(frozen=True)
class Comparison:
    assessments: list  # oldest first
    rows: list  # a FacetRow per facet, in the seed's order
    changes: list  # a Change per facet, latest against the one before; empty with one assessment

    @property
    def latest(self):
        return self.assessments[-1] if self.assessments else None

    @property
    def previous(self):
        return self.assessments[-2] if len(self.assessments) > 1 else None

    def changed(self, direction):
        return [change for change in self.changes if change.direction == direction]

    @property
    def went_up(self):
        return self.changed("up")

    @property
    def went_down(self):
        return self.changed("down")

    @property
    def stayed(self):
        return self.changed("same")


def compare(assessments):
    """The comparison of these assessments (one team's), whatever order they come in."""
    assessments = sorted(assessments, key=lambda a: (a.date, a.pk or 0))
    rows = []
    for layer in LAYERS:
        for facet in layer.facets:
            cells = [
                Cell(
                    level=a.level(facet),
                    level_name=Level(a.level(facet)).label,
                    focus=a.needs_focus(facet),
                    notes=a.notes(facet),
                )
                for a in assessments
            ]
            rows.append(FacetRow(facet=facet, layer=layer, cells=cells))
    changes = []
    if len(assessments) > 1:
        before, after = assessments[-2], assessments[-1]
        changes = [
            Change(
                facet=facet,
                before=before.level(facet),
                after=after.level(facet),
                focus_before=before.needs_focus(facet),
                focus_after=after.needs_focus(facet),
            )
            for facet in FACETS
        ]
    return Comparison(assessments=assessments, rows=rows, changes=changes)


# The chart: a row per facet under its layer's name, a column per assessment.
WIDTH = 720
LABEL_WIDTH = 210  # the facets' short names, at the left
RIGHT = 24
TOP = 34  # the dates, above the rows
LAYER_ROW = 28
FACET_ROW = 44
LEVEL_STEP = 10  # the height of one level within a facet's row
BOTTOM = 12


@dataclasses.dataclass(frozen=True)
class Point:
    x: float
    y: float
    level: int
    focus: bool

    @property
    def diamond(self):
        """The points attribute of a diamond around (x, y): a facet marked for future focus."""
        r = 7
        return f"{self.x},{self.y - r} {self.x + r},{self.y} {self.x},{self.y + r} {self.x - r},{self.y}"


@dataclasses.dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: float
    top_y: float  # the line of the highest level
    bottom_y: float  # the line of the lowest level
    points: list
    line: str  # the polyline's points attribute


@dataclasses.dataclass(frozen=True)
class Heading:
    text: str
    y: float


@dataclasses.dataclass(frozen=True)
class Column:
    x: float
    label: str


@dataclasses.dataclass(frozen=True)
class Chart:
    rows: list
    headings: list
    columns: list
    height: int
    width: int = WIDTH
    plot_left: int = LABEL_WIDTH
    plot_right: int = WIDTH - RIGHT


def chart(comparison):
    """Where each facet's level at each assessment is drawn; None when there is nothing to draw."""
    count = len(comparison.assessments)
    if not count:
        return None
    left, right = LABEL_WIDTH + 16, WIDTH - RIGHT - 16

    def x(index):
        # Evenly spaced, oldest at the left: the dates are the columns' labels.
        if count == 1:
            return round((left + right) / 2, 1)
        return round(left + index * (right - left) / (count - 1), 1)

    columns = [Column(x(i), date_format(a.date, "j M Y")) for i, a in enumerate(comparison.assessments)]
    rows, headings = [], []
    y = TOP
    current_layer = None
    for row in comparison.rows:
        if row.layer is not current_layer:
            current_layer = row.layer
            headings.append(Heading(str(row.layer.name), y + 18))
            y += LAYER_ROW
        top = y + 7
        bottom = top + (len(Level) - 1) * LEVEL_STEP

        def level_y(level, bottom=bottom):
            return round(float(bottom - (level - 1) * LEVEL_STEP), 1)

        points = [
            Point(x(i), level_y(cell.level), cell.level, cell.focus) for i, cell in enumerate(row.cells)
        ]
        rows.append(
            ChartRow(
                label=str(row.facet.short),
                label_y=round((top + bottom) / 2 + 4, 1),
                top_y=top,
                bottom_y=bottom,
                points=points,
                line=" ".join(f"{p.x},{p.y}" for p in points),
            )
        )
        y += FACET_ROW
    return Chart(rows=rows, headings=headings, columns=columns, height=y + BOTTOM)
