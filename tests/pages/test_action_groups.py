"""The action group page: remit, meetings, decision log, programs led, and members named only
with their consent, on the page and in the API, at a cost that does not grow with them."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clpages.models import ActionGroupDecision, ActionGroupMeeting, ActionGroupPage, PartnerMembership
from tests.builders import (
    add_action_group_index,
    add_members,
    build_site,
    built_once,
    count_queries,
    fresh,
    make_action_group,
    make_action_group_partner,
    make_partner,
    make_program,
    make_user,
)

API = "/api/v2/pages/"


def _build():
    tree = build_site()
    index = add_action_group_index(tree["hub"])
    group = make_action_group_partner("Eastside Newcomers Coalition")
    other = make_partner("Harbour Readers")
    page = make_action_group(
        index,
        group,
        "Eastside Newcomers Coalition",
        remit="We plan <b>together</b> & decide in the open.",
        meetings=(-30, 10),
        decisions=2,
    )
    led = make_program(tree["programs"], "Conversation circle", partners=[group], sessions=0)
    make_program(tree["programs"], "Harbour book club", partners=[other], sessions=0)
    shown = make_user("rana", first_name="Rana", last_name="Haddad")
    unnamed = make_user("jo", first_name="Jo", last_name="Private")
    hidden = make_user("samira", first_name="Samira", last_name="Unshown")
    add_members(group, [shown], shown=True, public_name="Rana H.")
    add_members(group, [unnamed], shown=True)
    add_members(group, [hidden], shown=False)
    return {**tree, "index": index, "group": group, "page": page, "led": led}


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build) as world:
        yield world


@pytest.fixture
def world(db, world_once):
    return fresh(world_once)


def test_the_page_shows_its_remit_meetings_decisions_and_programs(client, world):
    html = client.get(world["page"].url).content.decode()
    assert "We plan &lt;b&gt;together&lt;/b&gt; &amp; decide in the open." in html
    assert "<b>together</b>" not in html
    upcoming, past = html.split('id="meetings-heading"')[1].split('id="past-meetings-heading"')
    assert "Meeting 2" in upcoming and "Meeting 1" not in upcoming
    assert "Meeting 1" in past
    assert "Decision 1" in html and "Decision 2" in html
    assert '<time datetime="2026-01-02">' in html
    assert "Conversation circle" in html and "Harbour book club" not in html


def test_only_members_who_agreed_are_named(client, world):
    html = client.get(world["page"].url).content.decode()
    assert "Rana H." in html and "Jo Private" in html
    assert "Samira" not in html and "Unshown" not in html
    # Whoever agreed with a name of their choosing is shown by it, not their account's.
    assert "Haddad" not in html


def test_the_api_names_only_members_who_agreed_and_nothing_else_about_them(client, world):
    body = client.get(API, {"type": "clpages.ActionGroupPage", "fields": "*"}).content.decode()
    (item,) = json.loads(body)["items"]
    assert item["members"] == ["Jo Private", "Rana H."]
    assert [d["decision"] for d in item["decisions"]] == ["Decision 1", "Decision 2"]
    assert len(item["meetings"]) == 2
    for private in ("Samira", "Unshown", "samira@example.org", "rana@example.org", "shown_on_group_page"):
        assert private not in body
    detail = client.get(f"{API}{world['page'].pk}/").content.decode()
    assert "Rana H." in detail and "Samira" not in detail


def test_withdrawing_consent_takes_the_name_off_at_once(client, world):
    PartnerMembership.objects.filter(public_name="Rana H.").update(shown_on_group_page=False)
    html = client.get(world["page"].url).content.decode()
    assert "Rana H." not in html
    assert (
        "Rana H." not in client.get(API, {"type": "clpages.ActionGroupPage", "fields": "*"}).content.decode()
    )


def test_a_past_meetings_joining_link_is_not_published(client, world):
    page = world["page"]
    ActionGroupMeeting.objects.filter(page=page).update(
        format="hybrid", online_url="https://meet.example.org/g"
    )
    html = client.get(page.url).content.decode()
    assert html.count("https://meet.example.org/g") == 1
    upcoming = html.split('id="meetings-heading"')[1].split('id="past-meetings-heading"')[0]
    assert "https://meet.example.org/g" in upcoming


def test_the_index_lists_live_groups(client, world):
    html = client.get(world["index"].url).content.decode()
    assert "1 action group" in html
    assert world["page"].url in html


def test_the_hub_links_to_the_action_groups(client, world):
    assert world["index"].url in client.get(world["hub"].url).content.decode()


def _grow(world, count):
    page, group = world["page"], world["group"]
    start = timezone.now() + datetime.timedelta(days=40)
    ActionGroupMeeting.objects.bulk_create(
        ActionGroupMeeting(
            page=page,
            start=start + datetime.timedelta(days=i),
            end=start + datetime.timedelta(days=i, hours=1),
            address="1 Main Street",
            locale_id=page.locale_id,
        )
        for i in range(count)
    )
    ActionGroupDecision.objects.bulk_create(
        ActionGroupDecision(
            page=page,
            decided_on=datetime.date(2026, 3, 1),
            decision="More",
            decided_by="Us",
            locale_id=page.locale_id,
        )
        for _ in range(count)
    )
    users = [make_user(f"member{world['round']}-{i}", first_name=f"M{i}") for i in range(count)]
    add_members(group, users, shown=True)
    for i in range(count):
        make_program(world["programs"], f"Led {world['round']}-{i}", partners=[group], sessions=0)
    world["round"] += 1


def test_the_group_page_costs_the_same_with_more_meetings_decisions_programs_and_members(client, world):
    world["round"] = 0
    _grow(world, 1)
    at_few = count_queries(client, world["page"].url)
    _grow(world, 6)
    at_more = count_queries(client, world["page"].url)
    assert at_few == at_more


def test_the_index_costs_the_same_with_more_groups(client, world, monkeypatch):
    monkeypatch.setattr(type(world["index"]), "per_page", 100)
    at_one = count_queries(client, world["index"].url)
    for _ in range(5):
        make_action_group(world["index"], make_action_group_partner(), meetings=(1,), decisions=1)
    assert ActionGroupPage.objects.live().count() == 6
    assert count_queries(client, world["index"].url) == at_one


def test_a_meeting_says_when_and_where_it_takes_place():
    start = timezone.now()
    meeting = ActionGroupMeeting(start=start, end=start, format="hybrid")
    with pytest.raises(ValidationError) as refused:
        meeting.clean()
    assert set(refused.value.message_dict) == {"end", "location", "online_url"}
    assert refused.value.message_dict["location"] == [
        "Choose a location or enter an address for an in-person meeting."
    ]
    meeting.end, meeting.address, meeting.online_url = (
        start + datetime.timedelta(hours=1),
        "1 Main St",
        "https://x.example",
    )
    meeting.clean()
