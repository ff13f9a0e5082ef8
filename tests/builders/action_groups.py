"""Action groups: their index under a hub, a group page with meetings and decisions, members."""

import datetime

from django.utils import timezone

from clpages.models import (
    ActionGroupDecision,
    ActionGroupIndexPage,
    ActionGroupMeeting,
    ActionGroupPage,
    PartnerMembership,
)
from clpages.stages import PartnerKind, SessionFormat
from tests.builders.indexing import index_updates_skipped
from tests.builders.site import make_partner, next_number


def add_action_group_index(hub):
    """Kept out of build_site: the rights tests count what the hub may still have added."""
    return hub.add_child(instance=ActionGroupIndexPage(title="Action groups", slug="action-groups"))


def make_action_group_partner(name=None, **kwargs):
    return make_partner(name, kind=PartnerKind.ACTION_GROUP, **kwargs)


def make_action_group(index, group, title=None, *, meetings=(), decisions=0, **kwargs):
    """A live group page: ``meetings`` are days from now (negative for past ones), two hours
    each; ``decisions`` dated entries of the log."""
    title = title or f"Action group {next_number()}"
    kwargs.setdefault("summary", "Neighbours planning together.")
    kwargs.setdefault("remit", "We plan the library's work with newcomers.")
    with index_updates_skipped():
        page = ActionGroupPage(title=title, group=group, **kwargs)
        index.add_child(instance=page)
        now = timezone.now().replace(second=0, microsecond=0)
        ActionGroupMeeting.objects.bulk_create(
            ActionGroupMeeting(
                page=page,
                start=now + datetime.timedelta(days=days),
                end=now + datetime.timedelta(days=days, hours=2),
                format=SessionFormat.IN_PERSON,
                address="12 River Road, Riverbend",
                about=f"Meeting {i + 1}",
                sort_order=i,
                locale_id=page.locale_id,
            )
            for i, days in enumerate(meetings)
        )
        ActionGroupDecision.objects.bulk_create(
            ActionGroupDecision(
                page=page,
                decided_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
                decision=f"Decision {i + 1}",
                decided_by="The whole group",
                sort_order=i,
                locale_id=page.locale_id,
            )
            for i in range(decisions)
        )
        page = ActionGroupPage.objects.get(pk=page.pk)
        revision = page.save_revision()
    revision.publish()  # the last save updates the indexes
    return page


def add_members(group, users, *, shown, public_name=""):
    """Make ``users`` members of ``group``, shown or not on its page as they chose."""
    PartnerMembership.objects.bulk_create(
        PartnerMembership(partner=group, user=user, shown_on_group_page=shown, public_name=public_name)
        for user in users
    )
