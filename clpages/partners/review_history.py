"""A page's history in the words of review: changes are requested, never "rejected".

Wagtail writes "Rejected at 'Partner co-review'. Changes requested" and "Rejected" in the history
of a page whose reviewer asked for changes, and the history is where partners and staff look
back at a review. Its log formatters are replaced, under the same action names, by formatters
saying what happened; the words suit every workflow, so no page keeps the old ones.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

REWORDED = {
    "wagtail.workflow.reject": gettext_lazy("Review: changes requested"),
    "wagtail.moderation.reject": gettext_lazy("Changes requested"),
}


class ChangesRequestedFormatter(LogFormatter):
    label = REWORDED["wagtail.workflow.reject"]

    def format_comment(self, log_entry):
        # What the reviewer asked for, as Wagtail's own formatter shows it.
        return log_entry.data.get("comment", "")

    def format_message(self, log_entry):
        try:
            return _("Changes requested at '%(task)s'") % {
                "task": log_entry.data["workflow"]["task"]["title"]
            }
        except (KeyError, TypeError):
            return _("Changes requested")


class LegacyChangesRequestedFormatter(LogFormatter):
    label = REWORDED["wagtail.moderation.reject"]
    message = gettext_lazy("Changes requested")


def reword_review_history(actions):
    """A `register_log_actions` hook, run after Wagtail's (order=1): the new formatters take the
    actions' place, and each action stays once in the history's filter."""
    actions.register_action("wagtail.workflow.reject")(ChangesRequestedFormatter)
    actions.register_action("wagtail.moderation.reject")(LegacyChangesRequestedFormatter)
    actions.choices[:] = [
        (action, label)
        for action, label in actions.choices
        if action not in REWORDED or label in REWORDED.values()
    ]
