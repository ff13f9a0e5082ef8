"""Running a session in the admin: the dates taking registrations, and one date's people.

Library staff see everything and mark who came; partners co-leading a program see its counts
and access needs (clpages.registrations.access). A request for more than someone may see or do
gets a 403 page, and changes nothing. None of these pages is ever cached
(clpages.registrations.viewsets): they hold names and contacts.
"""

from django.apps import apps
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from clpages.registrations import places, running
from clpages.registrations.access import access_for
from clpages.registrations.exports import registrations_csv
from clpages.registrations.forms import AttendanceForm
from clpages.registrations.models import SERIES, Registration
from clpages.registrations.tasks import email_after_commit

PER_PAGE = 50
WHEN = {running.UPCOMING: "Today and coming up", running.RECENT: "Recent"}


def list_url():
    return reverse("clpages_registrations_admin:index")


def date_url(session, date_key, name="date"):
    return reverse(f"clpages_registrations_admin:{name}", args=[session.pk, date_key])


class RunningSessionsView(WagtailAdminTemplateMixin, View):
    header_icon = "calendar-check"

    def dispatch(self, request, *args, **kwargs):
        self.access = access_for(request.user)
        if not self.access.sees_any_date or not self.allowed(**kwargs):
            return self.refuse()
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, **kwargs):
        return True

    def refuse(self):
        # Returned, not raised: Wagtail turns PermissionDenied into a redirect to the dashboard.
        context = {
            "page_title": "Registrations",
            "header_title": "Registrations",
            "header_icon": self.header_icon,
        }
        return TemplateResponse(self.request, "clpages_registrations/admin/refused.html", context, status=403)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": list_url(), "label": "Registrations"}]


class DateListView(RunningSessionsView):
    template_name = "clpages_registrations/admin/index.html"
    page_title = "Registrations"

    def get(self, request):
        when = request.GET.get("when")
        when = when if when in WHEN else running.UPCOMING
        program_ids = None
        if not self.access.staff_views:
            linked = apps.get_model("clpages", "ProgramPage").linked_to(self.access.partner_ids)
            program_ids = apps.get_model("clpages", "ProgramPage").objects.filter(linked).values("pk")
        paginator = WagtailPaginator(running.listed_dates(when, program_ids), PER_PAGE)
        page = paginator.get_page(request.GET.get("p"))
        context = self.get_context_data(
            when=when,
            when_label=WHEN[when],
            partner_view=not self.access.staff_views,
            views=[(key, label, key == when) for key, label in WHEN.items()],
            recent_days=running.recent_days(),
            dates=running.with_counts(page.object_list),
            items=page,
            elided_page_range=paginator.get_elided_page_range(page.number),
        )
        return self.render_to_response(context)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": "Registrations"}]


class OneDateView(RunningSessionsView):
    """A date's page, its sign-in sheet or its spreadsheet: for people who may see its names
    (``needs_names``) or, on its page, its counts."""

    needs_names = False

    def allowed(self, session_id, date_key):
        session_model = apps.get_model("clpages", "ProgramSession")
        self.session = (
            session_model.objects.select_related("program", "location").filter(pk=session_id).first()
        )
        if self.session is None:
            raise Http404
        self.date_access = self.access.for_program(self.session.program_id)
        if self.date_access is None or (self.needs_names and not self.date_access.sees_names):
            return False
        self.date_key = date_key
        if date_key == SERIES:
            if not self.session.register_for_series:
                raise Http404
        elif places.first_date(self.session, date_key) is None:
            raise Http404
        self.program = self.session.program
        return True

    def get_page_title(self):
        return self.program.title

    def get_page_subtitle(self):
        return self.when

    @cached_property
    def when(self):
        label = places.date_label(self.session, self.date_key)
        return f"Whole series: {label}" if self.date_key == SERIES else label

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.get_header_title()}]

    def date_context(self, **extra):
        confirmed, waiting = running.registrations_of(self.session, self.date_key)
        counts = running.counts_for([(self.session.pk, self.date_key)])[self.session.pk, self.date_key]
        return {
            "program": self.program,
            "session": self.session,
            "date_key": self.date_key,
            "when": self.when,
            "sees_names": self.date_access.sees_names,
            "marks_attendance": self.date_access.marks_attendance,
            "confirmed": confirmed,
            "waiting": waiting,
            "counts": counts,
            "needs": running.needs_summary(confirmed),
            "waiting_needs": running.needs_summary(waiting),
            "sign_in_url": date_url(self.session, self.date_key, "sign_in"),
            "csv_url": date_url(self.session, self.date_key, "csv"),
            "cancel_url": date_url(self.session, self.date_key, "cancel"),
            **extra,
        }


class DateView(OneDateView):
    template_name = "clpages_registrations/admin/date.html"

    @staticmethod
    def with_form(context, data=None):
        """The context with the attendance form, and each person with their box (or none)."""
        if not context["marks_attendance"]:
            return {**context, "people": [(registration, None) for registration in context["confirmed"]]}
        initial = {"walk_ins": context["counts"].walk_ins}
        form = AttendanceForm(data, registrations=context["confirmed"], initial=initial)
        return {**context, "form": form, "people": form.rows()}

    def get(self, request, session_id, date_key):
        return self.render_to_response(self.get_context_data(**self.with_form(self.date_context())))

    def post(self, request, session_id, date_key):
        if not self.date_access.marks_attendance:
            return self.refuse()
        context = self.with_form(self.date_context(), request.POST)
        form = context["form"]
        if not form.is_valid():
            messages.error(request, "Attendance was not saved. Please correct the errors below.")
            return self.render_to_response(self.get_context_data(**context), status=400)
        running.save_attendance(
            self.session, self.date_key, form.shown_ids(), form.came_ids(), form.cleaned_data["walk_ins"]
        )
        counts = running.counts_for([(self.session.pk, self.date_key)])[self.session.pk, self.date_key]
        messages.success(
            request,
            f"Attendance saved: {counts.came} came "
            f"({counts.attended} registered, {counts.walk_ins} walk-ins).",
        )
        return redirect(date_url(self.session, self.date_key))


class CancelRegistrationView(OneDateView):
    """Library staff cancel someone's registration (a patron who rang, say): the waiting list
    moves up and both are told by email, as when patrons cancel themselves."""

    needs_names = True
    http_method_names = ["post"]

    def post(self, request, session_id, date_key):
        if not self.date_access.marks_attendance:
            return self.refuse()
        pk = request.POST.get("registration", "")
        registration = None
        if pk.isdigit():
            registration = (
                Registration.objects.for_date(self.session.pk, date_key)
                .active()
                .filter(pk=pk, erased_at__isnull=True)
                .first()
            )
        if registration is None:
            messages.error(request, "That registration is already cancelled, or is not for this date.")
            return redirect(date_url(self.session, date_key))
        outcome = places.cancel(registration.pk)
        email_after_commit(outcome.registration, "cancelled", by_library=True)
        for promoted in outcome.promoted:
            email_after_commit(promoted, "promoted")
        moved_up = len(outcome.promoted)
        messages.success(
            request,
            f"Registration cancelled ({registration.places} place{'s' if registration.places != 1 else ''}); "
            "they are told by email."
            + (f" {moved_up} from the waiting list now registered and told." if moved_up else ""),
        )
        return redirect(date_url(self.session, date_key))


class SignInSheetView(OneDateView):
    """A page to print: names in alphabetical order, places, room to sign, access needs."""

    template_name = "clpages_registrations/admin/sign_in.html"
    needs_names = True
    # Lines for people who come without registering.
    blank_lines = 8

    def get(self, request, session_id, date_key):
        context = self.date_context(
            blank_lines=range(self.blank_lines), back_url=date_url(self.session, date_key)
        )
        context["confirmed"] = running.by_name(context["confirmed"])
        return self.render_to_response(self.get_context_data(**context))


class SpreadsheetView(OneDateView):
    needs_names = True

    def get(self, request, session_id, date_key):
        confirmed, waiting = running.registrations_of(self.session, date_key)
        # With a byte order mark, spreadsheet applications read the names in every script.
        body = "\ufeff" + registrations_csv(confirmed, waiting)
        response = HttpResponse(body.encode("utf-8"), content_type="text/csv; charset=utf-8")
        filename = f"registrations-{self.program.slug}-{self.session.pk}-{date_key}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
