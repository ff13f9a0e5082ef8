"""Which partner organisations a user acts for, and which pages are linked to them.

The one place that reads partner memberships, and that answers which pages are linked to them
from the page types' own links (clpages.partners.linking), for the permission policies
(clpages.partners.page_permissions, collection_permissions), the page form, the workflow and the
dashboard. It sits below the page models and reads them through the app registry.
"""

import operator
from functools import reduce

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from clpages.partners.linking import PartnerLinkedPage, linked_page_types
from clpages.partners.roles import SCOPE_PERMISSION, dotted, partner_groups

_ORGANISATIONS_CACHE = "_clpages_organisation_ids"


def organisation_ids(user):
    """Ids of the partner organisations the user belongs to (cached on the user object)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, _ORGANISATIONS_CACHE):
        ids = frozenset(
            apps.get_model("clpages", "PartnerMembership")
            .objects.filter(user=user)
            .values_list("partner_id", flat=True)
        )
        setattr(user, _ORGANISATIONS_CACHE, ids)
    return getattr(user, _ORGANISATIONS_CACHE)


def linked_pages(partner_ids):
    """Q for the stored pages of every linked type linked to any of these organisations.

    For any page queryset (Page's included): one query, however many page types there are.
    """
    nothing = Q(pk__in=[])
    if not partner_ids:
        return nothing
    return reduce(operator.or_, (model.linked_to(partner_ids) for model in linked_page_types()), nothing)


def linked_organisation_ids(page):
    """Ids of the organisations a page (as stored in the database) is linked to."""
    specific = page.specific_class
    if specific is None or page.pk is None or not issubclass(specific, PartnerLinkedPage):
        return set()
    return specific.stored_organisation_ids(page.pk)


def _content_type(model):
    return ContentType.objects.get_for_model(model)


def creation_parent_content_types():
    """Page types under which partners may create linked pages (the section's index pages)."""
    parents = set()
    for model in linked_page_types():
        parents.update(model.allowed_parent_page_models())
    return [_content_type(model) for model in parents]


_SCOPED_GROUPS_CACHE = "_clpages_scoped_group_ids"


def scoped_group_ids(user):
    """Ids of the user's groups whose grants are organisation-scoped (cached on the user object).

    Django's own permission cache answers first, so people who hold no partner role pay no query.
    """
    if not user.has_perm(dotted(SCOPE_PERMISSION)):
        return frozenset()
    if not hasattr(user, _SCOPED_GROUPS_CACHE):
        ids = frozenset(partner_groups().filter(user=user).values_list("pk", flat=True))
        setattr(user, _SCOPED_GROUPS_CACHE, ids)
    return getattr(user, _SCOPED_GROUPS_CACHE)


def shared_grants(user, model, cache_name):
    """The user's group grants as Wagtail's stock policies read them, through their cache.

    Some Wagtail code asks the stock policies directly (wagtail.images.permissions, for one):
    sharing their cache keeps those grants one query per request, as without this project.
    """
    if not hasattr(user, cache_name):
        grants = model.objects.filter(group__user=user).select_related("permission", *_RELATED[model])
        list(grants)  # fills the queryset's own result cache, which Wagtail then reads
        setattr(user, cache_name, grants)
    return getattr(user, cache_name)


_RELATED = {GroupPagePermission: ("page",), GroupCollectionPermission: ("collection",)}


def staff_codenames(user, app_label, codenames):
    """Which of these permissions of an app the user holds as library staff.

    As for pages, only grants from outside partner groups are staff rights: a permission ticked
    for a partner group by mistake never widens a partner's scope to the whole site.
    """
    scoped_groups = scoped_group_ids(user)
    if not scoped_groups:
        return {codename for codename in codenames if user.has_perm(f"{app_label}.{codename}")}
    return set(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        .filter(Q(user=user) | Q(group__in=user.groups.exclude(pk__in=scoped_groups)))
        .values_list("codename", flat=True)
    )
