"""The "Community review" workflow: partners who co-lead a page review each other's changes,
then the library approves.

Built on Wagtail's own workflow engine: a custom task for the partner step, Wagtail's
group approval task for the library step (their models: clpages.models.moderation). This
module sets the workflow up.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowPage, WorkflowTask

from clpages.models import CommunityHubPage
from clpages.models.moderation import LibraryApprovalTask, PartnerCoReviewTask
from clpages.partners.roles import library_editors_group

WORKFLOW_NAME = "Community review"
CO_REVIEW_TASK_NAME = "Partner co-review"
LIBRARY_TASK_NAME = "Library approval"


def use_library_approval_task(task):
    """Make an existing group approval task behave as the library step (its rows stay Wagtail's)."""
    content_type = ContentType.objects.get_for_model(LibraryApprovalTask, for_concrete_model=False)
    if task.content_type_id != content_type.pk:
        Task.objects.filter(pk=task.pk).update(content_type=content_type)
        task.content_type = content_type
    return task


@transaction.atomic
def ensure_community_review_workflow():
    """Create or repair the "Community review" workflow and assign it to every community hub.

    Idempotent: safe to run on every deploy and on an existing site.
    """
    editors = library_editors_group()
    co_review = PartnerCoReviewTask.objects.filter(name=CO_REVIEW_TASK_NAME).first()
    if co_review is None:
        co_review = PartnerCoReviewTask.objects.create(name=CO_REVIEW_TASK_NAME)
    library = GroupApprovalTask.objects.filter(name=LIBRARY_TASK_NAME).first()
    if library is None:
        library = GroupApprovalTask.objects.create(name=LIBRARY_TASK_NAME)
    library.groups.add(editors)
    use_library_approval_task(library)
    for task in (co_review, library):
        if not task.active:
            task.active = True
            task.save(update_fields=["active"])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    for order, task in enumerate((co_review, library)):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})

    for hub in CommunityHubPage.objects.all():
        WorkflowPage.objects.update_or_create(page=hub, defaults={"workflow": workflow})
    return workflow
