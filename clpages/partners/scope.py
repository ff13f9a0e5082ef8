"""Which partner organisations a user acts for, and which pages are linked to them.

The one place that reads partner memberships and the links between pages and organisations,
for the permission policies (clpages.partners.page_permissions, collection_permissions), the
page form, the workflow and the dashboard. It sits below the page models and reads them through
the app registry.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import GroupCollectionPermission, GroupPagePermission

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


# How each page type is linked to partner organisations.
def _link_filters(partner_ids):
    return {
        "ProgramPage": Q(co_created_with__in=partner_ids),
        "PartnershipPage": Q(partner__in=partner_ids),
        "EvaluationPage": Q(program__co_created_with__in=partner_ids)
        | Q(partnership__partner__in=partner_ids),
    }


LINKED_PAGE_TYPES = ("ProgramPage", "PartnershipPage", "EvaluationPage")


def linked_models():
    # Through the app registry: this layer sits below the page models, which use its rules.
    return {name: apps.get_model("clpages", name) for name in LINKED_PAGE_TYPES}


def linked_page_ids(partner_ids):
    """Ids of the pages linked to any of these organisations, as stored (not draft revisions)."""
    if not partner_ids:
        return set()
    ids = set()
    for name, query in _link_filters(partner_ids).items():
        ids.update(linked_models()[name].objects.filter(query).values_list("pk", flat=True))
    return ids


def linked_organisation_ids(page):
    """Ids of the organisations a page (as stored in the database) is linked to."""
    specific = page.specific_class
    if specific is None or page.pk is None:
        return set()
    models = linked_models()
    if issubclass(specific, models["ProgramPage"]):
        return program_organisation_ids(page.pk)
    if issubclass(specific, models["PartnershipPage"]):
        return partnership_organisation_ids(page.pk)
    if issubclass(specific, models["EvaluationPage"]):
        row = (
            models["EvaluationPage"].objects.filter(pk=page.pk).values("program_id", "partnership_id").first()
        )
        if row is None:
            return set()
        return program_organisation_ids(row["program_id"]) | partnership_organisation_ids(
            row["partnership_id"]
        )
    return set()


def program_organisation_ids(program_id):
    if not program_id:
        return set()
    through = linked_models()["ProgramPage"].co_created_with.through
    return set(
        through.objects.filter(programpage_id=program_id).values_list("communitypartner_id", flat=True)
    )


def partnership_organisation_ids(partnership_id):
    if not partnership_id:
        return set()
    model = linked_models()["PartnershipPage"]
    return set(model.objects.filter(pk=partnership_id).values_list("partner_id", flat=True))


def _content_type(model):
    return ContentType.objects.get_for_model(model)


def creation_parent_content_types():
    """Page types under which partners may create linked pages (the section's index pages)."""
    parents = set()
    for model in linked_models().values():
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
