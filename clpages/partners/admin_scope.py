"""Admin screens that read page, image and document titles by id, narrowed for partners.

Wagtail asks the permission policy before it changes anything, but a few read-only screens
show titles of whatever ids they are given: the move confirmation, bulk-action confirmations,
the page chooser's "chosen" step, the page types report, tag suggestions and the tags the image
chooser and the image and document listings offer as "popular". For people
acting for partner organisations those screens see what the explorer and choosers already
show them (the same policy, the same chooser hooks). Everyone else, and every page outside the
community section, keeps Wagtail's behaviour; for them these checks cost no query.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import JsonResponse, QueryDict
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.filters import PopularTagsFilter
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.documents.views import documents as document_views
from wagtail.images import get_image_model
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.images.views import chooser as image_chooser
from wagtail.images.views import images as image_views
from wagtail.models import Page
from wagtail.permissions import policy_registry

from clpages.partners.consent import consent_holds
from clpages.partners.page_permissions import page_permission_policy
from clpages.partners.scope import scoped_group_ids


def acts_for_organisations(user):
    """Someone whose page rights come through their organisations' scoped grants only."""
    return bool(scoped_group_ids(user)) and page_permission_policy.is_partner_only(user)


def choosable(user, model):
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, ["choose"])


def visible_pages(user):
    return page_permission_policy.explorable_instances(user)


# -- moving ------------------------------------------------------------------------------------


def refuse_move_confirmation(request, page, destination):
    """Wagtail checks the move on POST only; its confirmation shows both titles to anyone."""
    if not scoped_group_ids(request.user):
        return
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# -- bulk actions --------------------------------------------------------------------------------


class VisibleObjectsOnly:
    """A bulk action that lists, and acts on, only what the partner may otherwise see."""

    def visible_queryset(self, user):
        if issubclass(self.model, Page):
            return visible_pages(user)
        return choosable(user, self.model)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        if user.is_superuser or not scoped_group_ids(user):
            return objects, extra
        ids = {obj.pk for obj in objects} | {obj.pk for obj in extra["items_with_no_access"]}
        visible = set(self.visible_queryset(user).filter(pk__in=ids).values_list("pk", flat=True))
        if not visible:
            raise PermissionDenied
        objects = [obj for obj in objects if obj.pk in visible]
        extra["items_with_no_access"] = [obj for obj in extra["items_with_no_access"] if obj.pk in visible]
        return objects, extra


class ConsentForBulkPublish:
    """Bulk publishing follows consent mode (clpages.partners.consent).

    Wagtail asks the generic page tester here, which knows nothing of consent mode, and would
    quietly leave out a page it may not publish: a forged request naming one is refused whole.
    """

    def check_perm(self, page):
        return super().check_perm(page) and not consent_holds(self.request.user, page)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        if self.request.method == "POST" and any(
            consent_holds(self.request.user, page) for page in extra["items_with_no_access"]
        ):
            raise PermissionDenied
        return objects, extra


def _narrowed(action_class):
    bases = (VisibleObjectsOnly, action_class)
    if action_class is page_bulk_actions.PublishBulkAction:
        bases = (ConsentForBulkPublish, *bases)
    return type(
        action_class.__name__,
        bases,
        {"__module__": __name__, "__qualname__": action_class.__qualname__},
    )


NARROWED_BULK_ACTIONS = [
    _narrowed(action)
    for module, names in (
        (
            page_bulk_actions,
            ("DeleteBulkAction", "MoveBulkAction", "PublishBulkAction", "UnpublishBulkAction"),
        ),
        (image_bulk_actions, ("AddTagsBulkAction", "AddToCollectionBulkAction", "DeleteBulkAction")),
        (document_bulk_actions, ("AddTagsBulkAction", "AddToCollectionBulkAction", "DeleteBulkAction")),
    )
    for action in (getattr(module, name) for name in names)
]


def register_bulk_actions():
    # A later registration of the same action type replaces Wagtail's own in its registry.
    for action in NARROWED_BULK_ACTIONS:
        hooks.register("register_bulk_action", action, order=100)


# -- the image chooser's popular tags ----------------------------------------------------------


def popular_tags_in_sight(user, model, count=10):
    """Wagtail's popular tags for the model, counted over the files this user may choose."""
    content_type = ContentType.objects.get_for_model(model)
    in_sight = Q(
        taggit_taggeditem_items__content_type=content_type,
        taggit_taggeditem_items__object_id__in=choosable(user, model).values("pk"),
    )
    return (
        Tag.objects.filter(in_sight)
        .annotate(item_count=Count("taggit_taggeditem_items", filter=in_sight))
        .order_by("-item_count")[:count]
    )


class PopularTagsInSight:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if acts_for_organisations(self.request.user):
            context["popular_tags"] = popular_tags_in_sight(self.request.user, self.model)
        return context


def narrow_image_chooser():
    """The chooser viewset's own view-class settings; read when the admin URLs are built."""
    viewset = image_chooser.viewset
    for attribute in ("choose_view_class", "choose_results_view_class"):
        view_class = getattr(viewset, attribute)
        if not issubclass(view_class, PopularTagsInSight):
            narrowed = type(view_class.__name__, (PopularTagsInSight, view_class), {"__module__": __name__})
            setattr(viewset, attribute, narrowed)


def _tags_in_sight_filterset(filterset_class):
    """The listing's "Tag" filter offers the popular tags of what the partner may choose."""

    class TagsInSight(filterset_class):
        def __init__(self, *args, request=None, **kwargs):
            super().__init__(*args, request=request, **kwargs)
            self.filters.pop("tag", None)
            popular = [tag.name for tag in popular_tags_in_sight(request.user, self._meta.model)]
            if popular:
                self.filters["tag"] = PopularTagsFilter(
                    label="Tag",
                    field_name="tags__name",
                    choices=[(name, name) for name in popular],
                    widget=forms.CheckboxSelectMultiple,
                    help_text="Filter by up to ten most popular tags.",
                )

    TagsInSight.__name__ = TagsInSight.__qualname__ = filterset_class.__name__
    return TagsInSight


def _listing_for_partners(index_view_class):
    narrowed = type(
        index_view_class.__name__,
        (index_view_class,),
        {
            "__module__": __name__,
            "filterset_class": _tags_in_sight_filterset(index_view_class.filterset_class),
        },
    )
    views = {False: narrowed.as_view(), True: narrowed.as_view(results_only=True)}

    def listing(request):
        return views[request.resolver_match.url_name == "index_results"](request)

    return listing


# -- views without an extension point of their own -----------------------------------------------


def chosen_pages_only(request):
    """The page chooser's last step reads titles by id: keep the ids the chooser itself offers."""
    ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
    pages = Page.objects.filter(pk__in=ids)
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    allowed = {str(pk) for pk in pages.values_list("pk", flat=True)}
    query = request.GET.copy()
    query.setlist("id", [pk for pk in ids if pk in allowed])
    request.GET = QueryDict(query.urlencode())
    return None


def refuse(request):
    raise PermissionDenied


def tags_in_sight(request):
    """Suggest only tags on pages the partner can see live or edit, and on files they may choose."""
    user = request.user
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    live_or_editable = Page.objects.filter(
        Q(live=True)
        | Q(pk__in=page_permission_policy.instances_user_has_any_permission_for(user, {"change"}))
    )
    in_sight = Q(clpages_programtag_items__content_object__in=live_or_editable.values("pk"))
    for model in (get_image_model(), get_document_model()):
        in_sight |= Q(
            taggit_taggeditem_items__content_type__app_label=model._meta.app_label,
            taggit_taggeditem_items__content_type__model=model._meta.model_name,
            taggit_taggeditem_items__object_id__in=choosable(user, model).values("pk"),
        )
    tags = (
        Tag.objects.filter(in_sight, name__istartswith=term)
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(tags), safe=False)


def _tags_for_partners(request, *args, **kwargs):
    return tags_in_sight(request)


# Admin views that read titles by id, and what partners get from them instead.
NARROWED_VIEWS = {
    "wagtailadmin_choose_page_chosen_multiple": chosen_pages_only,
    # A report on every page type of the site, with the title of the last page edited.
    "wagtailadmin_reports:page_types_usage": refuse,
    "wagtailadmin_reports:page_types_usage_results": refuse,
    # Site settings (Settings > Library details) speak for the library on every public page:
    # refused outright, rather than Wagtail's redirect to the dashboard.
    "wagtailsettings:edit": refuse,
    "wagtailsettings:preview_on_edit": refuse,
    "wagtailadmin_tag_autocomplete": _tags_for_partners,
    "wagtailadmin_tag_model_autocomplete": _tags_for_partners,
    # Their listings' "Tag" filter names the most used tags of every organisation's files.
    **{
        f"{namespace}:{name}": _listing_for_partners(views.IndexView)
        for namespace, views in (("wagtailimages", image_views), ("wagtaildocs", document_views))
        for name in ("index", "index_results")
    },
}


class PartnerAdminScopeMiddleware:
    """Gives partners the narrowed version of the few admin views listed above."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        narrowed = NARROWED_VIEWS.get(match.view_name) if match else None
        user = getattr(request, "user", None)
        if narrowed is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        if not acts_for_organisations(user):
            return None
        return narrowed(request)
