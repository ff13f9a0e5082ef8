"""Wagtail's Groups screens, refusing to take the partner role from a group that keeps its grants.

How Wagtail 8 saves a group (wagtail.users.views.groups.PermissionPanelFormsMixin.process_form):
the group form and every permission panel are validated first; then the group form is saved,
its model permissions set with ``permissions.set(...)`` (in their own transaction), and only
then each panel in turn (page permissions, site settings, collections, images, documents),
each replacing the group's grants of its kind with what was posted. A guard reacting to the
model permissions alone (such as clpages.partners.role_removal's, for the shell) is therefore
undone by the panels saved after it in the same POST: they post the grants back.

So the screen decides before anything is saved, on what the whole POST would leave: a group
that holds the partner role now, would hold neither community role after the save, and would
keep page grants or image and document grants on partner organisations' collections, is not
saved. The library admin is told why and what to do, and the form keeps what they ticked.
Refusing, rather than quietly dropping the grants, leaves the choice to them: untick the
grants too, keep the role, or make the group library staff.

The save itself runs in one transaction, so the model permissions and the grants land together.
"""

from django.db import transaction
from wagtail.admin.forms.collections import BaseGroupCollectionMemberPermissionFormSet
from wagtail.users.forms import BaseGroupPagePermissionFormSet
from wagtail.users.views.groups import EditView as WagtailEditView
from wagtail.users.views.groups import GroupViewSet as WagtailGroupViewSet

from clpages.partners.role_removal import grants_the_role_scoped
from clpages.partners.roles import (
    LIBRARY_STAFF_PERMISSION,
    SCOPE_PERMISSION,
    is_permission,
    partner_groups,
)


def _posted_grants(panel, target):
    """(target, permission) pairs a permission panel would leave, as its own save() reads them."""
    return [
        (form.cleaned_data[target], permission)
        for form in panel.forms
        if form not in panel.deleted_forms and target in form.cleaned_data
        for permission in form.cleaned_data["permissions"]
    ]


def _grants_after_save(group, panels):
    page_grants, collection_grants, managed = None, [], set()
    for panel in panels:
        if isinstance(panel, BaseGroupPagePermissionFormSet):
            page_grants = _posted_grants(panel, "page")
        elif isinstance(panel, BaseGroupCollectionMemberPermissionFormSet):
            collection_grants += _posted_grants(panel, "collection")
            managed.update(panel.permission_queryset.values_list("pk", flat=True))
    # Grants no panel manages stay as they are.
    if page_grants is None:
        page_grants = [
            (grant.page, grant.permission) for grant in group.page_permissions.select_related("page")
        ]
    collection_grants += [
        (grant.collection, grant.permission)
        for grant in group.collection_permissions.exclude(permission__in=managed).select_related(
            "collection", "permission"
        )
    ]
    return page_grants, collection_grants


def _permissions_after_save(group, form):
    # Wagtail's GroupForm puts back the permissions the screen does not show.
    kept = group.permissions.exclude(pk__in=form.registered_permissions)
    return [*form.cleaned_data["permissions"], *kept]


def refusal(group, form, panels):
    """Why this save must not happen, or None: it would widen the group's members' rights."""
    if group.pk is None or not partner_groups().filter(pk=group.pk).exists():
        return None
    permissions = _permissions_after_save(group, form)
    if any(
        is_permission(p, role) for p in permissions for role in (SCOPE_PERMISSION, LIBRARY_STAFF_PERMISSION)
    ):
        return None
    pages, collections = grants_the_role_scoped(*_grants_after_save(group, panels))
    if not pages and not collections:
        return None
    held = [f"page permissions on {', '.join(page.title for page in pages)}"] if pages else []
    if collections:
        held.append(f"image and document permissions on {', '.join(c.name for c in collections)}")
    return (
        f"Without “Act for their own partner organisations only”, the {' and '.join(held)} of this "
        "group would no longer be limited to its members’ own organisations: every member could "
        "add and edit every page they cover and reach every partner’s files. Nothing was saved. "
        "Untick those permissions too, or keep the partner role. (Library staff groups hold "
        "“Add” on “Partner membership” instead.)"
    )


class EditView(WagtailEditView):
    def is_valid(self, form):
        if not super().is_valid(form):
            return False
        reason = refusal(self.object, form, self.permission_panel_forms)
        if reason is None:
            return True
        form.add_error(None, reason)
        self.produced_error_message = self.get_error_message()
        return False

    def process_form(self):
        with transaction.atomic():
            return super().process_form()


class GroupViewSet(WagtailGroupViewSet):
    edit_view_class = EditView
