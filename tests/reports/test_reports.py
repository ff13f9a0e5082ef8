"""The library's reports: each column from known data, the filters, the downloads, and who may
read them."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Locale

from clpages.joining import PLACES_TAKEN_HOOK
from clpages.models import CommunityPartner, ProgramPage
from clpages.partners.roles import PARTNERS_GROUP
from clpages.stages import SessionStatus
from tests.builders import make_partner, make_program
from tests.reports.helpers import REPORTS, body, by_first_column, csv_rows, every_url, url, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, world):
    client.force_login(world["editor"])
    return client


def _cells(html, column):
    return [
        re.sub(r"\s+", " ", cell).strip()
        for cell in re.findall(rf'data-column="{column}">(.*?)</td>', html, re.S)
    ]


def _row_titles(html):
    return re.findall(r'<th scope="row" class="title">\s*(?:<a [^>]*>)?([^<]+)', html)


# Programs


def test_programs_by_stage_with_partners_next_session_and_places(staff, world):
    rows = by_first_column(csv_rows(staff, "programs"))
    assert list(rows) == ["Family story time", "Homework Help Club", "Teen zine lab", "Storytime in Arabic"]
    storytime = rows["Storytime in Arabic"]
    assert storytime["Stage"] == "Deliver services"
    assert storytime["Partners"] == "Riverbend Newcomers Network"
    assert storytime["Status"] == "Published"
    next_date = world["storytime"].occurrences.filter(start__gt=timezone.now()).get()
    start = timezone.localtime(next_date.start)
    assert start.strftime("%B %Y") in storytime["Next session"]
    assert f"{start.day} " in storytime["Next session"]
    assert (storytime["Places taken"], storytime["Places in all"], storytime["Waiting list"]) == (
        "3",
        "10",
        "2",
    )
    homework = rows["Homework Help Club"]
    assert homework["Partners"] == "Northside Youth Collective; Riverbend Newcomers Network"
    assert homework["Stage"] == "Community assessment"
    assert (homework["Next session"], homework["Places taken"], homework["Places in all"]) == ("", "", "")

    html = staff.get(url("programs")).content.decode()
    assert "3 of 10 places taken, 2 waiting" in _cells(html, "registrations")
    assert _cells(html, "next-session").count("None planned") == 3


def test_a_full_next_session_says_so_and_a_cancelled_one_gives_way(staff, world):
    dates = world["storytime"].occurrences
    dates.filter(start__gt=timezone.now()).update(status=SessionStatus.FULL)
    assert by_first_column(csv_rows(staff, "programs"))["Storytime in Arabic"]["Next session is"] == "Full"
    dates.filter(start__gt=timezone.now()).update(status=SessionStatus.CANCELLED)
    storytime = by_first_column(csv_rows(staff, "programs"))["Storytime in Arabic"]
    assert (storytime["Next session"], storytime["Places taken"]) == ("", "")


def test_programs_report_only_the_default_language(staff, world):
    french = Locale.objects.create(language_code="fr")
    world["a_program"].copy_for_translation(french, copy_parents=True).save_revision().publish()
    CommunityPartner.objects.create(name="Réseau des nouveaux arrivants", locale=french)
    assert ProgramPage.objects.filter(locale=french).exists()

    rows = csv_rows(staff, "programs")
    assert [row[0] for row in rows[1:]].count("Family story time") == 1
    assert len(rows) == 5
    html = staff.get(url("programs")).content.decode()
    assert "Réseau des nouveaux arrivants" not in html
    assert "Riverbend Newcomers Network" in html


def test_programs_filtered_by_partner_stage_and_period(staff, world):
    b = world["org_b"].pk
    assert [row[0] for row in csv_rows(staff, "programs", partner=b)[1:]] == [
        "Homework Help Club",
        "Teen zine lab",
    ]
    html = staff.get(url("programs", results=True), {"partner": b}).content.decode()
    assert _row_titles(html) == ["Homework Help Club", "Teen zine lab"]

    assert [row[0] for row in csv_rows(staff, "programs", stage=4)[1:]] == ["Storytime in Arabic"]

    today = timezone.localdate()
    past = {
        "period_from": (today - datetime.timedelta(days=12)).isoformat(),
        "period_to": (today - datetime.timedelta(days=8)).isoformat(),
    }
    assert [row[0] for row in csv_rows(staff, "programs", **past)[1:]] == ["Storytime in Arabic"]
    empty = {"period_from": (today + datetime.timedelta(days=30)).isoformat()}
    assert csv_rows(staff, "programs", **empty)[1:] == []
    html = staff.get(url("programs"), empty).content.decode()
    assert "No programs match these filters." in html


# Registrations come from the app that takes them, when there is one


def test_without_an_app_counting_places_the_registration_columns_are_left_out(staff, world, monkeypatch):
    monkeypatch.setitem(hooks._hooks, PLACES_TAKEN_HOOK, [])
    html = staff.get(url("programs")).content.decode()
    assert "Registrations for the next session" not in html
    assert _cells(html, "registrations") == []
    headings = csv_rows(staff, "programs")[0]
    assert headings == ["Program", "Stage", "Status", "Partners", "Next session", "Next session is"]
    assert [cell.value for cell in xlsx_rows(staff, "programs")[0]] == headings


def test_an_app_that_counts_nothing_for_a_date_leaves_its_cells_empty(staff, world, monkeypatch):
    monkeypatch.setitem(hooks._hooks, PLACES_TAKEN_HOOK, [(lambda dates: {}, 0)])
    html = staff.get(url("programs")).content.decode()
    assert "Registrations for the next session" in html
    assert set(_cells(html, "registrations")) == {"Not taken on this website"}
    rows = by_first_column(csv_rows(staff, "programs"))
    assert rows["Storytime in Arabic"]["Places taken"] == ""


def test_no_report_or_download_names_a_patron(staff, world):
    for name in REPORTS:
        for address in every_url(name):
            text = body(staff.get(address))
            if address.endswith("xlsx"):
                text = str([[cell.value for cell in row] for row in xlsx_rows(staff, name)]).encode()
            for personal in (b"Amina", b"Omar", b"patrons.example.org"):
                assert personal not in text, (address, personal)


# Results against goals


def test_each_measure_latest_value_against_its_goal(staff, world):
    rows = by_first_column(csv_rows(staff, "measures"))
    assert list(rows) == [
        "Families who came back",
        "Children reading at home",
        "Zines made",
        "Teens who led a session",
    ]
    met = rows["Families who came back"]
    assert met["Results and learning page"] == "Story time: first term"
    assert met["Program or partnership"] == "Family story time"
    assert met["Partners"] == "Riverbend Newcomers Network"
    assert met["Period covered"] == "2026-02-01 – 2026-06-30"
    assert (met["Latest value"], met["Unit"], met["Counted on"]) == ("20.00", "families", "2026-06-01")
    assert (met["Goal"], met["Goal, in words"], met["Where it stands"]) == (
        "15.00",
        "15 families or more",
        "Goal met",
    )
    assert rows["Children reading at home"]["Where it stands"] == "Not yet"
    assert rows["Children reading at home"]["Goal, in words"] == "70% or more"
    assert rows["Zines made"]["Where it stands"] == "No goal set"
    assert rows["Zines made"]["Partners"] == "Northside Youth Collective"
    assert rows["Teens who led a session"]["Where it stands"] == "Nothing counted yet"
    assert rows["Teens who led a session"]["Latest value"] == ""

    html = staff.get(url("measures")).content.decode()
    assert _cells(html, "standing") == [
        "<strong>Goal met</strong>",
        "<strong>Not yet</strong>",
        "<strong>No goal set</strong>",
        "<strong>Nothing counted yet</strong>",
    ]
    assert "20 families, 1 Jun 2026" in _cells(html, "latest")


def test_measures_filtered_by_partner_and_period(staff, world):
    by_a = csv_rows(staff, "measures", partner=world["org_a"].pk)
    assert [row[0] for row in by_a[1:]] == ["Families who came back", "Children reading at home"]
    autumn = csv_rows(staff, "measures", period_from="2026-08-01", period_to="2026-12-31")
    assert [row[0] for row in autumn[1:]] == ["Zines made", "Teens who led a session"]
    spring_b = csv_rows(staff, "measures", partner=world["org_b"].pk, period_to="2026-03-01")
    assert spring_b[1:] == []


# Overdue next steps


def test_overdue_next_steps_with_partnership_and_who(staff, world):
    rows = by_first_column(csv_rows(staff, "next_steps"))
    assert list(rows) == ["Share the survey", "Book the hall"]
    late = rows["Book the hall"]
    assert late["Who"] == "Amira"
    assert late["Due on"] == (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    assert late["Days overdue"] == "5"
    assert late["Partnership"] == "Working with the Newcomers Network"
    assert late["Partner"] == "Riverbend Newcomers Network"
    html = staff.get(url("next_steps")).content.decode()
    assert "(5 days late)" in " ".join(_cells(html, "when"))
    for not_late in ("Call the school", "Plan the party", "Find a date"):
        assert not_late not in html


def test_overdue_next_steps_filtered_by_partner_and_period(staff, world):
    assert [row[0] for row in csv_rows(staff, "next_steps", partner=world["org_b"].pk)[1:]] == [
        "Share the survey"
    ]
    week = {"period_from": (timezone.localdate() - datetime.timedelta(days=7)).isoformat()}
    assert [row[0] for row in csv_rows(staff, "next_steps", **week)[1:]] == ["Book the hall"]


# Downloads


def test_xlsx_downloads_hold_the_same_rows_with_numbers_and_dates(staff, world):
    for name in REPORTS:
        csv_cells = csv_rows(staff, name)
        sheet = xlsx_rows(staff, name)
        assert [cell.value for cell in sheet[0]] == csv_cells[0]
        assert [row[0].value for row in sheet] == [row[0] for row in csv_cells]
    programs = {row[0].value: row for row in xlsx_rows(staff, "programs")}
    assert [cell.value for cell in programs["Storytime in Arabic"][-3:]] == [3, 10, 2]
    steps = {row[0].value: row for row in xlsx_rows(staff, "next_steps")}
    due = steps["Book the hall"][2]
    assert (
        due.is_date and str(due.value)[:10] == (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    )
    assert steps["Book the hall"][3].value == 5


def test_text_that_looks_like_a_formula_opens_as_text(staff, world):
    trap = make_partner('=HYPERLINK("http://evil.example","click")')
    make_program(world["tree"]["programs"], "+SUM(1,2)", partners=[trap], sessions=0)
    world["steps"]["late"].__class__.objects.filter(pk=world["steps"]["late"].pk).update(who="@SUM(A1)")
    rows = by_first_column(csv_rows(staff, "programs"))
    assert "'+SUM(1,2)" in rows
    assert rows["'+SUM(1,2)"]["Partners"] == '\'=HYPERLINK("http://evil.example","click")'
    sheet = {row[0].value: row for row in xlsx_rows(staff, "programs")}
    cell = sheet["'+SUM(1,2)"][3]
    assert cell.value.startswith("'=HYPERLINK") and cell.data_type == "s"
    steps = by_first_column(csv_rows(staff, "next_steps"))
    assert steps["Book the hall"]["Who"] == "'@SUM(A1)"
    assert [cell.data_type for cell in xlsx_rows(staff, "next_steps")[2]][:2] == ["s", "s"]


# Who may read them


def test_partners_are_refused_every_report_and_download(client, world):
    client.force_login(world["partner_a"])
    for name in REPORTS:
        for address in every_url(name):
            response = client.get(address)
            assert response.status_code == 403, address
            assert b"Storytime in Arabic" not in body(response)
    menu = client.get("/admin/").content.decode()
    assert url("programs") not in menu


def test_a_partner_group_given_the_staff_permission_by_mistake_is_still_refused(client, world):
    from django.contrib.auth.models import Group

    mistaken = Permission.objects.get(content_type__app_label="clpages", codename="add_partnermembership")
    Group.objects.get(name=PARTNERS_GROUP).permissions.add(mistaken)
    client.force_login(world["partner_a"])
    for name in REPORTS:
        assert client.get(url(name) + "?export=csv").status_code == 403


def test_library_staff_find_the_reports_in_the_menu(staff, world):
    menu = staff.get("/admin/").content.decode()
    for name in REPORTS:
        assert url(name) in menu
        assert staff.get(url(name)).status_code == 200
