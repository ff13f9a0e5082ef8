from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

from clpages.partners.page_form import CommunityPageForm
from clpages.partners.page_permissions import CommunityPagePermissionTester


class IndexPageMixin:
    """Paginated listing of an index page's live children.

    Subclasses provide ``get_listing_queryset`` with the joins and prefetches their
    template needs, so a page of 50 costs the same number of queries as a page of 5.
    """

    per_page = 12

    def get_listing_queryset(self):
        raise NotImplementedError

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, self.per_page)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate(request, self.get_listing_queryset())
        return context


class CommunityPagePermissionsMixin:
    """For every page type of the community section: use the community tester and page form."""

    base_form_class = CommunityPageForm

    def permissions_for_user(self, user):
        return CommunityPagePermissionTester(user, self)
