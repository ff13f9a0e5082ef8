from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with user forms that keep email addresses unique.

    Listed in INSTALLED_APPS in place of "wagtail.users" (Wagtail's documented way to swap the
    user viewset).
    """

    user_viewset = "clpages.accounts.users.UserViewSet"
