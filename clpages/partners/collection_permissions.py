"""Partners' rights on images and documents: their grants on "Partner organisations" apply to
their own organisations' collections only (clpages.partners.collections makes those).
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from clpages.models import CommunityPartner
from clpages.partners.collections import partner_collections_root_path
from clpages.partners.page_permissions import register_page_policy
from clpages.partners.scope import organisation_ids, scoped_group_ids, shared_grants


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
        root = partner_collections_root_path()
        scoped = [
            grant
            for grant in grants
            if grant.group_id in scoped_groups and root and grant.collection.path.startswith(root)
        ]
        plain = [grant for grant in grants if grant not in scoped]
        if not scoped:
            return plain
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


@dataclass(frozen=True)
class ScopedCollectionPermission:
    collection: object
    permission: Permission
    group_id: int

    @property
    def collection_id(self):
        return self.collection.pk


def register_policies():
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
