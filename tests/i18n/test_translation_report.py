"""Reports > Translations by language: each public page of the default language, missing, out of
date or up to date in each other language; staff only; as many queries for 3 pages as for 12."""

import csv
import io

from django.urls import reverse
from wagtail_localize.operations import translate_object

from clpages.models import ProgramPage
from clpages.translating.report import MISSING, OUT_OF_DATE, UP_TO_DATE, field_name
from tests.builders import (
    count_queries,
    make_program,
)
from tests.i18n import partner_world as translating

# The translated site, built once for the module.
translated_world_once, world = translating.translated_world_once, translating.world

URL = reverse("clpages_translation_states")


def states(client, page, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    rows = {row.pk: row for row in response.context["object_list"]}
    if page.pk not in rows:
        return None
    return {code: getattr(rows[page.pk], field_name(code)) for code in ("fr", "ar")}


def publish_translation(page, locale, title, capture):
    translate_object(page, [locale])
    translated = page.get_translation(locale).specific
    translated.title = title
    with capture(execute=True):
        translated.save_revision().publish()
    return translated


def sync(page):
    from wagtail_localize.models import TranslationSource

    TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale).update_from_db()


def test_missing_then_up_to_date_then_out_of_date(client, world, django_capture_on_commit_callbacks):
    program = ProgramPage.objects.get(pk=world["a_program"].pk)
    client.force_login(world["editor"])
    assert states(client, program) == {"fr": MISSING, "ar": MISSING}

    french = publish_translation(program, world["fr"], "L’heure du conte", django_capture_on_commit_callbacks)
    assert states(client, program) == {"fr": UP_TO_DATE, "ar": MISSING}

    # The original is published again: the translation has not caught up with it.
    program.save_revision().publish()
    assert states(client, program) == {"fr": OUT_OF_DATE, "ar": MISSING}

    # Publishing the translation again without reading the original's new text is not enough.
    french.save_revision().publish()
    assert states(client, program) == {"fr": OUT_OF_DATE, "ar": MISSING}

    # Synced from the original, then published: up to date again.
    sync(program)
    french = ProgramPage.objects.get(pk=french.pk)
    french.save_revision().publish()
    assert states(client, program) == {"fr": UP_TO_DATE, "ar": MISSING}


def test_a_draft_translation_is_still_missing(client, world):
    program = ProgramPage.objects.get(pk=world["b_program"].pk)
    translate_object(program, [world["fr"]])  # a draft: the site starts translations as drafts
    client.force_login(world["editor"])
    assert states(client, program)["fr"] == MISSING


def test_filters_by_language_and_status(client, world, django_capture_on_commit_callbacks):
    translated = ProgramPage.objects.get(pk=world["a_program"].pk)
    untranslated = ProgramPage.objects.get(pk=world["b_program"].pk)
    publish_translation(translated, world["fr"], "L’heure du conte", django_capture_on_commit_callbacks)
    client.force_login(world["editor"])

    assert states(client, translated, language="fr", state=MISSING) is None
    assert states(client, untranslated, language="fr", state=MISSING) is not None
    assert states(client, translated, language="fr", state=UP_TO_DATE) is not None
    # Missing in Arabic, whatever French says.
    assert states(client, translated, language="ar", state=MISSING) is not None
    assert states(client, translated, state=MISSING) is not None
    # The language chooses the columns.
    response = client.get(URL, {"language": "ar"})
    assert [item["code"] for item in response.context["object_list"][0].translation_states] == ["ar"]


def test_csv_export(client, world, django_capture_on_commit_callbacks):
    program = ProgramPage.objects.get(pk=world["a_program"].pk)
    publish_translation(program, world["fr"], "L’heure du conte", django_capture_on_commit_callbacks)
    client.force_login(world["editor"])
    response = client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Page", "Type", "Original last published", "Français", "العربية"]
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title[program.title][3:] == ["Up to date", "Missing"]
    assert by_title["Teen zine lab"][3:] == ["Missing", "Missing"]


def test_only_library_staff_see_it(client, world):
    client.force_login(world["partner_a"])
    assert client.get(URL).status_code in (302, 403)
    response = client.get(reverse("wagtailadmin_home"))
    assert URL not in response.content.decode()
    assert reverse("wagtail_localize:translations_report") not in response.content.decode()
    assert client.get(reverse("wagtail_localize:translations_report")).status_code == 403

    client.force_login(world["editor"])
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()


def test_queries_do_not_grow_with_pages(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["editor"])
    programs = world["programs"]
    publish_translation(
        ProgramPage.objects.get(pk=world["a_program"].pk),
        world["fr"],
        "Conte",
        django_capture_on_commit_callbacks,
    )
    few = count_queries(client, URL)
    for number in range(9):
        make_program(programs, f"Program {number}", sessions=0)
    assert count_queries(client, URL) == few
    assert count_queries(client, URL, {"export": "csv"}) <= few
