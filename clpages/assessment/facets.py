"""The CoLaB change model as the seed gives it: three layers, twelve facets, in the seed's words.

Dr. Audrey Barbakoff's Community-Led Capacity Building (CoLaB) Change Model moves through
inspirational, transformational and transactional change. A library team rates where it stands
on each facet, on a four-level scale (``Level``), and marks where future focus is needed.

Each facet has a short name too, for the chart's row labels only: the form, the table and the
printed copy always give the seed's own words.
"""

import dataclasses

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """How far a facet is part of the library's work, in plain words."""

    NOT_STARTED = 1, _("Not started")
    BEGINNING = 2, _("Beginning")
    DEVELOPING = 3, _("Developing")
    EMBEDDED = 4, _("Embedded")


LEVEL_DESCRIPTIONS = {
    Level.NOT_STARTED: _("We have not begun work on this yet."),
    Level.BEGINNING: _("A few people or projects have started; it is not yet how we work."),
    Level.DEVELOPING: _("It happens in much of our work, with plans and support to grow it."),
    Level.EMBEDDED: _("It is part of how the whole library works, every day."),
}


@dataclasses.dataclass(frozen=True)
class Facet:
    key: str
    number: int  # its number within its layer, as the seed numbers them
    text: Promise  # the seed's words
    detail: Promise | str
    short: Promise  # for the chart's row labels

    @property
    def level_field(self):
        return f"{self.key}_level"

    @property
    def notes_field(self):
        return f"{self.key}_notes"

    @property
    def focus_field(self):
        return f"{self.key}_focus"


@dataclasses.dataclass(frozen=True)
class Layer:
    key: str
    name: Promise
    question: Promise  # the seed's prompt for the layer
    facets: tuple


LAYERS = (
    Layer(
        "inspirational",
        _("Inspirational change"),
        _(
            "Consider or discuss these steps to enact inspirational change for your library community. "
            "How has your library prioritized these steps below or where is future focus needed?"
        ),
        (
            Facet(
                "prioritize_edi",
                1,
                _("Formally prioritize Equity, Diversity, and Inclusion (EDI)"),
                _(
                    "Set clear, measurable expectations for the organization to prioritize EDI and "
                    "community-led work"
                ),
                _("Prioritize EDI"),
            ),
            Facet(
                "conceptual_education",
                2,
                _("Provide conceptual education on community engagement and EDI concepts"),
                "",
                _("Conceptual education"),
            ),
            Facet(
                "connect_purpose",
                3,
                _("Connect purpose to community goals and EDI values"),
                "",
                _("Purpose and community goals"),
            ),
        ),
    ),
    Layer(
        "transformational",
        _("Transformational change"),
        _(
            "Next examine these facets of transformational change, that impact deeply embedded processes "
            "and characteristics of your organization. How has your library prioritized these facets "
            "below or where is future focus needed?"
        ),
        (
            Facet("growth_mindset", 1, _("Foster growth mindset"), "", _("Growth mindset")),
            Facet(
                "psychological_safety",
                2,
                _("Develop psychological safety for inclusion and innovation"),
                "",
                _("Psychological safety"),
            ),
            Facet("reflection", 3, _("Make time for reflection"), "", _("Time for reflection")),
            Facet(
                "interpersonal_skills",
                4,
                _("Hire and train for interpersonal skills and cultural humility"),
                "",
                _("Hiring and training"),
            ),
            Facet("prior_experience", 5, _("Connect prior experience"), "", _("Prior experience")),
            Facet(
                "community_knowledge",
                6,
                _("Build community knowledge through relationships"),
                "",
                _("Community knowledge"),
            ),
        ),
    ),
    Layer(
        "transactional",
        _("Transactional change"),
        _(
            "Now examine these facets of transactional change, that intersect with the day-to-day "
            "operations of your organization. How has your library prioritized these facets below or "
            "where is future focus needed?"
        ),
        (
            Facet(
                "relationship_time",
                1,
                _("Provide time, autonomy, and flexibility for relationship-building"),
                "",
                _("Time for relationships"),
            ),
            Facet(
                "empower_everyone", 2, _("Empower everyone in the organization"), "", _("Empower everyone")
            ),
            Facet("measure_what_matters", 3, _("Measure what matters"), "", _("Measure what matters")),
        ),
    ),
)

FACETS = tuple(facet for layer in LAYERS for facet in layer.facets)
LAYER_OF = {facet.key: layer for layer in LAYERS for facet in layer.facets}
