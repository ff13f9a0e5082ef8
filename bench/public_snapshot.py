"""Fingerprint every public URL of the demo library: a hash of each body and its query count.

    .venv/bin/python bench/public_snapshot.py > before.tsv
    ... change the code ...
    .venv/bin/python bench/public_snapshot.py > after.tsv && diff before.tsv after.tsv
    .venv/bin/python bench/public_snapshot.py /feeds/programs/rss/   # one normalised body

A refactoring that keeps behaviour leaves the two files identical. The demo is loaded into a
throwaway SQLite file with its own media folder, so the configured database is never touched.
The URLs are the sitemap's, plus the listing filters, calendars, iCalendar files, feeds, search,
robots.txt and the API. The first request of each URL is measured, with the page cache off.
"""

import hashlib
import os
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

WORKDIR = tempfile.mkdtemp(prefix="clpages-snapshot-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/db.sqlite3"
os.environ.pop("REDIS_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "clsite.settings.test"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

LISTING_FILTERS = [
    "",
    "?when=week",
    "?when=month",
    "?format=online",
    "?format=in_person",
    "?include_past=on",
    "?stage=1",
    "?q=reading",
    "?q=zzzz-nothing",
    "?page=2",
    "?date_from=2026-01-01&date_to=2027-12-31",
]
EXTRA_PATHS = [
    "/robots.txt",
    "/sitemap.xml",
    "/feeds/programs/rss/",
    "/feeds/programs/atom/",
    "/search/",
    "/search/?q=reading",
    "/search/?q=partner",
    "/api/v2/pages/",
    "/api/v2/pages/?type=clpages.ProgramPage&fields=*",
    "/api/v2/pages/?type=clpages.PartnershipPage&fields=*",
    "/api/v2/pages/?type=clpages.EvaluationPage&fields=*",
    "/api/v2/images/",
]

# Values that change from load to load on their own: publishing times (the demo is published
# as it loads), iCalendar stamps and StreamField block ids (random UUIDs).
VOLATILE = [
    re.compile(rb"(DTSTAMP|LAST-MODIFIED|CREATED):[0-9TZ]+"),
    re.compile(rb"<(lastBuildDate|updated|pubDate|published)>[^<]*</"),
    re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+([+-]\d\d:\d\d|Z)?"),
    re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
]


def normalised(response):
    body = b"".join(response) if response.streaming else response.content
    for pattern in VOLATILE:
        body = pattern.sub(b"", body)
    return body


def fingerprint(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    digest = hashlib.sha256(normalised(response)).hexdigest()[:16]
    return response.status_code, len(queries), digest


def public_paths(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    pages = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    paths = list(pages)
    items, offset = [], 0
    while True:
        batch = client.get(f"/api/v2/pages/?limit=20&offset={offset}").json()["items"]
        items += batch
        offset += len(batch)
        if not batch:
            break
    for item in items:
        paths.append(f"/api/v2/pages/{item['id']}/")
        kind = item["meta"]["type"]
        page_path = urlsplit(item["meta"]["html_url"] or "").path
        if kind == "clpages.ProgramIndexPage":
            paths += [page_path + query for query in LISTING_FILTERS]
            paths += [page_path + "calendar/", page_path + "calendar/?format=online"]
            paths += [page_path + "calendar.ics"]
        elif kind == "clpages.ProgramPage":
            paths += [page_path + "calendar.ics"]
    return sorted(set(paths + EXTRA_PATHS))


def main():
    setup_test_environment()
    with override_settings(MEDIA_ROOT=f"{WORKDIR}/media", CLPAGES_PAGE_CACHE_SECONDS=0):
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))
        client = Client()
        if len(sys.argv) > 1:  # show one normalised body, to see why its hash changed
            sys.stdout.write(normalised(client.get(sys.argv[1])).decode())
            return
        for path in public_paths(client):
            status, queries, digest = fingerprint(client, path)
            print(f"{path}\t{status}\t{queries}\t{digest}")


if __name__ == "__main__":
    main()
