"""Inviting someone who already has an account: they are asked, and join only if they accept.

Adding an existing account to an organisation straight away let anyone who could make an
address theirs be pulled into (or pull themselves into) an organisation; it also gave library
editors and superusers memberships they never agreed to. The request is recorded and sent as a
signed link, valid once, for a fortnight, and only while the account's address is the one it
was sent to.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin import messages

from clpages.accounts import tokens
from clpages.accounts.links import LinkScreenMixin, refuse_link
from clpages.accounts.mail import admin_url, send_account_email
from clpages.models import MembershipRequest, PartnerMembership
from clpages.partners.roles import PARTNERS_GROUP, partner_groups

# Who may invite members, and so who joins as library staff rather than as a partner.
INVITE_PERMISSION = "clpages.add_partnermembership"

LINK_NOT_VALID = (
    "This invitation link has already been used, is out of date, or was sent to another "
    "account. Nothing has changed. If you were invited, sign in with the account the email was "
    "sent to, or ask the library for a new invitation."
)


def request_membership(partner, user, invited_by=None):
    """Records the request and emails the account a link to accept it.

    Raises EmailNotSent if it could not be sent; the caller's transaction then drops the request.
    """
    membership_request = MembershipRequest.objects.create(partner=partner, user=user, invited_by=invited_by)
    context = {
        "partner": partner,
        "invited_by": invited_by,
        "accept_url": admin_url(
            reverse("clpages_accept_membership", args=(tokens.membership_token(membership_request),))
        ),
        "valid_days": tokens.MEMBERSHIP_DAYS,
    }
    send_account_email("clpages/admin/membership_request_email", context, user, "membership request")


def add_member(partner, user):
    """Makes the person a member of the organisation, and a partner unless they are library staff."""
    # get_or_create: a second click on "Send" must not fail on the unique membership.
    PartnerMembership.objects.get_or_create(partner=partner, user=user)
    if not (user.is_superuser or user.has_perm(INVITE_PERMISSION)):
        user.groups.add(
            partner_groups().order_by("pk").first() or Group.objects.get_or_create(name=PARTNERS_GROUP)[0]
        )


class AcceptMembershipView(LinkScreenMixin, TemplateView):
    """Shows which organisation the signed-in person is asked to join; joins on POST only."""

    template_name = "clpages/admin/accept_membership.html"
    header_icon = "group"

    def dispatch(self, request, token):
        try:
            request_id, state = tokens.read_membership_token(token)
        except tokens.LinkNotValid:
            return refuse_link(request, LINK_NOT_VALID)
        self.membership_request = (
            MembershipRequest.objects.filter(pk=request_id, user=request.user, accepted_at=None)
            .select_related("partner")
            .first()
        )
        if self.membership_request is None or not tokens.membership_state_matches(request.user, state):
            return refuse_link(request, LINK_NOT_VALID)
        self.partner = self.membership_request.partner
        return super().dispatch(request, token)

    def get_page_title(self):
        return f"Join {self.partner.name}?"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            partner=self.partner, keeps_role=user.is_superuser or user.groups.exists(), **kwargs
        )

    def post(self, request, token):
        with transaction.atomic():
            # Marked used in the same statement that checks it, so two clicks join once.
            used = MembershipRequest.objects.filter(pk=self.membership_request.pk, accepted_at=None).update(
                accepted_at=timezone.now()
            )
            if not used:
                return refuse_link(request, LINK_NOT_VALID)
            add_member(self.partner, request.user)
        messages.success(request, f"You are now a member of {self.partner.name}.")
        return redirect("wagtailadmin_home")


def admin_urls():
    return [
        path(
            "community/membership/accept/<str:token>/",
            AcceptMembershipView.as_view(),
            name="clpages_accept_membership",
        )
    ]
