"""The reports' filters: by partner organisation and by period, as Wagtail's own reports filter.

Partners are the organisations of the default language, the ones pages point at. Wagtail adds
a locale filter to translatable models; the reports read the originals only, so it is removed.
"""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from clpages.i18n.originals import default_locale_id
from clpages.models import (
    CommunityPartner,
    EvaluationMeasure,
    EvaluationPage,
    PartnershipNextStep,
    ProgramPage,
    SessionOccurrence,
)
from clpages.stages import Stage


def partners(request):
    return CommunityPartner.objects.filter(locale_id=default_locale_id()).order_by("name")


def partner_filter(help_text):
    return django_filters.ModelChoiceFilter(
        label=_("Partner"),
        empty_label=_("Any partner"),
        queryset=partners,
        method="by_partner",
        help_text=help_text,
    )


def period_filter(help_text):
    return django_filters.DateFromToRangeFilter(
        label=_("Period"), widget=DateRangePickerWidget, method="in_period", help_text=help_text
    )


def overlapping(queryset, period, starts, ends):
    """What runs into the period (a slice of dates, either end open): it ends on or after the
    period's first day and starts on or before its last."""
    if period and period.start:
        queryset = queryset.filter(**{f"{ends}__gte": period.start})
    if period and period.stop:
        queryset = queryset.filter(**{f"{starts}__lte": period.stop})
    return queryset


class ReportFilterSet(WagtailFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("locale", None)


class ProgramReportFilterSet(ReportFilterSet):
    partner = partner_filter(_("Programs co-created with this partner."))
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices, empty_label=_("Any stage"))
    period = period_filter(_("Programs with a session on these days."))

    class Meta:
        model = ProgramPage
        fields = ["partner", "stage", "period"]

    def by_partner(self, queryset, name, partner):
        return queryset.linked_to([partner.pk]) if partner else queryset

    def in_period(self, queryset, name, period):
        if not period or (period.start is None and period.stop is None):
            return queryset
        dates = SessionOccurrence.objects.filter(program=OuterRef("pk"))
        return queryset.filter(Exists(overlapping(dates, period, "start__date", "end__date")))


class MeasureReportFilterSet(ReportFilterSet):
    partner = partner_filter(_("Results of work with this partner."))
    period = period_filter(_("Results pages covering some of these days."))

    class Meta:
        model = EvaluationMeasure
        fields = ["partner", "period"]

    def by_partner(self, queryset, name, partner):
        if not partner:
            return queryset
        linked = EvaluationPage.objects.filter(EvaluationPage.linked_to([partner.pk]))
        return queryset.filter(evaluation__in=linked)

    def in_period(self, queryset, name, period):
        return overlapping(queryset, period, "evaluation__period_start", "evaluation__period_end")


class NextStepReportFilterSet(ReportFilterSet):
    partner = partner_filter(_("Next steps of the partnership with this partner."))
    period = period_filter(_("Next steps due on these days."))

    class Meta:
        model = PartnershipNextStep
        fields = ["partner", "period"]

    def by_partner(self, queryset, name, partner):
        return queryset.filter(partnership__partner=partner) if partner else queryset

    def in_period(self, queryset, name, period):
        return overlapping(queryset, period, "when", "when")
