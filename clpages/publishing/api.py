"""Read-only JSON API (Wagtail API v2) so other library systems and signage can reuse the content.

Endpoints, under ``/api/v2/``:

- ``pages/``: live, public pages. ``?type=clpages.ProgramPage`` (or ``PartnershipPage``,
  ``EvaluationPage``, ``ActionGroupPage``) with ``&fields=*`` lists programs with their
  sessions, partners and so on.
- ``images/``: images that appear on public pages (program images and partner logos).

Only the fields in each model's ``api_fields`` are published, and nested records go through
the explicit serializers in ``clpages.publishing.serializers``.
"""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.utils import translation
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.coreutils import get_content_languages
from wagtail.images.api.v2.views import ImagesAPIViewSet

from clpages.models import (
    ActionGroupMeeting,
    ActionGroupPage,
    CommunityPartner,
    EvaluationPage,
    EvaluationQuote,
    PartnerMembership,
    PartnershipPage,
    ProgramPage,
    ProgramSession,
    SessionOccurrence,
)
from clpages.publishing.api_input import (
    BoundedPagination,
    checked_id,
    refuse_null_characters,
    replace_backends,
)


def _partners():
    return CommunityPartner.objects.select_related("logo").prefetch_related("languages")


def _optimise_programs(queryset):
    return queryset.select_related("image").prefetch_related(
        "audiences",
        "languages",
        "tags",
        Prefetch("co_created_with", queryset=_partners()),
        Prefetch(
            "sessions",
            queryset=ProgramSession.objects.select_related("location")
            .order_by("start")
            .prefetch_related(
                Prefetch("occurrences", queryset=SessionOccurrence.objects.order_by("start", "pk"))
            ),
        ),
    )


def _optimise_partnerships(queryset):
    return queryset.select_related("partner", "partner__logo").prefetch_related(
        "partner__languages", "next_steps"
    )


def _optimise_evaluations(queryset):
    return queryset.select_related(
        "program", "partnership", "partnership__partner", "partnership__partner__logo"
    ).prefetch_related(
        Prefetch("program__co_created_with", queryset=_partners()),
        "partnership__partner__languages",
        "measures",
        "measures__results",
        Prefetch("quotes", queryset=EvaluationQuote.objects.select_related("language")),
        "responses",
    )


def _optimise_action_groups(queryset):
    # Only the members who agreed to be shown are read at all (the serializer checks again).
    shown = PartnerMembership.objects.filter(shown_on_group_page=True).select_related("user")
    return queryset.select_related("group", "group__logo").prefetch_related(
        "group__languages",
        Prefetch("group__memberships", queryset=shown),
        Prefetch(
            "meetings", queryset=ActionGroupMeeting.objects.select_related("location").order_by("start")
        ),
        "decisions",
    )


# The joins and prefetches each page type's fields need, so that a listing of 100 items
# costs the same number of queries as a listing of 10.
QUERYSET_OPTIMISERS = {
    ProgramPage: _optimise_programs,
    PartnershipPage: _optimise_partnerships,
    EvaluationPage: _optimise_evaluations,
    ActionGroupPage: _optimise_action_groups,
}


class ClearFilterErrorsMixin:
    """Turn a filter value the database cannot compare (``?co_created_with=abc``) into a 400
    with a message; Wagtail checks the types of plain fields but not of relations or dates.
    Values are checked before any query (clpages.publishing.api_input); what the checks cannot foresee
    is still caught here."""

    pagination_class = BoundedPagination

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.filter_backends = replace_backends(cls.filter_backends)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        refuse_null_characters(request)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            checked_id(request)
        return super().find_object(queryset, request)

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except ValidationError as error:
            raise BadRequestError("filter error: " + " ".join(error.messages)) from error
        except (TypeError, ValueError) as error:
            raise BadRequestError(f"filter error: {error}") from error


class PublicPagesAPIViewSet(ClearFilterErrorsMixin, PagesAPIViewSet):
    # StreamField bodies can hold images and page links that are loaded one page at a time,
    # so they are offered on a page's detail view only.
    detail_only_fields = PagesAPIViewSet.detail_only_fields + ["body"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # ``?locale=fr`` lists the French pages (Wagtail's LocaleFilter) and names their
        # audiences, languages, places and partners in French; otherwise the address's language.
        requested = request.GET.get("locale", "")
        if requested in dict(get_content_languages()):
            translation.activate(requested)

    def get_queryset(self):
        # The locale is one of the page meta fields ``?fields=*`` asks for.
        queryset = super().get_queryset().select_related("locale")
        optimise = QUERYSET_OPTIMISERS.get(queryset.model)
        # A plain listing shows only titles and links: the related records are not needed.
        wants_fields = self.action != "listing_view" or "fields" in self.request.GET
        return optimise(queryset) if optimise and wants_fields else queryset


class PublicImagesAPIViewSet(ClearFilterErrorsMixin, ImagesAPIViewSet):
    # Image tags are an editors' filing aid, not public content.
    meta_fields = [name for name in ImagesAPIViewSet.meta_fields if name != "tags"]
    listing_default_fields = [name for name in ImagesAPIViewSet.listing_default_fields if name != "tags"]

    def get_queryset(self):
        programs = ProgramPage.objects.live().public()
        partnerships = PartnershipPage.objects.live().public()
        groups = ActionGroupPage.objects.live().public()
        program_images = programs.filter(image__isnull=False).values("image_id")
        partner_logos = (
            CommunityPartner.objects.filter(logo__isnull=False)
            .filter(
                Q(programs__in=programs) | Q(partnerships__in=partnerships) | Q(action_group_pages__in=groups)
            )
            .values("logo_id")
        )
        return super().get_queryset().filter(Q(pk__in=program_images) | Q(pk__in=partner_logos))


api_router = WagtailAPIRouter("clpages:api")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
