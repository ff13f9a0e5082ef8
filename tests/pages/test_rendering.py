"""Every page type renders the content editors and partners put in it."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from clpages.models import (
    EvaluationQuote,
    PartnershipNextStep,
    ProgramPage,
    ProgramSession,
)
from tests.builders import (
    build_site,
    built_once,
    fresh,
    make_evaluation,
    make_location,
    make_measure,
    make_partner,
    make_partnership,
    make_program,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def content_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_content) as content:
        yield content


@pytest.fixture
def content(db, content_once):
    return fresh(content_once)


def _build_content():
    tree = build_site()
    partner = make_partner("Northside Youth Collective", website="https://nyc.example")
    other = make_partner("Riverbend Newcomers Network")
    location = make_location("Northside Branch", step_free_access=True)
    program = make_program(
        tree["programs"],
        "Teen Zine Lab",
        partners=[partner, other],
        location=location,
        stage=4,
        community_goals="<p>Teens have a creative space they run themselves.</p>",
        success_looks_like="<p>Teens publish a zine.</p>",
        success_agreed_by="The zine crew",
        success_agreed_on=datetime.date(2026, 1, 10),
        interpretation="Spanish interpreter",
        body=[("quote", {"text": "We run it ourselves.", "attribution": "A teen organiser"})],
    )
    ProgramSession.objects.create(
        program=program,
        start=timezone.now() + datetime.timedelta(days=1),
        end=timezone.now() + datetime.timedelta(days=1, hours=1),
        format="online",
        online_url="https://meet.example/zine",
        status="cancelled",
    )
    ProgramSession.objects.create(
        program=program,
        start=timezone.now() - datetime.timedelta(days=10),
        end=timezone.now() - datetime.timedelta(days=10, hours=-1),
        location=location,
        address="",
    )
    partnership = make_partnership(
        tree["partnerships"],
        partner,
        "Working with Northside youth",
        framing_stage="align",
        notes_learn="Listening walks around the Northside.",
        people_to_reach="Teens on the Northside.",
        we_will_communicate_by="A group chat the teens moderate.",
    )
    PartnershipNextStep.objects.create(
        partnership=partnership, what="Pilot late opening", who="Branch manager"
    )
    evaluation = make_evaluation(tree["evaluations"], program=program, title="Zine Lab results")
    make_measure(
        evaluation,
        name="Teens who led a session",
        kind="count",
        unit="teens",
        target=10,
        baseline=0,
        results=[(datetime.date(2026, 3, 1), Decimal(7), "Spring")],
    )
    EvaluationQuote.objects.create(evaluation=evaluation, text="It felt like ours.", consent=True)
    for page in (program, partnership, evaluation):
        page.save_revision().publish()
    return {
        "tree": tree,
        "program": program,
        "partnership": partnership,
        "evaluation": evaluation,
        "partner": partner,
    }


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_program_page_shows_stage_partners_sessions_and_evaluation(client, content):
    html = _html(client, content["program"])
    assert "Stage 4 of 5:</strong> Up and running" in html
    assert 'aria-current="step">Up and running' in html
    assert "Co-created with" in html and "Northside Youth Collective" in html
    assert "Riverbend Newcomers Network" in html
    assert "Teens have a creative space they run themselves." in html
    assert "Teens publish a zine." in html
    assert "We run it ourselves." in html
    assert "Spanish interpreter" in html
    assert "Northside Branch" in html
    assert "badge--cancelled" in html
    assert html.count('class="sessions"') == 1
    # Past sessions are not listed as upcoming.
    assert html.count("<li class=") >= 2
    assert "Zine Lab results" in html


def test_program_page_lists_only_upcoming_sessions(client, content):
    program = content["program"]
    response = client.get(program.url)
    sessions = list(response.context["sessions"])
    assert sessions and all(s.end >= timezone.now() for s in sessions)
    assert program.sessions.count() == len(sessions) + 1


def test_partnership_page_shows_framing_prompts_next_steps_and_programs(client, content):
    html = _html(client, content["partnership"])
    assert 'aria-current="step"' in html and "Align" in html
    assert "Listening walks around the Northside." in html
    assert "Who do we want to reach?" in html and "Teens on the Northside." in html
    assert "A group chat the teens moderate." in html
    assert "Pilot late opening" in html and "Branch manager" in html
    assert "Teen Zine Lab" in html
    assert 'href="https://nyc.example"' in html


def test_evaluation_page_shows_success_measures_results_and_credit(client, content):
    html = _html(client, content["evaluation"])
    # One text for success: the program's agreement, not a second wording on the results page.
    assert "Teens publish a zine." in html and "Families feel at home in the library." not in html
    assert (
        "Agreed by The zine crew on <time" in html
        and "Saturday 10 January 2026</time>, for the program." in html
    )
    assert "Teens who led a session" in html
    assert "Not yet: 7 of 10 teens" in html
    assert "It felt like ours." in html
    assert "Northside Youth Collective" in html and "Riverbend Newcomers Network" in html


def test_indexes_list_their_children_and_credit_partners(client, tree, content):
    assert "Teen Zine Lab" in _html(client, tree["programs"])
    assert "Co-created with Northside Youth Collective" in _html(client, tree["programs"])
    assert "Working with Northside youth" in _html(client, tree["partnerships"])
    assert "Zine Lab results" in _html(client, tree["evaluations"])


def test_hub_explains_the_five_stages_and_features_current_work(client, tree, content):
    html = _html(client, tree["hub"])
    for stage in ("Community assessment", "Identify needs and goals", "Plan services", "Deliver services"):
        assert stage in html
    assert "Teen Zine Lab" in html
    assert "Northside Youth Collective" in html
    assert "Zine Lab results" in html


def test_index_pagination_clamps_bad_page_numbers(client, tree):
    for _ in range(14):
        make_program(tree["programs"], sessions=0)
    assert client.get(tree["programs"].url + "?page=2").context["items"].number == 2
    assert client.get(tree["programs"].url + "?page=99").context["items"].number == 2
    assert client.get(tree["programs"].url + "?page=abc").context["items"].number == 1
    assert client.get(tree["programs"].url + "?page=0").context["items"].number == 2
    last = client.get(tree["programs"].url + "?page=99").context["items"]
    assert (last.paginator.count, len(last.object_list)) == (14, 2)
    assert client.get(tree["programs"].url + "?page=1").context["items"].paginator.count == 14


def test_missing_pages_get_the_site_404(client, tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.parametrize("count_alongside", [False, True])
def test_pages_of_ids_clamp_bad_numbers_either_way(rf, tree, count_alongside):
    from clpages.programs.listing import page_of_ids

    programs = [make_program(tree["programs"], sessions=0) for _ in range(14)]
    queryset = ProgramPage.objects.order_by("pk")
    expected_last = [program.pk for program in programs[12:]]
    for asked, number, ids in [
        ("99", 2, expected_last),
        ("0", 2, expected_last),
        ("abc", 1, None),
        ("2", 2, None),
    ]:
        page = page_of_ids(rf.get("/", {"page": asked}), queryset, 12, count_alongside=count_alongside)
        assert (page.number, page.paginator.count) == (number, 14)
        assert page.object_list == (ids or [p.pk for p in programs[(number - 1) * 12 : number * 12]])
    empty = page_of_ids(rf.get("/"), queryset.none(), 12, count_alongside=count_alongside)
    assert (empty.number, empty.paginator.count, empty.object_list) == (1, 0, [])


def test_program_page_lists_audiences_languages_and_topics(client, tree):
    from clpages.models import Audience, Language

    program = make_program(tree["programs"], title="Story walk")
    program.audiences.set([Audience.objects.create(name="Teens"), Audience.objects.create(name="Families")])
    program.languages.set([Language.objects.create(name="Arabic")])
    program.tags.add("walking", "books")
    program.save_revision().publish()
    html = _html(client, program)
    assert "<dt>For</dt><dd>Families, Teens</dd>" in html
    assert "<dt>Languages</dt><dd>Arabic</dd>" in html
    assert '<li class="badge">walking</li><li class="badge">books</li>' in html


def test_a_preview_shows_the_drafts_own_audiences(client, tree, admin_user):
    from django.urls import reverse

    from clpages.models import Audience
    from tests.builders import admin_form_data, post_form

    program = make_program(tree["programs"], title="Story walk")
    program.audiences.set([Audience.objects.create(name="Teens")])
    program.save_revision().publish()
    families = Audience.objects.create(name="Families")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[program.pk])
    data = admin_form_data(client, admin_user, reverse("wagtailadmin_pages:edit", args=[program.pk]))
    data.setlist("audiences", [str(families.pk)])
    client.force_login(admin_user)
    post_form(client, url, data)
    html = client.get(url).content.decode()
    assert "<dt>For</dt><dd>Families</dd>" in html
    assert "<dt>For</dt><dd>Teens</dd>" in _html(client, program)
