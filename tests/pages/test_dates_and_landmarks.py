"""One date format and one time format per page; the calendar's days are headings, not landmarks;
breadcrumbs end with the current page, marked and not a link; tables are captioned; print knows
the site's address."""

import datetime
import re
from decimal import Decimal

import pytest

from clpages.models import PartnershipNextStep
from tests.builders import make_evaluation, make_measure, make_partner, make_partnership, make_program

pytestmark = pytest.mark.django_db

DATE = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) [1-9]\d? "
    r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$"
)
TIME = re.compile(r"^(1[0-2]|[1-9]):[0-5]\d (AM|PM)$")


def times(html):
    """The text of every <time> element of the page's main content."""
    main = html[html.index("<main") : html.index("</main>")]
    return re.findall(r"<time[^>]*>([^<]*)</time>", main)


def in_one_format(html):
    found = times(html)
    assert found, "no dates on the page"
    return [text for text in found if not (DATE.match(text) or TIME.match(text) or date_and_time(text))]


def date_and_time(text):
    day, comma, time = text.rpartition(", ")
    return bool(comma and DATE.match(day) and TIME.match(time))


@pytest.fixture
def partnership(tree):
    partner = make_partner("Northside Youth Collective")
    page = make_partnership(
        tree["partnerships"], partner, "Working with Northside youth", framing_stage="align"
    )
    PartnershipNextStep.objects.create(
        partnership=page, what="Pilot late opening", who="Branch manager", when=datetime.date(2026, 12, 8)
    )
    return page


@pytest.fixture
def evaluation(tree):
    program = make_program(tree["programs"], "Teen Zine Lab")
    page = make_evaluation(tree["evaluations"], program=program, title="Zine Lab results")
    make_measure(
        page,
        name="Teens who led a session",
        kind="count",
        unit="teens",
        target=10,
        baseline=0,
        results=[(datetime.date(2026, 3, 1), Decimal(7), "Spring")],
    )
    return page


def test_the_evaluation_page_writes_every_date_the_same_way(client, evaluation):
    html = client.get(evaluation.url).content.decode()
    assert in_one_format(html) == []
    assert "Sunday 1 February 2026</time> to <time" in html  # the evaluation period
    assert "Thursday 15 January 2026" in html  # when success was agreed
    assert html.count("Sunday 1 March 2026") == 3  # the summary, the result's bar and its row


def test_the_partnership_page_writes_every_date_the_same_way(client, partnership):
    html = client.get(partnership.url).content.decode()
    assert in_one_format(html) == []
    assert '<time datetime="2026-12-08">Tuesday 8 December 2026</time>' in html


def test_the_program_page_writes_every_date_the_same_way_even_when_hidden(client, tree):
    program = make_program(tree["programs"], "Teen Zine Lab", sessions=2)
    session = program.sessions.order_by("start").first()
    session.online_url = "https://meet.example.org/zine"
    session.format = "online"
    session.registration = "external"
    session.registration_url = "https://register.example.org/zine"
    session.save()
    html = client.get(program.url).content.decode()
    assert in_one_format(html) == []
    hidden = re.findall(r'<span class="visually-hidden"> (?:on|for) ([^<]*)</span>', html)
    assert hidden and all(DATE.match(text) for text in hidden), hidden


def test_the_hub_and_the_results_index_write_periods_as_the_evaluation_page_does(client, tree, evaluation):
    for page in (tree["hub"], tree["evaluations"]):
        html = client.get(page.url).content.decode()
        assert in_one_format(html) == []
        assert '<time datetime="2026-02-01">Sunday 1 February 2026</time> to' in html


def test_the_calendar_writes_every_date_and_time_the_same_way(client, tree, catalogue):
    html = client.get(tree["programs"].url + "calendar/", {"period": "month"}).content.decode()
    assert in_one_format(html) == []
    assert 'From <time datetime="2026-11-18">Wednesday 18 November 2026</time> to' in html
    assert "Wednesday 18 November 2026" in html
    assert any(TIME.match(text) for text in times(html))


def test_the_calendar_lists_days_under_headings_without_a_landmark_each(client, tree, catalogue):
    html = client.get(tree["programs"].url + "calendar/", {"period": "month"}).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    # The filters and the results are the only named parts; the days are not regions to skip.
    assert 'role="region"' not in main
    assert len(re.findall(r"<section\b", main)) == 1
    days = re.findall(r'<li class="day">\s*<h3 id="day-([\d-]+)">', main)
    assert days == ["2026-11-18", "2026-11-19", "2026-11-20", "2026-11-27"]
    assert main.count('<ol class="days">') == 1
    assert '<ul class="sessions" aria-labelledby="day-2026-11-18">' in main


def test_an_empty_calendar_says_so_instead_of_an_empty_list(client, tree, catalogue):
    html = client.get(tree["programs"].url + "calendar/", {"language": "french", "period": "this-week"})
    html = html.content.decode()
    assert "No sessions this week match your choices." in html
    assert '<ol class="days">' not in html


def breadcrumbs(html):
    return html[
        html.index('<nav class="breadcrumbs"') : html.index("</nav>", html.index('<nav class="breadcrumbs"'))
    ]


def test_breadcrumbs_mark_the_current_page_and_do_not_link_it(client, tree, evaluation, partnership):
    for page in (tree["hub"], tree["programs"], evaluation, partnership, evaluation.program):
        trail = breadcrumbs(client.get(page.url).content.decode())
        assert trail.count('aria-current="page"') == 1, page.url
        assert f'<li><span aria-current="page">{page.title}</span></li>' in trail, page.url
        assert f'href="{page.url}"' not in trail, page.url
        assert '<li><a href="/">Home</a></li>' in trail


def test_the_calendar_breadcrumbs_link_the_programs_and_end_with_the_calendar(client, tree, catalogue):
    trail = breadcrumbs(client.get(tree["programs"].url + "calendar/").content.decode())
    assert f'<li><a href="{tree["programs"].url}">Programs</a></li>' in trail
    assert trail.count('aria-current="page"') == 1
    assert '<li><span aria-current="page">Upcoming sessions</span></li>' in trail


def test_the_next_steps_table_has_a_caption_and_its_own_scroll_container(client, partnership):
    html = client.get(partnership.url).content.decode()
    container = re.search(
        r'<div class="table-scroll" role="region" aria-labelledby="([^"]+)" tabindex="0">', html
    )
    assert container
    assert f'<caption id="{container.group(1)}"' in html
    assert html.index(container.group(0)) < html.index("<caption") < html.index("<thead>")


def test_stage_steps_name_each_state_for_the_stylesheet(client, evaluation):
    html = client.get(evaluation.program.url).content.decode()
    states = re.findall(r'<li class="(done|current|todo)"', html[html.index('<ol class="stage-steps">') :])
    assert states[:5] == ["current", "todo", "todo", "todo", "todo"]


def test_print_knows_the_site_address_the_page_was_asked_for(client, tree):
    html = client.get(tree["programs"].url, secure=True).content.decode()
    assert '<html lang="en" dir="ltr" style="--site-address: \'https://testserver\'">' in html
