"""Requests are kept only as long as they can still be of use, then erased unsent."""

import datetime

from django.utils import timezone

from clpages.conf import setting
from clpages.models import HearBackRequest


def erase_old(now=None):
    """Erase requests never confirmed in time, and confirmed ones results never came for.

    Returns how many of each were erased."""
    now = now or timezone.now()
    unconfirmed_before = now - datetime.timedelta(days=setting("CLPAGES_HEAR_BACK_CONFIRM_DAYS"))
    confirmed_before = now - datetime.timedelta(days=setting("CLPAGES_HEAR_BACK_KEEP_DAYS"))
    requests = HearBackRequest.objects
    unconfirmed, _ = requests.filter(confirmed_at__isnull=True, created_at__lt=unconfirmed_before).delete()
    confirmed, _ = requests.filter(confirmed_at__lt=confirmed_before).delete()
    return unconfirmed, confirmed
