"""Importing results in the admin: preview first and nothing saved, then all rows or none;
only people who may publish the evaluation; the public page shows the figures at once."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry

from clpages.measures import importing
from clpages.models import EvaluationMeasure, MeasureResult, ResultSource
from tests.builders import build_partner_world, make_evaluation, make_measure, make_user
from tests.builders.partners import db_snapshot

pytestmark = pytest.mark.django_db

GOOD = (
    "measure,date,value,note\n"
    "Families who came back,2026-04-01,14,Counted at the door\n"
    "stories shared,2026-04-02,,A grandmother read to the group in Tigrinya\n"
)


@pytest.fixture
def world(tree, django_user_model):
    world = build_partner_world(tree)
    evaluation = make_evaluation(
        world["evaluations"], program=world["a_program"], title="How story time went"
    )
    make_measure(evaluation, results=[(datetime.date(2026, 3, 1), Decimal(7), "Spring")], target=10)
    make_measure(evaluation, name="Stories shared", kind="story")
    evaluation.save_revision().publish()
    world["evaluation"] = evaluation
    world["admin"] = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    return world


def import_url(evaluation):
    return reverse("clpages_import_results", args=[evaluation.pk])


def upload(client, evaluation, text, name="results.csv"):
    data = text.encode() if isinstance(text, str) else text
    return client.post(import_url(evaluation), {"file": SimpleUploadedFile(name, data, "text/csv")})


def editor_without_publishing(world):
    group = Group.objects.create(name="Writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=world["hub"], permission=Permission.objects.get(codename=codename)
        )
    return make_user("writer", ["Writers"])


def imported():
    return list(MeasureResult.objects.filter(source=ResultSource.IMPORT).values_list("value", "note"))


def test_the_editor_finds_both_items_in_the_page_header(client, world):
    client.force_login(world["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[world["evaluation"].pk])).content.decode()
    assert import_url(world["evaluation"]) in html
    assert reverse("clpages_export_measures", args=[world["evaluation"].pk]) in html


def test_the_partner_finds_only_the_download_in_the_page_header(client, world):
    client.force_login(world["partner_a"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[world["evaluation"].pk])).content.decode()
    assert import_url(world["evaluation"]) not in html
    assert reverse("clpages_export_measures", args=[world["evaluation"].pk]) in html


def test_the_preview_shows_every_problem_and_saves_nothing(client, world):
    client.force_login(world["editor"])
    before = db_snapshot(), MeasureResult.objects.count()
    text = GOOD + "Books borrowed,2026-04-03,3,\nFamilies who came back,3/4/2026,2,\n"
    response = upload(client, world["evaluation"], text)
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 of 4 rows cannot be imported, so nothing will be" in html
    assert "This evaluation has no measure named “Books borrowed”" in html
    assert "“3/4/2026” is not a date we can read" in html
    assert 'name="token"' not in html
    assert (db_snapshot(), MeasureResult.objects.count()) == before


def test_confirming_saves_every_row_as_imported_and_logs_it(client, world):
    client.force_login(world["editor"])
    preview = upload(client, world["evaluation"], GOOD)
    assert "All 2 rows can be imported" in preview.content.decode()
    assert imported() == []  # nothing before the confirmation
    response = client.post(import_url(world["evaluation"]), {"token": preview.context["token"]})
    assert response.status_code == 302
    rows = MeasureResult.objects.filter(source=ResultSource.IMPORT).order_by("date")
    assert [(r.measure.name, r.date, r.value, r.entered_in_id) for r in rows] == [
        ("Families who came back", datetime.date(2026, 4, 1), Decimal("14.00"), None),
        ("Stories shared", datetime.date(2026, 4, 2), None, None),
    ]
    entry = PageLogEntry.objects.get(action=importing.LOG_ACTION)
    assert (entry.page_id, entry.user_id, entry.data) == (
        world["evaluation"].pk,
        world["editor"].pk,
        {"results": 2},
    )
    history = client.get(reverse("wagtailadmin_pages:history", args=[world["evaluation"].pk]))
    assert "2 results imported from a spreadsheet" in history.content.decode()


def test_imported_results_outlive_publishing_the_page(client, world):
    client.force_login(world["editor"])
    token = upload(client, world["evaluation"], GOOD).context["token"]
    client.post(import_url(world["evaluation"]), {"token": token})
    world["evaluation"].get_latest_revision().publish()
    assert len(imported()) == 2


def test_confirming_twice_saves_the_rows_once(client, world):
    client.force_login(world["editor"])
    token = upload(client, world["evaluation"], GOOD).context["token"]
    client.post(import_url(world["evaluation"]), {"token": token})
    again = client.post(import_url(world["evaluation"]), {"token": token})
    assert "Something changed since the preview, so nothing was imported" in again.content.decode()
    assert "already recorded for this measure" in again.content.decode()
    assert len(imported()) == 2


def test_a_measure_renamed_since_the_preview_saves_nothing(client, world):
    client.force_login(world["editor"])
    token = upload(client, world["evaluation"], GOOD).context["token"]
    EvaluationMeasure.objects.filter(name="Stories shared").update(name="What we heard")
    response = client.post(import_url(world["evaluation"]), {"token": token})
    assert "no measure named “stories shared”" in response.content.decode()
    assert imported() == []


def test_a_failure_part_way_through_saves_nothing(client, world, monkeypatch):
    client.force_login(world["editor"])
    text = "measure,date,value\n" + "".join(f"Families who came back,2026-04-01,{n}\n" for n in range(600))
    token = upload(client, world["evaluation"], text).context["token"]
    monkeypatch.setattr(importing, "BATCH_SIZE", 100)
    written = []

    def fail_after_the_rows(instance, action, **kwargs):
        written.append(MeasureResult.objects.filter(source=ResultSource.IMPORT).count())
        raise RuntimeError("the database went away")

    monkeypatch.setattr(importing, "log_action", fail_after_the_rows)
    with pytest.raises(RuntimeError):
        client.post(import_url(world["evaluation"]), {"token": token})
    assert written == [600]  # every batch was written, then rolled back together
    assert imported() == []


def test_a_file_not_in_utf8_gets_a_clear_message_and_saves_nothing(client, world):
    client.force_login(world["editor"])
    response = upload(client, world["evaluation"], GOOD.replace("door", "entrée").encode("latin-1"))
    assert "The file is not in UTF-8" in response.content.decode()
    assert imported() == []


@pytest.mark.parametrize("change", ["tampered", "other evaluation", "other person"])
def test_a_forged_confirmation_is_refused_and_changes_nothing(client, world, change):
    client.force_login(world["editor"])
    token = upload(client, world["evaluation"], GOOD).context["token"]
    target = world["evaluation"]
    if change == "tampered":
        text = "measure,date,value\nFamilies who came back,2026-04-01,999\n"
        token = signing.dumps(text, salt="guessed", compress=True)
    elif change == "other evaluation":
        target = make_evaluation(world["evaluations"], program=world["a_program"])
    else:
        client.force_login(world["admin"])
    before = db_snapshot()
    assert client.post(import_url(target), {"token": token}).status_code == 403
    assert (db_snapshot(), imported()) == (before, [])


@pytest.mark.parametrize("who", ["partner_a", "partner_b", "writer"])
def test_people_who_cannot_publish_the_page_get_403_and_change_nothing(client, world, who):
    user = editor_without_publishing(world) if who == "writer" else world[who]
    client.force_login(world["editor"])
    token = upload(client, world["evaluation"], GOOD).context["token"]
    client.force_login(user)
    before = db_snapshot()
    assert client.get(import_url(world["evaluation"])).status_code == 403
    assert upload(client, world["evaluation"], GOOD).status_code == 403
    assert client.post(import_url(world["evaluation"]), {"token": token}).status_code == 403
    assert (db_snapshot(), imported()) == (before, [])


def test_the_public_page_shows_imported_results_on_the_next_request_page_cache_on(
    client, world, settings, django_user_model
):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    url = world["evaluation"].url
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    importing.commit(world["evaluation"], GOOD, world["editor"])
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "A grandmother read to the group in Tigrinya" in response.content.decode()


def test_the_page_listing_offers_both_items_without_a_query_per_page(client, world):
    from tests.builders import count_queries

    client.force_login(world["editor"])
    listing = reverse("wagtailadmin_explore", args=[world["evaluations"].pk])
    assert import_url(world["evaluation"]) in client.get(listing).content.decode()
    few = count_queries(client, listing)
    for n in range(10):
        make_evaluation(world["evaluations"], program=world["a_program"], title=f"Term {n}")
    assert count_queries(client, listing) == few


def test_posting_without_a_file_asks_for_one_and_saves_nothing(client, world):
    client.force_login(world["editor"])
    response = client.post(import_url(world["evaluation"]), {})
    assert response.status_code == 200
    assert "Choose the CSV file to import." in response.content.decode()
    assert imported() == []
