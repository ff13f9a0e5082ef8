from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .admin import CommunityGroup
from .dashboard import construct_homepage_panels

modeladmin_register(CommunityGroup)

# The partner's own view of their work on the dashboard (clpages.dashboard).
hooks.register("construct_homepage_panels", construct_homepage_panels)
