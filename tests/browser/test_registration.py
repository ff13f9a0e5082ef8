"""A patron registers, cancels through the emailed link, and joins a waiting list, with the
keyboard alone, in headless Chromium; every state of the form has zero axe-core violations."""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from clpages.models import ProgramSession
from clpages.registrations.models import Registration
from tests.browser.test_modes import tab_to
from tests.browser.test_public_pages import WCAG_AA
from tests.builders import build_site, make_program

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def session(live_db):
    tree = build_site()
    start = (timezone.now() + datetime.timedelta(days=4)).replace(hour=15, minute=0, second=0, microsecond=0)
    program = make_program(tree["programs"], "Seed swap", sessions=0)
    return ProgramSession.objects.create(
        program=program,
        start=start,
        end=start + datetime.timedelta(hours=2),
        address="12 River Road, Riverbend",
        registration="site",
        capacity=2,
    )


def check(page, artifacts, name, failures):
    page.wait_for_load_state("load")
    page.screenshot(path=artifacts / f"registration-{name}.png", full_page=True)
    results = Axe().run(page, options=WCAG_AA)
    if results.violations_count:
        failures[name] = results.generate_report()


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def fill_form(page, name, email, places):
    type_into(page, "#id_name", name)
    type_into(page, "#id_email", email)
    tab_to(page, "#id_places")
    page.keyboard.press("Control+A")
    page.keyboard.type(places)


def submit(page, selector):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def emailed_path(message):
    return re.search(r"https?://[^/\s]+(/register/yours/\S+/)", message.body).group(1)


@pytest.mark.parametrize("width", [375, 1280])
def test_register_cancel_and_join_the_waiting_list_with_the_keyboard(
    session, page, live_server, artifacts, width
):
    page.set_viewport_size({"width": width, "height": 900})
    failures = {}
    program = session.program

    page.goto(live_server.url + program.url)
    check(page, artifacts, f"{width}-1-program", failures)
    expect(page.get_by_text("2 places left").first).to_be_visible()
    submit(page, "a.button[href^='/register/']")
    expect(page.get_by_role("heading", name="Register for Seed swap")).to_be_visible()
    check(page, artifacts, f"{width}-2-form", failures)

    # A mistake first: the message says what to fix and keeps what was typed.
    fill_form(page, "Amina Yusuf", "not an address", "1")
    submit(page, "form button[type=submit]")
    expect(page.get_by_role("alert")).to_contain_text("Enter an email address like name@example.org.")
    expect(page.locator("#id_name")).to_have_value("Amina Yusuf")
    check(page, artifacts, f"{width}-3-error", failures)

    page.locator("#id_email").fill("")
    type_into(page, "#id_email", "amina@example.org")
    tab_to(page, "#id_places")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    tab_to(page, "#id_step_free_access")
    page.keyboard.press("Space")
    submit(page, "form button[type=submit]")
    expect(page.get_by_text("You are registered.")).to_be_visible()
    check(page, artifacts, f"{width}-4-registered", failures)
    assert Registration.objects.get(email="amina@example.org").status == "confirmed"

    # Full now: the next person joins the waiting list.
    page.goto(live_server.url + program.url)
    expect(page.get_by_role("link", name=re.compile("^Join the waiting list")).first).to_be_visible()
    check(page, artifacts, f"{width}-5-full", failures)
    submit(page, "a.button[href^='/register/']")
    fill_form(page, "Jonah Lee", "jonah@example.org", "1")
    submit(page, "form button[type=submit]")
    expect(page.get_by_text("You are on the waiting list.")).to_be_visible()
    check(page, artifacts, f"{width}-6-waiting", failures)

    # Amina cancels from the link in her email; Jonah gets her place and is told.
    amina = next(m for m in mail.outbox if m.to == ["amina@example.org"])
    page.goto(live_server.url + emailed_path(amina))
    check(page, artifacts, f"{width}-7-yours", failures)
    submit(page, "button[value=cancel]")
    expect(page.get_by_text("Your registration is cancelled.")).to_be_visible()
    check(page, artifacts, f"{width}-8-cancelled", failures)
    assert Registration.objects.get(email="jonah@example.org").status == "confirmed"
    assert mail.outbox[-1].to == ["jonah@example.org"]
    assert not failures, "\n".join(f"{name}:\n{report}" for name, report in failures.items())
