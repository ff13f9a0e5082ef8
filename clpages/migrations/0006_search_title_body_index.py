"""A full-text index on the search index's title and body together, on PostgreSQL.

Wagtail's PostgreSQL search matches `title || body` against the query. The search app indexes
each column on its own, which that combined expression cannot use, so every search read the
whole search index (25 ms at 10,000 programs). An index on the same expression lets the
database look the matches up. Other databases are left alone.
"""

from django.db import migrations

INDEX_NAME = "clpages_search_title_body_gin"


def _table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(_table(apps))
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} USING gin ((title || body))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("clpages", "0005_programpage_last_session_end"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
