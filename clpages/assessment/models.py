"""One sitting of a library team's self-assessment against the CoLaB change model.

Each of the twelve facets (clpages.assessment.facets) has three columns on the assessment: its
level, the team's notes and whether future focus is needed. The facets are the seed's fixed
model, so one row holds a whole assessment, and comparing a team's assessments over time reads
one query however many there are.
"""

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from clpages.assessment.facets import FACETS, Level


class AssessmentQuerySet(models.QuerySet):
    def of_team(self, team):
        return self.filter(team__iexact=team.strip())


class Assessment(models.Model):
    date = models.DateField(verbose_name=_("date"), help_text=_("The day the team met to assess itself."))
    team = models.CharField(
        max_length=120,
        verbose_name=_("team"),
        help_text=_(
            "The team's name, the same each time, so its assessments can be compared: "
            "for example “Youth services”."
        ),
    )
    participants = models.TextField(
        verbose_name=_("who took part"), help_text=_("Names or roles, one a line.")
    )
    personal_goals = models.TextField(blank=True, verbose_name=_("personal goals"))
    team_goals = models.TextField(blank=True, verbose_name=_("team goals"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["team", "date", "pk"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["team", "date"], name="clpages_assessment_one_per_team_and_day")
        ]

    def __str__(self):
        return f"{self.team}, {date_format(self.date, 'j F Y')}"

    def level(self, facet):
        return getattr(self, facet.level_field)

    def notes(self, facet):
        return getattr(self, facet.notes_field)

    def needs_focus(self, facet):
        return getattr(self, facet.focus_field)

    @property
    def participant_list(self):
        return [line.strip() for line in self.participants.splitlines() if line.strip()]


for _facet in FACETS:
    Assessment.add_to_class(
        _facet.level_field, models.PositiveSmallIntegerField(choices=Level.choices, verbose_name=_facet.text)
    )
    Assessment.add_to_class(_facet.notes_field, models.TextField(blank=True, verbose_name=_("notes")))
    Assessment.add_to_class(
        _facet.focus_field, models.BooleanField(default=False, verbose_name=_("future focus needed"))
    )
del _facet
