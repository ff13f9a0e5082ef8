"""The workflow finish action (WAGTAIL_FINISH_WORKFLOW_ACTION).

Kept apart, with imports inside the function, because Wagtail reads this setting while its
own models are still loading.
"""


def publish_approved_revision(workflow_state, user=None):
    """Community review publishes the revision its last step approved, never a later one;
    other workflows publish as Wagtail does."""
    from wagtail.workflows import publish_workflow_state

    from clpages.models.moderation import co_review_task_of

    if co_review_task_of(workflow_state.workflow_id) is None:
        return publish_workflow_state(workflow_state, user=user)
    # Every step's approval is the right to publish here: in consent mode (clpages.partners.consent)
    # the library's approver could not publish the page directly, and must not need to.
    return workflow_state.current_task_state.revision.publish(user=user, skip_permission_checks=True)
