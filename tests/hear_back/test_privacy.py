"""Addresses are kept only as long as set, and never leave through a page, the API or a feed."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from clpages.models import HearBackRequest
from tests.hear_back.conftest import ADDRESS

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_erasing_removes_requests_unconfirmed_in_time_and_confirmed_ones_kept_too_long(results):
    now = timezone.now()
    ages = {
        "fresh@example.org": (now - 6 * DAY, None),
        "late@example.org": (now - 8 * DAY, None),
        "waiting@example.org": (now - 300 * DAY, now - 300 * DAY),
        "old@example.org": (now - 400 * DAY, now - 366 * DAY),
    }
    for email, (created_at, confirmed_at) in ages.items():
        request = HearBackRequest.objects.create(page=results, email=email, confirmed_at=confirmed_at)
        HearBackRequest.objects.filter(pk=request.pk).update(created_at=created_at)
    out = io.StringIO()
    call_command("erase_hear_back", stdout=out)
    assert sorted(HearBackRequest.objects.values_list("email", flat=True)) == [
        "fresh@example.org",
        "waiting@example.org",
    ]
    assert "Erased 1 unconfirmed and 1 confirmed" in out.getvalue()


def test_the_periods_are_settings(results, settings):
    settings.CLPAGES_HEAR_BACK_CONFIRM_DAYS = 2
    request = HearBackRequest.objects.create(page=results, email=ADDRESS)
    HearBackRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - 3 * DAY)
    call_command("erase_hear_back", stdout=io.StringIO())
    assert not HearBackRequest.objects.exists()


def test_no_address_reaches_a_page_the_api_or_a_feed(client, confirmed, results):
    confirmed(results)
    confirmed(results.program, email="other@example.org")
    urls = [
        results.url,
        results.program.url,
        "/api/v2/pages/?type=clpages.EvaluationPage&fields=*",
        f"/api/v2/pages/{results.pk}/",
        f"/api/v2/pages/{results.program_id}/",
        "/feeds/programs/rss/",
        "/sitemap.xml",
        f"/hear-back/{results.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "@example.org" not in body, url
    assert ADDRESS not in str(HearBackRequest.objects.get(page=results))


def test_the_results_page_links_to_the_form_and_stays_in_the_page_cache(client, results, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    first = client.get(results.url)
    assert first["X-Page-Cache"] == "miss"
    html = first.content.decode()
    assert f'href="/hear-back/{results.pk}/"' in html
    assert "Tell me once when the results, or what changed, are shared" in html
    assert client.get(results.url)["X-Page-Cache"] == "hit"
