"""The program index's listing: one page of program cards for the patron's filters, with what
each card shows loaded in a fixed number of queries."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Window
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

from clpages.models import ProgramPage, SessionOccurrence
from clpages.models.cards import LONG_TEXT, attach_names
from clpages.models.cards import attach_next_sessions as attach_sessions
from clpages.performance.cache import shared
from clpages.programs.filter_fields import SORT_CHOICES, SORT_NEWEST, SORT_SOONEST, not_one_of
from clpages.programs.filters import ProgramFilterForm
from clpages.programs.results import results_heading, results_title
from clpages.programs.soonest import soonest_ids
from clpages.translated import original_of, show_in_language


class ProgramListingForm(ProgramFilterForm):
    """The listing's form: the shared filters and the order of the results."""

    sort = forms.ChoiceField(
        label=_("Show programs in this order"),
        choices=SORT_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": not_one_of("the orders")},
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("sort"):
            # So "Soonest first" shows as chosen when no order is in the address.
            data = data.copy()
            data["sort"] = SORT_SOONEST
        super().__init__(data, *args, **kwargs)


def index_programs(index):
    """The programs a patron may see under a program index, unordered, for subqueries."""
    return ProgramPage.objects.child_of(index).visible()


def listing_context(index, request):
    """Context of the filtered program listing on a ProgramIndexPage.

    A translated index lists its original's programs, each in the visitor's language where it
    has been translated (clpages.translated): what is listed, and in what order, is the same in
    every language."""
    shown_index, index = index, original_of(index)
    form = ProgramListingForm(request.GET)
    filters = form.filters()
    rendition_spec = "fill-480x320"
    # A card shows none of the long text.
    listing = index.get_listing_queryset().defer(*LONG_TEXT)
    if filters.active or filters.sort != SORT_SOONEST:
        # Sort and page the ids alone, then load the page's twelve programs: sorting thousands
        # of whole rows (and skipping them, on later pages) cost more than one more query.
        items = page_of_ids(
            request, filters.programs(listing), index.per_page, count_alongside=filters.reads_every_match
        )
    else:
        # What most patrons see first: the order is shared until a listed date ends.
        now = timezone.now()
        ordered = soonest_ids(index, listing, filters, now)
        items = page_of_list(request, ordered, index.per_page, filters.programs(listing, now))
    ids = items.object_list
    shown = listing.filter(pk__in=ids).prefetch_related(
        Prefetch(
            "image__renditions",
            queryset=get_image_model().get_rendition_model().objects.filter(filter_spec=rendition_spec),
        )
    )
    by_id = {program.pk: program for program in shown}
    # The page's programs, loaded once: the template iterates the same list.
    programs = attach_names([by_id[pk] for pk in ids if pk in by_id])
    card_filter = Filter(spec=rendition_spec)
    # Every program listed is a child of the index: its URL is the index's plus its slug.
    index_url = index.get_url(request)
    for program in programs:
        program.card_image = card_image(program.image, card_filter) if program.image else ""
        program.listing_url = f"{index_url}{program.slug}/"
    if shown_index is not index:
        show_in_language(programs, ProgramPage, shown_index.get_url(request))
    items.object_list = attach_next_sessions(programs, filters)
    querystring = filters.querystring()
    heading = results_heading(filters, items.paginator.count)
    return {
        "form": form,
        "shared_choices": shared_choices(index, request, form),
        "filters": filters,
        "items": items,
        "querystring": querystring,
        "in_use": filters.in_use(form),
        "results_heading": heading,
        # The other order, as a link beside the results: the same choices, the other way round.
        "other_order_querystring": filters.querystring(
            sort=SORT_SOONEST if filters.sort == SORT_NEWEST else SORT_NEWEST
        ),
        "results_title": results_title(heading, items, has_errors=bool(form.errors)),
        # The calendar has its own periods instead of the listing's dates, and its own order.
        "calendar_querystring": filters.querystring(
            when="", date_from=None, date_to=None, include_past=False, sort=""
        ),
    }


CHOICES_TEMPLATE = "clpages/includes/program_listing_choices.html"
# Parameters that leave the form as it is with nothing chosen.
NOT_CHOICES = {"page"}


def shared_choices(index, request, form):
    """The form's fields rendered, shared until content changes, while the patron has chosen
    nothing: then every visitor gets the same markup, and its menus and radio buttons cost more
    to render than the rest of the form. None otherwise: the template renders them."""
    if not set(request.GET) <= NOT_CHOICES:
        return None
    # One copy per language (performance.cache.shared).
    return shared(f"listing-choices:{index.pk}", lambda: render_to_string(CHOICES_TEMPLATE, {"form": form}))


MAX_PAGE_NUMBER = 1_000_000


def page_of_ids(request, queryset, per_page, count_alongside=False):
    """The page of the queryset's ids asked for, shown as the last page when past the end.

    With `count_alongside`, the number of matches comes with the page's rows (COUNT(*) OVER ())
    instead of from a count of its own: one pass over the matches instead of two. That pays
    when the order needs every match anyway (soonest session first). Newest first, the
    database reads the page by walking an index and stopping after it: counting alongside
    would make it read every match, so the count is asked for separately.
    """
    paginator = Paginator(queryset, per_page)
    number = page_number(request)

    def read(rows_of, number):
        return list(rows_of[(number - 1) * per_page : number * per_page])

    if not count_alongside:
        if not 1 <= number <= paginator.num_pages:
            number = paginator.num_pages
        ids = read(queryset.values_list("pk", flat=True), number)
    else:
        counted = queryset.annotate(matches=Window(Count("*"))).values_list("pk", "matches")
        rows = read(counted, number) if number >= 1 else []
        if rows:
            paginator.count = rows[0][1]
        elif number == 1:
            paginator.count = 0
        else:
            # Past the end: no row carried the count.
            paginator.count = queryset.count()
            if paginator.count:
                number = paginator.num_pages
                rows = read(counted, number)
        ids = [pk for pk, _ in rows]
    page = paginator.page(max(1, min(number, paginator.num_pages)))
    page.object_list = ids
    return page


def page_number(request):
    """The page number asked for: 1 when unreadable."""
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    # Past the end is shown as the last page; a page number whose offset the database cannot
    # hold (SQLite's and PostgreSQL's are 64-bit) is past the end of any catalogue.
    return min(number, MAX_PAGE_NUMBER)


def page_of_list(request, ids, per_page, programs):
    """The page of a list of ids asked for, shown as the last page when outside the list, as
    ``page_of_ids`` does; its paginator lists ``programs`` (the same, as a queryset), as
    ``page_of_ids``'s does, read only if someone goes through them all."""
    paginator = Paginator(ids, per_page)
    number = page_number(request)
    if not 1 <= number <= paginator.num_pages:
        number = paginator.num_pages
    page = paginator.page(number)
    page.object_list = list(page.object_list)
    # The count and the pages are already worked out from the ids.
    paginator.object_list = programs
    return page


def card_image(image, image_filter):
    """A card's <img>, as `{% image image fill-480x320 alt="" loading="lazy" %}` writes it.

    The rendition comes from those prefetched with the page of programs; Wagtail's tag would
    also write each one back to the cache, which cost more than the rest of the card.
    """
    try:
        rendition = image.find_existing_rendition(image_filter)
    except image.get_rendition_model().DoesNotExist:
        rendition = get_rendition_or_not_found(image, image_filter)
    return rendition.img_tag({"alt": "", "loading": "lazy"})


def attach_next_sessions(programs, filters, now=None):
    """Give each program of a page of results its `next_session` (matching the filters), in one query."""
    return attach_sessions(programs, filters.matching_sessions(now))


def session_rows(ids, columns):
    """Rows of the session dates `ids` (SessionOccurrence, in that order) with `columns`; `program__`
    ones from their program, `session__` ones from their session.

    The program's columns are read in a query of their own: joined, a database that thinks the
    program table small may read every program and look up its sessions instead of reading the
    few hundred sessions asked for by id (SQLite did, at 1,000 programs: 22 ms instead of 2).
    """
    own = [column for column in columns if not column.startswith("program__")]
    of_program = [column.removeprefix("program__") for column in columns if column.startswith("program__")]
    found = {
        row["pk"]: row for row in SessionOccurrence.objects.filter(pk__in=ids).values("program_id", *own)
    }
    if of_program:
        programs = {
            row["pk"]: row
            for row in ProgramPage.objects.filter(
                pk__in={row["program_id"] for row in found.values()}
            ).values("pk", *of_program)
        }
        for row in found.values():
            program = programs.get(row["program_id"], {})
            row.update({f"program__{column}": program.get(column) for column in of_program})
    return [found[pk] for pk in ids if pk in found]


def join_querystrings(*parts):
    return "&".join(part for part in parts if part)
