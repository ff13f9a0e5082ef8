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
from django.db.models import Q
from wagtail.models import AbstractPage, GroupPagePermission, Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from clpages.partners.consent import consent_holds
from clpages.partners.roles import community_hubs, partner_groups
from clpages.partners.scope import (
    creation_parent_content_types,
    linked_organisation_ids,
    linked_pages,
    organisation_ids,
    scoped_group_ids,
    shared_grants,
)


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
        linked = list(Page.objects.filter(linked_pages(partner_ids)))
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

    def can_publish(self):
        # Checked second: the consent rule reads the hub settings, a query once per request.
        return self.can_publish_ignoring_consent() and not consent_holds(self.user, self.page)

    def can_publish_ignoring_consent(self):
        """The user's right to publish as Wagtail grants it, before consent mode holds it back:
        for what is not a change of the page's words (results imported as records, taking a
        schedule off)."""
        return PagePermissionTester.can_publish(self)

    def can_unschedule(self):
        return self.can_publish_ignoring_consent()

    # Deleting, moving and copying change the tree or publish copies: never on scoped grants.
    def can_delete(self, ignore_bulk=False):
        return PagePermissionTester.can_delete(self._unscoped(), ignore_bulk=ignore_bulk)

    def can_copy(self):
        return PagePermissionTester.can_edit(self._unscoped())


def register_page_policy():
    register_permission_policy(AbstractPage, page_permission_policy)


def partner_page_chooser_queryset(pages, request):
    """Partners choose from the community section: live pages and the pages they may edit.

    The hub's ancestors stay so the chooser can be browsed down to the section.
    """
    user = request.user
    if not page_permission_policy.is_partner_only(user):
        return pages
    hubs = list(community_hubs())
    in_section = Q(pk__in=[])
    ancestors = Q(pk__in=[])
    for hub in hubs:
        in_section |= Q(path__startswith=hub.path)
        ancestors |= Q(pk__in=hub.get_ancestors().values("pk"))
    editable = page_permission_policy.instances_user_has_any_permission_for(user, {"add", "change"})
    return pages.filter(ancestors | (in_section & (Q(live=True) | Q(pk__in=editable.values("pk")))))
