"""RSS and Atom feeds of newly published programs."""

import datetime
import xml.etree.ElementTree as ET

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from bench.catalogue import Catalogue
from clpages.models import ProgramPage
from tests.builders import count_queries, make_partner, make_program

ATOM = "{http://www.w3.org/2005/Atom}"
RSS_URL = reverse("clpages:programs_rss")
ATOM_URL = reverse("clpages:programs_atom")


def rss_items(client):
    response = client.get(RSS_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def publish_at(program, when):
    ProgramPage.objects.filter(pk=program.pk).update(first_published_at=when, last_published_at=when)


def test_rss_lists_newly_published_programs_newest_first(client, tree):
    partner = make_partner("Northside Youth Collective")
    older = make_program(tree["programs"], "Family story time")
    newer = make_program(tree["programs"], "Teen Zine Lab", partners=[partner])
    newer.tags.add("zines", "art")
    newer.save_revision().publish()
    publish_at(older, timezone.now() - datetime.timedelta(days=2))
    newer.refresh_from_db()

    channel, items = rss_items(client)

    assert channel.findtext("title").startswith("New programs at ")
    assert [item.findtext("title") for item in items] == ["Teen Zine Lab", "Family story time"]
    first = items[0]
    assert first.findtext("link") == newer.get_full_url()
    assert first.findtext("description") == newer.summary
    assert first.findtext("guid") == f"tag:localhost,{newer.first_published_at:%Y-%m-%d}:program-{newer.pk}"
    assert sorted(c.text for c in first.findall("category")) == ["art", "zines"]
    assert "Northside Youth Collective" in first.findtext("{http://purl.org/dc/elements/1.1/}creator")


def test_feeds_leave_out_drafts_and_private_programs(client, tree):
    make_program(tree["programs"], "Open program")
    tree["programs"].add_child(instance=ProgramPage(title="Draft program", summary="Not yet.", live=False))
    private = make_program(tree["programs"], "Staff-only program")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    _, items = rss_items(client)
    atom = ET.fromstring(client.get(ATOM_URL).content)

    assert [item.findtext("title") for item in items] == ["Open program"]
    assert [entry.findtext(f"{ATOM}title") for entry in atom.findall(f"{ATOM}entry")] == ["Open program"]


def test_atom_feed_parses_and_links_each_program(client, tree):
    program = make_program(tree["programs"], 'Rhymes & "riddles" <night>')
    program.refresh_from_db()

    response = client.get(ATOM_URL)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == 'Rhymes & "riddles" <night>'
    assert entry.find(f"{ATOM}link").get("href") == program.get_full_url()
    assert (
        entry.findtext(f"{ATOM}id")
        == f"tag:localhost,{program.first_published_at:%Y-%m-%d}:program-{program.pk}"
    )


def test_pages_advertise_the_feeds(client, tree):
    html = client.get(tree["programs"].url).content.decode()

    assert (
        f'<link rel="alternate" type="application/rss+xml" title="New programs (RSS)" href="{RSS_URL}">'
        in html
    )
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="New programs (Atom)" href="{ATOM_URL}">'
        in html
    )


def test_feed_query_counts_do_not_grow_with_the_number_of_programs(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    catalogue = Catalogue(programs_per_partner=4)
    client = Client(HTTP_HOST="localhost")

    catalogue.grow_to(10)
    at_10 = {url: count_queries(client, url) for url in (RSS_URL, ATOM_URL)}
    catalogue.grow_to(100)
    at_100 = {url: count_queries(client, url) for url in (RSS_URL, ATOM_URL)}

    assert at_10 == at_100
    assert len(rss_items(client)[1]) == 30


def test_plain_summary_reaches_feed_readers_as_text_not_markup(client, tree):
    summary = "Bring <b>your</b> stories & songs"
    make_program(tree["programs"], "Story night", summary=summary)

    _, (item,) = rss_items(client)
    atom = ET.fromstring(client.get(ATOM_URL).content)
    (entry,) = atom.findall(f"{ATOM}entry")

    # The element holds HTML: the summary's characters are escaped in it, once.
    escaped = "Bring &lt;b&gt;your&lt;/b&gt; stories &amp; songs"
    assert item.findtext("description") == escaped
    assert entry.find(f"{ATOM}summary").get("type") == "html"
    assert entry.findtext(f"{ATOM}summary") == escaped
