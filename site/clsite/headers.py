"""The Content-Security-Policy, with the one allowance Wagtail's admin needs."""

from dataclasses import replace

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; admin screens may also run Wagtail's inline scripts.

    The public site keeps ``script-src 'self'``: a script injected into a page a partner wrote
    does not run there.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            admin_scripts = {**(parts.replace or {}), "script-src": settings.CLSITE_ADMIN_SCRIPT_SRC}
            parts = replace(parts, replace=admin_scripts)
        return parts
