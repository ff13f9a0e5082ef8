"""Builders for the data tests need: one program builder, one partner world, one query counter.

    from tests.builders import build_partner_world, make_program, count_queries

site.py      the test site's page tree, partners, places and people
action_groups.py  action group pages, their meetings, decisions and members
programs.py  programs (with their sessions), partnerships and evaluations, published
catalogue.py programs with known answers for every filter, at a fixed moment
partners.py  the partner world, page forms as Wagtail draws them, snapshots of the page tree
queries.py   the SQL a request costs
shared.py    data built once per test module (rolled back, or committed for browser tests)
indexing.py  search and reference index updates skipped until a page's last save
demo_copy.py the demo library built once per test process, copied back for every later load
"""

from tests.builders.action_groups import (
    add_action_group_index,
    add_members,
    make_action_group,
    make_action_group_partner,
)
from tests.builders.catalogue import (
    NOW,
    TORONTO,
    add_many,
    at,
    build_catalogue,
    build_catalogue_site,
    catalogue_built_once,
    catalogue_committed_once,
    freeze,
    queries_at_10_and_100,
)
from tests.builders.indexing import index_updates_skipped
from tests.builders.partners import (
    LIBRARY_EDITORS,
    PARTNERS,
    admin_form_data,
    assert_refused,
    build_partner_world,
    db_snapshot,
    edit_form_data,
    edit_url,
    post_form,
)
from tests.builders.programs import make_evaluation, make_measure, make_partnership, make_program
from tests.builders.queries import count_queries, request_queries
from tests.builders.shared import built_once, committed, ensure_wagtail_base, fresh
from tests.builders.site import PASSWORD, build_site, make_location, make_partner, make_user

__all__ = [
    "add_action_group_index",
    "add_members",
    "make_action_group",
    "make_action_group_partner",
    "LIBRARY_EDITORS",
    "NOW",
    "PARTNERS",
    "PASSWORD",
    "TORONTO",
    "add_many",
    "admin_form_data",
    "assert_refused",
    "at",
    "build_catalogue",
    "build_catalogue_site",
    "build_partner_world",
    "build_site",
    "built_once",
    "catalogue_built_once",
    "catalogue_committed_once",
    "committed",
    "count_queries",
    "db_snapshot",
    "edit_form_data",
    "edit_url",
    "ensure_wagtail_base",
    "freeze",
    "fresh",
    "index_updates_skipped",
    "make_evaluation",
    "make_measure",
    "make_location",
    "make_partner",
    "make_partnership",
    "make_program",
    "make_user",
    "post_form",
    "queries_at_10_and_100",
    "request_queries",
]
