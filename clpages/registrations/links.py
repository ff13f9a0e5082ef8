"""The patron's own link to their registration: signed, so it needs no account and no password.

It names the registration and its secret. Erasing a registration's personal data replaces the
secret, so its old links stop working.
"""

from django.core import signing
from django.urls import reverse

from clpages.registrations.models import Registration

SALT = "clpages.registrations.manage"
# Long enough for a session booked a year ahead; a date that has started refuses changes anyway.
MAX_AGE = 60 * 60 * 24 * 400


def manage_path(registration):
    token = signing.dumps([registration.pk, registration.secret], salt=SALT, compress=True)
    return reverse("clpages_registrations:manage", args=[token])


def registration_from_token(token):
    """The registration a link names, or None when the link was altered, is too old or stopped."""
    try:
        pk, secret = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Registration.objects.select_related("session__program").filter(pk=pk, secret=secret).first()
