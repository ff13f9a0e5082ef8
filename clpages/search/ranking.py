"""Matching and relevance ranking in one pass over the full-text index, on SQLite and PostgreSQL.

Wagtail's database search (modelsearch) joins the searched model to its index and ranks every
matching row before the page of results is cut. On SQLite each score is a correlated subquery
that re-runs the full-text MATCH once per matching row: quadratic, so a common word among 10,000
programs took most of a second. On PostgreSQL the join reads every program and every index entry
of its type, twice per group of results (once to count, once to rank): 40 to 60 ms at 10,000
programs. Here the match runs once on the index, returning the matching ids in relevance order,
with the caller's filters applied to them (in the same query on PostgreSQL, in a second one on
SQLite, whose planner would otherwise re-run the match per row); only the page shown is loaded.

The words asked for are clpages.search.words' terms (stems, and the last word as a prefix),
written as each database's own query: an FTS5 MATCH through modelsearch's MatchExpression, a
PostgreSQL tsquery in the ``simple`` configuration. The score is the backend's own (bm25, ts_rank
with its weights and title norm); tests/search/test_search_ranking.py compares it with the backend's.
"""

from django.db import connections
from django.db.models import F, IntegerField, Value
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks

from clpages.search.words import fts5_query, query_terms, tsquery

_SQLITE_BACKEND = "modelsearch.backends.database.sqlite"
_POSTGRES_BACKEND = "modelsearch.backends.database.postgres"
# The indexed text is already lower case, accent-free words and stems: PostgreSQL must only split it.
POSTGRES_CONFIG = "simple"


def _kind(backend, queryset):
    """'sqlite' or 'postgresql' when this module can rank for that backend and database, else None."""
    module = type(backend).__module__
    vendor = connections[queryset.db].vendor
    pk = queryset.model._meta.pk
    if not isinstance(pk.target_field if pk.is_relation else pk, IntegerField):
        # The index keeps object ids as text; only integer keys are cast back here.
        return None
    if module.startswith(_SQLITE_BACKEND) and vendor == "sqlite":
        return "sqlite"
    if module.startswith(_POSTGRES_BACKEND) and vendor == "postgresql":
        return "postgresql"
    return None


def applies(backend, queryset):
    return _kind(backend, queryset) is not None


def _sqlite_entries(model, terms):
    """The FTS5 index rows of `model` objects having every term."""
    # The SQLite modules register their full-text model only on SQLite: import them only here.
    from modelsearch.backends.database.sqlite.query import MatchExpression, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    match = MatchExpression(["title", "body"], SearchQueryExpression(Value(fts5_query(terms))))
    return SQLiteFTSIndexEntry.objects.filter(match).filter(
        index_entry__content_type__in=get_descendants_content_types_pks(model)
    )


def _postgres_entries(model, terms):
    """The index rows of `model` objects having every term, and the query they matched."""
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    search_query = SearchQuery(tsquery(terms), search_type="raw", config=POSTGRES_CONFIG)
    entries = (
        IndexEntry.objects.filter(content_type__in=get_descendants_content_types_pks(model))
        # The expression the backend matches, which migration 0006 indexes.
        .annotate(_vector_=F("title")._combine(F("body"), "||", False))
        .filter(_vector_=search_query)
    )
    return entries, search_query


def matching(backend, model, text):
    """Primary keys of `model` objects matching `text`, as a subquery; None if this cannot match here."""
    kind = _kind(backend, model.objects.all())
    if kind is None:
        return None
    terms = query_terms(text)
    if not terms:
        return model.objects.none().values("pk")
    if kind == "sqlite":
        entries, object_id = _sqlite_entries(model, terms), "index_entry__object_id"
    else:
        entries, object_id = _postgres_entries(model, terms)[0], "object_id"
    return entries.annotate(object_pk=Cast(object_id, IntegerField())).values("object_pk")


def _sqlite_ranked(queryset, terms):
    """Primary keys of `queryset` matching `terms`, best first."""
    from modelsearch.backends.database.sqlite.query import BM25

    model = queryset.model
    # The backend's score (get_index_vectors): bm25 scaled by the title's length norm, plus bm25.
    score = BM25() * F("index_entry__title_norm") + BM25()
    found = (
        _sqlite_entries(model, terms)
        .annotate(score=score)
        .order_by("score", "-index_entry__object_id")
        .values_list("index_entry__object_id", flat=True)
    )
    to_pk = model._meta.pk.to_python
    ranked = [to_pk(object_id) for object_id in found]
    if not ranked:
        return []
    # The caller's filters, applied to the matching rows only, in a second pass of the match:
    # joined to the match, SQLite's planner would re-run it per row.
    allowed = set(queryset.filter(pk__in=found.order_by()).order_by().values_list("pk", flat=True))
    return [pk for pk in ranked if pk in allowed]


def _postgres_ranked(queryset, terms):
    """As _sqlite_ranked, with PostgreSQL's ts_rank over the index's title and body vectors.

    The caller's filters join the index's matches in the same query: only those objects are
    matched and ranked.
    """
    from django.contrib.postgres.search import SearchRank
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    entries, search_query = _postgres_entries(queryset.model, terms)
    weights = get_sql_weights()
    # The backend's vectors and weights (get_index_vectors): the title scaled by its length norm.
    score = SearchRank(F("title"), search_query, weights=weights) * F("title_norm") + SearchRank(
        F("body"), search_query, weights=weights
    )
    scored = (
        entries.annotate(object_pk=Cast("object_id", IntegerField()))
        .filter(object_pk__in=queryset.order_by().values("pk"))
        .annotate(score=score)
        .values_list("object_pk", "score")
    )
    # The backend's order: best score first, then the newest object (highest primary key).
    return [pk for pk, _ in sorted(scored, key=lambda row: (-row[1], -row[0]))]


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
    rank = {"sqlite": _sqlite_ranked, "postgresql": _postgres_ranked}.get(_kind(backend, queryset))
    if rank is None:
        return None
    terms = query_terms(text)
    return RankedResults(queryset, rank(queryset, terms) if terms else [])
