"""The small public form: an email address, and a field only automated senders fill in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clpages.conf import setting
from clpages.public_forms import HoneypotField, email_field

# The form's fields are named hear_back-email...: it can sit beside another form on a thank-you page.
PREFIX = "hear_back"

PRIVACY = _(
    "We use your email address only to write to you once, when these results or what changed "
    "because of them are shared on this website, and then we erase it. If you do not confirm "
    "within {confirm_days} days, or nothing is shared within {keep_days} days, we erase it "
    "unsent. It is never shown on the website or passed to anyone."
)


def privacy():
    return PRIVACY.format(
        confirm_days=setting("CLPAGES_HEAR_BACK_CONFIRM_DAYS"),
        keep_days=setting("CLPAGES_HEAR_BACK_KEEP_DAYS"),
    )


class HearBackForm(forms.Form):
    email = email_field(
        _("Your email address"), _("We send a link to confirm, then one email when the results are shared.")
    )
    website = HoneypotField()

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website")))
