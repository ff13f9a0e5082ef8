"""Admin hooks that keep partners to their scope: choosers, the explorer, forged publishing."""

from django.core.exceptions import PermissionDenied

from clpages.models.mixins import CommunityPagePermissionsMixin
from clpages.partners.page_permissions import page_permission_policy

PUBLISHING_ACTIONS = ("action-publish", "action-schedule")


def in_community_section(page_class):
    """The section's own page types: the global admin hooks leave every other page to Wagtail.

    Read from the class, so it costs no query.
    """
    return page_class is not None and issubclass(page_class, CommunityPagePermissionsMixin)


def refuse_forged_publish_on_edit(request, page):
    """An edit posted with a publish action by someone who cannot publish is refused whole.

    Wagtail would quietly save it as a draft instead; refusing says plainly that nothing
    happened, and changes nothing.
    """
    if not in_community_section(page.specific_class):
        return
    if request.method == "POST" and any(action in request.POST for action in PUBLISHING_ACTIONS):
        if not page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied


def refuse_forged_publish_on_create(request, parent_page, page_class):
    if not in_community_section(page_class):
        return
    if request.method == "POST" and any(action in request.POST for action in PUBLISHING_ACTIONS):
        if not parent_page.permissions_for_user(request.user).can_publish_subpage():
            raise PermissionDenied


def partner_explorer_queryset(parent_page, pages, request):
    """Partners explore only the pages the policy opens to them, the listed page included."""
    user = request.user
    if not page_permission_policy.is_partner_only(user):
        return pages
    explorable = page_permission_policy.explorable_instances(user)
    if not explorable.filter(pk=parent_page.pk).exists():
        raise PermissionDenied
    return pages
