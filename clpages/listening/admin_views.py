"""Listening in the admin: the questions, one question's answers, and moderating them.

Library staff see every page's questions and answers as their permissions allow; partners see
those of the pages linked to their organisations (clpages.listening.access). A request for more
than someone may see or do, a forged POST included, gets a 403 page and changes nothing. None of
these pages is ever cached (clpages.listening.viewsets).
"""

from django.apps import apps
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from clpages.listening import moderation
from clpages.listening.access import access_for
from clpages.listening.exports import answers_csv
from clpages.listening.forms import QuestionForm
from clpages.listening.models import AnswerStatus, ListeningQuestion
from clpages.listening.pages import asking_pages, may_ask
from clpages.partners.scope import linked_pages

PER_PAGE = 50
SHOWN = {status.value: status.label for status in AnswerStatus}
ALL = "all"


def list_url():
    return reverse("clpages_listening_admin:index")


def answers_url(question, shown=""):
    url = reverse("clpages_listening_admin:answers", args=[question.pk])
    return f"{url}?shown={shown}" if shown else url


class ListeningView(WagtailAdminTemplateMixin, View):
    header_icon = "comment"
    page_title = "Listening"

    def dispatch(self, request, *args, **kwargs):
        self.access = access_for(request.user)
        if not self.access.sees_anything or not self.allowed(**kwargs):
            return self.refuse()
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, **kwargs):
        return True

    def refuse(self):
        # Returned, not raised: Wagtail turns PermissionDenied into a redirect to the dashboard.
        context = {"page_title": "Listening", "header_title": "Listening", "header_icon": self.header_icon}
        return TemplateResponse(self.request, "clpages_listening/admin/refused.html", context, status=403)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": list_url(), "label": "Listening"}]

    def question_in_scope(self, question_id):
        question = ListeningQuestion.objects.select_related("page").filter(pk=question_id).first()
        if question is None:
            raise Http404
        self.question = question
        return question


class QuestionListView(ListeningView):
    template_name = "clpages_listening/admin/index.html"

    def get(self, request):
        questions = ListeningQuestion.objects.select_related("page").annotate(
            new_answers=Count("answers", filter=Q(answers__status=AnswerStatus.NEW)),
            all_answers=Count("answers"),
        )
        scope = self.access.scope
        if scope is not None:
            page_model = apps.get_model("wagtailcore", "Page")
            questions = questions.filter(page__in=page_model.objects.filter(linked_pages(scope)))
        paginator = WagtailPaginator(questions.order_by("-created_at", "-pk"), PER_PAGE)
        page = paginator.get_page(request.GET.get("p"))
        context = self.get_context_data(
            questions=page.object_list,
            items=page,
            partner_view=scope is not None,
            edits=self.access.sets_questions or scope is not None,
            reads=self.access.views_answers or scope is not None,
            approves=self.access.approves(),
        )
        return self.render_to_response(context)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": "Listening"}]


class QuestionEditView(ListeningView):
    template_name = "clpages_listening/admin/question.html"

    def allowed(self, question_id=None):
        self.question = None
        if question_id is None:
            return self.access.sets_questions or bool(self.access.partner_ids)
        question = self.question_in_scope(question_id)
        return self.access.sets_question_of(question.page)

    def pages(self):
        return asking_pages(None if self.access.sets_questions else self.access.partner_ids)

    def get_page_title(self):
        return "Change the question" if self.question else "Ask a question"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.get_page_title()}]

    def render_form(self, form, status=200):
        context = self.get_context_data(
            form=form, question=self.question, approves=self.access.approves(), cancel_url=list_url()
        )
        return self.render_to_response(context, status=status)

    def get(self, request, question_id=None):
        question = self.question
        initial = (
            {"page": question.page_id, "text": question.text, "is_open": question.is_open}
            if question
            else None
        )
        return self.render_form(QuestionForm(initial=initial, pages=self.pages()))

    def post(self, request, question_id=None):
        form = QuestionForm(request.POST, pages=self.pages())
        if not form.is_valid():
            messages.error(request, "The question was not saved. Please correct the errors below.")
            return self.render_form(form, status=400)
        data = form.cleaned_data
        question = moderation.save_question(
            self.question,
            page=data["page"],
            text=data["text"],
            is_open=data["is_open"],
            user=request.user,
            approves=self.access.approves(),
        )
        if question.is_approved:
            messages.success(request, f"Question saved: “{question.text}” ({question.status_label.lower()}).")
        else:
            messages.success(
                request, "Question saved. It shows on the page once the library has approved it."
            )
        return redirect(list_url())


class ApproveView(ListeningView):
    http_method_names = ["post"]

    def allowed(self, question_id):
        question = self.question_in_scope(question_id)
        return self.access.approves() and may_ask(question.page.specific)

    def post(self, request, question_id):
        moderation.approve_question(self.question, request.user)
        messages.success(
            request, f"Approved: “{self.question.text}” now shows on {self.question.page.title}."
        )
        return redirect(list_url())


class OneQuestionView(ListeningView):
    def allowed(self, question_id):
        question = self.question_in_scope(question_id)
        return self.access.reads_answers_of(question.page)


class AnswerListView(OneQuestionView):
    template_name = "clpages_listening/admin/answers.html"

    def get_page_title(self):
        return self.question.text

    def get_page_subtitle(self):
        return self.question.page.title

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.question.text}]

    def get(self, request, question_id):
        shown = request.GET.get("shown", AnswerStatus.NEW)
        shown = shown if shown in SHOWN or shown == ALL else AnswerStatus.NEW
        answers = self.question.answers.select_related("language", "moderated_by")
        if shown != ALL:
            answers = answers.filter(status=shown)
        counts = dict(
            self.question.answers.order_by()
            .values_list("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
        views = [(key, label, counts.get(key, 0), key == shown) for key, label in SHOWN.items()]
        views.append((ALL, "All", sum(counts.values()), shown == ALL))
        paginator = WagtailPaginator(answers.order_by("-created_at", "-pk"), PER_PAGE)
        page = paginator.get_page(request.GET.get("p"))
        context = self.get_context_data(
            question=self.question,
            shown=shown,
            views=views,
            answers=page.object_list,
            items=page,
            moderates=self.access.moderates_answers_of(self.question.page),
            moderate_url=reverse("clpages_listening_admin:moderate", args=[self.question.pk]),
            csv_url=reverse("clpages_listening_admin:csv", args=[self.question.pk]),
        )
        return self.render_to_response(context)


class ModerateView(OneQuestionView):
    http_method_names = ["post"]

    def post(self, request, question_id):
        if not self.access.moderates_answers_of(self.question.page):
            return self.refuse()
        answer_id = request.POST.get("answer", "")
        shown = request.POST.get("shown", "")
        shown = shown if shown in SHOWN or shown == ALL else ""
        if not answer_id.isdigit() or not self.question.answers.filter(pk=answer_id).exists():
            messages.error(request, "That answer is not one of this question's.")
            return redirect(answers_url(self.question, shown))
        try:
            answer = moderation.moderate(int(answer_id), request.POST.get("action", ""), request.user)
        except moderation.Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, f"Answer marked: {answer.get_status_display().lower()}.")
        return redirect(answers_url(self.question, shown))


class SpreadsheetView(OneQuestionView):
    def get(self, request, question_id):
        answers = self.question.answers.select_related("language").order_by("created_at", "pk")
        # With a byte order mark, spreadsheet applications read the answers in every script.
        body = "\ufeff" + answers_csv(answers)
        response = HttpResponse(body.encode("utf-8"), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="answers-{self.question.pk}.csv"'
        return response
