from wagtail_modeladmin.options import modeladmin_register

from .admin import CommunityGroup

modeladmin_register(CommunityGroup)
