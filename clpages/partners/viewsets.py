"""wagtail-modeladmin screens for the records behind community pages.

The one module that knows wagtail-modeladmin: the rest of clpages asks it to register its screens.
Each record can be translated (wagtail-localize's TranslatableModelAdmin, built on the same
wagtail-modeladmin): its screens list the records of one language at a time, and "Translate"
sends a record's words through wagtail-localize's translation editor. Pages point at the records
of the default language; their translations only word them (clpages.i18n.vocabulary).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_localize.modeladmin.helpers import TranslatableButtonHelper
from wagtail_localize.modeladmin.options import TranslatableModelAdmin
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from clpages.models import Audience, CommunityPartner, Language, Location
from clpages.partners.invites import can_invite
from clpages.partners.profiles import may_propose


class PartnerButtonHelper(TranslatableButtonHelper):
    """Adds "Invite a member" beside each organisation in the partner organisations screens, and
    "Change the profile" beside a partner's own organisations (clpages.partners.profiles)."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(
            obj, exclude=exclude, classnames_add=classnames_add, classnames_exclude=classnames_exclude
        )
        if "invite" not in (exclude or []) and can_invite(self.request.user):
            buttons.append(
                {
                    "url": reverse("clpages_invite_member", args=(obj.pk,)),
                    "label": "Invite a member",
                    "classname": self.finalise_classname(
                        ["button-secondary"] + (classnames_add or []), classnames_exclude
                    ),
                    "title": f"Invite a member to {obj.name}",
                }
            )
        if "profile" not in (exclude or []) and may_propose(self.request.user, obj):
            buttons.append(
                {
                    "url": reverse("clpages_organisation_profile", args=(obj.pk,)),
                    "label": gettext("Change the profile"),
                    "classname": self.finalise_classname(
                        ["button-secondary"] + (classnames_add or []), classnames_exclude
                    ),
                    "title": gettext("Propose changes to the profile of %(name)s") % {"name": obj.name},
                }
            )
        return buttons


def _manages_partners(user):
    return user.has_perm("clpages.change_communitypartner")


class CommunityPartnerPermissionHelper(PermissionHelper):
    """Partners may look at their own organisations' records, and no one else's."""

    def user_can_inspect_obj(self, user, obj):
        if not super().user_can_inspect_obj(user, obj):
            return False
        return _manages_partners(user) or obj.members.filter(pk=user.pk).exists()


class CommunityPartnerAdmin(TranslatableModelAdmin):
    model = CommunityPartner
    menu_label = "Partner organisations"
    menu_icon = "group"
    list_display = ("name", "kind", "website")
    list_filter = ("kind", "languages")
    search_fields = ("name", "description", "communities_served")
    inspect_view_enabled = True
    inspect_view_fields = ["name", "kind", "description", "website", "communities_served"]
    permission_helper_class = CommunityPartnerPermissionHelper
    button_helper_class = PartnerButtonHelper  # adds "Invite a member"
    panels = CommunityPartner.panels + [
        MultiFieldPanel(
            [FieldPanel("members", widget=forms.SelectMultiple(attrs={"size": 8}))],
            heading="Members",
            help_text=(
                "People who author pages for this organisation. "
                "They also need the Community partners role to sign in to the admin."
            ),
        ),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if _manages_partners(request.user):
            return queryset
        return queryset.filter(members=request.user)

    def history_view(self, request, instance_pk):
        # modeladmin looks the record up among all organisations; its history names who did what.
        if not str(instance_pk).isdigit() or not self.get_queryset(request).filter(pk=instance_pk).exists():
            raise PermissionDenied
        return super().history_view(request, instance_pk)


class LocationAdmin(TranslatableModelAdmin):
    model = Location
    menu_label = "Locations"
    menu_icon = "site"
    list_display = ("name", "kind", "city", "step_free_access")
    list_filter = ("kind", "city", "step_free_access")
    search_fields = ("name", "street_address", "city")


class AudienceAdmin(TranslatableModelAdmin):
    model = Audience
    menu_icon = "user"
    search_fields = ("name",)


class LanguageAdmin(TranslatableModelAdmin):
    model = Language
    menu_icon = "globe"
    search_fields = ("name",)


class CommunityGroup(ModelAdminGroup):
    menu_label = "Community"
    menu_icon = "group"
    menu_order = 250
    items = (CommunityPartnerAdmin, LocationAdmin, AudienceAdmin, LanguageAdmin)


def register_viewsets():
    modeladmin_register(CommunityGroup)
