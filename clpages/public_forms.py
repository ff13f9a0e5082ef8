"""What every public form shares: the email field and its messages, the honeypot, the rate limit."""

from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited


def grouped(number):
    """A whole number with the visitor's language's thousands separator: 2,000 or 2 000."""
    return lazy(number_format, str)(number, force_grouping=True)


def email_field(label, help_text):
    return forms.EmailField(
        label=label,
        max_length=254,
        help_text=help_text,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class HoneypotField(forms.CharField):
    """A field people never see or reach; programs that fill in every field fill it in."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
            **kwargs,
        )


def posts_limited(request, group, rate):
    """Whether this client has sent too many of a form's POSTs: every one counts, whatever it asks."""
    return is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True)
