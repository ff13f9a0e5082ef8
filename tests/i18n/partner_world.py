"""A site whose community section exists in French and Arabic, and the wagtail-localize routes
a translator's browser calls."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from tests.builders import build_partner_world, build_site, built_once, fresh, make_partner, make_user


def site_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "ar")}


def translate_section(tree, locales):
    """The hub and its three indexes translated and published in each locale, as the library would."""
    for name in ("hub", "programs", "partnerships", "evaluations"):
        page = tree[name].specific
        translate_object(page, list(locales))
        for locale in locales:
            page.get_translation(locale).specific.save_revision().publish()


def build_translated_world(world):
    locales = site_locales()
    translate_section(world["tree"], locales.values())
    org_c = make_partner("Eastside Seniors Circle")
    return {
        **world,
        **locales,
        "org_c": org_c,
        "partner_c": make_user("partner_c", ["Community partners"], [org_c], first_name="Chen"),
    }


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=(page.pk,))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def translation_of(page, locale):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def put_string(client, translation, path, value):
    segment = translation.source.stringsegment_set.get(context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def review_url(translation):
    return reverse("clpages_submit_translation_for_review", args=(translation.pk,))


def translation_snapshot():
    return {
        "translations": list(Translation.objects.order_by("pk").values_list("pk", "enabled")),
        "strings": list(StringTranslation.objects.order_by("pk").values_list("pk", "data")),
    }


def _build():
    tree = build_site()
    return build_translated_world({**build_partner_world(tree), "tree": tree})


@pytest.fixture(scope="module")
def translated_world_once(django_db_setup, django_db_blocker):
    """The partner world with its section in French and Arabic, and a third organisation, built
    once for a test module (import this fixture and ``world`` into it)."""
    with built_once(django_db_blocker, _build) as world:
        yield world


@pytest.fixture
def world(db, translated_world_once):
    return fresh(translated_world_once)
