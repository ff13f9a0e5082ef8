"""The admin screens: importing results from a CSV file (upload, preview, confirm) and
downloading an evaluation's measures.

Between the preview and the confirmation the file's text travels in the confirmation form,
signed for this evaluation and this person and valid for an hour: nothing is written to disk
or to the database until the person confirms, and a changed or forged text is refused (403).
"""

from django import forms
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from clpages.measures import importing
from clpages.measures.access import can_export, can_import
from clpages.measures.exporting import measures_csv
from clpages.measures.reading import UnreadableFile, max_bytes, max_rows, read_upload, size_words
from clpages.models import EvaluationPage

PREVIEW_SECONDS = 3600


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        error_messages={
            "required": "Choose the CSV file to import.",
            "empty": "The file is empty.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


def _salt(evaluation, user):
    return f"clpages.measures.import:{evaluation.pk}:{user.pk}"


class EvaluationAdminView(WagtailAdminTemplateMixin, View):
    header_icon = "table"

    def allowed(self, user):
        raise NotImplementedError

    def dispatch(self, request, page_id):
        self.evaluation = get_object_or_404(EvaluationPage, pk=page_id)
        if not self.allowed(request.user):
            return self.refuse()
        return super().dispatch(request, page_id)

    def refuse(self):
        # Returned, not raised: Wagtail turns PermissionDenied into a redirect to the dashboard.
        context = {"page_title": "Results", "header_title": "Results", "header_icon": self.header_icon}
        return TemplateResponse(self.request, "clpages/admin/results_refused.html", context, status=403)

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.evaluation.pk])


class ImportResultsView(EvaluationAdminView):
    template_name = "clpages/admin/results_import.html"
    page_title = "Import results"

    def allowed(self, user):
        return can_import(user, self.evaluation)

    def get_page_subtitle(self):
        return self.evaluation.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.edit_url(), "label": self.evaluation.title},
            {"url": "", "label": "Import results"},
        ]

    def render(self, form=None, preview=None, token="", status=200):
        context = self.get_context_data(
            evaluation=self.evaluation,
            measures=self.evaluation.measures.all(),
            form=form or UploadForm(),
            preview=preview,
            token=token,
            max_rows=f"{max_rows():,}",
            max_size=size_words(max_bytes()),
            edit_url=self.edit_url(),
        )
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def get(self, request, page_id):
        return self.render()

    def post(self, request, page_id):
        if "token" in request.POST:
            return self.confirm(request.POST["token"])
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form)
        try:
            text = read_upload(form.cleaned_data["file"])
            preview = importing.preview(self.evaluation, text)
        except UnreadableFile as error:
            form.add_error("file", error.message)
            return self.render(form)
        token = signing.dumps(text, salt=_salt(self.evaluation, request.user), compress=True)
        return self.render(preview=preview, token=token if preview.can_import else "")

    def confirm(self, token):
        salt = _salt(self.evaluation, self.request.user)
        try:
            text = signing.loads(token, salt=salt, max_age=PREVIEW_SECONDS)
        except signing.SignatureExpired:
            messages.error(self.request, "The preview is more than an hour old: upload the file again.")
            return self.render()
        except signing.BadSignature:
            return self.refuse()
        try:
            imported = importing.commit(self.evaluation, text, self.request.user)
        except (importing.ImportRefused, UnreadableFile) as refused:
            messages.error(
                self.request,
                "Something changed since the preview, so nothing was imported. The rows are "
                "checked again below.",
            )
            preview = getattr(refused, "preview", None)
            return self.render(preview=preview)
        count = len(imported.rows)
        messages.success(
            self.request,
            f"{count} result{'' if count == 1 else 's'} imported into “{self.evaluation.title}”. "
            "They are on the public page now.",
        )
        return redirect(self.edit_url())


class ExportMeasuresView(EvaluationAdminView):
    def allowed(self, user):
        return can_export(user, self.evaluation)

    def get(self, request, page_id):
        response = HttpResponse(measures_csv(self.evaluation), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.evaluation.slug}-measures.csv"'
        add_never_cache_headers(response)
        return response


def admin_urls():
    return [
        path(
            "community/results/<int:page_id>/import/",
            ImportResultsView.as_view(),
            name="clpages_import_results",
        ),
        path(
            "community/results/<int:page_id>/measures.csv",
            ExportMeasuresView.as_view(),
            name="clpages_export_measures",
        ),
    ]
