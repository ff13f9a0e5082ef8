"""Partners' scope in the admin comes from a permission, reaches every admin read of page titles,
images and documents, and costs nothing for pages and people outside the community section."""

import contextlib
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupApprovalTask, GroupPagePermission, Page

from clpages.models import CommunityPartner, ProgramPage
from clpages.partners.collections import SHARED_COLLECTION
from clpages.partners.roles import EDITORS_GROUP, PARTNERS_GROUP
from tests.builders import (
    build_partner_world,
    build_site,
    built_once,
    db_snapshot,
    fresh,
    make_user,
    post_form,
    request_queries,
)

SECRET = "Secret draft of B"


def _build_world():
    world = build_partner_world(build_site())
    call_command("setup_community_roles", verbosity=0)
    draft = ProgramPage(title=SECRET, summary="Not public yet.", live=False)
    draft.co_created_with.set([world["org_b"]])
    world["programs"].add_child(instance=draft)
    draft.save_revision()
    world["b_draft"] = draft
    world["staff_notes"] = world["home"].add_child(instance=Page(title="Staff notes", slug="staff-notes"))
    world["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    return world


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as world:
        yield world


@pytest.fixture
def world(db, world_once):
    return fresh(world_once)


def edit_status(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    client.logout()
    return response.status_code


def setup_roles_output():
    out = io.StringIO()
    call_command("setup_community_roles", stdout=out)
    return out.getvalue()


# -- 4. rights by permission, not by a group's name ---------------------------------------------


def test_a_renamed_partner_group_still_acts_only_for_its_organisations(client, world):
    Group.objects.filter(name=PARTNERS_GROUP).update(name="Partenaires communautaires")
    assert edit_status(client, world["partner_a"], world["a_program"]) == 200
    assert edit_status(client, world["partner_a"], world["b_program"]) in (302, 403)
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(
        client,
        reverse("wagtailadmin_pages:edit", args=[world["b_program"].pk]),
        {"title": "Taken over", "slug": world["b_program"].slug},
    )
    assert response.status_code in (302, 403)
    assert db_snapshot() == before


def test_setup_finds_renamed_groups_by_their_permission(world):
    Group.objects.filter(name=PARTNERS_GROUP).update(name="Partenaires communautaires")
    Group.objects.filter(name=EDITORS_GROUP).update(name="Bibliothécaires")
    groups = Group.objects.count()
    output = setup_roles_output()
    assert "Updated group 'Partenaires communautaires'" in output
    assert "Updated group 'Bibliothécaires'" in output
    assert Group.objects.count() == groups
    assert not Group.objects.filter(name__in=[PARTNERS_GROUP, EDITORS_GROUP]).exists()
    library = GroupApprovalTask.objects.get(name="Library approval")
    assert list(library.groups.values_list("name", flat=True)) == ["Bibliothécaires"]


def test_a_second_partner_group_is_organisation_scoped_too(client, world):
    youth = Group.objects.create(name="Youth partners")
    youth.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="act_for_own_organisations"),
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=youth, page=world["hub"], permission=Permission.objects.get(codename=codename)
        )
    member = make_user("youth_worker", ["Youth partners"], [world["org_a"]])
    assert edit_status(client, member, world["a_program"]) == 200
    assert edit_status(client, member, world["b_program"]) in (302, 403)
    assert edit_status(client, member, world["hub"]) in (302, 403)


# -- 20. nothing for people and pages outside the community section -----------------------------


@contextlib.contextmanager
def without_clpages():
    """Wagtail as it is without this project's hooks and permission policies."""
    from wagtail import hooks
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import AbstractPage
    from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
    from wagtail.permission_policies.pages import PagePermissionPolicy
    from wagtail.permissions import register_permission_policy

    from clpages.partners.collection_permissions import register_policies

    saved = {name: list(fns) for name, fns in hooks._hooks.items()}
    for fns in hooks._hooks.values():
        fns[:] = [(fn, order) for fn, order in fns if not fn.__module__.startswith("clpages")]
    register_permission_policy(AbstractPage, PagePermissionPolicy())
    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        register_permission_policy(
            model,
            CollectionOwnershipPermissionPolicy(
                model, auth_model=auth_model, owner_field_name="uploaded_by_user"
            ),
        )
    try:
        yield
    finally:
        hooks._hooks.clear()
        hooks._hooks.update(saved)
        register_policies()


def queries_for(client, user, url):
    client.force_login(user)
    return request_queries(client, url)  # after a first GET warmed content types and site root paths


def outsider_with_a_page(world):
    """Someone who edits one page outside the community section, and holds no partner role."""
    outsider = make_user("outsider", ["Staff notes editors"])
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return outsider


@pytest.fixture
def staff_notes_editors(world):
    group = Group.objects.create(name="Staff notes editors")
    GroupPagePermission.objects.create(
        group=group, page=world["staff_notes"], permission=Permission.objects.get(codename="change_page")
    )
    return group


def test_people_without_partner_grants_pay_no_query_for_the_community_hooks(
    client, world, staff_notes_editors
):
    outsider = outsider_with_a_page(world)
    requests = [
        (outsider, reverse("wagtailadmin_pages:edit", args=[world["staff_notes"].pk])),
        (outsider, reverse("wagtailadmin_explore", args=[world["staff_notes"].pk])),
        (outsider, reverse("wagtailadmin_choose_page_child", args=[world["home"].pk])),
        (world["editor"], reverse("wagtailadmin_pages:edit", args=[world["a_program"].pk])),
        (world["editor"], reverse("wagtailadmin_explore", args=[world["programs"].pk])),
        (world["editor"], reverse("wagtailadmin_choose_page_child", args=[world["programs"].pk])),
        (world["editor"], reverse("wagtailimages:index")),
        (world["editor"], reverse("wagtaildocs:index")),
    ]
    for user, url in requests:
        with_hooks = queries_for(client, user, url)
        with without_clpages():
            without = queries_for(client, user, url)
        # No more than Wagtail's (the editor's menu can cost less: its plain labels need no
        # second look for the page's workflow).
        assert len(with_hooks) <= len(without), (user, url)


def test_the_dashboard_only_asks_for_memberships_and_library_reviews(client, world, staff_notes_editors):
    # The one query the partner panel needs (an editor may belong to an organisation too), and,
    # for someone in no organisation, the one that finds pages waiting for library approval.
    for user in (outsider_with_a_page(world), world["editor"]):
        with_hooks = queries_for(client, user, reverse("wagtailadmin_home"))
        with without_clpages():
            without = queries_for(client, user, reverse("wagtailadmin_home"))
        assert len(with_hooks) == len(without) + 2
        added = [sql for sql in with_hooks if sql not in without and "django_session" not in sql]
        assert len(added) == 2
        assert "clpages_partnermembership" in added[0] and "wagtailcore_taskstate" in added[1]


def test_a_publish_posted_outside_the_community_section_is_left_to_wagtail(
    client, world, staff_notes_editors
):
    # Wagtail saves it as a draft for someone who may edit but not publish; the section's refusal
    # is for the section's pages only.
    outsider = outsider_with_a_page(world)
    page = world["staff_notes"]
    client.force_login(outsider)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = post_form(
        client, url, {"title": "Staff notes, revised", "slug": page.slug, "action-publish": "1"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.draft_title == "Staff notes, revised" and page.title == "Staff notes" and page.live


# -- 7. the admin API lists only what a partner may choose --------------------------------------


def files_of_each_organisation(world):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    org_a, org_b = (CommunityPartner.objects.get(pk=world[key].pk) for key in ("org_a", "org_b"))
    shared = Collection.objects.get(name=SHARED_COLLECTION)
    made = {}
    for collection, who in ((org_a.collection, "A"), (org_b.collection, "B"), (shared, "shared")):
        made[f"image {who}"] = get_image_model().objects.create(
            title=f"Photo of {who}", file=get_test_image_file(), collection=collection
        )
        made[f"document {who}"] = get_document_model().objects.create(
            title=f"Minutes of {who}",
            file=SimpleUploadedFile(f"minutes-{who}.txt", b"Minutes."),
            collection=collection,
        )
    made["image B"].tags.add("confidential-b")
    made["image A"].tags.add("community-a")
    return made


@pytest.mark.parametrize("endpoint, kind", [("images", "Photo of"), ("documents", "Minutes of")])
def test_the_admin_api_lists_only_the_partners_own_and_shared_files(client, world, endpoint, kind):
    files = files_of_each_organisation(world)
    client.force_login(world["partner_a"])
    listing = client.get(f"/admin/api/main/{endpoint}/").json()
    titles = {item["title"] for item in listing["items"]}
    assert titles == {f"{kind} A", f"{kind} shared"}
    singular = "image" if endpoint == "images" else "document"
    other = client.get(f"/admin/api/main/{endpoint}/{files[f'{singular} B'].pk}/")
    assert other.status_code == 404 and f"{kind} B" not in other.content.decode()
    assert client.get(f"/admin/api/main/{endpoint}/{files[f'{singular} A'].pk}/").status_code == 200

    client.force_login(world["editor"])
    titles = {item["title"] for item in client.get(f"/admin/api/main/{endpoint}/").json()["items"]}
    assert titles == {f"{kind} A", f"{kind} B", f"{kind} shared"}


# -- 11. titles of other organisations' drafts are not readable by id ----------------------------


def test_the_move_confirmation_shows_partners_nothing(client, world):
    client.force_login(world["partner_a"])
    before = db_snapshot()
    for page, destination in ((world["b_draft"], world["hub"]), (world["a_program"], world["b_draft"])):
        url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert SECRET not in response.content.decode()
        assert post_form(client, url).status_code in (302, 403)
    assert db_snapshot() == before
    # Editors still move pages inside the section.
    client.force_login(world["editor"])
    url = reverse("wagtailadmin_pages:move_confirm", args=[world["b_draft"].pk, world["programs"].pk])
    assert SECRET in client.get(url).content.decode()


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_page_bulk_action_confirmations_hide_other_organisations_drafts(client, world, action):
    client.force_login(world["partner_a"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    before = db_snapshot()
    mixed = client.get(url, {"id": [world["b_draft"].pk, world["a_program"].pk]})
    assert SECRET not in mixed.content.decode()
    alone = client.get(url, {"id": [world["b_draft"].pk]})
    assert alone.status_code in (302, 403, 404) and SECRET not in alone.content.decode()
    forged = client.post(f"{url}?id={world['b_draft'].pk}", {})
    assert forged.status_code in (302, 403, 404)
    assert db_snapshot() == before


def test_editors_bulk_confirmations_are_not_narrowed(client, world):
    client.force_login(world["editor"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    assert SECRET in client.get(url, {"id": [world["b_draft"].pk]}).content.decode()


def test_image_bulk_confirmations_hide_other_organisations_files(client, world):
    files = files_of_each_organisation(world)
    client.force_login(world["partner_a"])
    url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"])
    response = client.get(url, {"id": [files["image B"].pk, files["image A"].pk]})
    assert "Photo of B" not in response.content.decode()
    assert get_image_model().objects.filter(pk=files["image B"].pk).exists()


def test_chosen_multiple_returns_only_pages_the_chooser_offers(client, world):
    client.force_login(world["partner_a"])
    response = client.get(
        reverse("wagtailadmin_choose_page_chosen_multiple"),
        {"id": [world["b_draft"].pk, world["a_program"].pk]},
    )
    assert response.status_code == 200
    result = json.loads(response.content)["result"]
    assert [page["id"] for page in result] == [world["a_program"].pk]
    assert SECRET not in response.content.decode()
    client.force_login(world["editor"])
    response = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [world["b_draft"].pk]})
    assert SECRET in response.content.decode()


def test_the_page_types_report_is_not_for_partners(client, world):
    client.force_login(world["partner_a"])
    for name in ("page_types_usage", "page_types_usage_results"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"))
        assert response.status_code in (302, 403) and SECRET not in response.content.decode()
    assert (
        reverse("wagtailadmin_reports:page_types_usage")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.force_login(world["editor"])
    assert client.get(reverse("wagtailadmin_reports:page_types_usage")).status_code == 200


def test_tag_suggestions_come_only_from_pages_and_files_in_the_partners_sight(client, world):
    files_of_each_organisation(world)
    draft = ProgramPage.objects.get(pk=world["b_draft"].pk)
    draft.tags.add("secret-plan-b")
    draft.save_revision()
    draft.save()
    client.force_login(world["partner_a"])
    for url in (
        reverse("wagtailadmin_tag_autocomplete"),
        reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"]),
    ):
        for term, expected in (("secret", []), ("confidential", []), ("community", ["community-a"])):
            assert client.get(url, {"term": term}).json() == expected, (url, term)
    client.force_login(world["editor"])
    assert client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "secret"}).json() == [
        "secret-plan-b"
    ]


def test_partners_cannot_read_another_organisations_record_history(client, world):
    client.force_login(world["partner_a"])
    own = client.get(f"/admin/clpages/communitypartner/history/{world['org_a'].pk}/")
    other = client.get(f"/admin/clpages/communitypartner/history/{world['org_b'].pk}/")
    assert own.status_code == 200
    assert other.status_code in (302, 403) and "Northside Youth Collective" not in other.content.decode()
    client.force_login(world["editor"])
    assert client.get(f"/admin/clpages/communitypartner/history/{world['org_b'].pk}/").status_code == 200


def test_the_image_choosers_popular_tags_come_from_the_partners_own_and_shared_images(client, world):
    files_of_each_organisation(world)
    client.force_login(world["partner_a"])
    html = json.loads(client.get(reverse("wagtailimages_chooser:choose")).content)["html"]
    assert "community-a" in html and "confidential-b" not in html
    client.force_login(world["editor"])
    html = json.loads(client.get(reverse("wagtailimages_chooser:choose")).content)["html"]
    assert "community-a" in html and "confidential-b" in html


@pytest.mark.parametrize("listing", ["wagtailimages:index", "wagtaildocs:index"])
def test_file_listings_tag_filter_names_only_tags_in_the_partners_sight(client, world, listing):
    files = files_of_each_organisation(world)
    files["document B"].tags.add("confidential-b")
    files["document A"].tags.add("community-a")
    client.force_login(world["partner_a"])
    response = client.get(reverse(listing))
    assert response.status_code == 200
    html = response.content.decode()
    assert "community-a" in html and "confidential-b" not in html
    assert "Photo of B" not in html and "Minutes of B" not in html
    client.force_login(world["editor"])
    assert "confidential-b" in client.get(reverse(listing)).content.decode()
