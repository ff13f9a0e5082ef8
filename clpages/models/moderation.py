"""The models of the "Community review" workflow: the partner co-review task and its state, and
the library approval step (Wagtail's group approval task, as a proxy).

As wagtail/models/workflows.py keeps Wagtail's own. Setting the workflow up lives in
clpages.partners.workflows.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask, Task, TaskState
from wagtail.signals import task_submitted

from clpages.partners.linking import PartnerLinkedPage


def reviewing_partner_ids(page, submitter):
    """Organisations linked to the page other than the submitter's own: they co-review.

    Read from the page object given: a revision's content when a draft is under review, since a
    draft's links live only in its revision.
    """
    linked = page.content_organisation_ids() if isinstance(page, PartnerLinkedPage) else set()
    if not linked:
        return set()
    own = set(submitter.partner_organisations.values_list("pk", flat=True)) if submitter else set()
    return linked - own


def co_review_task_of(workflow_id):
    """The partner co-review step of a workflow, or None for workflows without one (Wagtail's
    own, outside the community section)."""
    return PartnerCoReviewTask.objects.filter(workflow_tasks__workflow_id=workflow_id, active=True).first()


def note_review_restarted(user, workflow_state):
    """Remember, for this request's user, that their own edit just sent this review back to
    partner co-review (see `review_restarted_by`)."""
    if user is not None:
        user.__dict__.setdefault("_clpages_restarted_reviews", set()).add(workflow_state.pk)


def review_restarted_by(user, task_state):
    """True when the user's edit, saved earlier in this same request, restarted this review.

    Wagtail's editor saves an edit and then applies the approve/reject the user chose; that
    decision was about text that is no longer the one under review, so it is dropped.
    """
    return task_state.workflow_state_id in user.__dict__.get("_clpages_restarted_reviews", ())


def partners_approved(workflow_state, revision):
    """Whether partner co-review approved (or had no one to ask about) this very revision."""
    return workflow_state.task_states.filter(
        task__in=PartnerCoReviewTask.objects.all(),
        revision=revision,
        status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_SKIPPED),
    ).exists()


class RequestChangesForm(TaskStateCommentForm):
    """Asking for changes always says what to change, so the author knows what to do next."""

    comment = forms.CharField(
        label="What needs to change?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=True,
        error_messages={"required": "Tell the author what needs to change."},
    )


class PartnerCoReviewTaskState(TaskState):
    """A co-review in progress, remembering which organisations may review it: those linked to
    the page when it was submitted, other than the submitter's own."""

    reviewing_partners = models.ManyToManyField(
        "clpages.CommunityPartner", blank=True, related_name="+", verbose_name="reviewing organisations"
    )

    class Meta:
        verbose_name = "partner co-review task state"
        verbose_name_plural = "partner co-review task states"

    def user_is_reviewer(self, user):
        if not user.is_authenticated:
            return False
        # Cached on the user: the editor asks this many times while rendering one page.
        cache = user.__dict__.setdefault("_clpages_co_reviewer_of", {})
        if self.pk not in cache:
            cache[self.pk] = self.reviewing_partners.filter(members=user).exists()
        return cache[self.pk]


class PartnerCoReviewTask(Task):
    """A member of another organisation that co-leads the page approves it or asks for changes.

    Skipped when no other organisation is linked to the page.
    """

    task_state_class = PartnerCoReviewTaskState

    class Meta:
        verbose_name = "partner co-review task"
        verbose_name_plural = "partner co-review tasks"

    @classmethod
    def get_description(cls):
        return "Members of the other partner organisations linked to the page approve it or request changes"

    def start(self, workflow_state, user=None):
        revision = workflow_state.content_object.get_latest_revision()
        # Whoever wrote the text under review may not approve it: after a reviewer's or the
        # library's edit, the submitter's organisation reviews it in turn.
        submitter = revision.user or user or workflow_state.requested_by
        reviewers = reviewing_partner_ids(revision.as_object(), submitter)
        state = PartnerCoReviewTaskState(workflow_state=workflow_state, revision=revision, task=self)
        if not reviewers:
            state.status = TaskState.STATUS_SKIPPED
            state.finished_at = timezone.now()
            state.save()
            return state
        state.status = TaskState.STATUS_IN_PROGRESS
        state.save()
        state.reviewing_partners.set(reviewers)
        # Sent only once the reviewers are known, so the notification can reach them.
        task_submitted.send(sender=PartnerCoReviewTaskState, instance=state, user=user)
        return state

    def _current_state(self, obj):
        state = obj.current_workflow_task_state
        if isinstance(state, PartnerCoReviewTaskState) and state.task_id == self.pk:
            return state
        return None

    def _can_review(self, obj, user):
        if user.is_superuser:
            return True
        state = self._current_state(obj)
        return bool(state and state.user_is_reviewer(user))

    def get_actions(self, obj, user):
        if self._can_review(obj, user):
            return [
                ("reject", "Request changes", True),
                ("approve", "Approve", False),
                ("approve", "Approve with comment", True),
            ]
        return []

    def get_form_for_action(self, action):
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # The task state comes from the URL: check the user reviews this very one. Read afresh
        # and locked, so two reviewers acting at once cannot both decide it.
        if review_restarted_by(user, task_state):
            return None
        task_state = PartnerCoReviewTaskState.objects.select_for_update().filter(pk=task_state.pk).first()
        if not (
            isinstance(task_state, PartnerCoReviewTaskState)
            and task_state.task_id == self.pk
            and task_state.status == TaskState.STATUS_IN_PROGRESS
            and (user.is_superuser or task_state.user_is_reviewer(user))
        ):
            raise PermissionDenied
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def user_can_access_editor(self, obj, user):
        return self._can_review(obj, user)

    def locked_for_user(self, obj, user):
        # While partners review, the submitter waits; reviewers and publishers may still edit.
        if self._can_review(obj, user):
            return False
        return not obj.permissions_for_user(user).can_publish()

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        # A pk subquery, not a join: Wagtail ORs these querysets together across tasks.
        return states.filter(
            pk__in=PartnerCoReviewTaskState.objects.filter(reviewing_partners__members=user).values("pk")
        )


class LibraryApprovalTask(GroupApprovalTask):
    """Wagtail's group approval, for the library step: it only ever reviews text the partners
    approved. Resuming after the library asked for changes, or any new revision, goes back to
    partner co-review first, so the co-leading organisation sees the text that goes live."""

    class Meta:
        proxy = True
        verbose_name = "library approval task"
        verbose_name_plural = "library approval tasks"

    def start(self, workflow_state, user=None):
        co_review = co_review_task_of(workflow_state.workflow_id)
        revision = workflow_state.content_object.get_latest_revision()
        if co_review is not None and not partners_approved(workflow_state, revision):
            # Wagtail makes whatever start() returns the current step.
            return co_review.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if review_restarted_by(user, task_state):
            return None
        # Read afresh and locked: a stale copy must not approve a step that has since ended.
        task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)
