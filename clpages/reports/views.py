"""The reports' screens, on Wagtail's report views: filters, pages of 50 and CSV/XLSX downloads.

Every text cell of a download goes through ``safe_cell``, so a title or a name that looks like a
formula opens as the text that was typed; numbers and dates stay numbers and dates.
"""

from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from clpages.i18n.originals import default_locale_id
from clpages.models import EvaluationMeasure, PartnershipNextStep, ProgramPage
from clpages.reports.access import reads_reports
from clpages.reports.filters import MeasureReportFilterSet, NextStepReportFilterSet, ProgramReportFilterSet
from clpages.reports.rows import measure_rows, program_rows, with_next_date
from clpages.spreadsheets import safe_cell


class LibraryReportView(ReportView):
    """A report for library staff; anyone else is refused with a 403 (Wagtail would send them to
    the dashboard), the downloads included."""

    slug = ""
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        str: {ReportView.FORMAT_CSV: safe_cell, ReportView.FORMAT_XLSX: safe_cell},
    }

    def dispatch(self, request, *args, **kwargs):
        if not reads_reports(request.user):
            context = {"page_title": self.page_title, "header_title": self.page_title}
            return TemplateResponse(request, "clpages/reports/refused.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.slug}-{timezone.localdate():%Y-%m-%d}"


class ProgramsReportView(LibraryReportView):
    slug = "programs"
    page_title = _("Programs by stage")
    header_icon = "list-ul"
    results_template_name = "clpages/reports/programs_results.html"
    filterset_class = ProgramReportFilterSet
    index_url_name = "clpages_reports:programs"
    index_results_url_name = "clpages_reports:programs_results"
    model = ProgramPage
    export_headings = {
        "title": _("Program"),
        "stage": _("Stage"),
        "status": _("Status"),
        "partners": _("Partners"),
        "next_session": _("Next session"),
        "next_session_status": _("Next session is"),
        "places_taken": _("Places taken"),
        "capacity": _("Places in all"),
        "waiting": _("Waiting list"),
    }
    REGISTRATION_FIELDS = ["places_taken", "capacity", "waiting"]
    list_export = [
        "title",
        "stage",
        "status",
        "partners",
        "next_session",
        "next_session_status",
        *REGISTRATION_FIELDS,
    ]
    counts_registrations = False

    def get_queryset(self):
        programs = ProgramPage.objects.filter(locale_id=default_locale_id(), alias_of__isnull=True)
        return with_next_date(programs).order_by("stage", "title", "pk")

    def decorate_paginated_queryset(self, programs):
        rows, self.counts_registrations = program_rows(programs)
        if not self.counts_registrations:
            self.list_export = [name for name in self.list_export if name not in self.REGISTRATION_FIELDS]
        return rows


class MeasuresReportView(LibraryReportView):
    slug = "results-against-goals"
    page_title = _("Results against goals")
    header_icon = "table"
    results_template_name = "clpages/reports/measures_results.html"
    filterset_class = MeasureReportFilterSet
    index_url_name = "clpages_reports:measures"
    index_results_url_name = "clpages_reports:measures_results"
    model = EvaluationMeasure
    export_headings = {
        "name": _("Measure"),
        "evaluation_title": _("Results and learning page"),
        "program_title": _("Program or partnership"),
        "partners": _("Partners"),
        "period": _("Period covered"),
        "latest_value": _("Latest value"),
        "unit": _("Unit"),
        "latest_date": _("Counted on"),
        "target": _("Goal"),
        "goal": _("Goal, in words"),
        "standing": _("Where it stands"),
    }
    list_export = list(export_headings)

    def get_queryset(self):
        return (
            EvaluationMeasure.objects.filter(
                evaluation__locale_id=default_locale_id(), evaluation__alias_of__isnull=True
            )
            .select_related("evaluation", "evaluation__program", "evaluation__partnership__partner")
            .prefetch_related("results")
            .order_by("evaluation__title", "evaluation_id", "sort_order", "pk")
        )

    def decorate_paginated_queryset(self, measures):
        return measure_rows(measures)


class NextStepsReportView(LibraryReportView):
    slug = "overdue-next-steps"
    page_title = _("Overdue next steps")
    header_icon = "warning"
    results_template_name = "clpages/reports/next_steps_results.html"
    filterset_class = NextStepReportFilterSet
    index_url_name = "clpages_reports:next_steps"
    index_results_url_name = "clpages_reports:next_steps_results"
    model = PartnershipNextStep
    export_headings = {
        "what": _("Next step"),
        "who": _("Who"),
        "when": _("Due on"),
        "days_overdue": _("Days overdue"),
        "partnership.title": _("Partnership"),
        "partnership.partner.name": _("Partner"),
    }
    list_export = list(export_headings)

    def get_queryset(self):
        self.today = timezone.localdate()
        return (
            PartnershipNextStep.objects.filter(
                done=False,
                when__lt=self.today,
                partnership__locale_id=default_locale_id(),
                partnership__alias_of__isnull=True,
            )
            .select_related("partnership", "partnership__partner")
            .order_by("when", "partnership__title", "pk")
        )

    def decorate_paginated_queryset(self, steps):
        steps = list(steps)
        for step in steps:
            step.days_overdue = (self.today - step.when).days
        return steps


REPORTS = [
    ("programs", ProgramsReportView, "list-ul", 1300),
    ("measures", MeasuresReportView, "table", 1310),
    ("next_steps", NextStepsReportView, "warning", 1320),
]


def admin_urls():
    patterns = []
    for name, view, _icon, _order in REPORTS:
        slug = view.slug
        patterns += [
            path(f"{slug}/", never_cache(view.as_view()), name=name),
            path(f"{slug}/results/", never_cache(view.as_view(results_only=True)), name=f"{name}_results"),
        ]
    return [path("community/reports/", include((patterns, "clpages_reports")))]


class LibraryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return reads_reports(request.user)


def menu_item(name):
    def item():
        view, icon, order = next((v, i, o) for n, v, i, o in REPORTS if n == name)
        return LibraryReportMenuItem(
            view.page_title,
            reverse(f"clpages_reports:{name}"),
            name=f"clpages-{view.slug}",
            icon_name=icon,
            order=order,
        )

    return item


menu_items = [menu_item(name) for name, *_ in REPORTS]
