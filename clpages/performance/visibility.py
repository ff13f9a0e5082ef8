"""Pages anyone may see: Wagtail's ``public()``, with the private sections found cheaply.

Wagtail reads every view restriction joined to its page. With no restriction yet (most sites)
SQLite has no statistics for that table and answers by scanning the whole page table: several
milliseconds at 10,000 programs, on every listing and program page. Looking the restricted
pages up by id from the restrictions reads only those rows. Same sections, same exclusion.
The sections are kept with the other shared facts until a restriction or a page changes.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from clpages.performance.cache import shared


def private_sections():
    """(path, depth) of each restricted page, read once per content change (performance.cache.shared)."""
    return shared(
        "private-sections",
        lambda: list(
            Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id")).values_list(
                "path", "depth"
            )
        ),
    )


def private_sections_q():
    q = Q()
    for path, depth in private_sections():
        # As PageQuerySet.descendant_of_q(page, inclusive=True).
        q |= Q(path__startswith=path, depth__gte=depth)
    # Nothing is private when no section is restricted.
    return q if q else Q(pk__in=[])


def public(pages):
    """``pages.public()``: leave out pages behind a login, password or group restriction."""
    return pages.exclude(private_sections_q())


class ViewRestrictionsMixin:
    """Page types whose view restrictions are known without asking when there are none.

    Wagtail asks, on every page it serves, which restrictions apply to the page and its
    ancestors (two queries: the ancestors, then their restrictions). While no page of the
    site has a restriction at all, which the shared private sections already say, the answer
    is none. Any restriction anywhere sends every page back to Wagtail's own lookup.
    """

    def get_view_restrictions(self):
        if not private_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def is_public(page):
    """What ``public(pages.live())`` says of one page already loaded, without a query.

    For pages reached through a link (an evaluation's program), which no queryset filtered.
    """
    if page is None or not page.live:
        return False
    return not any(page.path.startswith(path) and page.depth >= depth for path, depth in private_sections())
