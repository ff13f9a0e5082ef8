"""Settings the account safeguards rely on, checked when the site starts."""

from django.apps import apps
from django.conf import settings
from django.core import checks

from clpages.accounts.apps import UsersConfig


@checks.register(checks.Tags.security)
def check_account_settings(app_configs, **kwargs):
    errors = []
    if getattr(settings, "WAGTAIL_EMAIL_MANAGEMENT_ENABLED", True):
        errors.append(
            checks.Error(
                "Wagtail's own email field on the account screen is on, so people can change "
                "their address without confirming it, and receive invitations meant for others.",
                hint="Set WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False; clpages adds a confirmed email field.",
                id="clpages.E101",
            )
        )
    if apps.is_installed("wagtail.users") and not isinstance(
        apps.get_app_config("wagtailusers"), UsersConfig
    ):
        errors.append(
            checks.Warning(
                "The Users screens do not check that an email address is unused; the database "
                "will refuse a second account with it, but with an error page instead of a message.",
                hint='List "clpages.accounts.apps.UsersConfig" in INSTALLED_APPS instead of "wagtail.users".',
                id="clpages.W102",
            )
        )
    return errors
