"""The review screen: what changed, and the reviewer's decision, on one admin page.

A co-reviewing partner or a library approver reads the changes since the page's live version
(or, for a page never published, since the version before the one under review), drawn by
Wagtail's own revision comparison, then approves or requests changes. The decision goes through
the task's own `on_action`, as Wagtail's workflow action view sends it, so every guard of the
community workflow (clpages.models.moderation, clpages.partners.review) still applies.

Only someone the current step asks to decide (`task.get_actions(page, user)`) sees the screen
or may post to it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Page

from clpages.models.moderation import RequestChangesForm

APPROVE, REQUEST_CHANGES = "approve", "reject"


class ApproveForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=gettext_lazy("Comment for the author (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


def revisions_to_compare(page, under_review):
    """The base to compare with ("live", a revision id, or None for a new page) and the
    revision under review."""
    if page.live and page.live_revision_id != under_review.pk:
        return "live", under_review.pk
    previous = (
        page.revisions.filter(pk__lt=under_review.pk).order_by("-pk").values_list("pk", flat=True).first()
    )
    return previous, under_review.pk


class ReviewView(RevisionsCompareView):
    template_name = "clpages/admin/review_screen.html"
    page_title = gettext_lazy("Review changes")

    def setup(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, pk=page_id).specific
        self.task_state = page.current_workflow_task_state
        self.under_review = self.task_state.revision if self.task_state else None
        base, reviewed = revisions_to_compare(page, self.under_review) if self.under_review else (None, None)
        self.is_new_page = base is None
        super().setup(request, page_id, base or reviewed, reviewed, *args, **kwargs)

    def get_object(self, queryset=None):
        page = get_object_or_404(Page, pk=self.pk).specific
        self.task = self.task_state.task.specific if self.task_state else None
        self.actions = self.task.get_actions(page, self.request.user) if self.task else []
        return page

    def dispatch(self, request, *args, **kwargs):
        # A plain 403 rather than raising: Wagtail's admin turns PermissionDenied into a redirect.
        if self.task_state is None and request.method == "GET":
            messages.info(request, _("This page is not waiting for review any more."))
            return redirect("wagtailadmin_pages:edit", self.object.pk)
        if not self.actions:
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def action_names(self):
        return {name for name, _label, _modal in self.actions}

    def get_context_data(self, approve_form=None, changes_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        workflow_state = self.task_state.workflow_state
        context.update(
            {
                "task_state": self.task_state,
                "requested_by": workflow_state.requested_by,
                "compared_with_live": self.revision_id_a == "live",
                "is_new_page": self.is_new_page,
                "is_final_step": workflow_state.is_at_final_task,
                "may_approve": APPROVE in self.action_names,
                "may_request_changes": REQUEST_CHANGES in self.action_names,
                "approve_form": approve_form or ApproveForm(prefix=APPROVE),
                "changes_form": changes_form or RequestChangesForm(prefix=REQUEST_CHANGES),
                "preview_url": reverse(
                    "wagtailadmin_pages:workflow_preview", args=(self.object.pk, self.task_state.task_id)
                ),
            }
        )
        if self.is_new_page:
            context["comparison"] = []
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in self.action_names:
            return permission_denied(request, PermissionDenied())
        if str(self.task_state.pk) != request.POST.get("task_state"):
            # Someone changed the page while this reviewer was reading: they decide on what is
            # under review now, not on what they read.
            messages.warning(
                request, _("The page changed while you were reading it. Here are its latest changes.")
            )
            return redirect("clpages_review", self.object.pk)
        form_class = RequestChangesForm if action == REQUEST_CHANGES else ApproveForm
        form = form_class(request.POST, prefix=action)
        if not form.is_valid():
            messages.error(request, _("Your decision was not sent. Please see below."))
            forms = {"changes_form" if action == REQUEST_CHANGES else "approve_form": form}
            return self.render_to_response(self.get_context_data(**forms))
        self.task.on_action(self.task_state, request.user, action, **form.cleaned_data)
        title = self.object.get_admin_display_title()
        if action == REQUEST_CHANGES:
            messages.success(
                request,
                _("You requested changes to “%(title)s”. Its author has been told, with your comment.")
                % {"title": title},
            )
        else:
            messages.success(request, _("You approved “%(title)s”.") % {"title": title})
        return redirect("wagtailadmin_home")


def admin_urls():
    return [path("community/review/<int:page_id>/", ReviewView.as_view(), name="clpages_review")]
