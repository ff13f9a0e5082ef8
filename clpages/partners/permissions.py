"""Partners' rights in the admin: Wagtail's page permissions, narrowed to their organisations.

A partner group (any group holding `clpages.act_for_own_organisations`, whatever its name)
holds ordinary Wagtail page permissions (add, change) on each community hub. This module's
policy reads those grants as *organisation-scoped*: for a member of one or more partner
organisations they become

* "add" on the index pages where programs, partnerships and evaluations are created, and
* every other right on exactly the pages linked to the member's organisations (a program
  co-created with one, a partnership with one, an evaluation of either).

Scoped grants never flow down the tree and never make anyone an owner-editor, unlike normal
Wagtail grants. Because the policy is registered for all pages, every admin view that asks
Wagtail's permission machinery (explorer, search, choosers, reports, edit, preview, history,
revisions, workflow screens) sees the narrowed rights. The page tester adds what a policy
cannot say: scoped grants never allow deleting, moving or copying a page.

Grants of any other group keep Wagtail's usual meaning, so library editors are unaffected.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, PagePermissionTester
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from clpages.partners.page_form import CommunityPageForm
from clpages.partners.roles import SCOPE_PERMISSION, dotted, partner_groups

_ORGANISATIONS_CACHE = "_clpages_organisation_ids"


def organisation_ids(user):
    """Ids of the partner organisations the user belongs to (cached on the user object)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, _ORGANISATIONS_CACHE):
        from clpages.models import PartnerMembership

        ids = frozenset(PartnerMembership.objects.filter(user=user).values_list("partner_id", flat=True))
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


def linked_models():
    from clpages.models import EvaluationPage, PartnershipPage, ProgramPage

    return {"ProgramPage": ProgramPage, "PartnershipPage": PartnershipPage, "EvaluationPage": EvaluationPage}


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
    from django.contrib.contenttypes.models import ContentType

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


@dataclass(frozen=True)
class ScopedPagePermission:
    """A partner group's grant, applied to one page on behalf of the user's organisations.

    Wagtail's policies accept custom permission objects: this one quacks like a
    GroupPagePermission (``page``, ``page_id``, ``permission``, ``group_id``).
    """

    page: Page
    permission: Permission
    group_id: int

    @property
    def page_id(self):
        return self.page.pk


def _is_scoped(perm):
    return isinstance(perm, ScopedPagePermission)


class CommunityPagePermissionPolicy(PagePermissionPolicy):
    # Its own cache: a user object may also carry the stock policy's unscoped cache.
    permission_cache_name = "_clpages_page_permission_cache"

    def get_all_permissions_for_user(self, user):
        if not user.is_active or user.is_anonymous or user.is_superuser:
            return GroupPagePermission.objects.none()
        grants = list(shared_grants(user, GroupPagePermission, PagePermissionPolicy.permission_cache_name))
        scoped_groups = scoped_group_ids(user)
        plain = [grant for grant in grants if grant.group_id not in scoped_groups]
        scoped = [grant for grant in grants if grant.group_id in scoped_groups]
        user._clpages_has_scoped_grants = bool(scoped)
        # Only now the memberships: users without scoped grants pay no query for them.
        if not scoped or not organisation_ids(user):
            return plain
        partner_ids = organisation_ids(user)

        creation_parents = list(Page.objects.filter(content_type__in=creation_parent_content_types()))
        linked = list(Page.objects.filter(pk__in=linked_page_ids(partner_ids)))
        expanded = []
        for grant in scoped:
            candidates = creation_parents if grant.permission.codename == "add_page" else linked
            expanded.extend(
                ScopedPagePermission(page=page, permission=grant.permission, group_id=grant.group_id)
                for page in candidates
                if page.path.startswith(grant.page.path)
            )
        return plain + expanded

    def _applies(self, perm, instance):
        if _is_scoped(perm):
            return perm.page_id == instance.pk
        return instance.pk == perm.page_id or instance.is_descendant_of(perm.page)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        base_permission = self._base_user_has_permission(user)
        if base_permission is not None:
            return base_permission
        codenames = self._get_permission_codenames(set(actions))
        add, change = self._get_permission_codename("add"), self._get_permission_codename("change")
        for perm in self.get_cached_permissions_for_user(user):
            if not self._applies(perm, instance):
                continue
            codename = perm.permission.codename
            if codename in codenames:
                return True
            # Wagtail's owner rule ("add" lets you edit your own pages) holds for plain grants only.
            if (
                not _is_scoped(perm)
                and codename == add
                and change in codenames
                and instance.owner_id == user.pk
            ):
                return True
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        base_queryset = self._base_queryset_for_user(user)
        if base_queryset is not None:
            return base_queryset
        manager = self.model._default_manager
        codenames = self._get_permission_codenames(actions)
        add = self._get_permission_codename("add")
        pages = manager.none()
        scoped_ids = set()
        for perm in self.get_cached_permissions_for_user(user):
            codename = perm.permission.codename
            if _is_scoped(perm):
                if codename in codenames:
                    scoped_ids.add(perm.page_id)
            elif codename == add and "add" not in actions and "change" in actions:
                pages |= manager.descendant_of(perm.page, inclusive=True).filter(owner=user)
            elif codename in codenames:
                pages |= manager.descendant_of(perm.page, inclusive=True)
        if scoped_ids:
            pages |= manager.filter(pk__in=scoped_ids)
        return pages

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        actions = set(actions)
        codenames = self._get_permission_codenames(actions)
        ancestors = instance.get_ancestors(inclusive=True)
        grants = GroupPagePermission.objects.filter(page__in=ancestors)
        q = Q(pk__in=[])

        plain_groups = grants.filter(permission__codename__in=codenames).exclude(
            group__in=partner_groups().values("pk")
        )
        q |= Q(groups__in=plain_groups.values_list("group", flat=True))
        if "change" in actions and "add" not in actions:
            add_groups = grants.filter(permission__codename=self._get_permission_codename("add")).exclude(
                group__in=partner_groups().values("pk")
            )
            q |= Q(groups__in=add_groups.values_list("group", flat=True)) & Q(pk=instance.owner_id)

        scoped_groups = list(
            grants.filter(group__in=partner_groups().values("pk"), permission__codename__in=codenames)
            .values_list("group", flat=True)
            .distinct()
        )
        if scoped_groups:
            add = self._get_permission_codename("add")
            is_creation_parent = instance.content_type_id in {ct.pk for ct in creation_parent_content_types()}
            if add in codenames and is_creation_parent:
                q |= Q(groups__in=scoped_groups, partner_organisations__isnull=False)
            if codenames - {add}:
                q |= Q(groups__in=scoped_groups, partner_organisations__in=linked_organisation_ids(instance))

        if include_superusers:
            q |= Q(is_superuser=True)
        return get_user_model()._default_manager.filter(is_active=True).filter(q).distinct()

    def acts_for_organisations(self, user, page):
        """True when the user's rights on this page (or under it) come only from scoped grants."""
        if not user.is_active or user.is_superuser:
            return False
        return not any(
            not _is_scoped(perm) and page.path.startswith(perm.page.path)
            for perm in self.get_cached_permissions_for_user(user)
        )

    def is_partner_only(self, user):
        """A user whose page rights all come through their organisations' scoped grants."""
        if not user.is_active or user.is_superuser:
            return False
        perms = self.get_cached_permissions_for_user(user)
        has_scoped_grants = getattr(user, "_clpages_has_scoped_grants", False)
        return has_scoped_grants and all(_is_scoped(perm) for perm in perms)


page_permission_policy = CommunityPagePermissionPolicy()


class CommunityPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, reading scoped grants for this exact page only."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.permission_policy = page_permission_policy
        self.unscoped_permissions = set()
        if self.user.is_active and not self.user.is_superuser:
            scoped = set()
            for perm in page_permission_policy.get_cached_permissions_for_user(user):
                action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
                if _is_scoped(perm):
                    if perm.page_id == page.pk:
                        scoped.add(action)
                elif page.path.startswith(perm.page.path):
                    self.unscoped_permissions.add(action)
            self.permissions = scoped | self.unscoped_permissions

    def _unscoped(self):
        tester = object.__new__(type(self))
        tester.__dict__.update(self.__dict__)
        tester.permissions = self.unscoped_permissions
        return tester

    # Deleting, moving and copying change the tree or publish copies: never on scoped grants.
    def can_delete(self, ignore_bulk=False):
        return PagePermissionTester.can_delete(self._unscoped(), ignore_bulk=ignore_bulk)

    def can_copy(self):
        return PagePermissionTester.can_edit(self._unscoped())


class CommunityPagePermissionsMixin:
    """For every page type of the community section: use the community tester and page form."""

    base_form_class = CommunityPageForm

    def permissions_for_user(self, user):
        return CommunityPagePermissionTester(user, self)


class CommunityCollectionPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Partners' grants on "Partner organisations" apply to their own organisations' collections."""

    permission_cache_name = "_clpages_collection_permission_cache"

    def get_all_permissions_for_user(self, user):
        if not user.is_active or user.is_anonymous or user.is_superuser:
            return GroupCollectionPermission.objects.none()
        grants = list(
            shared_grants(
                user, GroupCollectionPermission, CollectionOwnershipPermissionPolicy.permission_cache_name
            )
        )
        scoped_groups = scoped_group_ids(user)
        if not scoped_groups:
            return grants
        # Only partner groups' grants on "Partner organisations" are organisation-scoped;
        # their grants elsewhere (the shared collection) apply as they are.
        root = _partner_collections_root_path()
        scoped = [
            grant
            for grant in grants
            if grant.group_id in scoped_groups and root and grant.collection.path.startswith(root)
        ]
        plain = [grant for grant in grants if grant not in scoped]
        if not scoped:
            return plain
        from clpages.models import CommunityPartner

        collections = [
            partner.collection
            for partner in CommunityPartner.objects.filter(
                pk__in=organisation_ids(user), collection__isnull=False
            ).select_related("collection")
        ]
        expanded = [
            ScopedCollectionPermission(
                collection=collection, permission=grant.permission, group_id=grant.group_id
            )
            for grant in scoped
            for collection in collections
            if collection.path.startswith(grant.collection.path)
        ]
        return plain + expanded


def _partner_collections_root_path():
    from wagtail.models import Collection

    from clpages.partners.collections import PARTNER_COLLECTIONS_ROOT

    root = Collection.get_first_root_node().get_children().filter(name=PARTNER_COLLECTIONS_ROOT).first()
    return root.path if root else None


@dataclass(frozen=True)
class ScopedCollectionPermission:
    collection: object
    permission: Permission
    group_id: int

    @property
    def collection_id(self):
        return self.collection.pk


def register_page_policy():
    from wagtail.models import AbstractPage
    from wagtail.permissions import register_permission_policy

    register_permission_policy(AbstractPage, page_permission_policy)


def register_policies():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    register_page_policy()
    register_permission_policy(
        get_image_model(),
        CommunityCollectionPermissionPolicy(
            get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
        ),
    )
    register_permission_policy(
        get_document_model(),
        CommunityCollectionPermissionPolicy(
            get_document_model(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
        ),
    )


def partner_page_chooser_queryset(pages, request):
    """Partners choose from the community section: live pages and the pages they may edit.

    The hub's ancestors stay so the chooser can be browsed down to the section.
    """
    user = request.user
    if not page_permission_policy.is_partner_only(user):
        return pages
    from clpages.partners.roles import community_hubs

    hubs = list(community_hubs())
    in_section = Q(pk__in=[])
    ancestors = Q(pk__in=[])
    for hub in hubs:
        in_section |= Q(path__startswith=hub.path)
        ancestors |= Q(pk__in=hub.get_ancestors().values("pk"))
    editable = page_permission_policy.instances_user_has_any_permission_for(user, {"add", "change"})
    return pages.filter(ancestors | (in_section & (Q(live=True) | Q(pk__in=editable.values("pk")))))


PUBLISHING_ACTIONS = ("action-publish", "action-schedule")


def in_community_section(page_class):
    """The section's own page types: the global admin hooks leave every other page to Wagtail.

    Read from the class, so it costs no query.
    """
    return page_class is not None and issubclass(page_class, CommunityPagePermissionsMixin)


def refuse_forged_publish_on_edit(request, page):
    """An edit posted with a publish action by someone who cannot publish is refused whole.

    Wagtail would quietly save it as a draft instead; refusing says plainly that nothing
    happened, and changes nothing.
    """
    if not in_community_section(page.specific_class):
        return
    if request.method == "POST" and any(action in request.POST for action in PUBLISHING_ACTIONS):
        if not page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied


def refuse_forged_publish_on_create(request, parent_page, page_class):
    if not in_community_section(page_class):
        return
    if request.method == "POST" and any(action in request.POST for action in PUBLISHING_ACTIONS):
        if not parent_page.permissions_for_user(request.user).can_publish_subpage():
            raise PermissionDenied


def partner_explorer_queryset(parent_page, pages, request):
    """Partners explore only the pages the policy opens to them, the listed page included."""
    user = request.user
    if not page_permission_policy.is_partner_only(user):
        return pages
    explorable = page_permission_policy.explorable_instances(user)
    if not explorable.filter(pk=parent_page.pk).exists():
        raise PermissionDenied
    return pages
