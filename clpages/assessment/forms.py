"""The assessment form in the admin: every facet rated, the date no later than today, one
assessment per team and day. Errors are said next to the field, and what was typed stays."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList

from clpages.assessment.facets import FACETS, LAYERS, LEVEL_DESCRIPTIONS, Level
from clpages.assessment.models import Assessment


class AssessmentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if (
            not self.is_bound
            and not self.instance.pk
            and "date" in self.fields
            and not self.initial.get("date")
        ):
            # Most teams record the meeting the day it happens.
            self.initial["date"] = timezone.localdate()
        for facet in FACETS:
            field = self.fields.get(facet.level_field)
            if field is not None:
                # Four levels, no empty choice: every facet is rated.
                field.choices = Level.choices
                field.error_messages["required"] = _("Choose a level for “%(facet)s”.") % {
                    "facet": facet.text
                }

    def clean_team(self):
        team = " ".join(self.cleaned_data["team"].split())
        # The spelling the team already has, so its assessments stay together.
        known = Assessment.objects.filter(team__iexact=team).values_list("team", flat=True).first()
        return known or team

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(
                _("An assessment records where the team stands: choose today or an earlier day.")
            )
        return date

    def clean(self):
        cleaned = super().clean()
        team, date = cleaned.get("team"), cleaned.get("date")
        if team and date:
            same = Assessment.objects.filter(team__iexact=team, date=date)
            if self.instance.pk:
                same = same.exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error(
                    "date",
                    _("%(team)s already has an assessment on %(date)s: open that one, or choose another day.")
                    % {"team": team, "date": date_format(date, "j F Y")},
                )
        return cleaned


def levels_help():
    """The four levels in words, for the form's help text."""
    parts = [gettext_lazy("The levels:")]
    for level in Level:
        parts.append(format_lazy("{}: {}", level.label, LEVEL_DESCRIPTIONS[level]))
    return format_lazy("{} " * len(parts), *parts)


def _facet_panels(facet):
    return [
        FieldPanel(
            facet.level_field,
            heading=format_lazy("{}. {}", facet.number, facet.text),
            help_text=facet.detail,
            widget=forms.RadioSelect,
        ),
        FieldPanel(facet.notes_field, heading=format_lazy(gettext_lazy("Notes on “{}”"), facet.short)),
        FieldPanel(
            facet.focus_field, heading=format_lazy(gettext_lazy("Future focus needed on “{}”"), facet.short)
        ),
    ]


def edit_handler():
    panels = [
        MultiFieldPanel(
            [FieldPanel("team"), FieldPanel("date"), FieldPanel("participants")],
            heading=gettext_lazy("Who and when"),
        ),
        MultiFieldPanel(
            [FieldPanel("personal_goals"), FieldPanel("team_goals")],
            heading=gettext_lazy("Your goals"),
            help_text=gettext_lazy("What are your goals? Personal goals, and the team's."),
        ),
    ]
    for layer in LAYERS:
        facets = []
        for facet in layer.facets:
            facets += _facet_panels(facet)
        panels.append(
            MultiFieldPanel(
                facets,
                heading=layer.name,
                help_text=format_lazy("{} {}", layer.question, levels_help()),
            )
        )
    return ObjectList(panels, base_form_class=AssessmentForm)
