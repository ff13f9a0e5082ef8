"""The confirmation link: signed, so it needs no account, and it stops working after a few days.

It names the request and the moment it was made, never the address: a link ends up in mail
servers' and browsers' logs. A request erased and its number given again (SQLite can) does not
match the moment, so an old link never confirms someone else's request.
"""

from django.core import signing
from django.urls import reverse

from clpages.conf import setting
from clpages.models import HearBackRequest

SALT = "clpages.hear_back.confirm"


def _moment(request):
    return int(request.created_at.timestamp() * 1_000_000)


def confirm_path(request):
    token = signing.dumps([request.pk, _moment(request)], salt=SALT, compress=True)
    return reverse("clpages:hear_back_confirm", args=[token])


def request_from_token(token):
    """The request a link names, or None when the link was altered, is too old or was erased."""
    max_age = 60 * 60 * 24 * setting("CLPAGES_HEAR_BACK_CONFIRM_DAYS")
    try:
        pk, moment = signing.loads(token, salt=SALT, max_age=max_age)
        request = HearBackRequest.objects.filter(pk=int(pk)).first()
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return request if request is not None and _moment(request) == moment else None
