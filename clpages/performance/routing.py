"""Routing a URL to a page below this one in one query, with Wagtail's own answers.

Wagtail's ``Page.route`` reads, for each part of the path, the child with that slug and then its
specific page: two queries per level, so a program page three levels below the site root costs
six queries before any of its content is read. A page using ``DirectRouteMixin`` reads every
page the rest of the path could name in one query, follows the chain of slugs in Python, and
loads only the page it ends on.

The answers stay Wagtail's: a page on the way that routes paths itself (a routable page whose
own routes match the rest of the path, or any other custom ``route``) is handed the rest of the
path, as Wagtail would; only the last page must be live; anything not found is a 404.
tests/performance/test_routing.py compares every page and sub-route of a site with Wagtail's routing.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _own_routes_match(model, remaining):
    """Whether a routable page of `model` has a route of its own for `remaining`."""
    if not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


def _routes_itself(model, remaining):
    """Whether a page of `model` on the way would answer `remaining` itself instead of a child."""
    if model.route in (Page.route, DirectRouteMixin.route, RoutablePageMixin.route):
        return _own_routes_match(model, remaining)
    # Some other routing of its own: let it decide, as Wagtail would.
    return True


class DirectRouteMixin:
    """Route the rest of a path below this page in one query (see the module's docstring)."""

    def route(self, request, path_components):
        if not path_components or _own_routes_match(type(self), path_components):
            return super().route(request, path_components)
        steplen = self.steplen
        rows = (
            Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                slug__in=set(path_components),
            )
            .order_by("depth")
            .values_list("pk", "path", "depth", "slug", "content_type_id")
        )
        by_parent = {
            (path[:-steplen], slug): (pk, path, content_type) for pk, path, _, slug, content_type in rows
        }
        parent_path, found = self.path, None
        for level, slug in enumerate(path_components):
            child = by_parent.get((parent_path, slug))
            if child is None:
                break
            pk, parent_path, content_type = child
            model = ContentType.objects.get_for_id(content_type).model_class()
            remaining = path_components[level + 1 :]
            if model is None:
                break
            found = (pk, model, remaining)
            if remaining and _routes_itself(model, remaining):
                break
        if found is None:
            # No child has the first slug: let this page answer (a routable root, or a 404).
            return super().route(request, path_components)
        pk, model, remaining = found
        try:
            page = model.objects.get(pk=pk)
        except model.DoesNotExist as error:
            raise Http404 from error
        return page.route(request, remaining)
