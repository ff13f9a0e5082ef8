"""Partners reach the pages linked to their organisations, in every admin view, and nothing else."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page
from wagtail.permissions import policy_registry
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import _querydict_from_form

from clpages.models import PartnershipPage, ProgramPage
from clpages.partners.collections import SHARED_COLLECTION
from clpages.partners.page_form import KEEP_ORGANISATIONS
from clpages.partners.page_permissions import CommunityPagePermissionPolicy
from tests.builders import (
    admin_form_data,
    build_partner_world,
    build_site,
    built_once,
    count_queries,
    db_snapshot,
    fresh,
    make_evaluation,
    make_partner,
    make_partnership,
    make_program,
    make_user,
    post_form,
)


def _build_world():
    world = build_partner_world(build_site())
    world["a_partnership"] = make_partnership(
        world["partnerships"], world["org_a"], "Learning with newcomers"
    )
    world["b_partnership"] = make_partnership(world["partnerships"], world["org_b"], "Youth voice")
    world["a_evaluation"] = make_evaluation(
        world["evaluations"], program=world["a_program"], title="Story time"
    )
    world["b_evaluation"] = make_evaluation(
        world["evaluations"], partnership=world["b_partnership"], title="Youth voice review"
    )
    draft = ProgramPage(title="Secret draft of B", summary="Not public yet.", live=False)
    draft.co_created_with.set([world["org_b"]])
    world["programs"].add_child(instance=draft)
    draft.save_revision()
    world["b_draft"] = draft
    world["home"].add_child(instance=Page(title="Staff notes", slug="staff-notes"))
    world["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    return world


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as world:
        yield world


@pytest.fixture
def world(db, world_once):
    return fresh(world_once)


def can_edit(world, user, page):
    return page.permissions_for_user(world[user]).can_edit()


# -- which pages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, editable_by",
    [
        ("a_program", {"partner_a"}),
        ("b_program", {"partner_b"}),
        ("ab_program", {"partner_a", "partner_b"}),
        ("a_partnership", {"partner_a"}),
        ("b_partnership", {"partner_b"}),
        ("a_evaluation", {"partner_a"}),  # evaluates A's program
        ("b_evaluation", {"partner_b"}),  # evaluates B's partnership
        ("b_draft", {"partner_b"}),
        ("programs", set()),
        ("hub", set()),
        ("home", set()),
    ],
)
def test_partners_edit_exactly_the_pages_linked_to_their_organisations(world, key, editable_by):
    for user in ("partner_a", "partner_b"):
        assert can_edit(world, user, Page.objects.get(pk=world[key].pk)) == (user in editable_by), user
    assert can_edit(world, "editor", world[key]) == (key != "home")


def test_linked_pages_are_editable_whoever_created_them(world):
    program = world["b_program"]
    assert program.owner_id != world["partner_b"].pk
    assert can_edit(world, "partner_b", program)


def test_unlinking_an_organisation_takes_its_partners_access_away_even_from_the_owner(world):
    program = make_program(
        world["programs"], "Started by A", partners=[world["org_a"]], owner=world["partner_a"]
    )
    assert can_edit(world, "partner_a", program)
    program.co_created_with.set([world["org_b"]])
    program.save_revision().publish()
    partner_a = get_user_model().objects.get(pk=world["partner_a"].pk)
    assert not program.permissions_for_user(partner_a).can_edit()


def test_a_partner_without_an_organisation_can_open_nothing(world):
    from clpages.partners.roles import PARTNERS_GROUP

    loner = make_user("loner", [PARTNERS_GROUP])
    policy = policy_registry.get_by_type(Page)
    assert not policy.instances_user_has_any_permission_for(loner, {"add", "change"}).exists()
    assert not world["programs"].permissions_for_user(loner).can_add_subpage()


def test_the_community_policies_are_the_ones_wagtail_uses(client, world):
    from wagtail.documents import get_document_model

    from clpages.partners.collection_permissions import CommunityCollectionPermissionPolicy
    from home.models import HomePage

    client.force_login(world["editor"])
    client.get(reverse("wagtailadmin_home"))
    assert isinstance(policy_registry.get_by_type(Page), CommunityPagePermissionPolicy)
    assert isinstance(policy_registry.get_by_type(HomePage), CommunityPagePermissionPolicy)
    for model in (get_image_model(), get_document_model()):
        assert isinstance(policy_registry.get_by_type(model), CommunityCollectionPermissionPolicy)


def test_the_policy_names_only_linked_partners_as_able_to_edit(world):
    policy = policy_registry.get_by_type(Page)
    editors_of_a = set(policy.users_with_permission_for_instance("change", world["a_program"]))
    assert world["partner_a"] in editors_of_a and world["editor"] in editors_of_a
    assert world["partner_b"] not in editors_of_a
    creators = set(policy.users_with_permission_for_instance("add", world["programs"]))
    assert {world["partner_a"], world["partner_b"], world["editor"]} <= creators
    assert not set(policy.users_with_permission_for_instance("publish", world["a_program"])) & {
        world["partner_a"],
        world["partner_b"],
    }


# -- every admin view ----------------------------------------------------------------------------

PAGE_VIEWS = [
    ("wagtailadmin_pages:edit", []),
    ("wagtailadmin_pages:history", []),
    ("wagtailadmin_pages:workflow_history", []),
    ("wagtailadmin_pages:usage", []),
    ("wagtailadmin_pages:view_draft", []),
    ("wagtailadmin_pages:revisions_compare", ["earliest", "latest"]),
    ("wagtailadmin_pages:revisions_view", ["revision"]),
    ("wagtailadmin_pages:revisions_revert", ["revision"]),
    ("wagtailadmin_explore", []),
]


@pytest.mark.parametrize("view, extra", PAGE_VIEWS)
@pytest.mark.parametrize("key, allowed", [("a_program", True), ("b_program", False), ("b_draft", False)])
def test_every_page_view_honours_the_scope(client, world, view, extra, key, allowed):
    target = world[key]
    args = [target.pk] + [target.latest_revision_id if arg == "revision" else arg for arg in extra]
    client.force_login(world["partner_a"])
    response = client.get(reverse(view, args=args))
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403, 404)
        assert target.title not in response.content.decode()


def test_explorer_and_admin_search_list_only_the_partners_pages(client, world):
    client.force_login(world["partner_a"])
    listing = client.get(reverse("wagtailadmin_explore", args=[world["programs"].pk])).content.decode()
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "program"}).content.decode()
    for content in (listing,):
        assert "Family story time" in content and "Homework Help Club" in content
        assert "Teen zine lab" not in content and "Secret draft of B" not in content
    assert "Teen zine lab" not in search and "Secret draft of B" not in search and "Staff notes" not in search


def test_explorer_starts_at_the_community_hub(client, world):
    client.force_login(world["partner_a"])
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[world["hub"].pk])


def test_site_history_report_shows_only_the_partners_pages(client, world):
    client.force_login(world["partner_a"])
    content = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Family story time" in content
    assert "Teen zine lab" not in content and "Secret draft of B" not in content


def chooser_titles(response):
    # Browsing answers with a modal step (JSON); searching with the results' HTML.
    content = response.content.decode()
    return json.loads(content)["html"] if content.lstrip().startswith("{") else content


def test_page_chooser_offers_live_pages_and_the_partners_own_drafts(client, world):
    own_draft = ProgramPage(title="Draft of A", summary="Soon.", live=False)
    own_draft.co_created_with.set([world["org_a"]])
    world["programs"].add_child(instance=own_draft)
    client.force_login(world["partner_a"])
    html = chooser_titles(client.get(reverse("wagtailadmin_choose_page_child", args=[world["programs"].pk])))
    assert "Family story time" in html and "Teen zine lab" in html  # live, public pages can be linked
    assert "Draft of A" in html
    assert "Secret draft of B" not in html
    home = chooser_titles(client.get(reverse("wagtailadmin_choose_page_child", args=[world["home"].pk])))
    assert "Community" in home and "Staff notes" not in home
    searched = chooser_titles(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "draft"}))
    assert "Draft of A" in searched and "Secret draft of B" not in searched


def test_editors_chooser_is_not_narrowed(client, world):
    client.force_login(world["editor"])
    html = chooser_titles(client.get(reverse("wagtailadmin_choose_page_child", args=[world["programs"].pk])))
    assert "Secret draft of B" in html


# -- forms -----------------------------------------------------------------------------------------


def test_a_partner_can_add_another_organisation_as_co_creator(client, world):
    org_c = make_partner("Eastside Elders Circle")
    page = world["a_program"]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_form_data(client, world["admin"], url)
    data.setlist("co_created_with", [str(world["org_a"].pk), str(org_c.pk)])
    client.force_login(world["partner_a"])
    assert post_form(client, url, data).status_code == 302
    draft = ProgramPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert set(draft.co_created_with.all()) == {world["org_a"], org_c}


def test_new_program_form_starts_with_the_partners_organisation_ticked(client, world):
    client.force_login(world["partner_a"])
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["clpages", "programpage", world["programs"].pk])
    )
    form = response.context["form"]
    assert list(form.initial["co_created_with"]) == [world["org_a"].pk]
    assert "only library editors can remove one" in form.fields["co_created_with"].help_text


def test_partnership_form_offers_only_the_partners_organisations(client, world):
    client.force_login(world["partner_a"])
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["clpages", "partnershippage", world["partnerships"].pk])
    )
    form = response.context["form"]
    assert list(form.fields["partner"].queryset) == [world["org_a"]]
    assert form.initial["partner"] == world["org_a"].pk


def test_a_partner_must_link_a_new_page_to_their_organisation(client, world):
    url = reverse("wagtailadmin_pages:add", args=["clpages", "programpage", world["programs"].pk])
    data = admin_form_data(client, world["admin"], url)
    data.update({"title": "Nobody's program", "slug": "nobodys-program"})
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(client, url, data)
    assert response.status_code == 200
    assert "Link this page to your organisation (Riverbend Newcomers Network)" in response.content.decode()
    assert db_snapshot() == before


def test_editors_may_remove_an_organisation(client, world):
    page = world["ab_program"]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_form_data(client, world["admin"], url)
    data.setlist("co_created_with", [str(world["org_a"].pk)])
    client.force_login(world["editor"])
    assert post_form(client, url, data).status_code == 302
    draft = ProgramPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert list(draft.co_created_with.all()) == [world["org_a"]]


def test_keep_message_names_the_organisation():
    assert "{names}" in KEEP_ORGANISATIONS


def test_partner_creates_a_partnership_and_an_evaluation_of_it(client, world):
    url = reverse("wagtailadmin_pages:add", args=["clpages", "partnershippage", world["partnerships"].pk])
    data = admin_form_data(client, world["admin"], url)
    data.update({"title": "Second partnership", "slug": "second-partnership", "summary": "More work."})
    data["partner"] = str(world["org_a"].pk)
    client.force_login(world["partner_a"])
    assert post_form(client, url, data).status_code == 302
    partnership = PartnershipPage.objects.get(slug="second-partnership")
    assert partnership.permissions_for_user(world["partner_a"]).can_edit()


# -- collections ---------------------------------------------------------------------------------


def test_partners_upload_to_their_organisation_and_choose_from_it_and_the_shared_collection(client, world):
    org_a, org_b = (type(world[k]).objects.get(pk=world[k].pk) for k in ("org_a", "org_b"))
    shared = Collection.objects.get(name=SHARED_COLLECTION)
    Image = get_image_model()
    for collection, title in ((org_b.collection, "Photo of B"), (shared, "Shared photo")):
        Image.objects.create(title=title, file=get_test_image_file(), collection=collection)
    client.force_login(world["partner_a"])

    # One collection to upload to, so Wagtail does not even ask which.
    add = client.get(reverse("wagtailimages:add"))
    assert add.status_code == 200 and "collection" not in add.context["form"].fields
    for title, asked_for in (("Photo of A", org_a.collection_id), ("Sent to B", org_b.collection_id)):
        upload = client.post(
            reverse("wagtailimages:add"),
            {
                "title": title,
                "file": SimpleUploadedFile("a.png", get_test_image_file().file.getvalue()),
                "collection": asked_for,
            },
        )
        assert upload.status_code == 302
        assert Image.objects.get(title=title).collection_id == org_a.collection_id

    chooser = json.loads(client.get(reverse("wagtailimages_chooser:choose")).content)["html"]
    assert "Photo of A" in chooser and "Shared photo" in chooser
    assert "Photo of B" not in chooser


# -- partner records -------------------------------------------------------------------------------


def test_partners_see_only_their_own_organisation_record(client, world):
    client.force_login(world["partner_a"])
    listing = client.get("/admin/clpages/communitypartner/").content.decode()
    assert "Riverbend Newcomers Network" in listing and "Northside Youth Collective" not in listing
    own = client.get(f"/admin/clpages/communitypartner/inspect/{world['org_a'].pk}/")
    other = client.get(f"/admin/clpages/communitypartner/inspect/{world['org_b'].pk}/")
    assert own.status_code == 200
    assert other.status_code in (302, 403)
    assert client.get(f"/admin/clpages/communitypartner/edit/{world['org_a'].pk}/").status_code in (302, 403)


def test_editors_set_an_organisations_members(client, world):
    newcomer = make_user("newcomer")
    client.force_login(world["editor"])
    url = f"/admin/clpages/communitypartner/edit/{world['org_a'].pk}/"
    response = client.get(url)
    assert response.status_code == 200 and "Members" in response.content.decode()
    soup = WagtailTestUtils.get_soup(response.content.decode())
    # The edit form's address may carry the locale (wagtail-localize's TranslatableModelAdmin).
    form = _querydict_from_form(
        soup.find("form", attrs={"action": lambda action: bool(action) and action.startswith(url)})
    ).copy()
    form.setlist("members", [str(world["partner_a"].pk), str(newcomer.pk)])
    assert post_form(client, url, form).status_code == 302
    assert set(world["org_a"].members.all()) == {world["partner_a"], newcomer}


@pytest.mark.parametrize(
    "url", ["/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/workflows/list/"]
)
def test_partners_never_see_users_or_settings(client, world, url):
    client.force_login(world["partner_a"])
    response = client.get(url)
    assert response.status_code in (302, 403)


# -- cost ------------------------------------------------------------------------------------------


def _explorer_queries(client, world, user):
    client.force_login(world[user])
    return count_queries(client, reverse("wagtailadmin_explore", args=[world["programs"].pk]), warm=False)


def test_a_partners_rights_cost_the_same_queries_however_many_pages_they_co_lead(client, world):
    before = _explorer_queries(client, world, "partner_a")
    for number in range(8):
        make_program(world["programs"], f"Extra program {number}", partners=[world["org_a"]], sessions=0)
    assert _explorer_queries(client, world, "partner_a") <= before + 2
