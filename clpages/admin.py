"""wagtail-modeladmin screens for the records behind community pages."""

from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from .invites import PartnerButtonHelper
from .models import Audience, CommunityPartner, Language, Location


class CommunityPartnerAdmin(ModelAdmin):
    model = CommunityPartner
    menu_label = "Partner organisations"
    menu_icon = "group"
    list_display = ("name", "kind", "website")
    list_filter = ("kind", "languages")
    search_fields = ("name", "description", "communities_served")
    button_helper_class = PartnerButtonHelper  # adds "Invite a member"


class LocationAdmin(ModelAdmin):
    model = Location
    menu_label = "Locations"
    menu_icon = "site"
    list_display = ("name", "kind", "city", "step_free_access")
    list_filter = ("kind", "city", "step_free_access")
    search_fields = ("name", "street_address", "city")


class AudienceAdmin(ModelAdmin):
    model = Audience
    menu_icon = "user"
    search_fields = ("name",)


class LanguageAdmin(ModelAdmin):
    model = Language
    menu_icon = "globe"
    search_fields = ("name",)


class CommunityGroup(ModelAdminGroup):
    menu_label = "Community"
    menu_icon = "group"
    menu_order = 250
    items = (CommunityPartnerAdmin, LocationAdmin, AudienceAdmin, LanguageAdmin)
