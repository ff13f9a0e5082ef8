"""Relevance ranking on SQLite in one pass over the full-text index.

The SQLite backend of Wagtail's database search (modelsearch) scores each result with a
correlated subquery that re-runs the full-text MATCH once per matching row: fine for a few dozen
matches, quadratic for a large catalogue (a common word among 10,000 programs took most of a
second). Here the MATCH runs once, returning every matching id with its BM25 score in relevance
order; the caller's filters are then applied to those ids, and only the page shown is loaded.
The match expression and the score are the backend's own, so results and order are unchanged.
"""

from django.db import connections
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks


def applies(backend, queryset):
    return type(backend).__module__.startswith("modelsearch.backends.database.sqlite") and connections[
        queryset.db
    ].vendor == ("sqlite")


def matches(backend, model, text):
    """Ids of `model` objects matching `text` as a queryset, most relevant first; None if not plain text."""
    # The SQLite modules register their full-text model only on SQLite: import them only here.
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    compiler = backend.query_compiler_class(model.objects.none(), text)
    query = normalize(compiler.query)
    if not isinstance(query, PlainText):
        return None
    config = compiler.get_config(backend)
    search_query = compiler.build_search_query(query, config=config)
    if search_query is None:
        # Nothing but spaces or punctuation: nothing to match.
        return SQLiteFTSIndexEntry.objects.none().values_list("index_entry__object_id", flat=True)
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, search_query)
    score = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    return (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
        .annotate(score=score)
        .order_by("score", "-index_entry__object_id")
        .values_list("index_entry__object_id", flat=True)
    )


class RankedResults:
    """Search hits in relevance order; slicing loads only the objects of that slice."""

    def __init__(self, queryset, pks):
        self.queryset = queryset
        self.pks = pks

    def count(self):
        return len(self.pks)

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, index):
        if isinstance(index, slice):
            pks = self.pks[index]
            found = self.queryset.in_bulk(pks)
            return [found[pk] for pk in pks if pk in found]
        return self[index : index + 1][0]


def search(backend, queryset, text):
    """Objects of `queryset` matching `text`, most relevant first; None when this cannot rank it."""
    found = matches(backend, queryset.model, text)
    if found is None:
        return None
    to_pk = queryset.model._meta.pk.to_python
    ranked = [to_pk(object_id) for object_id in found]
    # The caller's filters, applied to the matching rows only, in the same single pass of MATCH.
    allowed = set(queryset.filter(pk__in=found.order_by()).values_list("pk", flat=True))
    return RankedResults(queryset, [pk for pk in ranked if pk in allowed])
