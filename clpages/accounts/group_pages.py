"""A member's own choice to be named on their action group's public page, on the account screen.

Only the member makes it, for themselves: the panel reads and writes the memberships of the
signed-in account alone, and no screen of the library's has the field, so nobody is named on a
public page because someone else decided it. It is off until they switch it on.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel

from clpages.models import PartnerMembership
from clpages.stages import PartnerKind


def group_memberships(user):
    return list(
        PartnerMembership.objects.filter(user=user, partner__kind=PartnerKind.ACTION_GROUP)
        .select_related("partner")
        .order_by("partner__name", "pk")
    )


class GroupPagesForm(forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = group_memberships(user)
        for membership in self.memberships:
            name = membership.partner.name
            self.fields[f"shown_{membership.pk}"] = forms.BooleanField(
                required=False,
                initial=membership.shown_on_group_page,
                label=_("Show my name on our group's public page: %(group)s") % {"group": name},
                help_text=_("Off unless you switch it on. You can switch it off at any time."),
            )
            self.fields[f"name_{membership.pk}"] = forms.CharField(
                required=False,
                max_length=100,
                initial=membership.public_name,
                label=_("Name to show on the page of %(group)s") % {"group": name},
                help_text=_("Leave empty to use your first and last name."),
            )

    def clean(self):
        cleaned = super().clean()
        for membership in self.memberships:
            name = cleaned.get(f"name_{membership.pk}", "")
            if "\n" in name or "\r" in name:
                self.add_error(f"name_{membership.pk}", _("Write the name on one line."))
        return cleaned

    def save(self):
        for membership in self.memberships:
            shown = self.cleaned_data[f"shown_{membership.pk}"]
            public_name = self.cleaned_data[f"name_{membership.pk}"].strip()
            if (shown, public_name) != (membership.shown_on_group_page, membership.public_name):
                PartnerMembership.objects.filter(pk=membership.pk, user=membership.user_id).update(
                    shown_on_group_page=shown, public_name=public_name
                )


class GroupPagesPanel(BaseSettingsPanel):
    name = "group_pages"
    title = _("Your name on group pages")
    order = 160
    form_class = GroupPagesForm

    def is_active(self):
        return bool(self.get_form().memberships)

    def get_form(self):
        if not hasattr(self, "_form"):
            data = (self.request.POST,) if self.request.method == "POST" else ()
            self._form = GroupPagesForm(*data, user=self.user, prefix=self.name)
        return self._form


def account_settings_panel(request, user, profile):
    return GroupPagesPanel(request, user, profile)
