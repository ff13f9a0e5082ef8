"""Partners translate the pages their organisations co-lead, through Community review.

The co-led program is translated into French by a partner of one organisation, approved by a
partner of the other, then by the library; a partner of an organisation that does not co-lead it
is refused every translation route, and nothing changes.
"""

from django.urls import reverse
from wagtail.models import Page, WorkflowPage, WorkflowState

from clpages.models import CommunityHubPage, ProgramPage
from clpages.partners.workflows import WORKFLOW_NAME
from tests.builders import db_snapshot
from tests.i18n import partner_world as translating
from tests.i18n.partner_world import (
    edit_url,
    put_string,
    review_url,
    submit_url,
    translation_of,
    translation_snapshot,
)

# The translated site, built once for the module.
translated_world_once, world = translating.translated_world_once, translating.world


def current_task(page):
    state = WorkflowState.objects.for_instance(page).active().select_related("current_task_state__task").get()
    return state.status, state.current_task_state.task.name


def act(client, user, page, action, comment=""):
    client.force_login(user)
    state = ProgramPage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
    return client.post(url, {"comment": comment})


def translate_as(client, user, program, locale):
    client.force_login(user)
    response = client.post(submit_url(program), {"locales": [locale.pk]})
    assert response.status_code == 302
    return ProgramPage.objects.get(translation_key=program.translation_key, locale=locale)


def test_translated_hubs_have_the_review_workflow_and_the_groups_rights(world):
    hub = world["hub"]
    for locale in (world["fr"], world["ar"]):
        translated = CommunityHubPage.objects.get(translation_key=hub.translation_key, locale=locale)
        assert WorkflowPage.objects.get(page=translated).workflow.name == WORKFLOW_NAME
        assert set(translated.group_permissions.values_list("group_id", "permission_id")) == set(
            hub.group_permissions.values_list("group_id", "permission_id")
        )


def test_partner_translation_goes_through_co_review_and_library_approval(client, world):
    program, fr = world["ab_program"], world["fr"]
    a, b, editor = world["partner_a"], world["partner_b"], world["editor"]

    # 1. Partner A opens "Translate this page" and creates the French translation: a draft.
    client.force_login(a)
    assert client.get(submit_url(program)).status_code == 200
    french = translate_as(client, a, program, fr)
    assert not french.live
    assert french.get_workflow().name == WORKFLOW_NAME

    # 2. The translation editor opens for A, with the review panel, and saves a string.
    response = client.get(edit_url(french))
    assert response.status_code == 200
    assert review_url(translation_of(program, fr)) in response.content.decode()
    translation = translation_of(program, fr)
    assert put_string(client, translation, "title", "Club d’aide aux devoirs").status_code in (200, 201)

    # 3. A submits it: partner B (the other co-lead) is asked to review; nothing is live yet.
    response = client.post(review_url(translation))
    assert response.status_code == 302
    french.refresh_from_db()
    assert current_task(french) == ("in_progress", "Partner co-review")
    assert not french.live
    assert french.get_latest_revision().as_object().title == "Club d’aide aux devoirs"

    # 4. B approves; then the library.
    assert act(client, b, french, "approve").status_code == 302
    assert current_task(french) == ("in_progress", "Library approval")
    assert not ProgramPage.objects.get(pk=french.pk).live
    assert act(client, editor, french, "approve").status_code == 302

    french = ProgramPage.objects.get(pk=french.pk)
    assert french.live
    assert french.title == "Club d’aide aux devoirs"
    assert french.locale == fr
    # The original is untouched.
    assert ProgramPage.objects.get(pk=program.pk).title == program.title


def test_translation_reviewers_are_the_other_co_leads_of_the_original(client, world):
    program, fr = world["ab_program"], world["fr"]
    french = translate_as(client, world["partner_b"], program, fr)
    # The French copy's own links do not count: its original's do.
    french.co_created_with.set([world["org_c"]])
    french.save()
    client.post(review_url(translation_of(program, fr)))
    state = WorkflowState.objects.for_instance(french).active().get()
    assert set(state.current_task_state.specific.reviewing_partners.all()) == {world["org_a"]}


def test_partner_of_another_organisation_cannot_translate(client, world):
    program, fr = world["ab_program"], world["fr"]
    french = translate_as(client, world["partner_a"], program, fr)
    translation = translation_of(program, fr)
    client.force_login(world["partner_c"])
    before = (db_snapshot(), translation_snapshot())

    assert client.get(submit_url(program)).status_code == 403
    assert client.post(submit_url(program), {"locales": [world["ar"].pk]}).status_code == 403
    assert client.get(edit_url(french)).status_code in (302, 403)
    assert put_string(client, translation, "title", "Pas à vous").status_code == 403
    assert client.post(review_url(translation)).status_code == 403
    assert client.post(edit_url(french), {"action": "publish"}).status_code == 403
    sync = reverse("wagtail_localize:update_translations", args=(translation.source_id,))
    assert client.get(sync).status_code == 403
    assert client.post(sync, {"publish_translations": "on"}).status_code == 403
    alias = reverse("wagtail_localize:convert_to_alias", args=(french.pk,))
    assert client.post(alias).status_code == 403
    for name in ("download_pofile", "preview_translation", "stop_translation"):
        url = reverse(f"wagtail_localize:{name}", args=(translation.pk,))
        assert client.post(url).status_code == 403, name

    assert (db_snapshot(), translation_snapshot()) == before


def test_partner_never_publishes_a_translation(client, world):
    program, fr = world["ab_program"], world["fr"]
    a = world["partner_a"]
    french = translate_as(client, a, program, fr)
    translation = translation_of(program, fr)
    put_string(client, translation, "title", "Club d’aide aux devoirs")
    before = db_snapshot()

    assert client.post(edit_url(french), {"action": "publish"}).status_code == 403
    assert client.post(edit_url(french), {"action-publish": "1"}).status_code == 403
    sync = reverse("wagtail_localize:update_translations", args=(translation.source_id,))
    assert client.post(sync, {"publish_translations": "on"}).status_code == 403
    alias = reverse("wagtail_localize:convert_to_alias", args=(french.pk,))
    assert client.post(alias).status_code == 403

    assert db_snapshot() == before
    assert not Page.objects.get(pk=french.pk).live


def test_partner_translates_only_into_the_sites_languages_and_under_translated_parents(client, world):
    from wagtail.models import Locale

    program = world["ab_program"]
    client.force_login(world["partner_a"])
    german = Locale.objects.create(language_code="de")
    before = db_snapshot()
    assert client.post(submit_url(program), {"locales": [german.pk]}).status_code == 403
    assert (
        client.post(submit_url(program), {"locales": [world["fr"].pk], "include_subtree": "on"}).status_code
        == 403
    )
    assert db_snapshot() == before


def test_partner_cannot_translate_a_page_only_the_other_organisation_leads(client, world):
    client.force_login(world["partner_a"])
    before = db_snapshot()
    assert client.get(submit_url(world["b_program"])).status_code == 403
    assert client.post(submit_url(world["b_program"]), {"locales": [world["fr"].pk]}).status_code == 403
    assert db_snapshot() == before


def test_library_editor_translates_and_publishes(client, world, django_capture_on_commit_callbacks):
    program, fr = world["a_program"], world["fr"]
    french = translate_as(client, world["editor"], program, fr)
    translation = translation_of(program, fr)
    put_string(client, translation, "title", "L’heure du conte en famille")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(french), {"action": "publish"}).status_code == 302
    french = ProgramPage.objects.get(pk=french.pk)
    assert french.live and french.title == "L’heure du conte en famille"


def test_settings_that_would_let_translations_skip_review_are_reported(settings):
    from clpages.translating.rights import check_translation_settings

    assert check_translation_settings(None) == []
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "TranslationRights" not in m]
    assert {problem.id for problem in check_translation_settings(None)} == {"clpages.W401", "clpages.E401"}


def test_partner_is_refused_when_new_translations_would_go_live(client, world, settings):
    program = world["ab_program"]
    program.save_revision().publish()
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
    client.force_login(world["partner_a"])
    before = db_snapshot()
    assert client.post(submit_url(program), {"locales": [world["fr"].pk]}).status_code == 403
    assert db_snapshot() == before
