"""The partner's own view of their work, on the Wagtail admin dashboard.

Shows the pages of the partner's organisations with where each one is in the "Community review"
workflow, and the pages waiting for this partner's co-review. A fixed number of queries, however
many pages there are.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel
from wagtail.models import Page, TaskState, WorkflowState

from clpages.models import PartnerCoReviewTask, PartnerCoReviewTaskState
from clpages.models.moderation import LibraryApprovalTask
from clpages.partners.admin_hooks import in_community_section
from clpages.partners.page_permissions import page_permission_policy
from clpages.partners.scope import linked_pages

# Wagtail's own workflow panels repeat what this panel shows for partners (and query per row).
REPLACED_FOR_PARTNERS = (UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel)
LISTED_PAGES = 50


@dataclass
class PageStatus:
    key: str  # draft, co_review, library, changes_requested, live
    label: str
    comment: str = ""
    comment_by: str = ""


def organisation_pages(user, org_ids):
    """The pages linked to the organisations, and the pages the user created."""
    linked = linked_pages(org_ids) | Q(owner=user)
    states = WorkflowState.objects.active().select_related(
        "current_task_state__task", "current_task_state__finished_by"
    )
    return (
        Page.objects.filter(linked)
        .prefetch_related(Prefetch("_workflow_states", queryset=states, to_attr="_current_workflow_states"))
        .order_by("-latest_revision_created_at", "-pk")
    )


def display_name(user, default=""):
    return (user.get_full_name() or user.get_username()) if user else default


def page_status(page, co_review_type_id):
    workflow_state = page._current_workflow_states[0] if page._current_workflow_states else None
    task_state = workflow_state.current_task_state if workflow_state else None
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state:
        return PageStatus(
            "changes_requested",
            "Changes requested",
            comment=task_state.comment,
            comment_by=display_name(task_state.finished_by),
        )
    if workflow_state and task_state and task_state.status == TaskState.STATUS_IN_PROGRESS:
        if task_state.task.content_type_id == co_review_type_id:
            return PageStatus("co_review", "In partner co-review")
        return PageStatus("library", "In library approval")
    if page.live:
        if page.has_unpublished_changes:
            return PageStatus("draft", "Live, with draft changes")
        return PageStatus("live", "Live")
    return PageStatus("draft", "Draft")


def review_rows(states):
    """Task states, oldest first, with their pages (three queries however many)."""
    states = list(states.select_related("workflow_state__requested_by").order_by("started_at", "pk"))
    pages = Page.objects.in_bulk([int(state.workflow_state.object_id) for state in states])
    rows = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is not None:
            rows.append(
                {"page": page, "task_state": state, "requested_by": state.workflow_state.requested_by}
            )
    return rows


def waiting_for_review(user):
    """Co-reviews this user can act on, oldest first, with their pages."""
    return review_rows(
        PartnerCoReviewTaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            pk__in=PartnerCoReviewTaskState.objects.filter(reviewing_partners__members=user).values("pk"),
        )
    )


def waiting_for_library(user):
    """Library approvals of community review this user can act on, oldest first: one query
    when there are none (the groups are a subquery)."""
    content_type = ContentType.objects.get_for_model(LibraryApprovalTask, for_concrete_model=False)
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__content_type=content_type, task__active=True
    )
    if not user.is_superuser:
        states = states.filter(task__groupapprovaltask__groups__in=user.groups.all()).distinct()
    return review_rows(states)


class LibraryReviewPanel(Component):
    """Community review's pages waiting for the library, each opening the review screen."""

    name = "clpages_library_review"
    template_name = "clpages/admin/review_panel.html"
    order = 90

    def __init__(self, reviews):
        self.reviews = reviews

    def get_context_data(self, parent_context):
        return {
            "reviews": self.reviews,
            "panel_id": "library-reviews",
            "intro": gettext_lazy(
                "Community review: these pages' co-leads approved them. Open one to see what "
                "changed, then approve it or request changes."
            ),
            "request": parent_context["request"],
        }


class PartnerWorkPanel(Component):
    name = "clpages_partner_work"
    template_name = "clpages/admin/dashboard_panel.html"
    order = 100

    class Media:
        css = {"all": ["clpages/admin/dashboard.css"]}

    def __init__(self, org_ids):
        self.org_ids = org_ids

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        co_review_type_id = ContentType.objects.get_for_model(PartnerCoReviewTask).pk
        pages = list(organisation_pages(user, self.org_ids)[:LISTED_PAGES])
        rows = [
            {
                "page": page,
                "status": page_status(page, co_review_type_id),
                "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "kind": page.specific_class._meta.verbose_name if page.specific_class else "page",
            }
            for page in pages
        ]
        return {
            "rows": rows,
            "reviews": waiting_for_review(user),
            "organisations": list(user.partner_organisations.order_by("name").values_list("name", flat=True)),
            "request": request,
        }


def construct_homepage_panels(request, panels):
    user = request.user
    org_ids = list(user.partner_organisations.values_list("pk", flat=True))
    if not org_ids:
        library_reviews = waiting_for_library(user)
        if library_reviews:
            panels.append(LibraryReviewPanel(library_reviews))
        return
    # Anyone with rights beyond their organisations' (library staff, superusers) may moderate
    # library approvals too: they keep Wagtail's panels.
    if page_permission_policy.is_partner_only(user):
        panels[:] = [panel for panel in panels if not isinstance(panel, REPLACED_FOR_PARTNERS)]
    panels.append(PartnerWorkPanel(org_ids))


def workflow_notice(request, page):
    """In the page editor, tell a co-reviewer what is asked of them, and show the author the
    reviewer's comment when changes were requested (a `before_edit_page` hook)."""
    if request.method != "GET" or not in_community_section(page.specific_class):
        return None
    from wagtail.admin import messages

    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.current_task_state is None:
        return None
    task_state = workflow_state.current_task_state.specific
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state.comment:
        who = display_name(task_state.finished_by, "A reviewer")
        messages.warning(
            request,
            f"{who} requested changes: “{task_state.comment}” "
            "Make the changes, then choose “Submit again” at the bottom.",
        )
    elif isinstance(task_state, PartnerCoReviewTaskState) and task_state.user_is_reviewer(request.user):
        who = display_name(workflow_state.requested_by, "A partner")
        messages.info(
            request,
            f"{who} asked your organisation to review this page. See what changed, then approve "
            "it or request changes there.",
            buttons=[messages.button(reverse("clpages_review", args=(page.pk,)), "See what changed")],
        )
    return None
