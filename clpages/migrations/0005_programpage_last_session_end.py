from django.db import migrations, models
from django.db.models import Max, OuterRef, Subquery


def fill_last_session_end(apps, schema_editor):
    ProgramPage = apps.get_model("clpages", "ProgramPage")
    ProgramSession = apps.get_model("clpages", "ProgramSession")
    last_end = (
        ProgramSession.objects.filter(program=OuterRef("pk")).values("program").annotate(last=Max("end"))
    )
    ProgramPage.objects.update(last_session_end=Subquery(last_end.values("last")))


class Migration(migrations.Migration):
    dependencies = [
        ("clpages", "0004_session_program_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="programpage",
            name="last_session_end",
            field=models.DateTimeField(blank=True, db_index=True, editable=False, null=True),
        ),
        migrations.RunPython(fill_last_session_end, migrations.RunPython.noop),
    ]
