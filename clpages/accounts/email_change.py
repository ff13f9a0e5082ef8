"""Changing one's own email address on the account screen, confirmed from the new address.

Wagtail's own email field on the account screen is switched off (WAGTAIL_EMAIL_MANAGEMENT_ENABLED
= False); this panel takes its place. The address changes only when its owner opens the link
sent to it, so nobody can take on an address, and the invitations sent to it, by typing it.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.log_actions import log

from clpages.accounts import tokens
from clpages.accounts.emails import EMAIL_IN_USE, email_in_use, normalise
from clpages.accounts.links import LinkScreenMixin, refuse_link
from clpages.accounts.mail import EmailNotSent, addressed_to, admin_url, send_account_email

LINK_NOT_VALID = (
    "This confirmation link has already been used, is out of date, or was made for another "
    "account. Your email address has not changed. You can ask for a new link on your account screen."
)


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label="Email",
        max_length=254,
        help_text="If you change it, we email a link to the new address. It is used once you open that link.",
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter a valid email address, like name@example.org.",
        },
    )

    def __init__(self, *args, user, request, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, initial={"email": user.email}, **kwargs)

    def clean_email(self):
        email = normalise(self.cleaned_data["email"])
        if email.lower() != self.user.email.lower() and email_in_use(email, exclude=self.user):
            raise forms.ValidationError(EMAIL_IN_USE, code="email_in_use")
        return email

    def save(self):
        email = self.cleaned_data["email"]
        if email.lower() == self.user.email.lower():
            return
        # The link goes to the new address, so only its owner can confirm it. Nothing is stored.
        recipient = addressed_to(self.user, email)
        context = {
            "confirm_url": admin_url(
                reverse("clpages_confirm_email", args=(tokens.email_change_token(self.user, email),))
            ),
            "valid_days": tokens.EMAIL_CHANGE_DAYS,
        }
        try:
            send_account_email("clpages/admin/email_change", context, recipient, "email confirmation")
        except EmailNotSent:
            messages.error(
                self.request,
                f"We could not send the confirmation email to {email}, so your email address "
                "has not changed. Please try again later.",
            )
            return
        messages.info(
            self.request,
            f"We sent a link to {email}. Your email address changes when you open it.",
        )


class EmailChangePanel(BaseSettingsPanel):
    name = "email"
    title = "Email"
    order = 150
    form_class = EmailChangeForm

    def get_form(self):
        if self.request.method == "POST":
            return EmailChangeForm(self.request.POST, user=self.user, request=self.request, prefix=self.name)
        return EmailChangeForm(user=self.user, request=self.request, prefix=self.name)


def account_settings_panel(request, user, profile):
    return EmailChangePanel(request, user, profile)


class ConfirmEmailView(LinkScreenMixin, TemplateView):
    """Shows the address to confirm (a GET changes nothing: mail scanners open links), then sets it."""

    template_name = "clpages/admin/confirm_email.html"
    page_title = "Confirm your new email address"
    header_icon = "mail"

    def get(self, request, token):
        try:
            new_email = tokens.read_email_change_token(token, request.user)
        except tokens.LinkNotValid:
            return refuse_link(request, LINK_NOT_VALID)
        return self.render_to_response(self.get_context_data(new_email=new_email))

    def post(self, request, token):
        with transaction.atomic():
            user = get_user_model()._default_manager.select_for_update().get(pk=request.user.pk)
            try:
                new_email = tokens.read_email_change_token(token, user)
            except tokens.LinkNotValid:
                return refuse_link(request, LINK_NOT_VALID)
            if email_in_use(new_email, exclude=user):
                messages.error(
                    request,
                    f"{new_email} is now used by another account, so your email address has not changed.",
                )
                return redirect("wagtailadmin_account")
            old_email = user.email
            user.email = new_email
            user.save(update_fields=["email"])
            log(user, "wagtail.edit")
        self._tell_old_address(user, old_email)
        messages.success(request, f"Your email address is now {new_email}.")
        return redirect("wagtailadmin_account")

    def _tell_old_address(self, user, old_email):
        """So the owner of the old address hears of a change they did not make."""
        if not old_email:
            return
        try:
            send_account_email(
                "clpages/admin/email_changed", {}, addressed_to(user, old_email), "email changed notice"
            )
        except EmailNotSent:
            pass  # Logged; the change itself was confirmed from the new address.


def admin_urls():
    return [
        path("account/email/confirm/<str:token>/", ConfirmEmailView.as_view(), name="clpages_confirm_email")
    ]
