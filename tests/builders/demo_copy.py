"""The demo library built once per test process, then copied back wherever a test needs it.

Building the demo (pages, translations, registrations, search and reference indexes) is the
slowest fixture of the suite, and about twenty modules and tests load it. So the first load in a
process builds it for real and keeps a copy of every table as the build left it; later loads
write that copy back over every table, which gives the same database whatever state it was in
(freshly migrated, or emptied by a transactional test). The demo's files stay in MEDIA_ROOT.

``tests/test_builders.py`` checks that the copy gives back exactly what a build gave.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from wagtail.search.models import IndexEntry

_copies = {}


def _tables():
    """Every concrete table once: table -> (model, the columns that model owns).

    Not SQLite's full-text table of the search index: the database's own triggers fill it from
    the index entries.
    """
    tables = {}
    derived = f"{IndexEntry._meta.db_table}_fts"
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.proxy and meta.managed and meta.db_table not in (derived, *tables):
            tables[meta.db_table] = (model, meta.local_concrete_fields)
    return tables


def state():
    """Every row of every table, in id order."""
    return {
        table: list(model._base_manager.order_by("pk").values_list(*[field.attname for field in fields]))
        for table, (model, fields) in _tables().items()
    }


def _key():
    # The demo's dates are relative to today, and each database has its own copy.
    return (timezone.localdate(), connection.alias, connection.settings_dict["NAME"])


def load_demo_copied(build):
    """Run `build` (which loads the demo) the first time; afterwards write its result back."""
    copy = _copies.get(_key())
    if copy is None:
        build()
        _copies[_key()] = state()
    else:
        restore(copy)


@transaction.atomic
def restore(copy):
    """Make every table hold exactly the rows of `copy`. In one transaction, so foreign keys
    (checked at its end) see the whole copy."""
    tables = _tables()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in copy:
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, rows in copy.items():
            if not rows:
                continue
            _, fields = tables[table]
            columns = ", ".join(quote(field.column) for field in fields)
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({columns}) VALUES ({marks})",
                [
                    [
                        field.get_db_prep_save(value, connection)
                        for field, value in zip(fields, row, strict=True)
                    ]
                    for row in rows
                ],
            )
        # Rows a test adds next must not take the ids of the rows written back (PostgreSQL).
        for statement in connection.ops.sequence_reset_sql(no_style(), [tables[table][0] for table in copy]):
            cursor.execute(statement)
    # The content types' ids may now differ from those this process remembers.
    ContentType.objects.clear_cache()
