"""What taking registrations safely needs from the site's settings."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.database)
def check_sqlite_waits_for_writers(app_configs, **kwargs):
    database = settings.DATABASES.get("default", {})
    if database.get("ENGINE") != "django.db.backends.sqlite3":
        return []
    if database.get("OPTIONS", {}).get("transaction_mode") == "IMMEDIATE":
        return []
    return [
        checks.Warning(
            "On SQLite, two registrations for the last place at once can make one of them fail "
            "with 'database is locked' instead of waiting its turn.",
            hint="Set DATABASES['default']['OPTIONS']['transaction_mode'] = 'IMMEDIATE'.",
            id="clpages_registrations.W001",
        )
    ]
