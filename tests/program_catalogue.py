"""Old name of tests.builders' catalogue, kept while tests written against it are still being merged.

It goes once every test imports tests.builders.
"""

from tests.builders import (  # noqa: F401
    NOW,
    TORONTO,
    add_many,
    at,
    build_catalogue,
    freeze,
    make_program,
    queries_at_10_and_100,
)
from tests.builders import count_queries as _count_queries


def add_program(index, title, *, sessions=(), quick=False, **fields):
    """The catalogue's old builder: no sessions unless given, published at NOW when quick."""
    if quick:
        fields.setdefault("first_published_at", NOW)
    return make_program(index, title, sessions=sessions, quick=quick, **fields)


def count_queries(client, url, params=None):
    """Queries of one GET, without a first request to warm caches (as it always counted)."""
    return _count_queries(client, url, params, warm=False)
