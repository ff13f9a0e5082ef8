"""A partner's own view of their work on the admin dashboard."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clpages.models import ProgramPage
from clpages.partners.dashboard import PartnerWorkPanel
from tests.builders import PARTNERS, fresh, make_partner, make_program, make_user


@pytest.fixture
def community(db, partner_world_once):
    return fresh(partner_world_once)


def start_review(page, user):
    page = ProgramPage.objects.get(pk=page.pk)
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def current_state(page):
    return ProgramPage.objects.get(pk=page.pk).current_workflow_task_state


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def row_for(html, title):
    """The table row of the partner panel that lists this page."""
    start = html.index(f">{title}</a>", html.index('id="partner-work'))
    return html[start : html.index("</tr>", start)]


def test_partner_sees_each_state_of_their_organisations_pages(client, community):
    a, b = community["partner_a"], community["partner_b"]
    org_a = community["org_a"]
    programs = community["programs"]
    in_co_review = community["ab_program"]
    changes = make_program(programs, title="Story Time in Dari", partners=[org_a, community["org_b"]])
    in_library = community["a_program"]
    draft = ProgramPage(title="Sewing Circle", summary="Mending together.", live=False)
    programs.add_child(instance=draft)
    draft.co_created_with.set([org_a])
    draft.save()
    not_ours = make_program(programs, title="Chess for Seniors", partners=[make_partner("Northside Seniors")])

    start_review(in_co_review, a)
    start_review(changes, a)
    current_state(changes).reject(user=b, comment="Please add the <b>Dari</b> title & the time.")
    start_review(in_library, a)
    live_page = make_program(programs, title="Family Games Night", partners=[org_a])

    html = dashboard(client, a)
    assert "In partner co-review" in row_for(html, "Homework Help Club")
    assert "In library approval" in row_for(html, "Family story time")
    assert "Draft" in row_for(html, "Sewing Circle")
    assert "Live" in row_for(html, live_page.title)
    row = row_for(html, "Story Time in Dari")
    assert "Changes requested" in row
    # The reviewer's words, escaped, and who wrote them.
    assert "Please add the &lt;b&gt;Dari&lt;/b&gt; title &amp; the time." in row
    assert "Ben" in row
    assert not_ours.title not in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(in_co_review.pk,))}"' in html
    assert "Nothing is waiting for your review." in html


def test_reviewer_sees_pages_waiting_for_their_review(client, community):
    a, b = community["partner_a"], community["partner_b"]
    start_review(community["ab_program"], a)
    html = dashboard(client, b)
    reviews = html[html.index('id="partner-reviews') : html.index('id="partner-work')]
    assert "Review “Homework Help Club”" in reviews
    assert "Amira" in reviews
    # The submitter waits: nothing for A to review.
    assert "Nothing is waiting for your review." in dashboard(client, a)
    # Once B has acted, it leaves B's list.
    current_state(community["ab_program"]).approve(user=b)
    assert "Nothing is waiting for your review." in dashboard(client, b)


def test_panel_replaces_wagtails_workflow_panels_for_partners_only(client, community):
    a, editor = community["partner_a"], community["editor"]
    start_review(community["a_program"], a)
    partner_html = dashboard(client, a)
    assert 'id="partner-work' in partner_html
    assert "Your pages and snippets in a workflow" not in partner_html
    editor_html = dashboard(client, editor)
    assert 'id="partner-work' not in editor_html
    assert "Awaiting your review" in editor_html
    # An editor who also belongs to an organisation keeps the library's review list.
    community["org_a"].members.add(editor)
    both_html = dashboard(client, editor)
    assert 'id="partner-work' in both_html and "Awaiting your review" in both_html


def render_panel(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    org_ids = list(user.partner_organisations.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        html = PartnerWorkPanel(org_ids).render_html({"request": request})
    return html, len(queries)


def test_panel_queries_do_not_grow_with_the_number_of_pages(community):
    a, b = community["partner_a"], community["partner_b"]
    org_a, org_b = community["org_a"], community["org_b"]

    def add_pages(count):
        for _ in range(count):
            page = make_program(community["programs"], partners=[org_a, org_b])
            start_review(page, b)  # A reviews these
            other = make_program(community["programs"], partners=[org_a, org_b])
            start_review(other, a)
            current_state(other).reject(user=b, comment="Add the dates.")

    add_pages(1)
    small_html, small = render_panel(make_fresh(a))
    add_pages(5)
    large_html, large = render_panel(make_fresh(a))
    assert large_html.count("Changes requested") == 6
    assert large_html.count("Review “") == 6
    assert small == large, f"{small} queries with few pages, {large} with more"
    assert large <= 8


def make_fresh(user):
    # A new user object each time, so no cached answer hides a query.
    return type(user).objects.get(pk=user.pk)


def test_people_without_an_organisation_see_no_partner_panel(client, community):
    loner = make_user("loner", [PARTNERS])
    assert 'id="partner-work' not in dashboard(client, loner)


def test_the_page_editor_tells_a_co_reviewer_what_is_asked(client, community):
    a, b = community["partner_a"], community["partner_b"]
    start_review(community["ab_program"], a)
    edit = reverse("wagtailadmin_pages:edit", args=(community["ab_program"].pk,))
    client.force_login(b)
    html = client.get(edit).content.decode()
    assert "Amira asked your organisation to review this page." in html
    client.force_login(a)
    assert "asked your organisation to review" not in client.get(edit).content.decode()
