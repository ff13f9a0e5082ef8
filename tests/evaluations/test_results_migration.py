"""Migration clpages 0016: the demo's results move from the measures' StreamField to records, and
back, unchanged, in the stored measures and in every revision of their pages."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from clpages.models import EvaluationMeasure, EvaluationPage, MeasureResult

BEFORE = ("clpages", "0015_registration_on_this_website")


def migrate(target=None):
    """Migrate to `target`, or to the latest migrations (what the code now expects)."""
    executor = MigrationExecutor(connection)
    targets = [target] if target else executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def readings(results):
    return [(result.date, result.value, result.note) for result in results]


def stream_readings(raw_blocks):
    return [
        (
            datetime.date.fromisoformat(str(block["value"]["date"])),
            None if block["value"]["value"] in (None, "") else Decimal(str(block["value"]["value"])),
            block["value"]["note"] or "",
        )
        for block in raw_blocks
    ]


def sections(html):
    """What the move touches: the success agreed and the measures (later tables, such as 'You
    said, we did', do not survive migrating back before they existed)."""
    found = re.findall(r'<section aria-labelledby="(?:success|measures)-heading".*?</section>', html, re.S)
    assert len(found) == 2
    return found


def pages_html():
    cache.clear()
    client = Client()
    return {
        page.pk: sections(client.get(page.url).content.decode())
        # Going back before 0020 keeps one language only (its reverse tells translated terms
        # apart by their language's code): the default language's pages are compared.
        for page in EvaluationPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    }


@pytest.mark.django_db(transaction=True)
def test_the_demo_results_survive_the_move_both_ways(demo_site):
    if apps.is_installed("clpages.surveys"):
        # Going back to 0015 unapplies the survey app, which needs results as records: what the
        # move keeps is what 0015 could hold, the results typed in the page. The demo's survey
        # (and the one result it feeds) goes first.
        apps.get_model("clpages_surveys", "Survey").objects.all().delete()
    stored = {measure.pk: readings(measure.sorted_results) for measure in EvaluationMeasure.objects.all()}
    assert sum(len(results) for results in stored.values()) >= 10
    assert any(value is None for results in stored.values() for _, value, _ in results)
    html = pages_html()
    # A draft waiting for review, with a result added: it must survive in its revision.
    page = EvaluationPage.objects.live().first()
    # The revision itself: with nothing unpublished, Wagtail would hand back the live page.
    draft = page.get_latest_revision().as_object()
    measure = draft.measures.all()[0]
    measure.entered_results.add(
        MeasureResult(date=datetime.date(2026, 11, 30), value=Decimal("42"), note="Draft")
    )
    draft.save_revision()
    page.refresh_from_db()
    in_draft = readings(page.get_latest_revision().as_object().measures.all()[0].sorted_results)
    assert (datetime.date(2026, 11, 30), Decimal("42"), "Draft") in in_draft

    old = migrate(BEFORE)
    OldMeasure = old.get_model("clpages", "EvaluationMeasure")
    OldRevision = old.get_model("wagtailcore", "Revision")
    assert {m.pk: stream_readings(m.results.raw_data) for m in OldMeasure.objects.all()} == stored
    old_draft = OldRevision.objects.filter(object_id=str(page.pk)).order_by("-pk").first()
    first = old_draft.content["measures"][0]
    assert "entered_results" not in first
    assert (datetime.date(2026, 11, 30), Decimal("42"), "Draft") in stream_readings(
        json.loads(first["results"])
    )

    migrate()
    assert {m.pk: readings(m.sorted_results) for m in EvaluationMeasure.objects.all()} == stored
    assert set(MeasureResult.objects.values_list("source", flat=True)) == {"entered"}
    assert pages_html() == html
    page = EvaluationPage.objects.get(pk=page.pk)
    assert readings(page.get_latest_revision().as_object().measures.all()[0].sorted_results) == in_draft
    # Publishing the draft keeps every result and adds the one it brings, without duplicates.
    page.get_latest_revision().publish()
    assert readings(EvaluationMeasure.objects.get(pk=measure.pk).sorted_results) == in_draft
    assert MeasureResult.objects.count() == sum(len(results) for results in stored.values()) + 1
