from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .admin import CommunityGroup
from .dashboard import construct_homepage_panels, workflow_notice
from .invites import admin_urls as invite_admin_urls

modeladmin_register(CommunityGroup)

# The partner's own view of their work on the dashboard (clpages.dashboard).
hooks.register("construct_homepage_panels", construct_homepage_panels)
hooks.register("before_edit_page", workflow_notice)

# Inviting members from an organisation's admin screen (clpages.invites).
hooks.register("register_admin_urls", invite_admin_urls)
