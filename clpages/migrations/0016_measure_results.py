"""A measure's results move from a StreamField on the measure to MeasureResult records.

Every result becomes a record entered in the page, and every revision of a results and learning
page is rewritten the same way, so that opening, comparing or publishing an older revision keeps
its results instead of dropping them. Reversing puts every record back in the StreamField.
"""

import datetime
import json
from decimal import Decimal

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def _decimal(value):
    return None if value in (None, "") else Decimal(str(value))


def _key(measure_pk, date, value, note):
    return (measure_pk, str(date), _decimal(value), note or "")


def _evaluation_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="clpages", model="evaluationpage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type)


def _stream(raw):
    """A StreamField's value as a revision stores it: a JSON string, a list, or nothing."""
    if not raw:
        return []
    return json.loads(raw) if isinstance(raw, str) else raw


def results_to_records(apps, schema_editor):
    Measure = apps.get_model("clpages", "EvaluationMeasure")
    Result = apps.get_model("clpages", "MeasureResult")
    records = []
    for measure in Measure.objects.all():
        for block in measure.results.raw_data:
            value = block["value"]
            records.append(
                Result(
                    measure_id=measure.pk,
                    entered_in_id=measure.pk,
                    date=datetime.date.fromisoformat(str(value["date"])),
                    value=_decimal(value.get("value")),
                    note=value.get("note") or "",
                    source="entered",
                )
            )
    Result.objects.bulk_create(records)
    # A revision's result that is the same as a stored one keeps that record's id, so publishing
    # the latest revision updates the records rather than replacing them.
    stored = {}
    for record in Result.objects.all():
        stored.setdefault(_key(record.measure_id, record.date, record.value, record.note), []).append(record.pk)
    for revision in _evaluation_revisions(apps).iterator():
        content = revision.content
        for measure in content.get("measures", []):
            taken = set()
            results = []
            for block in _stream(measure.pop("results", None)):
                value = block["value"]
                key = _key(measure.get("pk"), value["date"], value.get("value"), value.get("note"))
                pk = next((pk for pk in stored.get(key, []) if pk not in taken), None)
                taken.add(pk)
                results.append(
                    {
                        "pk": pk,
                        "measure": measure.get("pk"),
                        "entered_in": measure.get("pk"),
                        "date": str(value["date"]),
                        "value": None if _decimal(value.get("value")) is None else str(_decimal(value["value"])),
                        "note": value.get("note") or "",
                        "source": "entered",
                        "answers": None,
                    }
                )
            measure["entered_results"] = results
        revision.content = content
        revision.save(update_fields=["content"])


def _block(date, value, note):
    return {"type": "result", "value": {"date": str(date), "value": None if value is None else str(value), "note": note}}


def records_to_results(apps, schema_editor):
    Measure = apps.get_model("clpages", "EvaluationMeasure")
    Result = apps.get_model("clpages", "MeasureResult")
    by_measure = {}
    for record in Result.objects.order_by("date", "pk"):
        by_measure.setdefault(record.measure_id, []).append(_block(record.date, record.value, record.note))
    for measure in Measure.objects.filter(pk__in=by_measure):
        measure.results = by_measure[measure.pk]
        measure.save(update_fields=["results"])
    for revision in _evaluation_revisions(apps).iterator():
        content = revision.content
        for measure in content.get("measures", []):
            entered = sorted(measure.pop("entered_results", []), key=lambda result: result["date"])
            measure["results"] = json.dumps(
                [_block(result["date"], result["value"], result["note"]) for result in entered]
            )
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("clpages", "0015_registration_on_this_website"),
    ]

    operations = [
        migrations.CreateModel(
            name="MeasureResult",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("date", models.DateField()),
                (
                    "value",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Leave empty for a story or observation.",
                        max_digits=12,
                        null=True,
                    ),
                ),
                ("note", models.TextField(blank=True)),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("entered", "Entered by the team"),
                            ("survey", "Survey answers"),
                            ("attendance", "Attendance counts"),
                            ("import", "Imported from another system"),
                        ],
                        default="entered",
                        max_length=20,
                    ),
                ),
                ("answers", models.PositiveIntegerField(blank=True, null=True)),
                (
                    "entered_in",
                    modelcluster.fields.ParentalKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="entered_results",
                        to="clpages.evaluationmeasure",
                    ),
                ),
                (
                    "measure",
                    # "+" until the StreamField named "results" is gone (the last operation).
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="clpages.evaluationmeasure",
                    ),
                ),
            ],
            options={
                "verbose_name": "result",
                "ordering": ["date", "pk"],
                "indexes": [models.Index(fields=["measure", "date"], name="clpages_result_measure_date")],
            },
        ),
        migrations.RunPython(results_to_records, records_to_results),
        migrations.RemoveField(model_name="evaluationmeasure", name="results"),
        migrations.AlterField(
            model_name="measureresult",
            name="measure",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="results", to="clpages.evaluationmeasure"
            ),
        ),
    ]
