"""Inviting people into a partner organisation, from the organisation's admin screen.

A new person gets an account with no usable password and an email with a link to choose one,
through Django's password reset tokens and Wagtail's own "set a new password" screen. Someone
who already has an account is asked, and joins when they accept (clpages.accounts.membership).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from clpages.accounts import email_change
from clpages.accounts import membership as membership_requests
from clpages.accounts.mail import EmailNotSent, admin_url, send_account_email
from clpages.accounts.membership import INVITE_PERMISSION, add_member, request_membership
from clpages.models import CommunityPartner
from clpages.single_line import validate_single_line


def can_invite(user):
    return user.is_active and user.has_perm(INVITE_PERMISSION)


class InviteMemberForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter the email address of the person to invite.",
            "invalid": "Enter a valid email address, like name@example.org.",
        },
    )
    first_name = forms.CharField(
        label="First name", max_length=150, required=False, validators=[validate_single_line]
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, required=False, validators=[validate_single_line]
    )

    def __init__(self, *args, partner, **kwargs):
        self.partner = partner
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = get_user_model().objects.normalize_email(self.cleaned_data["email"]).strip()
        if self.partner.members.filter(email__iexact=email).exists():
            raise forms.ValidationError(f"{email} is already a member of {self.partner.name}.")
        return email


def _unique_username(email):
    users = get_user_model().objects
    base = email.lower()[:150]
    username, n = base, 1
    while users.filter(username__iexact=username).exists():
        n += 1
        suffix = f"-{n}"
        username = base[: 150 - len(suffix)] + suffix
    return username


def _password_link(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return admin_url(reverse("wagtailadmin_password_reset_confirm", args=(uid, token)))


@transaction.atomic
def invite_member(partner, email, first_name="", last_name="", invited_by=None):
    """Invite the person into the organisation.

    Returns (user, created). A new person gets an account, the membership and a link to choose
    a password. Someone who already has an account is only sent a request (see
    clpages.accounts.membership): nothing changes for them until they accept it.
    Raises EmailNotSent, and everything made is rolled back, if the email could not be sent.
    """
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is not None:
        request_membership(partner, user, invited_by=invited_by)
        return user, False
    user = User(username=_unique_username(email), email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.save()
    add_member(partner, user)

    context = {
        "partner": partner,
        "invited_by": invited_by,
        "login_url": admin_url(reverse("wagtailadmin_login")),
        "password_url": _password_link(user),
    }
    # Sent last, inside the transaction: if the mail server refuses, the account and membership
    # are rolled back rather than left without the email that explains them.
    send_account_email("clpages/admin/invite_email", context, user, "invitation")
    return user, True


class InviteMemberView(WagtailAdminTemplateMixin, FormView):
    form_class = InviteMemberForm
    template_name = "clpages/admin/invite_member.html"
    header_icon = "group"

    def dispatch(self, request, partner_id):
        if not can_invite(request.user):
            raise PermissionDenied
        self.partner = get_object_or_404(CommunityPartner, pk=partner_id)
        return super().dispatch(request, partner_id)

    def get_page_title(self):
        return f"Invite a member to {self.partner.name}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("clpages_communitypartner_modeladmin_index"), "label": "Partner organisations"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partner": self.partner}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partner"] = self.partner
        context["members"] = self.partner.members.order_by("first_name", "last_name", "username")
        return context

    def form_valid(self, form):
        try:
            user, created = invite_member(self.partner, **form.cleaned_data, invited_by=self.request.user)
        except EmailNotSent:
            form.add_error(
                None,
                f"We could not send the email to {form.cleaned_data['email']}, so nobody was "
                "invited and nothing was changed. Please try again later.",
            )
            return self.form_invalid(form)
        if created:
            message = (
                f"{user.email} is now a member of {self.partner.name}. "
                "We sent them a link to choose their password."
            )
        else:
            message = (
                f"{user.email} already has an account. We sent them a request to join "
                f"{self.partner.name}; they become a member when they accept it."
            )
        messages.success(self.request, message)
        return redirect("clpages_invite_member", partner_id=self.partner.pk)

    def form_invalid(self, form):
        messages.error(self.request, "The invitation was not sent. Please correct the errors below.")
        return super().form_invalid(form)


def admin_urls():
    return [
        path(
            "community/partners/<int:partner_id>/invite/",
            InviteMemberView.as_view(),
            name="clpages_invite_member",
        ),
        # Where the links in invitation and email confirmation emails lead.
        *membership_requests.admin_urls(),
        *email_change.admin_urls(),
    ]
