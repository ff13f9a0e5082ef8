"""Password guessing cut off on the forms django-axes does not watch by itself.

Axes counts failed ``authenticate()`` calls, which covers the admin and front-end logins. Wagtail's
page and document password forms compare a shared password without ``authenticate()``, so their
failures are recorded with axes here: the same counter, limit and cool-off, per client address,
in the database every worker shares. A password reset request is no failed guess but a mail sent
to someone, so it gets a plain rate limit in the cache instead.
"""

from functools import wraps

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_ip_address, get_lockout_response
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def count_failed_passwords(view, label):
    """Wrap a Wagtail password form view: a re-shown form is a wrong password."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        credentials = {"username": label}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return get_lockout_response(request, None, credentials)
        response = view(request, *args, **kwargs)
        # Success redirects to the protected page; anything else showed the form again.
        if response.status_code == 200:
            AxesProxyHandler.user_login_failed(sender=guarded, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                return get_lockout_response(request, response, credentials)
        return response

    return guarded


def limit_password_reset(view):
    """Wrap the password reset view: a few requests per client address, whatever they ask for.

    Every request counts, for an account or not, so the limit tells nobody which addresses exist.
    """

    @wraps(view)
    def limited(request, *args, **kwargs):
        if request.method == "POST":
            key = f"clsite:password-reset:{get_client_ip_address(request)}"
            cache.add(key, 0, timeout=settings.CLSITE_PASSWORD_RESET_WINDOW)
            try:
                requests = cache.incr(key)
            except ValueError:
                # The entry expired between add() and incr(): this request opens a new window.
                cache.add(key, 1, timeout=settings.CLSITE_PASSWORD_RESET_WINDOW)
                requests = 1
            if requests > settings.CLSITE_PASSWORD_RESET_LIMIT:
                return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        return view(request, *args, **kwargs)

    return limited
