"""Old name of tests.builders' query counter, kept while tests written against it are still being merged.

It goes once every test imports tests.builders.
"""

from tests.builders import count_queries  # noqa: F401
