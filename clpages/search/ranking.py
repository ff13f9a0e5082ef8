"""Relevance ranking in one pass over the full-text index, on SQLite and on PostgreSQL.

Wagtail's database search (modelsearch) joins the searched model to its index and ranks every
matching row before the page of results is cut. On SQLite each score is a correlated subquery
that re-runs the full-text MATCH once per matching row: quadratic, so a common word among 10,000
programs took most of a second. On PostgreSQL the join reads every program and every index entry
of its type, twice per group of results (once to count, once to rank): 40 to 60 ms at 10,000
programs. Here the match runs once on the index, returning the matching ids in relevance order,
with the caller's filters applied to them (in the same query on PostgreSQL, in a second one on
SQLite, whose planner would otherwise re-run the match per row); only the page shown is loaded.
The match expression and the score are the backend's own, so results and order are unchanged
(tests/test_search_ranking.py compares them with the backend's).
"""

from django.db import connections
from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

_SQLITE_BACKEND = "modelsearch.backends.database.sqlite"
_POSTGRES_BACKEND = "modelsearch.backends.database.postgres"


def _kind(backend, queryset):
    """'sqlite' or 'postgresql' when this module can rank for that backend and database, else None."""
    module = type(backend).__module__
    vendor = connections[queryset.db].vendor
    if module.startswith(_SQLITE_BACKEND) and vendor == "sqlite":
        return "sqlite"
    if module.startswith(_POSTGRES_BACKEND) and vendor == "postgresql":
        return "postgresql"
    return None


def applies(backend, queryset):
    return _kind(backend, queryset) is not None


def _sqlite_ranked(backend, queryset, text):
    """Primary keys of `queryset` matching `text`, best first; None if the words are not plain text."""
    # The SQLite modules register their full-text model only on SQLite: import them only here.
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    model = queryset.model
    compiler = backend.query_compiler_class(model.objects.none(), text)
    query = normalize(compiler.query)
    if not isinstance(query, PlainText):
        return None
    config = compiler.get_config(backend)
    search_query = compiler.build_search_query(query, config=config)
    if search_query is None:
        # Nothing but spaces or punctuation: nothing to match.
        return []
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, search_query)
    score = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    found = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
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


def _postgres_ranked(backend, queryset, text):
    """As _sqlite_ranked, with PostgreSQL's ts_rank over the index's title and body vectors.

    The caller's filters join the index's matches in the same query: only those objects are
    matched and ranked.
    """
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    model = queryset.model
    compiler = backend.query_compiler_class(model.objects.none(), text)
    query = compiler.query
    pk = model._meta.pk
    if not isinstance(query, PlainText) or not isinstance(
        pk.target_field if pk.is_relation else pk, IntegerField
    ):
        return None
    config = compiler.get_config(backend)
    search_query = compiler.build_tsquery(query, config=config)
    if search_query is None:
        return []
    # The backend's vectors and weights (get_index_vectors): the title scaled by its length norm.
    score = compiler.build_tsrank(F("title"), query, config=config) * F("title_norm") + compiler.build_tsrank(
        F("body"), query, config=config
    )
    scored = (
        IndexEntry.objects.filter(content_type__in=get_descendants_content_types_pks(model))
        # The expression the backend matches, which migration 0006 indexes.
        .annotate(_vector_=F("title")._combine(F("body"), "||", False))
        .filter(_vector_=search_query)
        .annotate(object_pk=Cast("object_id", IntegerField()))
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
    ranked = rank(backend, queryset, text) if rank else None
    return None if ranked is None else RankedResults(queryset, ranked)
