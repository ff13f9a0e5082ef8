"""The admin form of community section pages: keeps partners linked to the work they co-lead.

For a user whose rights come through their organisations (see clpages.permissions):
- a new page must be linked to at least one of their organisations, or they would lose it;
- no organisation the saved page is linked to can be removed (only library editors can);
- a program or partnership newly chosen for an evaluation must be one they co-lead.
Nothing is saved when one of these fails, and the form says why next to the field.
"""

from django.utils.text import get_text_list
from wagtail.admin.forms import WagtailAdminPageForm

# A module reference, not names: clpages.permissions imports this module for its page mixin.
from . import permissions as access

KEEP_ORGANISATIONS = (
    "Only library editors can remove an organisation from this page: {names} must stay. "
    "Ask the library team if this should change."
)
LINK_YOUR_ORGANISATION = "Link this page to your organisation ({names}) so that you can keep working on it."
CHOOSE_YOUR_WORK = "Choose a {kind} your organisation co-leads."


def _names(partner_ids):
    from .models import CommunityPartner

    return get_text_list(
        list(CommunityPartner.objects.filter(pk__in=partner_ids).values_list("name", flat=True)), "and"
    )


class CommunityPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scoped_user = None
        user = self.for_user
        if user is None or not user.is_authenticated:
            return
        anchor = self.instance if self.instance.pk else self.parent_page
        if anchor is not None and access.page_permission_policy.acts_for_organisations(user, anchor):
            self.scoped_user = user
            self._narrow_choices(access.organisation_ids(user))

    def _narrow_choices(self, own_ids):
        from .models import CommunityPartner

        if "co_created_with" in self.fields:
            field = self.fields["co_created_with"]
            field.help_text = (
                f"{field.help_text} You can add other organisations; only library editors can remove one."
            )
            if not self.instance.pk and not self.is_bound:
                self.initial["co_created_with"] = sorted(own_ids)
        if "partner" in self.fields:
            # A partnership is with one of the user's own organisations.
            field = self.fields["partner"]
            field.queryset = CommunityPartner.objects.filter(pk__in=own_ids)
            if not self.instance.pk and not self.is_bound and len(own_ids) == 1:
                self.initial["partner"] = next(iter(own_ids))

    def _linked_after_save(self):
        """Organisations the page would be linked to with the submitted values (None: not linkable)."""
        data = self.cleaned_data
        if "co_created_with" in self.fields:
            partners = data.get("co_created_with")
            return None if partners is None else {partner.pk for partner in partners}
        if "partner" in self.fields:
            partner = data.get("partner")
            return (
                None if partner is None and self.has_error("partner") else {partner.pk} if partner else set()
            )
        if "program" in self.fields and "partnership" in self.fields:
            if self.has_error("program") or self.has_error("partnership"):
                return None
            program, partnership = data.get("program"), data.get("partnership")
            return access.program_organisation_ids(
                program and program.pk
            ) | access.partnership_organisation_ids(partnership and partnership.pk)
        return None

    def _check_evaluated_work(self, own_ids):
        stored = {"program": None, "partnership": None}
        if self.instance.pk:
            stored = (
                type(self.instance)
                .objects.filter(pk=self.instance.pk)
                .values("program", "partnership")
                .first()
                or stored
            )
        lookups = {
            "program": access.program_organisation_ids,
            "partnership": access.partnership_organisation_ids,
        }
        for name, organisations_of in lookups.items():
            chosen = self.cleaned_data.get(name)
            if chosen is not None and chosen.pk != stored[name] and not organisations_of(chosen.pk) & own_ids:
                self.add_error(name, CHOOSE_YOUR_WORK.format(kind=self.fields[name].label.lower()))

    def clean(self):
        cleaned_data = super().clean()
        if self.scoped_user is None:
            return cleaned_data
        own_ids = access.organisation_ids(self.scoped_user)
        if "program" in self.fields and "partnership" in self.fields:
            self._check_evaluated_work(own_ids)
        after = self._linked_after_save()
        if after is None:
            return cleaned_data
        field = next(name for name in ("co_created_with", "partner", "program") if name in self.fields)
        kept = access.linked_organisation_ids(self.instance) if self.instance.pk else set()
        if kept - after:
            self.add_error(field, KEEP_ORGANISATIONS.format(names=_names(kept - after)))
        elif not after & own_ids:
            self.add_error(field, LINK_YOUR_ORGANISATION.format(names=_names(own_ids)))
        return cleaned_data
