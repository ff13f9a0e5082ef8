"""The admin API's image and document listings, narrowed for partners to what they may choose.

Wagtail's admin API lists every image and document to anyone who can sign in to the admin;
its choosers already ask the collection policy. For people acting for partner organisations the
listings ask the same policy, so another organisation's files are neither listed nor readable
by id. Everyone else keeps Wagtail's listing.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from clpages.partners.scope import scoped_group_ids


class ChoosableOnlyForPartners:
    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser or not scoped_group_ids(user):
            return queryset
        choosable = policy_registry.get_by_type(self.model).instances_user_has_any_permission_for(
            user, ["choose"]
        )
        return queryset.filter(pk__in=choosable.values("pk"))


class PartnerImagesAdminAPIViewSet(ChoosableOnlyForPartners, ImagesAdminAPIViewSet):
    pass


class PartnerDocumentsAdminAPIViewSet(ChoosableOnlyForPartners, DocumentsAdminAPIViewSet):
    pass


def construct_admin_api(router):
    # Replaces the endpoints wagtail.images and wagtail.documents registered under the same names.
    router.register_endpoint("images", PartnerImagesAdminAPIViewSet)
    router.register_endpoint("documents", PartnerDocumentsAdminAPIViewSet)
