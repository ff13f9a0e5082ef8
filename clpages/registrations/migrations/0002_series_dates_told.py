from django.db import migrations, models

from clpages.models.occurrences import occurrence_key


def known_changes(apps, schema_editor):
    """Registrations for a series made before this knew the dates changed so far: only later
    changes are worth an email."""
    registration_model = apps.get_model("clpages_registrations", "Registration")
    occurrence_model = apps.get_model("clpages", "SessionOccurrence")
    for registration in registration_model.objects.filter(date_key="series").exclude(status="cancelled"):
        changes = {}
        for date in occurrence_model.objects.filter(session_id=registration.session_id):
            key = occurrence_key(date.session_id, date.position, date.original_start)
            if date.status == "cancelled":
                changes[key] = {"start": "", "emailed": False}
            elif date.start != date.original_start:
                changes[key] = {"start": date.start.isoformat(), "emailed": False}
        if changes:
            registration.told_dates = changes
            registration.save(update_fields=["told_dates"])


class Migration(migrations.Migration):
    dependencies = [
        ("clpages", "0015_registration_on_this_website"),
        ("clpages_registrations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="told_dates",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(known_changes, migrations.RunPython.noop),
    ]
