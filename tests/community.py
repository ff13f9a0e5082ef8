"""Old name of tests.builders' partner world, kept while tests written against it are still being merged.

It goes once every test imports tests.builders.
"""

from tests.builders import (  # noqa: F401
    LIBRARY_EDITORS,
    PARTNERS,
    PASSWORD,
    build_partner_world,
    edit_form_data,
    make_user,
)


def build_community(tree):
    """The partner world, with its co-led program also as ``program`` and A's own as ``solo``."""
    world = build_partner_world(tree)
    return {**world, "program": world["ab_program"], "solo": world["a_program"]}
