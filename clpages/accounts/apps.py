from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with user forms that keep email addresses unique, and Groups screens
    that never widen a partner group's rights (clpages.accounts.groups).

    Listed in INSTALLED_APPS in place of "wagtail.users" (Wagtail's documented way to swap the
    user viewset).
    """

    user_viewset = "clpages.accounts.users.UserViewSet"
    # The Groups screens refuse to take the partner role from a group that keeps its grants.
    group_viewset = "clpages.accounts.groups.GroupViewSet"
