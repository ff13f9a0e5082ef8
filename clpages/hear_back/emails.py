"""The two emails: the link to confirm, and the one email when results are shared.

Plain text from templates (``clpages/hear_back/emails/<kind>.txt``), every link absolute. Sent
by the task in ``tasks``, never while the person's request waits.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from clpages.conf import setting
from clpages.hear_back.links import confirm_path
from clpages.models import HearBackRequest

SUBJECTS = {
    "confirm": _("Please confirm: hear back about {title}"),
    "shared": _("Results are shared: {title}"),
}


def _absolute(page, path):
    site = page.get_site()
    return site.root_url.rstrip("/") + path if site else path


def build_message(request, kind, shared_page=None):
    page = request.page.specific
    context = {
        "page": page,
        "page_url": page.get_full_url(),
        "confirm_days": setting("CLPAGES_HEAR_BACK_CONFIRM_DAYS"),
        "keep_days": setting("CLPAGES_HEAR_BACK_KEEP_DAYS"),
    }
    if kind == "confirm":
        context["confirm_url"] = _absolute(page, confirm_path(request))
    else:
        context["shared"] = shared_page
        context["shared_url"] = shared_page.get_full_url()
    return EmailMessage(
        subject=SUBJECTS[kind].format(title=page.title),
        body=render_to_string(f"clpages/hear_back/emails/{kind}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[request.email],
    )


def send_confirmation(request_id):
    request = HearBackRequest.objects.filter(pk=request_id, confirmed_at__isnull=True).first()
    if request is None:
        return False
    build_message(request, "confirm").send()
    return True


def send_shared(request_id, shared_page_id):
    """The one email, then the request goes: locked while it is sent, so two publications in
    quick succession write once; a failed send keeps it for the next publication."""
    shared_page = Page.objects.filter(pk=shared_page_id).first()
    with transaction.atomic():
        requests = HearBackRequest.objects.select_for_update().select_related("page")
        request = requests.filter(pk=request_id, confirmed_at__isnull=False).first()
        if request is None or shared_page is None:
            return False
        build_message(request, "shared", shared_page.specific).send()
        request.delete()
    return True
