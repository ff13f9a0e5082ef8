"""Running a session in the admin: registrations and the waiting list, who came, the sign-in sheet,
the spreadsheet; what partners co-leading the program see; attendance on the results page."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clpages.models import ProgramSession
from clpages.partners.roles import EDITORS_GROUP, PARTNERS_GROUP
from clpages.registrations.attendance import attendance_for_program
from clpages.registrations.models import Registration, WalkIns
from clpages.registrations.places import date_key_for
from clpages.spreadsheets import safe_cell
from tests.builders import build_partner_world, make_evaluation, make_program, make_user

pytestmark = pytest.mark.django_db

INDEX = reverse("clpages_registrations_admin:index")
# The sidebar's menu is drawn from JSON.
MENU_ITEM = '"label": "Registrations", "icon_name": "calendar-check"'


@pytest.fixture
def world(tree):
    return build_partner_world(tree)


def add_session(program, days=3, **fields):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    fields = {"registration": "site", "capacity": 10, "address": "12 River Road", **fields}
    return ProgramSession.objects.create(
        program=program, start=start, end=start + datetime.timedelta(hours=1), **fields
    )


def key_of(session):
    return date_key_for(session, session.occurrences.order_by("start").first())


def register(session, name, places=1, status="confirmed", **fields):
    email = fields.pop("email", f"{name.split()[0].lower()}@example.org")
    return Registration.objects.create(
        session=session,
        date_key=key_of(session),
        status=status,
        places=places,
        name=name,
        email=email,
        **fields,
    )


def url(session, name="date"):
    return reverse(f"clpages_registrations_admin:{name}", args=[session.pk, key_of(session)])


@pytest.fixture
def storytime(world):
    """Family story time (co-created with organisation A), ten places: three people registered,
    one waiting."""
    session = add_session(world["a_program"])
    people = {
        "amina": register(
            session,
            "Amina Yusuf",
            2,
            phone="555 0100",
            step_free_access=True,
            other_needs="A chair near the door",
        ),
        "zahra": register(session, "Zahra Ahmadi", 1, interpreter=True, interpreter_language="Dari"),
        "bo": register(session, "Bo Chen", 3, step_free_access=True),
        "waiting": register(session, "Wendell Price", 2, status="waitlisted", captions=True),
    }
    return {**world, "session": session, **people}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def attendance_state(session):
    return (
        sorted(Registration.objects.filter(session=session).values_list("pk", "attended")),
        list(WalkIns.objects.filter(session=session).values_list("date_key", "count")),
    )


# -- library staff ------------------------------------------------------------------------------


def test_library_editors_hold_the_rights_to_see_and_mark_registrations(world):
    codenames = set(Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True))
    assert {"view_registration", "change_registration"} <= codenames
    partner_codenames = set(
        Group.objects.get(name=PARTNERS_GROUP).permissions.values_list("codename", flat=True)
    )
    assert not partner_codenames & {"view_registration", "change_registration"}


def test_without_the_registration_app_editors_are_given_no_rights_for_it(monkeypatch):
    from clpages.partners import roles

    monkeypatch.setattr(roles.apps, "is_installed", lambda name: name != "clpages.registrations")
    assert not [p for p in roles.editor_model_permissions() if p[0] == "clpages_registrations"]


def test_staff_see_the_dates_taking_registrations_with_their_counts(storytime):
    session = storytime["session"]
    WalkIns.objects.create(session=session, date_key=key_of(session), count=4)
    add_session(storytime["b_program"], registration="none")
    add_session(storytime["ab_program"], days=-5)
    client = logged_in(storytime["editor"])
    html = client.get(INDEX).content.decode()
    assert "Family story time" in html
    assert f'href="{url(session)}"' in html
    assert "<td>6 of 10</td>" in html and "<td>2</td>" in html and "<td>4</td>" in html
    # A session that takes no registrations here, and a past date, are not among the upcoming.
    assert "Teen zine lab" not in html and "Homework Help Club" not in html
    recent = client.get(INDEX, {"when": "recent"}).content.decode()
    assert "Homework Help Club" in recent and "Family story time" not in recent
    assert 'aria-current="page">Recent<' in recent


def test_a_series_registering_as_a_whole_is_listed_once(world):
    session = add_session(world["a_program"], repeat="weekly", repeat_count=4, register_for_series=True)
    assert session.occurrences.count() == 4 and key_of(session) == "series"
    html = logged_in(world["editor"]).get(INDEX).content.decode()
    assert html.count(f'href="{url(session)}"') == 1
    assert "Whole series: Every" in html


def test_the_menu_shows_registrations_to_staff_and_partners_only(world):
    assert MENU_ITEM in logged_in(world["editor"]).get("/admin/").content.decode()
    assert MENU_ITEM in logged_in(world["partner_a"]).get("/admin/").content.decode()
    outsider = make_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert MENU_ITEM not in logged_in(outsider).get("/admin/").content.decode()


def test_staff_see_who_registered_and_the_waiting_list(storytime):
    response = logged_in(storytime["editor"]).get(url(storytime["session"]))
    html = response.content.decode()
    assert response.status_code == 200
    for shown in (
        "Amina Yusuf",
        "amina@example.org",
        "555 0100",
        "A chair near the door",
        "Interpreter (Dari)",
    ):
        assert shown in html
    assert "Registered (3)" in html and "Waiting list (1)" in html and "Wendell Price" in html
    assert "Step-free access: 2 registrations" in html
    assert 'name="csrfmiddlewaretoken"' in html and 'name="walk_ins"' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_marking_attendance_saves_who_came_and_the_walk_ins(storytime):
    session = storytime["session"]
    client = logged_in(storytime["editor"])
    shown = [storytime[name].pk for name in ("amina", "zahra", "bo")]
    data = {
        "shown": shown,
        f"came_{storytime['amina'].pk}": "on",
        f"came_{storytime['bo'].pk}": "on",
        "walk_ins": "4",
    }
    response = client.post(url(session), data)
    assert response.status_code == 302 and response["Location"] == url(session)
    states = dict(Registration.objects.filter(session=session).values_list("name", "attended"))
    assert states == {"Amina Yusuf": True, "Zahra Ahmadi": False, "Bo Chen": True, "Wendell Price": None}
    assert WalkIns.objects.get(session=session).count == 4
    page = client.get(response["Location"]).content.decode()
    assert "Attendance saved: 9 came (5 registered, 4 walk-ins)." in page
    # The boxes read back as saved.
    assert f'name="came_{storytime["amina"].pk}" id="id_came_{storytime["amina"].pk}" checked' in page

    # Saving again replaces the count rather than adding a second one.
    client.post(url(session), {"shown": shown, "walk_ins": "1"})
    assert list(WalkIns.objects.filter(session=session).values_list("count", flat=True)) == [1]
    assert not Registration.objects.filter(session=session, attended=True).exists()


def test_attendance_changes_only_the_registrations_the_form_listed_for_this_date(storytime):
    session = storytime["session"]
    other = add_session(storytime["a_program"], days=10)
    elsewhere = register(other, "Olu Bello")
    # Confirmed from the waiting list after the form was drawn: not listed, so not marked absent.
    late = register(session, "Lena Park")
    data = {
        "shown": [storytime["amina"].pk, elsewhere.pk, storytime["waiting"].pk, "junk"],
        f"came_{elsewhere.pk}": "on",
        f"came_{storytime['waiting'].pk}": "on",
        "walk_ins": "0",
    }
    assert logged_in(storytime["editor"]).post(url(session), data).status_code == 302
    states = dict(Registration.objects.values_list("name", "attended"))
    assert states["Amina Yusuf"] is False
    assert states["Olu Bello"] is None and states["Wendell Price"] is None and states[late.name] is None
    assert states["Zahra Ahmadi"] is None


@pytest.mark.parametrize(
    "walk_ins, message",
    [
        ("-3", "Enter 0 or more people."),
        ("many", "Enter a whole number of people, or 0."),
        ("", "Enter how many people came without registering, or 0."),
    ],
)
def test_a_bad_walk_in_count_says_what_to_fix_saves_nothing_and_keeps_the_ticks(storytime, walk_ins, message):
    session = storytime["session"]
    before = attendance_state(session)
    amina = storytime["amina"]
    data = {"shown": [amina.pk], f"came_{amina.pk}": "on", "walk_ins": walk_ins}
    response = logged_in(storytime["editor"]).post(url(session), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Attendance was not saved" in html
    assert f'name="came_{amina.pk}" id="id_came_{amina.pk}" checked' in html
    assert f'value="{walk_ins}"' in html or walk_ins == ""
    assert attendance_state(session) == before


def test_attendance_posted_without_the_csrf_token_is_refused(storytime):
    session = storytime["session"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(storytime["editor"])
    before = attendance_state(session)
    response = client.post(url(session), {"shown": [storytime["amina"].pk], "walk_ins": "5"})
    assert response.status_code == 403
    assert attendance_state(session) == before


def test_an_unknown_date_is_not_found(storytime):
    client = logged_in(storytime["editor"])
    session = storytime["session"]
    assert (
        client.get(reverse("clpages_registrations_admin:date", args=[session.pk, "nope"])).status_code == 404
    )
    assert (
        client.get(reverse("clpages_registrations_admin:date", args=[session.pk, "series"])).status_code
        == 404
    )
    assert client.get(reverse("clpages_registrations_admin:date", args=[99999, "series"])).status_code == 404


# -- the spreadsheet and the sign-in sheet --------------------------------------------------------


def read_csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_the_spreadsheet_lists_everyone_in_utf8_with_a_header(storytime):
    storytime["zahra"].name = "Zahra Ahmadi (زهرا)"
    storytime["zahra"].save()
    response = logged_in(storytime["editor"]).get(url(storytime["session"], "csv"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="registrations-')
    header, *rows = read_csv(response)
    assert header == [
        "List",
        "Name",
        "Email address",
        "Phone number",
        "Places",
        "Access needs",
        "Registered at",
        "Came",
    ]
    assert [row[:5] for row in rows] == [
        ["Registered", "Amina Yusuf", "amina@example.org", "555 0100", "2"],
        ["Registered", "Zahra Ahmadi (زهرا)", "zahra@example.org", "", "1"],
        ["Registered", "Bo Chen", "bo@example.org", "", "3"],
        ["Waiting list", "Wendell Price", "wendell@example.org", "", "2"],
    ]
    assert rows[0][5] == "Step-free access; A chair near the door"


@pytest.mark.parametrize(
    "typed, written",
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("Amina", "Amina"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(typed, written):
    assert safe_cell(typed) == written


def test_formulas_typed_into_the_form_reach_the_spreadsheet_as_text(storytime):
    register(
        storytime["session"],
        "=cmd|' /C calc'!A0",
        phone="+44 20 7946 0000",
        other_needs="@risk",
        email="x@example.org",
    )
    rows = read_csv(logged_in(storytime["editor"]).get(url(storytime["session"], "csv")))
    (row,) = [row for row in rows if row[2] == "x@example.org"]
    assert row[1] == "'=cmd|' /C calc'!A0"
    assert row[3] == "'+44 20 7946 0000"
    assert row[5] == "'@risk"


def test_the_sign_in_sheet_lists_names_by_name_with_room_to_sign_and_the_needs(storytime):
    response = logged_in(storytime["editor"]).get(url(storytime["session"], "sign_in"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert html.index("Amina Yusuf") < html.index("Bo Chen") < html.index("Zahra Ahmadi")
    assert '<th scope="col">Signature</th>' in html and 'class="signature"' in html
    assert "Step-free access: 2 registrations" in html and "Interpreter (Dari): 1 registration" in html
    # The waiting list and contacts stay off the sheet.
    assert "Wendell Price" not in html and "amina@example.org" not in html and "555 0100" not in html
    assert "Registered: 6 places of 10" in html


# -- partners -------------------------------------------------------------------------------------

NAMES_AND_CONTACTS = ("Amina Yusuf", "amina@example.org", "555 0100", "Zahra Ahmadi", "Wendell Price")


def test_a_partner_co_leading_the_program_sees_counts_and_access_needs_but_no_names(storytime):
    client = logged_in(storytime["partner_a"])
    listing = client.get(INDEX).content.decode()
    assert f'href="{url(storytime["session"])}"' in listing and "<td>6 of 10</td>" in listing
    response = client.get(url(storytime["session"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "6 of 10" in html and "2 places" in html
    assert "Step-free access: 2 registrations" in html and "A chair near the door: 1 registration" in html
    assert "Captions: 1 registration" in html
    for secret in NAMES_AND_CONTACTS:
        assert secret not in html, secret
    assert 'name="walk_ins"' not in html and "sign-in" not in html and ".csv" not in html
    for name in ("sign_in", "csv"):
        assert client.get(url(storytime["session"], name)).status_code == 403


def test_partners_never_mark_attendance(storytime):
    session = storytime["session"]
    before = attendance_state(session)
    data = {"shown": [storytime["amina"].pk], f"came_{storytime['amina'].pk}": "on", "walk_ins": "7"}
    assert logged_in(storytime["partner_a"]).post(url(session), data).status_code == 403
    assert attendance_state(session) == before


def test_with_the_setting_on_a_co_leading_partner_sees_names_the_sheet_and_the_spreadsheet(
    storytime, settings
):
    settings.CLPAGES_REGISTRATION_PARTNERS_SEE_NAMES = True
    session = storytime["session"]
    client = logged_in(storytime["partner_a"])
    html = client.get(url(session)).content.decode()
    for shown in NAMES_AND_CONTACTS:
        assert shown in html
    assert 'name="walk_ins"' not in html
    assert client.get(url(session, "sign_in")).status_code == 200
    assert "Amina Yusuf" in client.get(url(session, "csv")).content.decode()
    before = attendance_state(session)
    assert client.post(url(session), {"shown": [storytime["amina"].pk], "walk_ins": "2"}).status_code == 403
    assert attendance_state(session) == before


@pytest.mark.parametrize("see_names", [False, True])
def test_a_partner_of_another_organisation_is_refused_everything_and_changes_nothing(
    storytime, settings, see_names
):
    settings.CLPAGES_REGISTRATION_PARTNERS_SEE_NAMES = see_names
    session = storytime["session"]
    ours = add_session(storytime["b_program"])
    client = logged_in(storytime["partner_b"])
    listing = client.get(INDEX).content.decode()
    assert "Family story time" not in listing and f'href="{url(ours)}"' in listing
    before = attendance_state(session)
    for name in ("date", "sign_in", "csv"):
        response = client.get(url(session, name))
        assert response.status_code == 403
        assert "Amina Yusuf" not in response.content.decode()
    data = {"shown": [storytime["amina"].pk], f"came_{storytime['amina'].pk}": "on", "walk_ins": "9"}
    assert client.post(url(session), data).status_code == 403
    assert attendance_state(session) == before


def test_both_organisations_co_leading_a_program_see_its_dates(world):
    session = add_session(world["ab_program"])
    for partner in ("partner_a", "partner_b"):
        assert logged_in(world[partner]).get(url(session)).status_code == 200


def test_a_registration_right_ticked_for_the_partner_group_still_shows_partners_no_names(storytime):
    partners = Group.objects.get(name=PARTNERS_GROUP)
    partners.permissions.add(
        *Permission.objects.filter(codename__in=["view_registration", "change_registration"])
    )
    client = logged_in(storytime["partner_a"])
    html = client.get(url(storytime["session"])).content.decode()
    assert "Amina Yusuf" not in html
    elsewhere = add_session(storytime["b_program"])
    assert client.get(url(elsewhere)).status_code == 403
    before = attendance_state(storytime["session"])
    assert client.post(url(storytime["session"]), {"walk_ins": "3"}).status_code == 403
    assert attendance_state(storytime["session"]) == before


# -- without rights ------------------------------------------------------------------------------


def test_someone_in_the_admin_without_registration_rights_is_refused(storytime):
    session = storytime["session"]
    outsider = make_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = logged_in(outsider)
    before = attendance_state(session)
    for address in (INDEX, url(session), url(session, "sign_in"), url(session, "csv")):
        response = client.get(address)
        assert response.status_code == 403, address
        assert "Amina Yusuf" not in response.content.decode()
    assert client.post(url(session), {"shown": [storytime["amina"].pk], "walk_ins": "3"}).status_code == 403
    assert attendance_state(session) == before


def test_someone_outside_the_admin_is_sent_to_sign_in_and_changes_nothing(storytime):
    session = storytime["session"]
    before = attendance_state(session)
    for client in (Client(), logged_in(make_user("patron"))):
        response = client.post(url(session), {"shown": [storytime["amina"].pk], "walk_ins": "3"})
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert client.get(url(session, "csv")).status_code == 302
    assert attendance_state(session) == before


def test_staff_who_may_only_look_see_names_but_cannot_mark(storytime):
    viewer = make_user("viewer")
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_registration"])
    )
    client = logged_in(viewer)
    html = client.get(url(storytime["session"])).content.decode()
    assert "Amina Yusuf" in html and 'name="walk_ins"' not in html
    before = attendance_state(storytime["session"])
    assert client.post(url(storytime["session"]), {"walk_ins": "3"}).status_code == 403
    assert attendance_state(storytime["session"]) == before


# -- cost ------------------------------------------------------------------------------------------


def listing_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX)
    assert response.status_code == 200
    return len(queries.captured_queries)


def add_dates(world, count):
    for number in range(count):
        session = add_session(world["a_program"], days=number + 1)
        register(session, f"Person {number}", email=f"person{number}@example.org")
        WalkIns.objects.create(session=session, date_key=key_of(session), count=1)
    add_session(world["a_program"], days=2, repeat="weekly", repeat_count=3, register_for_series=True)


@pytest.mark.parametrize("user", ["editor", "partner_a"])
def test_the_list_costs_the_same_queries_for_3_dates_as_for_15(world, user):
    client = logged_in(world[user])
    client.get(INDEX)  # per-process caches
    add_dates(world, 3)
    few = listing_queries(client)
    add_dates(world, 12)
    many = listing_queries(client)
    assert "Person 14" not in client.get(INDEX).content.decode()
    assert few == many


def test_a_dates_page_costs_the_same_queries_for_3_registrations_as_for_15(world):
    session = add_session(world["a_program"], capacity=None)
    client = logged_in(world["editor"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(session)).status_code == 200
        return len(captured.captured_queries)

    for number in range(3):
        register(session, f"Person {number}", email=f"person{number}@example.org", step_free_access=True)
    few = queries()
    for number in range(3, 15):
        register(session, f"Person {number}", email=f"person{number}@example.org", captions=True)
    assert queries() == few


# -- attendance on the results page --------------------------------------------------------------


@pytest.fixture
def held(world):
    """Family story time was held twice last month: attendance taken at both."""
    first = add_session(world["a_program"], days=-20)
    second = add_session(world["a_program"], days=-13)
    register(first, "Amina Yusuf", 2, attended=True)
    register(first, "Zahra Ahmadi", 1, attended=False)
    register(second, "Bo Chen", 3, attended=True)
    register(second, "Wendell Price", 2, status="waitlisted")
    WalkIns.objects.create(session=first, date_key=key_of(first), count=2)
    WalkIns.objects.create(session=second, date_key=key_of(second), count=1)
    # Not held yet: counts for nothing.
    register(add_session(world["a_program"], days=5), "Lena Park", 4, attended=True)
    return {**world, "first": first, "second": second}


def test_attendance_for_a_program_counts_who_came_at_the_dates_held(held):
    assert attendance_for_program(held["a_program"]) == {
        "registered": 6,
        "attended": 5,
        "walk_ins": 3,
        "total": 8,
    }
    first_day = timezone.localdate() - datetime.timedelta(days=15)
    assert attendance_for_program(held["a_program"], first_day=first_day) == {
        "registered": 3,
        "attended": 3,
        "walk_ins": 1,
        "total": 4,
    }
    assert attendance_for_program(held["b_program"]) == {
        "registered": 0,
        "attended": 0,
        "walk_ins": 0,
        "total": 0,
    }


def evaluation_of(world, program, **fields):
    today = timezone.localdate()
    fields.setdefault("period_start", today - datetime.timedelta(days=60))
    fields.setdefault("period_end", today)
    return make_evaluation(world["evaluations"], program=program, title="Story time results", **fields)


def test_the_results_page_says_how_many_came_and_never_who(client, held):
    html = client.get(evaluation_of(held, held["a_program"]).url).content.decode()
    assert "People who came: 8 (5 registered, 3 walk-ins)." in html
    for secret in ("Amina Yusuf", "amina@example.org", "Bo Chen"):
        assert secret not in html


def test_the_results_page_counts_the_period_it_covers_only(client, held):
    today = timezone.localdate()
    page = evaluation_of(held, held["a_program"], period_start=today - datetime.timedelta(days=15))
    assert "People who came: 4 (3 registered, 1 walk-in)." in client.get(page.url).content.decode()


def test_the_results_page_says_nothing_of_attendance_nobody_took(client, world):
    session = add_session(world["b_program"], days=-3)
    register(session, "Bo Chen", 2)
    html = client.get(evaluation_of(world, world["b_program"]).url).content.decode()
    assert "People who came" not in html


def test_attendance_of_a_program_that_is_not_public_is_never_shown(client, held):
    page = evaluation_of(held, held["a_program"])
    held["a_program"].unpublish()
    assert "People who came" not in client.get(page.url).content.decode()


def test_a_program_without_registrations_here_shows_no_attendance(client, tree):
    program = make_program(tree["programs"], "Drop-in chess")
    html = client.get(evaluation_of(tree, program).url).content.decode()
    assert "People who came" not in html


def test_attendance_costs_three_queries_however_many_dates_were_held(held, django_assert_num_queries):
    for days in range(-40, -25):
        register(add_session(held["a_program"], days=days), "Extra person", attended=True)
    with django_assert_num_queries(3):
        counts = attendance_for_program(held["a_program"])
    assert counts["attended"] == 5 + 15


def test_a_registration_whose_details_were_erased_still_counts_but_names_nobody(storytime):
    amina = storytime["amina"]
    Registration.objects.filter(pk=amina.pk).update(name="", email="", phone="", erased_at=timezone.now())
    client = logged_in(storytime["editor"])
    html = client.get(url(storytime["session"])).content.decode()
    assert "Details erased" in html and "6 of 10" in html
    rows = read_csv(client.get(url(storytime["session"], "csv")))
    assert rows[1][:5] == ["Registered", "(erased)", "", "", "2"]


# -- staff cancelling a registration ---------------------------------------------------------------


def registration_state(session):
    return sorted(Registration.objects.filter(session=session).values_list("pk", "status", "places"))


def test_staff_cancel_a_registration_the_waiting_list_moves_up_and_both_are_told(storytime):
    session = storytime["session"]
    client = logged_in(storytime["editor"])
    html = client.get(url(session)).content.decode()
    assert "Cancel the registration of Amina Yusuf (2 places)" in html
    assert f'action="{url(session, "cancel")}"' in html
    mail.outbox.clear()
    response = client.post(url(session, "cancel"), {"registration": storytime["amina"].pk}, follow=True)
    assert "Registration cancelled (2 places); they are told by email." in response.content.decode()
    assert "1 from the waiting list now registered and told." in response.content.decode()
    storytime["amina"].refresh_from_db()
    storytime["waiting"].refresh_from_db()
    assert (storytime["amina"].status, storytime["waiting"].status) == ("cancelled", "confirmed")
    told = sorted((message.to[0], message.subject.split(":")[0]) for message in mail.outbox)
    assert told == [
        ("amina@example.org", "Your registration is cancelled"),
        ("wendell@example.org", "A place came free"),
    ]
    assert "The library has cancelled your registration" in next(
        message.body for message in mail.outbox if message.to == ["amina@example.org"]
    )
    # Sending it again changes nothing and tells nobody twice.
    mail.outbox.clear()
    response = client.post(url(session, "cancel"), {"registration": storytime["amina"].pk}, follow=True)
    assert "already cancelled, or is not for this date" in response.content.decode()
    assert mail.outbox == []


def test_a_registration_of_another_date_is_not_cancelled_from_this_one(storytime):
    session = storytime["session"]
    other = add_session(storytime["a_program"], days=10)
    elsewhere = register(other, "Ola Nowak")
    before = registration_state(other)
    client = logged_in(storytime["editor"])
    client.post(url(session, "cancel"), {"registration": elsewhere.pk})
    client.post(url(session, "cancel"), {"registration": "not a number"})
    assert registration_state(other) == before


def test_cancelling_needs_the_change_right_a_post_and_the_csrf_token(storytime, settings):

    settings.CLPAGES_REGISTRATION_PARTNERS_SEE_NAMES = True
    session = storytime["session"]
    before = registration_state(session)
    mail.outbox.clear()
    data = {"registration": storytime["amina"].pk}
    assert logged_in(storytime["partner_a"]).post(url(session, "cancel"), data).status_code == 403
    assert (
        "Cancel the registration of"
        not in logged_in(storytime["partner_a"]).get(url(session)).content.decode()
    )
    viewer = make_user("viewer")
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_registration"])
    )
    assert logged_in(viewer).post(url(session, "cancel"), data).status_code == 403
    assert logged_in(storytime["editor"]).get(url(session, "cancel")).status_code == 405
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(storytime["editor"])
    assert forged.post(url(session, "cancel"), data).status_code == 403
    assert registration_state(session) == before
    assert mail.outbox == []
