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


def result_querysets(filters, site):
    """The filtered, unsearched queryset of each result type."""

    def visible(model):
        pages = public(model.objects.live())
        return pages.in_site(site) if site else pages

    programs = filters.programs(visible(ProgramPage))
    partnerships = visible(PartnershipPage)
    evaluations = visible(EvaluationPage)
    if filters.partner:
        # Programs are narrowed by the listing's own filter; the others by their partner links.
        partnerships = partnerships.filter(PartnershipPage.linked_to([filters.partner]))
        evaluations = evaluations.filter(EvaluationPage.linked_to([filters.partner]))
    return {"program": programs, "partnership": partnerships, "evaluation": evaluations}


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
            results = search_within(querysets[value], text, *RESULT_RELATED[value])
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
