"""One survey's screens in the admin: where it stands and its counts, approving it, entering
paper answers, the printable copy and the spreadsheet of answers.

Each checks its own right (clpages.surveys.access) and answers a request for more than someone
may do with a 403 page, changing nothing.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from clpages.conf import setting
from clpages.surveys.access import access_for
from clpages.surveys.exports import answers_csv
from clpages.surveys.forms import SurveyForm
from clpages.surveys.models import QuestionTally, Survey
from clpages.surveys.paper import PaperDayForm, copies_asked
from clpages.surveys.qr import qr_svg
from clpages.surveys.tallies import figure, record_answers
from clpages.surveys.views import answer_path
from clpages.surveys.vocabulary import AGREEMENT_SCALE


def refused(request):
    # Returned, not raised: Wagtail turns PermissionDenied into a redirect to the dashboard.
    return TemplateResponse(
        request, "clpages_surveys/admin/refused.html", {"page_title": "Surveys"}, status=403
    )


def survey_url(survey, name="overview"):
    return reverse(f"clpages_surveys_admin:{name}", args=[survey.pk])


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.status_label


class SurveyScreen(WagtailAdminTemplateMixin, View):
    header_icon = "form"

    def allowed(self, access):
        return access.may_prepare(self.survey.evaluation_id)

    def dispatch(self, request, pk):
        self.survey = Survey.objects.select_related("evaluation").filter(pk=pk).first()
        if self.survey is None:
            raise Http404
        self.access = access_for(request.user)
        if not self.allowed(self.access):
            return refused(request)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return self.survey.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("clpages_surveys_admin:index"), "label": "Surveys"},
            {"url": "", "label": self.survey.title},
        ]

    def public_url(self):
        return self.request.build_absolute_uri(answer_path(self.survey))


class OverviewView(SurveyScreen):
    template_name = "clpages_surveys/admin/overview.html"

    def get(self, request, pk):
        questions = self.survey.ordered_questions()
        tallies = {t.question_id: t for t in QuestionTally.objects.filter(question__in=questions)}
        rows = []
        for question in questions:
            tally = tallies.get(question.pk)
            rows.append(
                {
                    "question": question,
                    "answers": tally.answers if tally else 0,
                    "figure": figure(question, tally) if question.feeds_id else None,
                }
            )
        context = self.get_context_data(
            survey=self.survey,
            rows=rows,
            responses=self.survey.responses.count(),
            minimum=setting("CLPAGES_SURVEY_MIN_ANSWERS"),
            public_url=self.public_url(),
            access=self.access,
            edit_url=reverse("clpages_surveys_admin:edit", args=[pk]),
            approve_url=survey_url(self.survey, "approve"),
            paper_url=survey_url(self.survey, "paper"),
            print_url=survey_url(self.survey, "print"),
            csv_url=survey_url(self.survey, "csv"),
        )
        return self.render_to_response(context)


class ApproveView(SurveyScreen):
    """Library staff approve a survey partners prepared, so it can open to the public."""

    http_method_names = ["post"]

    def allowed(self, access):
        return access.approves

    def post(self, request, pk):
        survey = self.survey
        if request.POST.get("action") == "withdraw":
            survey.approved_at, survey.approved_by = None, None
            messages.success(request, "Approval withdrawn: the public can no longer answer this survey.")
        else:
            survey.approved_at, survey.approved_by = timezone.now(), request.user
            messages.success(
                request, "Approved." + ("" if survey.is_open else " It opens once it is set to take answers.")
            )
        survey.save(update_fields=["approved_at", "approved_by", "updated_at"])
        return redirect(survey_url(survey))


class PaperAnswersView(SurveyScreen):
    """Library staff type in the answers from paper copies, one copy at a time."""

    template_name = "clpages_surveys/admin/paper.html"

    def allowed(self, access):
        return access.enters_paper_answers

    def render(self, form, day_form, status=200):
        context = self.get_context_data(
            survey=self.survey, form=form, day_form=day_form, overview_url=survey_url(self.survey)
        )
        return self.render_to_response(context, status=status)

    def get(self, request, pk):
        questions = self.survey.ordered_questions()
        return self.render(
            SurveyForm(questions=questions), PaperDayForm(initial={"answered_on": timezone.localdate()})
        )

    def post(self, request, pk):
        form = SurveyForm(request.POST, questions=self.survey.ordered_questions())
        day_form = PaperDayForm(request.POST)
        if not (day_form.is_valid() and form.is_valid()):
            messages.error(request, "These answers were not saved. Please correct the errors below.")
            return self.render(form, day_form, status=400)
        record_answers(self.survey, form.given(), day=day_form.cleaned_data["answered_on"], on_paper=True)
        messages.success(request, "Answers saved. Enter the next copy.")
        return redirect(
            survey_url(self.survey, "paper") + f"?day={day_form.cleaned_data['answered_on']:%Y-%m-%d}"
        )


class PrintView(SurveyScreen):
    """The paper copy: the questions with boxes to tick, and a QR code to answer online."""

    def get(self, request, pk):
        url = self.public_url()
        context = {
            "survey": self.survey,
            "questions": self.survey.ordered_questions(),
            "copies": range(copies_asked(request.GET.get("copies"))),
            "public_url": url,
            "qr": qr_svg(url, f"QR code: answer online at {url}"),
            "scale": AGREEMENT_SCALE,
        }
        return TemplateResponse(request, "clpages_surveys/admin/print.html", context)


class ExportView(SurveyScreen):
    def allowed(self, access):
        return access.exports

    def get(self, request, pk):
        response = HttpResponse(answers_csv(self.survey), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="survey-{self.survey.pk}-answers.csv"'
        return response
