"""Search across programs, partnerships and evaluations, with the program listing's filters.

Wagtail's database search backend does the matching (SQLite FTS5, PostgreSQL full text). The
filters are ordinary querysets; they reach the search as a primary-key subquery, which the database
backends run inside the same SQL. docs/search.md explains the switch to OpenSearch/Elasticsearch.
"""

from django import forms
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from clpages.models import EvaluationPage, PartnershipPage, ProgramPage
from clpages.performance.visibility import public
from clpages.programs.filters import FILTER_FIELDS, ProgramFilterForm, not_one_of
from clpages.programs.listing import join_querystrings
from clpages.search.query import search_within
from clpages.translated import (
    active_language,
    default_language,
    in_originals,
    locale_id,
    reading_default_language,
    untranslated,
)

RESULT_TYPES = [
    ("program", _("Programs"), _("Program")),
    ("partnership", _("Partnerships"), _("Partnership")),
    ("evaluation", _("Results and learning"), _("Results and learning")),
]
# What each result's template shows, loaded with the results rather than one query per result.
RESULT_RELATED = {
    "program": (("image",), ("co_created_with",)),
    "partnership": (("partner",), ()),
    "evaluation": (("program", "partnership"), ()),
}
PREVIEW_COUNT = 5
PER_PAGE = 10
PROGRAM_ONLY_FILTERS = [name for name in FILTER_FIELDS if name not in ("q", "partner", "include_past")]


class SearchForm(ProgramFilterForm):
    type = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("Everything"))] + [(value, plural) for value, plural, _singular in RESULT_TYPES],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": not_one_of("the kinds of result")},
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("type"):
            data = data.copy()
            data["type"] = ""
        super().__init__(data, *args, **kwargs)
        self.fields["q"].label = _("Search for")


def visible_pages(model, site):
    pages = public(model.objects.live())
    return pages.in_site(site) if site else pages


def result_querysets(filters, site):
    """The filtered, unsearched queryset of each result type: the originals, in the default
    language, which carry the facts every filter reads."""

    programs = filters.programs(in_originals(visible_pages(ProgramPage, site)))
    partnerships = in_originals(visible_pages(PartnershipPage, site))
    evaluations = in_originals(visible_pages(EvaluationPage, site))
    if filters.partner:
        # Programs are narrowed by the listing's own filter; the others by their partner links.
        partnerships = partnerships.filter(PartnershipPage.linked_to([filters.partner]))
        evaluations = evaluations.filter(EvaluationPage.linked_to([filters.partner]))
    return {"program": programs, "partnership": partnerships, "evaluation": evaluations}


def in_visitor_language(originals):
    """What a search in the visitor's language looks through, in the order its results come:
    the translations into that language of the originals that pass the filters, then those
    originals not translated into it yet. A patron reading French gets what is written in
    French first, and still finds every program, in English where no one has translated it.
    In the default language: the originals alone."""
    if reading_default_language():
        return [originals]
    # Translations of the site's originals: the site's tree in another language is not below
    # its root page, but beside it.
    translated = public(originals.model.objects.live()).filter(
        locale_id=locale_id(active_language()),
        translation_key__in=originals.order_by().values("translation_key"),
    )
    return [translated, untranslated(originals)]


class ResultsInTurn:
    """The results of several searches, one after the other; slicing loads only that slice.

    The last search's results are originals shown in the default language, each marked with it
    (``original_language``) when there is more than one search."""

    def __init__(self, parts):
        self.parts = parts
        self.counts = [len(part) if isinstance(part, list) else part.count() for part in parts]

    def count(self):
        return sum(self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(self.count())
        found, offset = [], 0
        for number, (part, count) in enumerate(zip(self.parts, self.counts, strict=True)):
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                items = list(part[low:high])
                if number and number == len(self.parts) - 1:
                    for item in items:
                        item.original_language = default_language()
                found += items
            offset += count
        return found


def search(request):
    form = SearchForm(request.GET)
    filters = form.filters()
    chosen_type = form.cleaned_data.get("type", "") if hasattr(form, "cleaned_data") else ""
    text = filters.q
    # The words are searched once per type below; the program filters must not search them again.
    filters.q = ""
    querystring = filters.querystring(q=text)
    groups = []
    if text:
        site = Site.find_for_request(request)
        querysets = result_querysets(filters, site)
        for value, plural, singular in RESULT_TYPES:
            if chosen_type and chosen_type != value:
                continue
            parts = in_visitor_language(querysets[value])
            results = search_within(parts[0], text, *RESULT_RELATED[value])
            if len(parts) > 1:
                results = ResultsInTurn(
                    [results, *(search_within(part, text, *RESULT_RELATED[value]) for part in parts[1:])]
                )
            if chosen_type:
                page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
                groups.append(_group(value, plural, singular, page.paginator.count, list(page), page))
            else:
                count = len(results) if isinstance(results, list) else results.count()
                groups.append(_group(value, plural, singular, count, list(results[:PREVIEW_COUNT]), None))
    total = sum(group["count"] for group in groups)
    context = {
        "form": form,
        "filters": filters,
        "text": text,
        "chosen_type": chosen_type,
        "groups": groups,
        "total": total,
        "querystring": querystring,
        "type_querystring": join_querystrings(querystring, f"type={chosen_type}" if chosen_type else ""),
        "program_only_filters": [form[name].label for name in PROGRAM_ONLY_FILTERS if getattr(filters, name)],
    }
    return TemplateResponse(request, "clpages/search.html", context)


def _group(value, plural, singular, count, results, page):
    return {
        "type": value,
        "plural": plural,
        "singular": singular,
        "count": count,
        "results": results,
        "page": page,
    }
