"""Counting the SQL queries a request costs, for tests that listings do not grow with content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """Queries for one GET of ``url``, after a first request has filled per-process caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
