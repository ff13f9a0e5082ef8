"""The words of "Community review" in the page editor: partners are asked to review, and asked
for changes; nobody's work is "rejected" or "in moderation".

Wagtail's editor speaks of moderation and workflows. For pages under the community workflow,
the action menu's items are swapped for the same items with plain labels (the same names, so
Wagtail's edit view handles them as before), a partner's main action is to submit, and the
messages Wagtail shows after an action are reworded. Pages under other workflows keep
Wagtail's words.
"""

from django.conf import settings
from django.contrib.messages import get_messages
from django.db.models import Exists, OuterRef
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext as wagtail_catalogue
from django.utils.translation import gettext_lazy
from wagtail.admin.action_menu import (
    ActionMenuItem,
    CancelWorkflowMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
)
from wagtail.models import Page, WorkflowPage, WorkflowState

from clpages.models.moderation import PartnerCoReviewTask
from clpages.partners.admin_hooks import in_community_section
from clpages.partners.page_permissions import page_permission_policy

SUBMIT = gettext_lazy("Submit for community review")
SUBMIT_AGAIN = gettext_lazy("Submit again")
WITHDRAW = gettext_lazy("Withdraw from review")
START_AGAIN = gettext_lazy("Start the review again")


def community_workflow_of(page):
    """The workflow Wagtail's `Page.get_workflow()` finds for the page (its own or its nearest
    ancestor's), if it is the community one; else None. In one query, which is what Wagtail's
    submit item would spend on its label, so the editor costs no more than Wagtail's."""
    if page is None or not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    if not in_community_section(page.specific_class):
        return None
    steps = Page.steplen
    paths = [page.path[:end] for end in range(steps, len(page.path) + 1, steps)]
    co_review = PartnerCoReviewTask.objects.filter(workflow_tasks__workflow=OuterRef("workflow"), active=True)
    nearest = (
        WorkflowPage.objects.filter(page__path__in=paths, workflow__active=True)
        .annotate(community=Exists(co_review))
        .select_related("workflow")
        .order_by("-page__depth")
        .first()
    )
    return nearest.workflow if nearest and nearest.community else None


class SubmitForCommunityReviewMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        # Wagtail's own label ("Submit to <workflow>") is replaced, so it is not worked out.
        context = ActionMenuItem.get_context_data(self, parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        needs_changes = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
        context["label"] = SUBMIT_AGAIN if needs_changes else SUBMIT
        return context


class WithdrawFromReviewMenuItem(CancelWorkflowMenuItem):
    label = WITHDRAW


class StartReviewAgainMenuItem(RestartWorkflowMenuItem):
    label = START_AGAIN


def plain_action_menu(menu_items, request, context):
    """A `construct_page_action_menu` hook."""
    page = context.get("page")
    being_created = page is None or not page.pk
    if community_workflow_of(context.get("parent_page") if being_created else page) is None:
        return
    names = {item.name for item in menu_items}
    # Read only when there is a restart button to drop: Wagtail reads it again to draw its menu.
    needs_changes = "action-restart-workflow" in names and (
        getattr(page.current_workflow_state, "status", None) == WorkflowState.STATUS_NEEDS_CHANGES
    )
    plain = []
    for item in menu_items:
        if item.name == "action-submit":
            plain.append(SubmitForCommunityReviewMenuItem(order=item.order))
        elif item.name == "action-cancel-workflow":
            plain.append(WithdrawFromReviewMenuItem(order=item.order))
        elif item.name == "action-restart-workflow":
            # After changes are requested, "Submit again" is the one way on; restarting would
            # only be a second button that does the same.
            if not needs_changes:
                plain.append(StartReviewAgainMenuItem(order=item.order))
        else:
            plain.append(item)
    if page_permission_policy.is_partner_only(request.user):
        # Wagtail's menu puts its first item on the main button: for a partner that is submitting.
        plain.sort(key=lambda item: item.name != "action-submit")
    menu_items[:] = plain


def _reworded(page):
    """Wagtail's messages, as its own catalogue words them (an alias makemessages does not
    collect), and ours."""
    title = page.get_admin_display_title()
    return [
        (
            wagtail_catalogue("Page '%(page_title)s' has been submitted for moderation.")
            % {"page_title": title},
            _("“%(page_title)s” has been submitted for community review.") % {"page_title": title},
        ),
        (
            wagtail_catalogue("Page '%(page_title)s' created and submitted for moderation.")
            % {"page_title": title},
            _("“%(page_title)s” has been created and submitted for community review.")
            % {"page_title": title},
        ),
        (
            wagtail_catalogue("Workflow on page '%(page_title)s' has been cancelled.")
            % {"page_title": title},
            _("“%(page_title)s” has been withdrawn from review.") % {"page_title": title},
        ),
        (
            wagtail_catalogue("Workflow on page '%(page_title)s' has been restarted.")
            % {"page_title": title},
            _("The review of “%(page_title)s” has started again.") % {"page_title": title},
        ),
    ]


def plain_messages(request, page):
    """An `after_edit_page` and `after_create_page` hook: Wagtail's message, in plain words.

    Wagtail has already queued its message, rendered with its buttons; only its text changes.
    """
    if community_workflow_of(page) is None:
        return None
    storage = get_messages(request)
    queued = getattr(storage, "_queued_messages", [])
    if not queued:
        return None
    replacements = [(escape(old), escape(new)) for old, new in _reworded(page)]
    for message in queued:
        for old, new in replacements:
            if old in message.message:
                # The message is Wagtail's rendered HTML, so it stays marked safe.
                message.message = mark_safe(message.message.replace(old, new))  # noqa: S308
    return None
