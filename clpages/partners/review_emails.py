"""Wagtail's workflow emails, in the words of "Community review".

Wagtail's notifiers say a page was "submitted for moderation" or "rejected". For pages under the
community workflow, the same notifiers (same recipients, same signals) read clpages's templates
instead, which say "changes requested" and link reviewers to the review screen. Every other
workflow keeps Wagtail's templates.
"""

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from clpages.models.moderation import co_review_task_of

TEMPLATES = "clpages/admin/notifications/"


class CommunityWording:
    """Picks clpages's templates (`community_<notification>`, `library_<notification>`) for the
    community workflow."""

    prefix = "community_"

    def get_template_set(self, instance, **kwargs):
        state = instance.workflow_state if isinstance(instance, TaskState) else instance
        if co_review_task_of(state.workflow_id) is None:
            return super().get_template_set(instance, **kwargs)
        base = TEMPLATES + self.prefix + self.notification
        return {"subject": base + "_subject.txt", "text": base + ".txt", "html": base + ".html"}


class CommunitySubmittedNotifier(CommunityWording, WorkflowStateSubmissionEmailNotifier):
    pass


class CommunityApprovedNotifier(CommunityWording, WorkflowStateApprovalEmailNotifier):
    pass


class CommunityChangesRequestedNotifier(CommunityWording, WorkflowStateRejectionEmailNotifier):
    pass


class LibraryApprovalSubmittedNotifier(CommunityWording, GroupApprovalTaskStateSubmissionEmailNotifier):
    prefix = "library_"


# Wagtail's own registrations (wagtail/admin/signal_handlers.py), by their dispatch_uid, and
# what takes each one's place.
REPLACED = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        LibraryApprovalSubmittedNotifier,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        CommunitySubmittedNotifier,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        CommunityChangesRequestedNotifier,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        CommunityApprovedNotifier,
    ),
)
notifiers = {}


def register_signal_handlers():
    """Swap Wagtail's notifiers for these, under Wagtail's dispatch_uid: whichever app is ready
    first, only one of the two is ever connected (Django ignores a second connection with the
    same uid), so each email is sent once."""
    for signal, sender, uid, notifier_class in REPLACED:
        notifiers[uid] = notifier_class()
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifiers[uid], sender=sender, dispatch_uid=uid)
