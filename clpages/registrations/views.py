"""The public pages of registration: the form, and the patron's own page behind their link.

Neither is ever stored by the page cache: each sets Django's CSRF cookie, so a visitor who came
from a cached program page gets a fresh, working form, with JavaScript or without.
"""

from django.apps import apps
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from clpages.conf import setting
from clpages.performance.visibility import public
from clpages.public_forms import posts_limited
from clpages.registrations import places
from clpages.registrations.forms import PRIVACY, ChangePlacesForm, RegistrationForm
from clpages.registrations.links import manage_path, registration_from_token
from clpages.registrations.models import SERIES, RegistrationStatus
from clpages.registrations.tasks import email_after_commit
from clpages.stages import Registration as RegistrationKind

RATE_GROUP = "clpages.registrations"


def _public_session(session_id):
    model = apps.get_model("clpages", "ProgramSession")
    session = model.objects.select_related("program", "location").filter(pk=session_id).first()
    if session is None or session.registration != RegistrationKind.ON_SITE:
        raise Http404
    program = public(type(session.program).objects.filter(pk=session.program_id).live()).first()
    if program is None:
        raise Http404
    session.program = program.specific
    return session


def _date(session, date_key):
    if date_key == SERIES:
        if not session.register_for_series:
            raise Http404
        return None
    date = places.first_date(session, date_key)
    if date is None or session.register_for_series:
        raise Http404
    return date


def limited(request):
    return posts_limited(request, RATE_GROUP, setting("CLPAGES_REGISTRATION_RATE"))


def _context(session, date_key, date, form, **extra):
    left = places.places_left(session, date_key)
    reason = places.closed_reason(session, *places.opening(session, date_key, date))
    return {
        "session": session,
        "program": session.program,
        "date_key": date_key,
        "when": places.date_label(session, date_key, date),
        "places_left": left,
        "closed_reason": reason,
        "form": form,
        "privacy": PRIVACY.format(days=setting("CLPAGES_REGISTRATION_KEEP_DAYS")),
        **extra,
    }


@never_cache
def register(request, session_id, date_key):
    session = _public_session(session_id)
    date = _date(session, date_key)
    limit = session.places_per_registration
    if request.method != "POST":
        form = RegistrationForm(places_limit=limit)
        return TemplateResponse(
            request, "clpages_registrations/register.html", _context(session, date_key, date, form)
        )

    form = RegistrationForm(request.POST, places_limit=limit)
    status, problem = 200, ""
    if limited(request):
        status, problem = (
            429,
            (
                _(
                    "Too many registrations have come from this connection in the last hour. "
                    "Please try again later, or contact the library."
                )
            ),
        )
    elif form.is_spam:
        status, problem = 400, _("We could not take this registration. Please leave the last field empty.")
    elif form.is_valid():
        data = form.cleaned_data
        try:
            outcome = places.register(
                session.pk,
                date_key,
                name=data["name"].strip(),
                email=data["email"],
                places=data["places"],
                phone=data["phone"].strip(),
                **form.needs(),
            )
        except places.RegistrationRefused as refusal:
            if refusal.field:
                form.add_error(refusal.field, refusal.message)
            else:
                problem = refusal.message
        else:
            registration = outcome.registration
            if outcome.already_registered:
                email_after_commit(registration, "already")
                return TemplateResponse(
                    request,
                    "clpages_registrations/already.html",
                    {"program": session.program, "email": data["email"]},
                )
            email_after_commit(registration, registration.status)
            return redirect(manage_path(registration) + f"?done={registration.status}")
    if form.errors and status == 200:
        status = 400
    context = _context(session, date_key, date, form, problem=problem)
    return TemplateResponse(request, "clpages_registrations/register.html", context, status=status)


def _manage_context(registration, **extra):
    session = registration.session
    date = None if registration.date_key == SERIES else places.first_date(session, registration.date_key)
    starts_at, _closes = places.opening(session, registration.date_key, date)
    started = starts_at is None or timezone.now() >= starts_at
    return {
        "registration": registration,
        "session": session,
        "program": session.program.specific,
        "when": places.date_label(session, registration.date_key),
        "started": started,
        "is_cancelled": registration.status == RegistrationStatus.CANCELLED,
        **extra,
    }


@never_cache
def manage(request, token):
    registration = registration_from_token(token)
    if registration is None or registration.erased_at:
        return TemplateResponse(request, "clpages_registrations/link_expired.html", {}, status=404)
    limit = registration.session.places_per_registration
    form = ChangePlacesForm(initial={"places": registration.places}, places_limit=limit)
    context = _manage_context(registration, form=form, done=request.GET.get("done", ""))
    if request.method != "POST":
        return TemplateResponse(request, "clpages_registrations/manage.html", context)

    if context["started"] or context["is_cancelled"]:
        context["problem"] = (
            _("This registration is cancelled.")
            if context["is_cancelled"]
            else _("This session has started, so this registration can no longer be changed here.")
        )
        return TemplateResponse(request, "clpages_registrations/manage.html", context, status=400)
    action = request.POST.get("action")
    try:
        if action == "cancel":
            outcome = places.cancel(registration.pk)
            email_after_commit(outcome.registration, "cancelled")
            done = "cancelled"
        elif action == "change":
            form = ChangePlacesForm(request.POST, places_limit=limit)
            if not form.is_valid():
                context["form"] = form
                return TemplateResponse(request, "clpages_registrations/manage.html", context, status=400)
            outcome = places.change_places(registration.pk, form.cleaned_data["places"])
            email_after_commit(outcome.registration, "changed")
            done = "changed"
        else:
            context["problem"] = _("Choose whether to change your places or to cancel.")
            return TemplateResponse(request, "clpages_registrations/manage.html", context, status=400)
    except places.RegistrationRefused as refusal:
        form = ChangePlacesForm(request.POST, places_limit=limit)
        form.is_valid()
        form.add_error("places", refusal.message)
        context["form"] = form
        return TemplateResponse(request, "clpages_registrations/manage.html", context, status=400)
    for promoted in outcome.promoted:
        email_after_commit(promoted, "promoted")
    return redirect(manage_path(registration) + f"?done={done}")


def url_for(session, date_key):
    return reverse("clpages_registrations:register", args=[session.pk, date_key])
