"""Matching words against pages with the configured search backend, keeping every filter.

On SQLite and PostgreSQL the words are matched as clpages.search.words makes them (stems, the
last word as a prefix) in the database's full-text index (clpages.search.ranking); a queryset's
filters reach it as a primary-key subquery run inside the same SQL. Other backends match the
words themselves. Used by the site search and by the program listing's words filter, so both
find the same programs.
"""

from wagtail.search.backends import get_search_backend

from clpages.search import ranking as search_ranking
from clpages.search.text import searchable

# Backends that search inside the database can take any queryset filter as a subquery.
_DATABASE_BACKEND_MODULES = ("modelsearch.backends.database", "wagtail.search.backends.database")
# Search engines outside the database return ids; beyond this many the tail is dropped.
EXTERNAL_RESULTS_LIMIT = 1000


def _is_database_backend(backend):
    return type(backend).__module__.startswith(_DATABASE_BACKEND_MODULES)


def matching_pks(model, text):
    """Primary keys of `model` objects matching `text`, as something `pk__in` accepts."""
    text = searchable(text)
    if not text:
        # Nothing but punctuation or control characters: nothing to match.
        return []
    backend = get_search_backend()
    matching = search_ranking.matching(backend, model, text)
    if matching is not None:
        return matching
    results = backend.search(text, model, order_by_relevance=False)
    if _is_database_backend(backend) and hasattr(results, "get_queryset"):
        return results.get_queryset().values("pk")
    return [obj.pk for obj in results[:EXTERNAL_RESULTS_LIMIT]]


def search_within(queryset, text, select_related=(), prefetch_related=()):
    """Objects of `queryset` matching `text`, most relevant first, keeping every filter of it."""
    text = searchable(text)
    if not text:
        # Nothing but punctuation or control characters: nothing to match.
        return search_ranking.RankedResults(queryset, [])
    model = queryset.model
    backend = get_search_backend()
    if search_ranking.applies(backend, queryset):
        ranked = search_ranking.search(
            backend, queryset.select_related(*select_related).prefetch_related(*prefetch_related), text
        )
        if ranked is not None:
            return ranked
    if _is_database_backend(backend):
        # A filter on the primary key passes the backend's FilterField check and runs in SQL.
        matching = model.objects.filter(pk__in=queryset.values("pk"))
        return backend.search(
            text, matching.select_related(*select_related).prefetch_related(*prefetch_related)
        )
    ranked = [obj.pk for obj in backend.search(text, model)[:EXTERNAL_RESULTS_LIMIT]]
    found = queryset.select_related(*select_related).prefetch_related(*prefetch_related).in_bulk(ranked)
    return [found[pk] for pk in ranked if pk in found]
