"""What patrons type into the public forms of the optional apps: shared guards.

Each form counts every POST from a client address against its rate (``over_limit``), and a
honeypot field catches programs that fill in every field. What they export goes through
``clpages.spreadsheets.safe_cell``.
"""

from django import forms
from django_ratelimit.core import is_ratelimited

from clpages.conf import setting


class HoneypotField(forms.CharField):
    """A field people never see or reach; programs that fill in every field fill it in."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            label="Leave this field empty",
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
            **kwargs,
        )


def over_limit(request, group, rate_setting):
    """Whether this client has sent too many of these forms: every POST counts, whatever it holds."""
    return is_ratelimited(
        request, group=group, key="ip", rate=setting(rate_setting), method="POST", increment=True
    )
