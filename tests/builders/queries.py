"""Counting the SQL queries a request costs, for tests that pages do not grow with content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def request_queries(client, url, params=None, *, warm=True):
    """The SQL of one GET of ``url``; with ``warm``, after a first GET filled per-process caches."""
    if warm:
        response = client.get(url, params or {})
        assert response.status_code == 200, (url, params, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, (url, params, response.status_code)
    return [query["sql"] for query in queries.captured_queries]


def count_queries(client, url, params=None, *, warm=True):
    """How many queries one GET of ``url`` costs (see ``request_queries``)."""
    return len(request_queries(client, url, params, warm=warm))
