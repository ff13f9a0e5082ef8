"""Taking the partner role from a group never widens what its members may do.

The partner role (`clpages.act_for_own_organisations`, clpages.partners.roles) is what narrows a
group's grants to its members' own organisations: *all* its page grants (the page policy reads
every one of them as organisation-scoped) and its image and document grants on "Partner
organisations" and below (the collection policy). Without the role those grants would be
ordinary Wagtail grants: add and edit on every page of the community section, every partner's
files. So when a group loses the role without holding the library-staff one
(`clpages.add_partnermembership`, which says its members are library staff), those grants go
with it:

* in the shell, through any of Django's many-to-many routes, both ways
  (``group.permissions.remove/set/clear``, ``permission.group_set.remove/clear``), or by
  deleting the permission itself: the grants are withdrawn in the same transaction
  (``connect_signals``);
* in the Groups screen the save is refused instead, with a message, so the library admin
  decides (clpages.accounts.groups); what it would leave behind is worked out here
  (``grants_the_role_scoped``).

Only a delete straight on the join table (``Group.permissions.through.objects...delete()``, or
SQL) goes around this: Django sends no signal for it.

Nothing is withdrawn from a group that keeps the role, holds the library-staff role, or never
held the partner role.
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, pre_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from clpages.partners.collections import partner_collections_root_path
from clpages.partners.roles import (
    LIBRARY_STAFF_PERMISSION,
    SCOPE_PERMISSION,
    holds,
    is_permission,
    partner_groups,
    permission_q,
)

logger = logging.getLogger(__name__)


def _scoped_collection_content_type_ids():
    # The models the collection policy narrows (clpages.partners.collection_permissions).
    return {
        ContentType.objects.get_for_model(model).pk for model in (get_image_model(), get_document_model())
    }


def grants_the_role_scoped(page_grants, collection_grants):
    """Of (page, permission) and (collection, permission) pairs, those the partner role narrows.

    Returns the pages and the collections they are on: what the role's removal would widen.
    """
    pages = {page for page, _ in page_grants}
    root = partner_collections_root_path()
    content_types = _scoped_collection_content_type_ids()
    collections = {
        collection
        for collection, permission in collection_grants
        if root and collection.path.startswith(root) and permission.content_type_id in content_types
    }
    return sorted(pages, key=lambda page: page.path), sorted(collections, key=lambda c: c.path)


def _scoped_collection_grants():
    root = partner_collections_root_path()
    if root is None:
        return GroupCollectionPermission.objects.none()
    return GroupCollectionPermission.objects.filter(
        collection__path__startswith=root,
        permission__content_type__in=_scoped_collection_content_type_ids(),
    )


def withdraw_unscoped_grants(group_ids):
    """Withdraw the grants of these groups that no role narrows or vouches for any more."""
    groups = (
        Group.objects.filter(pk__in=group_ids)
        .exclude(pk__in=partner_groups().values("pk"))
        .exclude(pk__in=Group.objects.filter(holds(LIBRARY_STAFF_PERMISSION)).values("pk"))
    )
    for group in groups:
        pages, _ = GroupPagePermission.objects.filter(group=group).delete()
        collections, _ = _scoped_collection_grants().filter(group=group).delete()
        if pages or collections:
            logger.warning(
                "Group '%s' no longer acts for its members' own partner organisations: its %d page "
                "permission(s) and %d image and document permission(s) on partner organisations' "
                "collections were withdrawn with the role.",
                group.name,
                pages,
                collections,
            )


_LOSING_ROLE = "_clpages_groups_losing_partner_role"


def _groups_about_to_lose_the_role(instance, action, reverse, pk_set):
    if not reverse:  # group.permissions.remove(...) / .clear()
        held = instance.permissions.filter(permission_q(SCOPE_PERMISSION))
        if action == "pre_remove":
            held = held.filter(pk__in=pk_set)
        return [instance.pk] if held.exists() else []
    if not is_permission(instance, SCOPE_PERMISSION):  # permission.group_set.remove(...) / .clear()
        return []
    groups = instance.group_set.all()
    if action == "pre_remove":
        groups = groups.filter(pk__in=pk_set)
    return list(groups.values_list("pk", flat=True))


def _on_group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    # Which groups held the role is known only before the rows go; what they hold after, only
    # after. Both steps run inside the same transaction as the removal (Django's own atomic).
    if action in ("pre_remove", "pre_clear"):
        setattr(instance, _LOSING_ROLE, _groups_about_to_lose_the_role(instance, action, reverse, pk_set))
    elif action in ("post_remove", "post_clear"):
        group_ids = instance.__dict__.pop(_LOSING_ROLE, [])
        if group_ids:
            withdraw_unscoped_grants(group_ids)


def _before_permission_deleted(sender, instance, **kwargs):
    if is_permission(instance, SCOPE_PERMISSION):
        setattr(instance, _LOSING_ROLE, list(instance.group_set.values_list("pk", flat=True)))


def _after_permission_deleted(sender, instance, **kwargs):
    group_ids = instance.__dict__.pop(_LOSING_ROLE, [])
    if group_ids:
        withdraw_unscoped_grants(group_ids)


def connect_signals():
    m2m_changed.connect(
        _on_group_permissions_changed,
        sender=Group.permissions.through,
        dispatch_uid="clpages-partner-role-removed",
    )
    pre_delete.connect(_before_permission_deleted, sender=Permission, dispatch_uid="clpages-role-deleting")
    post_delete.connect(_after_permission_deleted, sender=Permission, dispatch_uid="clpages-role-deleted")
