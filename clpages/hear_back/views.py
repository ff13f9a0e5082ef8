"""The public pages of hearing back: the form, "check your inbox", and the confirmation link's page.

None is ever stored by the page cache, and each sets Django's CSRF cookie, so a visitor coming
from a cached results page gets a working form, with JavaScript or without. The link in the
email only opens a page: mail scanners follow links, so confirming takes a press of a button.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from clpages.conf import setting
from clpages.hear_back import asking
from clpages.hear_back.forms import PREFIX, HearBackForm, privacy
from clpages.hear_back.links import request_from_token
from clpages.public_forms import posts_limited

RATE_GROUP = "clpages.hear_back"
TEMPLATES = "clpages/hear_back/"


def limited(request):
    return posts_limited(request, RATE_GROUP, setting("CLPAGES_HEAR_BACK_RATE"))


def _page(page_id):
    page = asking.listened_page(page_id)
    if page is None:
        raise Http404
    return page


def _form_page(request, page, form, problem="", status=200):
    context = {"page": page, "form": form, "problem": problem}
    return TemplateResponse(request, TEMPLATES + "ask.html", context, status=status)


@never_cache
def ask(request, page_id):
    page = _page(page_id)
    if request.method != "POST":
        return _form_page(request, page, HearBackForm(prefix=PREFIX))
    form = HearBackForm(request.POST, prefix=PREFIX)
    if limited(request):
        problem = _(
            "Too many requests have come from this connection in the last hour. Please try again later."
        )
        return _form_page(request, page, form, problem, status=429)
    if form.is_spam:
        problem = "We could not take this request. Please leave the last field empty."
        return _form_page(request, page, form, problem, status=400)
    if not form.is_valid():
        return _form_page(request, page, form, status=400)
    asking.ask(page, form.cleaned_data["email"])
    return redirect(reverse("clpages:hear_back_sent", args=[page.pk]))


@never_cache
def sent(request, page_id):
    return TemplateResponse(request, TEMPLATES + "sent.html", {"page": _page(page_id)})


def _link_expired(request):
    context = {"confirm_days": setting("CLPAGES_HEAR_BACK_CONFIRM_DAYS")}
    return TemplateResponse(request, TEMPLATES + "link_expired.html", context, status=404)


@never_cache
def confirm(request, token):
    hear_back = request_from_token(token)
    if hear_back is None:
        return _link_expired(request)
    page = hear_back.page.specific
    context = {"page": page, "confirmed": hear_back.confirmed_at is not None, "privacy": privacy()}
    if request.method != "POST":
        return TemplateResponse(request, TEMPLATES + "confirm.html", context)
    action = request.POST.get("action")
    if action == "confirm":
        asking.confirm(hear_back)
        return TemplateResponse(request, TEMPLATES + "confirmed.html", context)
    if action == "forget":
        asking.forget(hear_back)
        return TemplateResponse(request, TEMPLATES + "forgotten.html", context)
    context["problem"] = "Choose whether to confirm or to forget this address."
    return TemplateResponse(request, TEMPLATES + "confirm.html", context, status=400)
