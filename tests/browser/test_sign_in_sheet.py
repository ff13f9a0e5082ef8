"""The sign-in sheet as the browser prints it: the link back and the printing hint stay on screen,
the names, the room to sign and the access needs fit one page, with zero axe-core violations."""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from clpages.models import ProgramSession
from tests.browser.test_public_pages import WCAG_AA
from tests.builders import build_site, make_program
from tests.registrations.test_running_sessions import register, url

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sheet(live_db):
    tree = build_site()
    start = (timezone.now() + datetime.timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
    program = make_program(tree["programs"], "Family story time", sessions=0)
    session = ProgramSession.objects.create(
        program=program,
        start=start,
        end=start + datetime.timedelta(hours=1),
        address="12 River Road, Riverbend",
        registration="site",
        capacity=20,
    )
    register(session, "Zahra Ahmadi", 1, interpreter=True, interpreter_language="Dari")
    register(session, "Amina Yusuf", 2, step_free_access=True)
    register(session, "Bo Chen", 3)
    return session


def signed_in(page, live_server):
    """The browser carries the session of a library editor (signing in is tested elsewhere)."""
    editor = get_user_model().objects.create_superuser("sheet-editor", "sheet-editor@example.org", "x")
    client = Client()
    client.force_login(editor)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def printed_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_printed_sign_in_sheet_keeps_names_room_to_sign_and_needs_on_one_page(
    sheet, page, live_server, artifacts
):
    page = signed_in(page, live_server)
    page.goto(live_server.url + url(sheet, "sign_in"))
    hint = page.get_by_text("Use your browser's Print command")
    expect(hint).to_be_visible()

    page.emulate_media(media="print")
    expect(hint).to_be_hidden()
    names = page.locator("tbody th[scope=row]")
    expect(names).to_have_text(["Amina Yusuf", "Bo Chen", "Zahra Ahmadi"])
    expect(page.get_by_role("columnheader", name="Signature")).to_be_visible()
    expect(page.get_by_text("People who came without registering")).to_be_visible()
    expect(page.get_by_role("heading", name="Access needs to prepare for")).to_be_visible()
    expect(page.get_by_text("Keep it safe and shred it after the session")).to_be_visible()
    page.screenshot(path=artifacts / "sign-in-sheet-print.png", full_page=True)

    pdf = page.pdf(format="A4", path=str(artifacts / "sign-in-sheet.pdf"))
    assert pdf.startswith(b"%PDF")
    assert printed_pages(pdf) == 1

    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
