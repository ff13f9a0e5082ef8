"""Keeping "Community review" honest: what goes live is exactly the text every step approved.

Wagtail's workflow engine approves task states on one revision but publishes the latest one,
and its admin API writes revisions without looking at workflow locks. For pages under the
community workflow this module closes those gaps at the places every route passes through:
revision saves, the workflow's finish action (`review_finish`), the admin API's page actions and the editor's
cancel/restart buttons. Pages under other workflows keep Wagtail's behaviour.
"""

from django.conf import settings
from django.contrib import messages
from django.core import checks
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.signals import post_save, pre_save
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page, Revision, TaskState, WorkflowState

from clpages.models.moderation import co_review_task_of, note_review_restarted
from clpages.partners.admin_hooks import in_community_section
from clpages.partners.admin_scope import PartnerAdminScopeMiddleware
from clpages.partners.page_permissions import page_permission_policy
from clpages.partners.review_finish import publish_approved_revision

CHANGED_DURING_REVIEW = "The page changed during review, so review started again with the new text."
UNDER_REVIEW = (
    "This version is being reviewed and cannot be changed. Your changes are still here: "
    "save them as a new draft and they go to review in its place."
)


def community_review_of(page, statuses=(WorkflowState.STATUS_IN_PROGRESS,), lock=False):
    """The page's community review in one of `statuses`, or None. With `lock`, the review is
    locked for the rest of the transaction, so two writes cannot both restart it."""
    # Read from the page type first, so pages outside the section cost no query.
    if not isinstance(page, Page) or not in_community_section(page.specific_class):
        return None
    states = WorkflowState.objects.for_instance(page).filter(status__in=statuses)
    if lock:
        states = states.select_for_update(of=("self",))
    state = states.select_related("current_task_state").first()
    if state is None or co_review_task_of(state.workflow_id) is None:
        return None
    return state


def guard_revisions_under_review(sender, instance, **kwargs):
    """No route writes text into a review behind the reviewers' backs.

    Whoever the review locks out cannot write a new revision (the edit view already refused;
    the admin API's revert did not), and the revision under review is never overwritten in
    place (the editor's autosave overwrites its author's latest revision).
    """
    with transaction.atomic():
        _guard_revision(instance)


def _guard_revision(instance):
    state = community_review_of(instance.content_object, lock=True)
    if state is None:
        return
    if instance.pk is None:
        if (
            instance.user
            and instance.content_object.specific.permissions_for_user(instance.user).page_locked()
        ):
            raise PermissionDenied("This page is locked while it is in review.")
    elif state.current_task_state and state.current_task_state.revision_id == instance.pk:
        raise PermissionDenied(UNDER_REVIEW)


def restart_review_on_new_revision(sender, instance, update_fields=None, **kwargs):
    """A new latest revision during review sends the page back to partner co-review, on it.

    Watched on the page, not the revision: Wagtail points the page at its new revision only
    after the revision is saved, and the review must start on the page's latest revision.
    """
    if not update_fields or "latest_revision" not in update_fields or not isinstance(instance, Page):
        return
    with transaction.atomic():
        state = community_review_of(instance, lock=True)
        if state is None or state.current_task_state is None:
            return
        if state.current_task_state.revision_id == instance.latest_revision_id:
            return
        restart_at_co_review(state, instance.latest_revision)


@transaction.atomic
def restart_at_co_review(workflow_state, revision):
    author = revision.user
    current = workflow_state.current_task_state
    if current.status == TaskState.STATUS_IN_PROGRESS:
        current.status = TaskState.STATUS_CANCELLED
        current.finished_at = timezone.now()
        current.finished_by = author
        current.comment = CHANGED_DURING_REVIEW
        current.save(update_fields=["status", "finished_at", "finished_by", "comment"])
    co_review = co_review_task_of(workflow_state.workflow_id)
    workflow_state.current_task_state = co_review.start(workflow_state, user=author)
    workflow_state.save()
    if workflow_state.current_task_state.status != TaskState.STATUS_IN_PROGRESS:
        # No other organisation to ask: on to the library, on this same revision.
        workflow_state.update(user=author)
    note_review_restarted(author, workflow_state)


def connect_signals():
    pre_save.connect(
        guard_revisions_under_review, sender=Revision, dispatch_uid="clpages_review_revision_guard"
    )
    # Every page type: the sender of a page save is its specific class.
    post_save.connect(restart_review_on_new_revision, dispatch_uid="clpages_review_restart_on_revision")


# Admin API ------------------------------------------------------------------------------------


def refuse_api_page_action(user, page):
    """Partners change pages only through the editor and the review; nobody writes through
    the API to a page the review locks them out of."""
    if not in_community_section(page.specific_class):
        return
    page = page.specific
    if page_permission_policy.acts_for_organisations(user, page):
        raise PermissionDenied("Partners cannot change pages through the admin API.")
    if page.permissions_for_user(user).page_locked():
        raise PermissionDenied("This page is locked while it is in review.")


class CommunityPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def action_view(self, request, pk, action_name):
        refuse_api_page_action(request.user, self.get_object())
        return super().action_view(request, pk, action_name)


def use_community_pages_endpoint(router):
    """A `construct_admin_api` hook."""
    router.register_endpoint("pages", CommunityPagesAdminAPIViewSet)


# Editor -------------------------------------------------------------------------------------

WORKFLOW_ENDING_ACTIONS = ("action-cancel-workflow", "action-restart-workflow")


def may_end_review(user, page):
    """Wagtail lets anyone who may approve the current step cancel the workflow; in community
    review a co-reviewer must not withdraw someone else's submission, nor restart it as their
    own. The submitter and those who may publish the page can."""
    state = community_review_of(
        page, statuses=(WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)
    )
    if state is None:
        return True
    return user.pk == state.requested_by_id or page.permissions_for_user(user).can_publish()


def only_submitter_or_publisher_ends_review(request, page):
    """A `before_edit_page` hook: refuse a forged cancel or restart (see `may_end_review`)."""
    if request.method != "POST" or not any(request.POST.get(name) for name in WORKFLOW_ENDING_ACTIONS):
        return None
    if not may_end_review(request.user, page):
        raise PermissionDenied
    return None


def hide_buttons_that_end_review(menu_items, request, context):
    """A `construct_page_action_menu` hook: no cancel or restart button for those refused."""
    page = context.get("page")
    if not any(item.name in WORKFLOW_ENDING_ACTIONS for item in menu_items):
        return
    if page is None or not page.pk or may_end_review(request.user, page):
        return
    menu_items[:] = [item for item in menu_items if item.name not in WORKFLOW_ENDING_ACTIONS]


class ReviewConflictMiddleware:
    """Two people submitting the same page at once: the second is told plainly, and keeps the
    draft they saved, instead of getting a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ValidationError | IntegrityError) or request.method != "POST":
            return None
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name != "wagtailadmin_pages:edit":
            return None
        if not request.POST.get("action-submit"):
            return None
        page = Page.objects.filter(pk=match.kwargs.get("page_id")).first()
        state = community_review_of(page) if page else None
        if state is None or state.requested_by_id == request.user.pk:
            return None
        who = state.requested_by.get_full_name() or state.requested_by.get_username()
        messages.warning(
            request,
            f"{who} submitted this page for review just before you did. Your changes are saved "
            "and are part of that review; there is nothing more to submit.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


# Settings ------------------------------------------------------------------------------------


@checks.register(checks.Tags.security)
def check_review_settings(app_configs, **kwargs):
    """Without these, review still runs but no longer guarantees what goes live."""
    errors = []
    finish = getattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", "wagtail.workflows.publish_workflow_state")
    if not finish or import_string(finish) is not publish_approved_revision:
        errors.append(
            checks.Error(
                "Community review would publish a page's latest revision, which may be newer than "
                "the one every reviewer approved.",
                hint="Set WAGTAIL_FINISH_WORKFLOW_ACTION to "
                '"clpages.partners.review_finish.publish_approved_revision".',
                id="clpages.E201",
            )
        )
    middleware = {import_string(path) for path in settings.MIDDLEWARE}
    for needed, why in (
        (ReviewConflictMiddleware, "two people submitting a page at once get a server error"),
        (PartnerAdminScopeMiddleware, "partners can read other organisations' draft titles by id"),
    ):
        if needed not in middleware:
            errors.append(
                checks.Warning(
                    f"{needed.__name__} is not in MIDDLEWARE, so {why}.",
                    hint=f'Add "{needed.__module__}.{needed.__name__}" to MIDDLEWARE.',
                    id="clpages.W202" if needed is ReviewConflictMiddleware else "clpages.W203",
                )
            )
    return errors
