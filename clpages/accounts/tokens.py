"""Signed, expiring links for account emails.

Each link carries the state it was made for (the account's current email address), so it stops
working once that changes; an email change link is used up by the change itself, and a
membership request by its `accepted_at`.
"""

from django.core import signing
from django.utils.crypto import salted_hmac

EMAIL_CHANGE_SALT = "clpages.accounts.email-change"
MEMBERSHIP_SALT = "clpages.accounts.membership-request"
EMAIL_CHANGE_DAYS = 3
MEMBERSHIP_DAYS = 14


class LinkNotValid(Exception):
    pass


def _digest(*parts):
    return salted_hmac("clpages.accounts.link-state", "|".join(str(part) for part in parts)).hexdigest()[:24]


def _load(token, salt, days):
    try:
        return signing.loads(token, salt=salt, max_age=days * 24 * 3600)
    except signing.BadSignature:
        # Includes SignatureExpired.
        raise LinkNotValid from None


def email_change_token(user, new_email):
    return signing.dumps(
        {"u": user.pk, "to": new_email, "s": _digest(user.pk, user.email.lower())}, salt=EMAIL_CHANGE_SALT
    )


def read_email_change_token(token, user):
    """The new address, if the link was made for this user and their address is still the old one."""
    data = _load(token, EMAIL_CHANGE_SALT, EMAIL_CHANGE_DAYS)
    if data.get("u") != user.pk or data.get("s") != _digest(user.pk, user.email.lower()):
        raise LinkNotValid
    return data["to"]


def _membership_state(user):
    return _digest(user.pk, user.email.lower(), user.is_active)


def membership_token(membership_request):
    state = _membership_state(membership_request.user)
    return signing.dumps({"r": membership_request.pk, "s": state}, salt=MEMBERSHIP_SALT)


def read_membership_token(token):
    """(request id, state) as signed; the state is checked against the signed-in user."""
    data = _load(token, MEMBERSHIP_SALT, MEMBERSHIP_DAYS)
    return data["r"], data["s"]


def membership_state_matches(user, state):
    return state == _membership_state(user)
