"""Old name of tests.builders, kept while tests written against it are still being merged.

It goes once every test imports tests.builders.
"""

from tests.builders import PASSWORD as TEST_PASSWORD  # noqa: F401
from tests.builders import (  # noqa: F401
    admin_form_data,
    build_partner_world,
    build_site,
    built_once,
    db_snapshot,
    fresh,
    make_evaluation,
    make_location,
    make_partner,
    make_partnership,
    make_program,
    make_user,
    post_form,
)
