"""Settings > Library details: the library's name and contact details on every public page, set by
library editors only, checked when typed, and shown at once when they change."""

import json
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from clpages.contact import tel_href
from clpages.models import LibraryDetails, ProgramSession
from clpages.partners.roles import EDITORS_GROUP, PARTNERS_GROUP
from clpages.stages import Registration
from tests.factories import build_partner_world, make_program, make_user

pytestmark = pytest.mark.django_db

RIVERBEND = {
    "name": "Riverbend Public Library",
    "phone": "+1 (555) 555-0123",
    "email": "askus@riverbend.example.org",
    "street_address": "200 Market Square",
    "city": "Riverbend",
    "region": "ON",
    "postcode": "K0R 1A0",
}


def _site():
    return Site.objects.get(is_default_site=True)


def _details(**fields):
    details = LibraryDetails.objects.filter(site=_site()).first() or LibraryDetails(site=_site())
    for name, value in fields.items():
        setattr(details, name, value)
    details.full_clean()
    details.save()
    return details


def _footer(html):
    return re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)


def _registration_program(tree, **kwargs):
    program = make_program(tree["programs"], title="Seed library swap", **kwargs)
    ProgramSession.objects.filter(program=program).update(registration=Registration.REQUIRED, capacity=12)
    return program


# What patrons see -----------------------------------------------------------------------------


def test_the_footer_gives_the_name_address_phone_email_and_hours(client, tree):
    _details(**RIVERBEND, opening_hours_url="https://riverbend.example.org/hours/")
    footer = _footer(client.get(tree["programs"].url).content.decode())
    assert '<h2 class="site-footer__title">Riverbend Public Library</h2>' in footer
    address = re.search(r"<address>(.*?)</address>", footer, re.S).group(1)
    assert "200 Market Square<br>Riverbend, ON K0R 1A0" in address
    assert '<a href="tel:+15555550123">+1 (555) 555-0123</a>' in address
    assert '<a href="mailto:askus@riverbend.example.org">askus@riverbend.example.org</a>' in address
    assert '<a href="https://riverbend.example.org/hours/">Opening hours</a>' in footer


def test_the_library_name_names_the_site_in_the_header_and_title(client, tree):
    _details(name="Riverbend Public Library")
    html = client.get(tree["programs"].url).content.decode()
    assert '<a class="site-name" href="/">Riverbend Public Library</a>' in html
    assert re.search(r"<title>Programs \| Riverbend Public Library</title>", html)


def test_with_nothing_set_the_footer_has_the_site_name_and_no_empty_contact(client, tree):
    site = _site()
    site.site_name = "Maple Valley Library"
    site.save()
    footer = _footer(client.get(tree["programs"].url).content.decode())
    assert "Maple Valley Library" in footer
    assert "<address>" not in footer
    assert "tel:" not in footer and "mailto:" not in footer and "Opening hours" not in footer
    # Nothing is written to the database to show the defaults.
    assert not LibraryDetails.objects.exists()


def test_the_opening_hours_page_is_linked_while_it_is_public(client, tree):
    _details(opening_hours_page=tree["partnerships"])
    url = tree["programs"].url
    assert f'<a href="{tree["partnerships"].url}">Opening hours</a>' in client.get(url).content.decode()
    PageViewRestriction.objects.create(page=tree["partnerships"], restriction_type=PageViewRestriction.LOGIN)
    assert "Opening hours" not in _footer(client.get(url).content.decode())


def test_partner_looking_text_is_escaped_everywhere(client, tree):
    _details(name='Riverbend <script>alert("x")</script> & Co', street_address="<b>200</b> Market Square")
    html = client.get(tree["programs"].url).content.decode()
    assert "<script>alert" not in html and "<b>200</b>" not in html
    assert "Riverbend &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in _footer(html)
    assert "&lt;b&gt;200&lt;/b&gt; Market Square" in _footer(html)


def test_registration_sentence_links_the_phone_and_email(client, tree):
    program = _registration_program(tree)
    _details(phone="(555) 555-0199", email="register@riverbend.example.org")
    html = client.get(program.url).content.decode()
    assert (
        'To register, call <a href="tel:5555550199">(555) 555-0199</a>, email '
        '<a href="mailto:register@riverbend.example.org">register@riverbend.example.org</a>, '
        "or ask at the library."
    ) in html
    assert "call us." not in html


@pytest.mark.parametrize(
    "fields, sentence",
    [
        ({}, "To register, ask at the library."),
        (
            {"phone": "555-0199"},
            'To register, call <a href="tel:5550199">555-0199</a> or ask at the library.',
        ),
        (
            {"email": "hi@example.org"},
            'To register, email <a href="mailto:hi@example.org">hi@example.org</a> or ask at the library.',
        ),
    ],
)
def test_registration_sentence_reads_well_with_what_is_set(client, tree, fields, sentence):
    program = _registration_program(tree)
    if fields:
        _details(**fields)
    assert sentence in client.get(program.url).content.decode()


def test_the_lockout_page_says_how_to_reach_the_library(tree):
    _details(phone="+1 555-555-0123", email="askus@riverbend.example.org")
    request = RequestFactory().get("/admin/login/", HTTP_HOST="localhost")
    html = render_to_string("lockout.html", request=request)
    assert (
        'library staff can help. Call <a href="tel:+15555550123">+1 555-555-0123</a>, email '
        '<a href="mailto:askus@riverbend.example.org">askus@riverbend.example.org</a>, or ask at the library.'
    ) in html


def test_an_error_page_without_a_request_still_renders(db):
    html = render_to_string("404.html")
    assert '<footer class="site-footer">' in html


def test_json_ld_credits_the_library_with_its_contact_details_and_currency(client, tree):
    program = make_program(tree["programs"], title="Seed library swap", is_free=True)
    _details(**RIVERBEND, currency="EUR")
    html = client.get(program.url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    # The program's events come as one list.
    event = next(data for data in map(json.loads, scripts) if isinstance(data, list))[0]
    library = event["organizer"][0]
    assert library["name"] == "Riverbend Public Library"
    assert library["telephone"] == "+1 (555) 555-0123"
    assert library["email"] == "askus@riverbend.example.org"
    assert library["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "200 Market Square",
        "addressLocality": "Riverbend",
        "addressRegion": "ON",
        "postalCode": "K0R 1A0",
    }
    assert event["offers"]["priceCurrency"] == "EUR"


def test_feed_titles_use_the_library_name(client, tree):
    _details(name="Riverbend Public Library")
    rss = client.get(reverse("clpages:programs_rss")).content.decode()
    assert "<title>New programs at Riverbend Public Library</title>" in rss


# Read once, shown at once ---------------------------------------------------------------------


def test_pages_do_not_query_the_details_on_every_view(client, tree):
    program = _registration_program(tree, sessions=3)
    _details(**RIVERBEND)
    client.get(program.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(program.url).content.decode()
    assert html.count('href="tel:+15555550123"') == 5  # the summary at the top, three sessions, the footer
    assert not [q["sql"] for q in queries if "clpages_librarydetails" in q["sql"]]


def test_a_changed_phone_number_shows_at_once_on_cached_pages(client, tree, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    program = _registration_program(tree)
    details = _details(phone="555-0100")
    assert "555-0100" in client.get(program.url).content.decode()
    assert client.get(program.url)["X-Page-Cache"] == "hit"

    details.phone = "555-0177"
    details.save()

    response = client.get(program.url)
    assert response["X-Page-Cache"] == "miss"
    html = response.content.decode()
    assert 'href="tel:5550177"' in html and "555-0100" not in html


# Checked when typed ----------------------------------------------------------------------------


@pytest.mark.parametrize("phone", ["+1 555-555-0123", "(555) 555-0123", "555 0123", "+44 20 7946 0958"])
def test_phone_numbers_people_write_are_accepted(tree, phone):
    assert _details(phone=phone).phone == phone


@pytest.mark.parametrize(
    "phone, message",
    [
        ("555-CALL-NOW", "digits, spaces"),
        ("555.555.0123", "digits, spaces"),
        ("1+555", "digits, spaces"),
        ('555" onmouseover="x', "digits, spaces"),
        ("12", "between 3 and 20 digits"),
        ("1" * 21, "between 3 and 20 digits"),
    ],
)
def test_other_phone_numbers_are_refused_with_a_clear_message(tree, phone, message):
    with pytest.raises(ValidationError) as refused:
        _details(phone=phone)
    assert message in " ".join(refused.value.message_dict["phone"])
    assert not LibraryDetails.objects.exists()


def test_tel_links_keep_only_a_leading_plus_and_the_digits():
    assert tel_href("+1 (555) 555-0123") == "tel:+15555550123"
    assert tel_href("(555) 555-0123") == "tel:5555550123"
    assert tel_href("") == ""


def test_the_currency_defaults_to_the_project_setting(tree, settings):
    settings.CLPAGES_CURRENCY = "USD"
    assert LibraryDetails(site=_site()).currency == "USD"


def test_a_currency_code_is_stored_in_capitals(tree):
    assert _details(currency="gbp").currency == "GBP"


@pytest.mark.parametrize("currency", ["XYZ", "CA", "DOLLARS", "", "XAU", "€"])
def test_other_currencies_are_refused_with_a_clear_message(tree, currency):
    with pytest.raises(ValidationError) as refused:
        _details(currency=currency)
    assert "ISO 4217" in " ".join(refused.value.message_dict["currency"])


def test_hours_as_a_page_and_a_link_at_once_are_refused(tree):
    with pytest.raises(ValidationError) as refused:
        _details(opening_hours_page=tree["partnerships"], opening_hours_url="https://example.org/hours/")
    assert "not both" in " ".join(refused.value.message_dict["opening_hours_url"])


def test_hours_links_must_be_web_addresses(tree):
    with pytest.raises(ValidationError) as refused:
        _details(opening_hours_url="javascript:alert(1)")
    assert "opening_hours_url" in refused.value.message_dict


def test_a_line_break_in_the_name_is_refused(tree):
    with pytest.raises(ValidationError) as refused:
        _details(name="Riverbend\nPublic Library")
    assert "must fit on one line" in " ".join(refused.value.message_dict["name"])


# Who may change them ---------------------------------------------------------------------------


def _edit_url():
    return reverse("wagtailsettings:edit", args=["clpages", "librarydetails", _site().pk])


def _form(**changes):
    data = {
        "name": "",
        "phone": "",
        "email": "",
        "street_address": "",
        "city": "",
        "region": "",
        "postcode": "",
        "opening_hours_page": "",
        "opening_hours_url": "",
        "currency": "CAD",
    }
    data.update(changes)
    return data


def test_library_editors_change_the_details_and_the_footer_follows(client, tree, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    world = build_partner_world(tree)
    anonymous = client.__class__()
    assert "555-0142" not in anonymous.get(tree["programs"].url).content.decode()

    client.force_login(world["editor"])
    assert client.get(_edit_url()).status_code == 200
    response = client.post(_edit_url(), _form(name="Riverbend Public Library", phone="555-0142"))
    assert response.status_code == 302

    assert LibraryDetails.objects.get(site=_site()).phone == "555-0142"
    assert '<a href="tel:5550142">555-0142</a>' in anonymous.get(tree["programs"].url).content.decode()


def test_a_mistyped_phone_number_is_explained_and_nothing_is_saved(client, tree):
    world = build_partner_world(tree)
    _details(phone="555-0100")
    client.force_login(world["editor"])
    response = client.post(_edit_url(), _form(phone="call 555-0101"))
    assert response.status_code == 200
    assert "Write the phone number with digits" in response.content.decode()
    assert LibraryDetails.objects.get(site=_site()).phone == "555-0100"


def test_partners_cannot_open_or_change_the_details(client, tree):
    world = build_partner_world(tree)
    _details(phone="555-0100")
    client.force_login(world["partner_a"])
    assert client.get(_edit_url()).status_code == 403
    assert client.post(_edit_url(), _form(phone="555-0666")).status_code == 403
    assert LibraryDetails.objects.get(site=_site()).phone == "555-0100"
    assert "Library details" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_setting_up_roles_takes_the_right_away_from_partners(tree):
    build_partner_world(tree)
    partners = Group.objects.get(name=PARTNERS_GROUP)
    partners.permissions.add(Permission.objects.get(codename="change_librarydetails"))
    user = make_user("granted_by_mistake", [PARTNERS_GROUP])
    assert user.has_perm("clpages.change_librarydetails")

    call_command("setup_community_roles", verbosity=0)
    user = type(user).objects.get(pk=user.pk)
    assert not user.has_perm("clpages.change_librarydetails")
    assert Group.objects.get(name=EDITORS_GROUP).permissions.filter(codename="change_librarydetails").exists()


# The demo library -------------------------------------------------------------------------------


def test_the_demo_library_has_plausible_fictional_details(demo_module, db, client):
    details = LibraryDetails.objects.get(site=_site())
    assert details.name == "Riverbend Public Library"
    assert re.fullmatch(r"\+1 555-555-01\d\d", details.phone)
    assert details.email.endswith("example.org")
    assert details.street_address and details.city and details.postcode
    assert details.currency == "CAD"
    footer = _footer(client.get("/").content.decode())
    assert 'href="tel:+1555555' in footer and "mailto:" in footer and "Opening hours" in footer
