"""Which organisations a page belongs to: declared once per page type (clpages.partners.linking).

Every linked page type is found in the app registry, answers the same from what is stored, from a
draft's content and from the page form's values, and a new linked type declared elsewhere is
handled by the rights, the page form, the dashboard and partner co-review with nothing but its
class.
"""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, get_page_models
from wagtail.models import pages as wagtail_pages

from clpages.models import ActionGroupPage, CommunityHubPage, EvaluationPage, PartnershipPage, ProgramPage
from clpages.models.mixins import CommunityPagePermissionsMixin
from clpages.models.moderation import reviewing_partner_ids
from clpages.partners.dashboard import organisation_pages
from clpages.partners.linking import PartnerLinkedPage, linked_page_types
from clpages.partners.roles import PARTNERS_GROUP
from clpages.partners.scope import creation_parent_content_types, linked_organisation_ids, linked_pages
from tests.factories import (
    admin_form_data,
    build_partner_world,
    db_snapshot,
    make_evaluation,
    make_partner,
    make_partnership,
    make_user,
    post_form,
)


@pytest.fixture
def world(tree):
    world = build_partner_world(tree)
    world["org_c"] = make_partner("Eastside Elders Circle")
    world["partner_c"] = make_user("partner_c", [PARTNERS_GROUP], [world["org_c"]])
    world["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    world["c_partnership"] = make_partnership(world["partnerships"], world["org_c"], title="Elders")
    world["evaluation"] = make_evaluation(
        world["evaluations"], program=world["ab_program"], partnership=world["c_partnership"]
    )
    return world


def test_the_three_linked_page_types_are_found_in_the_app_registry():
    assert set(linked_page_types()) == {ProgramPage, PartnershipPage, EvaluationPage, ActionGroupPage}


def test_a_link_that_leads_elsewhere_is_a_system_check_error(monkeypatch):
    assert [error for error in ProgramPage.check() if error.id == "clpages.E301"] == []
    monkeypatch.setattr(ProgramPage, "partner_links", ("co_created_with", "audiences", "sessions__program"))
    assert [error.msg for error in ProgramPage.check() if error.id == "clpages.E301"] == [
        "partner_links has 'audiences', which does not lead to a partner organisation.",
        "partner_links has 'sessions__program', which does not lead to a partner organisation.",
    ]


# Each type's page in the world, and the organisations it belongs to.
LINKED = [
    (ProgramPage, "ab_program", ("org_a", "org_b")),
    (PartnershipPage, "c_partnership", ("org_c",)),
    (EvaluationPage, "evaluation", ("org_a", "org_b", "org_c")),
]


def form_values(client, world, page):
    """What the page's own admin form cleans its link fields to, as a browser would post it."""
    model = type(page)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_form_data(client, world["admin"], url)
    form_class = model.get_edit_handler().get_form_class()
    form = form_class(data, instance=page, parent_page=page.get_parent(), for_user=world["admin"])
    form.is_valid()
    assert not any(form.has_error(name) for name in model.link_fields())
    return {name: form.cleaned_data[name] for name in model.link_fields()}


@pytest.mark.parametrize(
    "model, key, organisations", LINKED, ids=lambda value: getattr(value, "__name__", None)
)
def test_stored_draft_and_form_answers_agree(client, world, model, key, organisations):
    page = model.objects.get(pk=world[key].pk)
    expected = {world[name].pk for name in organisations}
    draft = page.save_revision(user=world["admin"]).as_object()
    by_field = model.organisation_ids_by_field(form_values(client, world, page))
    assert model.stored_organisation_ids(page.pk) == expected
    assert linked_organisation_ids(page) == expected
    assert draft.content_organisation_ids() == expected
    assert set().union(*by_field.values()) == expected
    # Stored pages linked to each organisation include this one; to another, not.
    for name in ("org_a", "org_b", "org_c"):
        found = model.objects.filter(model.linked_to([world[name].pk]), pk=page.pk).exists()
        assert found == (name in organisations), name


def test_a_draft_is_read_from_its_revision_not_from_what_is_stored(world):
    program = ProgramPage.objects.get(pk=world["a_program"].pk)
    program.co_created_with.set([world["org_a"], world["org_c"]])  # in memory only, as a draft
    draft = program.save_revision(user=world["admin"]).as_object()
    assert draft.content_organisation_ids() == {world["org_a"].pk, world["org_c"].pk}
    assert ProgramPage.stored_organisation_ids(program.pk) == {world["org_a"].pk}
    assert reviewing_partner_ids(draft, world["partner_a"]) == {world["org_c"].pk}


def test_each_link_reaches_organisations_in_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        EvaluationPage.stored_organisation_ids(world["evaluation"].pk)
    with django_assert_num_queries(1):
        list(Page.objects.filter(linked_pages([world["org_a"].pk])))


# -- a fourth linked type: its class and its table, nothing else --------------------------------


def declare_reading_circle_page():
    """A page type a site adds in its own app: hosted by one organisation, about a program."""

    class ReadingCirclePage(PartnerLinkedPage, CommunityPagePermissionsMixin, Page):
        partner_links = ("host", "program__co_created_with")

        host = models.ForeignKey("clpages.CommunityPartner", on_delete=models.PROTECT, related_name="+")
        program = models.ForeignKey(
            "clpages.ProgramPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
        )

        content_panels = Page.content_panels + [FieldPanel("host"), FieldPanel("program")]
        parent_page_types = ["clpages.CommunityHubPage"]

        class Meta:
            app_label = "home"

    return ReadingCirclePage


def forget_allowed_page_types():
    for model in get_page_models():
        model._clean_subpage_models = model._clean_parent_page_models = None


def unregister(model):
    del apps.all_models[model._meta.app_label][model._meta.model_name]
    apps.clear_cache()
    wagtail_pages.PAGE_MODEL_CLASSES.remove(model)
    forget_allowed_page_types()


@pytest.fixture(scope="module")
def reading_circle_table(django_db_setup, django_db_blocker):
    """The new type's table and content type, made once for the module as a migration would (a
    content type made inside a test would be rolled back while Django's cache still held it)."""
    model = declare_reading_circle_page()
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(model)
        content_type = ContentType.objects.get_for_model(model)
    # Installed only for the tests that use it (reading_circle_page).
    unregister(model)
    yield model
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.delete_model(model)
        content_type.delete()
    ContentType.objects.clear_cache()


@pytest.fixture
def reading_circle_page(reading_circle_table):
    apps.register_model(reading_circle_table._meta.app_label, reading_circle_table)
    wagtail_pages.PAGE_MODEL_CLASSES.append(reading_circle_table)
    forget_allowed_page_types()
    yield reading_circle_table
    unregister(reading_circle_table)


@pytest.fixture
def circle(world, reading_circle_page, monkeypatch):
    # A hub that offers the new type, as the site would declare it.
    monkeypatch.setattr(
        CommunityHubPage, "subpage_types", [*CommunityHubPage.subpage_types, "home.ReadingCirclePage"]
    )
    forget_allowed_page_types()
    page = reading_circle_page(
        title="Newcomers' reading circle",
        slug="reading-circle",
        host=world["org_a"],
        program=world["b_program"],
    )
    world["hub"].add_child(instance=page)
    page.save_revision(user=world["admin"]).publish()
    yield page
    monkeypatch.undo()
    forget_allowed_page_types()


def test_a_fourth_linked_type_is_scoped_with_nothing_but_its_class(client, world, circle):
    circle_type = type(circle)
    org_a, org_b, org_c = (world[name] for name in ("org_a", "org_b", "org_c"))
    assert circle_type in linked_page_types()

    # Whose page it is: the host, and the organisations of the program it is about.
    assert linked_organisation_ids(circle) == {org_a.pk, org_b.pk}
    for org, linked in ((org_a, True), (org_b, True), (org_c, False)):
        assert Page.objects.filter(linked_pages([org.pk]), pk=circle.pk).exists() == linked
        # The dashboard lists it to those organisations' members.
        assert (circle.pk in {page.pk for page in organisation_pages(world["admin"], [org.pk])}) == linked

    # Rights: members of either organisation edit it, others do not; partners create it on a hub.
    for user, may_edit in (("partner_a", True), ("partner_b", True), ("partner_c", False)):
        fresh = get_user_model().objects.get(pk=world[user].pk)
        assert circle.permissions_for_user(fresh).can_edit() == may_edit, user
    assert ContentType.objects.get_for_model(CommunityHubPage) in creation_parent_content_types()

    # Partner co-review reads a draft's own links: the host changed in a revision only.
    circle.host = org_c
    draft = circle.save_revision(user=world["admin"]).as_object()
    assert reviewing_partner_ids(draft, world["partner_b"]) == {org_c.pk}


def test_a_fourth_linked_types_form_keeps_its_organisations(client, world, circle):
    url = reverse("wagtailadmin_pages:edit", args=[circle.pk])
    data = admin_form_data(client, world["admin"], url)
    data["host"] = str(world["org_b"].pk)  # would drop the host, Riverbend Newcomers Network
    client.force_login(world["partner_b"])
    before = db_snapshot()
    response = post_form(client, url, data)
    assert response.status_code == 200
    assert "Riverbend Newcomers Network must stay" in " ".join(response.context["form"].errors["host"])
    assert db_snapshot() == before
