"""A translation goes live the way its source does: through the page's workflow.

wagtail-localize's translation editor offers only "Publish". For the community section it also
offers "Submit for review" (`submit_for_review`): the translated strings become a new draft
revision of the translated page, which starts (or resumes) the page's workflow, so on the
Community review workflow a co-leading partner approves it, then the library, whose approval
publishes exactly that revision. The live translation is never touched before then: the draft is
built in memory (wagtail-localize's own preview of a translation) and only its revision is saved.

The workflow and the page rights follow the tree: a community hub created in another language (a
translation or alias of a hub) gets the Community review workflow and the groups' page
permissions of its source hub (`extend_hub_to_translation`), so the French and Arabic sections
are reviewed and edited as the original is.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState

from clpages.models import CommunityHubPage
from clpages.partners.admin_hooks import in_community_section

SUBMIT_FOR_REVIEW = "clpages_submit_translation_for_review"


def _translation_and_page(translation_id):
    from wagtail_localize.models import Translation

    translation = get_object_or_404(
        Translation.objects.select_related("source"), pk=translation_id, enabled=True
    )
    try:
        page = translation.get_target_instance()
    except Page.DoesNotExist as missing:
        raise Http404 from missing
    if not isinstance(page, Page) or not in_community_section(type(page)):
        raise Http404
    return translation, page


def review_state(page):
    """The page's workflow state that is in progress or waiting for changes, or None."""
    return (
        WorkflowState.objects.for_instance(page)
        .filter(status__in=(WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES))
        .select_related("current_task_state__task")
        .first()
    )


def may_submit(user, page):
    permissions = page.permissions_for_user(user)
    workflow = page.get_workflow()
    return (
        workflow is not None and workflow.active and permissions.can_edit() and not permissions.page_locked()
    )


@require_POST
def submit_for_review(request, translation_id):
    translation, page = _translation_and_page(translation_id)
    if not may_submit(request.user, page):
        raise PermissionDenied
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    try:
        with transaction.atomic():
            draft.save_revision(user=request.user, log_action=True)
            state = review_state(page)
            if state is None:
                page.get_workflow().start(Page.objects.get(pk=page.pk).specific, request.user)
            elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(request.user)
            # In progress: the new revision has sent the review back to co-review on it
            # (clpages.partners.review).
    except ValidationError as error:
        messages.error(
            request,
            _("This translation cannot be submitted yet: %(problems)s")
            % {"problems": " ".join(error.messages)},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request,
        _("“%(title)s” in %(language)s was submitted for review.")
        % {"title": page.get_admin_display_title(), "language": translation.target_locale.get_display_name()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def admin_urls():
    """A `register_admin_urls` hook."""
    return [
        path(
            "translations/<int:translation_id>/submit/",
            submit_for_review,
            name=SUBMIT_FOR_REVIEW,
        )
    ]


def submit_url(translation):
    return reverse(SUBMIT_FOR_REVIEW, args=(translation.pk,))


# The tree ---------------------------------------------------------------------------------------


def extend_hub_to_translation(sender, instance, created, raw=False, **kwargs):
    """A hub made in another language reviews and grants as its source hub does."""
    if not created or raw:
        return
    sources = list(
        Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).order_by("pk")
    )
    if not sources:
        return
    for grant in GroupPagePermission.objects.filter(page__in=sources):
        GroupPagePermission.objects.get_or_create(
            page_id=instance.pk, group_id=grant.group_id, permission_id=grant.permission_id
        )
    assigned = WorkflowPage.objects.filter(page__in=sources).order_by("page_id").first()
    if assigned is not None:
        WorkflowPage.objects.update_or_create(
            page_id=instance.pk, defaults={"workflow_id": assigned.workflow_id}
        )


def connect_signals():
    post_save.connect(
        extend_hub_to_translation, sender=CommunityHubPage, dispatch_uid="clpages_hub_translation_rights"
    )
