"""Partners propose changes to their own organisation's profile; they go live once the library approves."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from clpages.models import Language, PartnerProfileChange, ProfileChangeStatus
from clpages.partners.roles import PARTNERS_GROUP
from tests.builders import fresh, make_partnership, make_user

Image = get_image_model()

SCRIPT = "<script>alert('profile')</script>"


@pytest.fixture
def community(db, partner_world_once):
    world = fresh(partner_world_once)
    world["partnership_a"] = make_partnership(
        world["partnerships"], world["org_a"], title="Riverbend partnership"
    )
    return world


def profile_url(partner):
    return reverse("clpages_organisation_profile", args=(partner.pk,))


def approve_url(change):
    return reverse("clpages_approve_profile_change", args=(change.pk,))


def request_changes_url(change):
    return reverse("clpages_request_profile_changes", args=(change.pk,))


def proposal(**changes):
    data = {
        "description": "We welcome newcomers with conversation circles every week.",
        "website": "https://riverbend-newcomers.example.org",
        "logo": "",
        "languages": [],
        "communities_served": "Newcomer families in Riverbend",
        "contact_name": "Noor Haddad",
        "contact_email": "noor.private@example.org",
        "contact_phone": "+1 555-555-0199",
    }
    data.update(changes)
    return data


def partner_state(partner):
    partner.refresh_from_db()
    return (
        partner.name,
        partner.slug,
        partner.kind,
        partner.description,
        partner.website,
        partner.logo_id,
        partner.communities_served,
        partner.contact_name,
        partner.contact_email,
        partner.contact_phone,
        sorted(partner.languages.values_list("pk", flat=True)),
    )


def propose(client, partner, **changes):
    return client.post(profile_url(partner), proposal(**changes))


def test_partner_proposes_library_approves_and_the_public_page_shows_it(client, community, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    org_a, partnership = community["org_a"], community["partnership_a"]
    arabic = Language.objects.create(name="Arabic", code="ar")
    public_url = partnership.url
    assert "conversation circles" not in client.get(public_url).content.decode()  # now cached

    client.force_login(community["partner_a"])
    start = client.get(reverse("clpages_your_organisation"))
    assert start.status_code == 302 and start["Location"] == profile_url(org_a)
    form = client.get(profile_url(org_a)).content.decode()
    assert org_a.description in form and "Private contact" in form
    before = partner_state(org_a)
    mail.outbox.clear()
    response = propose(
        client,
        org_a,
        description=f"{SCRIPT} We welcome newcomers with conversation circles.",
        languages=[arabic.pk],
    )
    assert response.status_code == 302
    assert partner_state(org_a) == before  # nothing is live before the library approves
    change = PartnerProfileChange.objects.get(partner=org_a)
    assert change.status == ProfileChangeStatus.AWAITING_REVIEW
    assert [email.to for email in mail.outbox] == [[community["editor"].email]]
    assert "to review" in mail.outbox[0].subject
    assert reverse("clpages_profile_change", args=(change.pk,)) in mail.outbox[0].body
    assert "waiting for the library" in client.get(profile_url(org_a)).content.decode()

    client.force_login(community["editor"])
    listing = client.get(reverse("clpages_profile_changes")).content.decode()
    assert "Review the changes to Riverbend Newcomers Network" in listing
    review = client.get(reverse("clpages_profile_change", args=(change.pk,))).content.decode()
    assert org_a.description in review  # the profile as it is now, beside the proposal
    assert "&lt;script&gt;" in review and SCRIPT not in review
    assert "noor.private@example.org" in review and "Arabic" in review
    mail.outbox.clear()
    assert client.post(approve_url(change)).status_code == 302

    org_a.refresh_from_db()
    assert org_a.description.endswith("conversation circles.")
    assert org_a.website == "https://riverbend-newcomers.example.org"
    assert list(org_a.languages.all()) == [arabic]
    assert org_a.contact_email == "noor.private@example.org"
    assert (org_a.name, org_a.slug, org_a.kind) == before[:3]
    change.refresh_from_db()
    assert change.status == ProfileChangeStatus.APPROVED and change.reviewed_by == community["editor"]
    assert [email.to for email in mail.outbox] == [[community["partner_a"].email]]
    assert "live" in mail.outbox[0].subject

    client.logout()
    page = client.get(public_url).content.decode()  # the cached copy made way for the new profile
    assert "conversation circles." in page
    assert "&lt;script&gt;alert(" in page and SCRIPT not in page
    assert "riverbend-newcomers.example.org" in page
    assert "noor" not in page.lower() and "555-0199" not in page
    api = client.get("/api/v2/pages/", {"type": "clpages.PartnershipPage", "fields": "*"}).content.decode()
    assert "conversation circles." in api
    assert "noor" not in api.lower() and "555-0199" not in api and "contact" not in api


def test_library_asks_for_changes_and_the_partner_sends_them_again(client, community):
    org_a = community["org_a"]
    client.force_login(community["partner_a"])
    propose(client, org_a, website="https://first.example.org")
    change = PartnerProfileChange.objects.get(partner=org_a)
    before = partner_state(org_a)

    client.force_login(community["editor"])
    refused = client.post(request_changes_url(change), {"comment": ""})
    assert refused.status_code == 400 and "Say what should change" in refused.content.decode()
    change.refresh_from_db()
    assert change.status == ProfileChangeStatus.AWAITING_REVIEW
    mail.outbox.clear()
    comment = "Please say which days the circles meet."
    assert client.post(request_changes_url(change), {"comment": comment}).status_code == 302
    assert partner_state(org_a) == before
    change.refresh_from_db()
    assert change.status == ProfileChangeStatus.CHANGES_REQUESTED and change.comment == comment
    (email,) = mail.outbox
    assert email.to == [community["partner_a"].email]
    assert "Changes requested" in email.subject and comment in email.body
    assert profile_url(org_a) in email.body
    # Once changes are requested, approving waits for the partner's new version.
    assert client.post(approve_url(change)).status_code == 302
    assert partner_state(org_a) == before

    client.force_login(community["partner_a"])
    form = client.get(profile_url(org_a)).content.decode()
    assert comment in form and "Send the changes again" in form
    assert "https://first.example.org" in form  # the proposal, not the live profile
    propose(client, org_a, description="Conversation circles meet on Tuesdays and Saturdays.")
    (again,) = PartnerProfileChange.objects.filter(partner=org_a)
    assert again.status == ProfileChangeStatus.AWAITING_REVIEW and again.comment == ""
    assert partner_state(org_a) == before
    for sent in mail.outbox:
        assert "reject" not in (sent.subject + sent.body).lower()
        assert "moderat" not in (sent.subject + sent.body).lower()


def test_a_partner_cannot_approve_or_review(client, community):
    org_a = community["org_a"]
    client.force_login(community["partner_a"])
    propose(client, org_a, website="https://forged.example.org")
    change = PartnerProfileChange.objects.get(partner=org_a)
    before = partner_state(org_a)
    # Even a partner group holding the permission by mistake gives partners no right to approve.
    Group.objects.get(name=PARTNERS_GROUP).permissions.add(
        Permission.objects.get(codename="approve_partner_profile")
    )
    for partner in (community["partner_a"], community["partner_b"]):
        client.force_login(partner)
        assert client.post(approve_url(change)).status_code == 403
        assert client.post(request_changes_url(change), {"comment": "Looks fine"}).status_code == 403
        assert client.get(reverse("clpages_profile_changes")).status_code == 403
        assert client.get(reverse("clpages_profile_change", args=(change.pk,))).status_code == 403
    assert partner_state(org_a) == before
    change.refresh_from_db()
    assert change.status == ProfileChangeStatus.AWAITING_REVIEW and change.reviewed_by is None


def test_approving_comes_from_the_permission_not_a_group_name(client, community):
    org_a = community["org_a"]
    client.force_login(community["partner_a"])
    propose(client, org_a, website="https://approved.example.org")
    change = PartnerProfileChange.objects.get(partner=org_a)
    reviewers = Group.objects.create(name="Outreach team")
    reviewers.permissions.add(
        Permission.objects.get(codename="approve_partner_profile"),
        Permission.objects.get(codename="access_admin"),
    )
    outreach = make_user("outreach", [reviewers.name])
    client.force_login(outreach)
    assert client.post(approve_url(change)).status_code == 302
    org_a.refresh_from_db()
    assert org_a.website == "https://approved.example.org"


def test_a_partner_never_sees_or_changes_another_organisations_profile(client, community):
    org_b = community["org_b"]
    before = partner_state(org_b)
    client.force_login(community["partner_a"])
    assert client.get(profile_url(org_b)).status_code == 403
    assert propose(client, org_b, website="https://forged.example.org").status_code == 403
    assert not PartnerProfileChange.objects.exists()
    assert partner_state(org_b) == before
    # Nor through the organisations' own admin screens.
    assert client.get(f"/admin/clpages/communitypartner/edit/{org_b.pk}/").status_code in (302, 403)
    assert partner_state(org_b) == before


def test_bad_input_is_explained_keeps_what_was_typed_and_changes_nothing(client, community):
    org_a = community["org_a"]
    client.force_login(community["partner_a"])
    other_logo = Image.objects.create(
        title="Northside logo", file=get_test_image_file(), collection=community["org_b"].collection
    )
    before = partner_state(org_a)
    mail.outbox.clear()
    response = propose(
        client,
        org_a,
        description="Conversation circles " + "x" * 2000,
        website="not a web address",
        contact_email="noor at example",
        logo=other_logo.pk,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your changes were not sent" in page
    assert "Please keep this to 2000 characters or fewer" in page
    assert "Enter a full web address, like https://example.org." in page
    assert "Enter a valid email address" in page
    assert "Select a valid choice" in page  # another organisation's image
    assert "not a web address" in page and "Conversation circles xxx" in page and "noor at example" in page
    assert not PartnerProfileChange.objects.exists()
    assert partner_state(org_a) == before
    assert mail.outbox == []


def test_sending_the_profile_unchanged_says_so(client, community):
    org_a = community["org_a"]
    client.force_login(community["partner_a"])
    unchanged = {
        "description": org_a.description,
        "website": "",
        "logo": "",
        "languages": [],
        "communities_served": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
    }
    response = client.post(profile_url(org_a), unchanged)
    assert response.status_code == 200 and "Change something" in response.content.decode()
    assert not PartnerProfileChange.objects.exists()


def test_a_new_logo_is_uploaded_into_the_organisations_own_collection(client, community):
    org_a = community["org_a"]
    client.force_login(community["partner_a"])
    png = get_test_image_file(filename="riverbend.png").file.getvalue()
    data = proposal(new_logo=SimpleUploadedFile("riverbend.png", png, content_type="image/png"))
    assert client.post(profile_url(org_a), data).status_code == 302
    change = PartnerProfileChange.objects.get(partner=org_a)
    assert change.logo.collection_id == org_a.collection_id
    assert change.logo.uploaded_by_user == community["partner_a"]
    org_a.refresh_from_db()
    assert org_a.logo_id is None


def test_your_organisation_lists_several_and_is_only_for_partners(client, community):
    org_a, org_b = community["org_a"], community["org_b"]
    both = make_user("both", [PARTNERS_GROUP], [org_a, org_b])
    client.force_login(both)
    choose = client.get(reverse("clpages_your_organisation"))
    assert choose.status_code == 200
    assert profile_url(org_a) in choose.content.decode() and profile_url(org_b) in choose.content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    # The admin menu, by its items' names (the sidebar is drawn from them).
    assert "clpages-your-organisation" in home and "clpages-profile-changes" not in home

    client.force_login(community["editor"])
    assert client.get(reverse("clpages_your_organisation")).status_code == 403
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "clpages-profile-changes" in home and "clpages-your-organisation" not in home


def test_approval_leaves_the_translated_description_to_translators(
    client, community, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import TranslationSource

    from tests.i18n.translating import translate

    org_a = community["org_a"]
    french = translate(
        org_a,
        "fr",
        {org_a.description: "Le réseau accueille les familles."},
        django_capture_on_commit_callbacks,
    )
    client.force_login(community["partner_a"])
    propose(client, org_a, description="Conversation circles every Tuesday.")
    client.force_login(community["editor"])
    client.post(approve_url(PartnerProfileChange.objects.get(partner=org_a)))

    french.refresh_from_db()
    assert french.description == "Le réseau accueille les familles."  # until a translator updates it
    source = TranslationSource.objects.get(object_id=org_a.translation_key, locale_id=org_a.locale_id)
    assert "Conversation circles every Tuesday." in source.content_json
    # The translation editor now offers the new words to translate.
    assert source.stringsegment_set.filter(string__data="Conversation circles every Tuesday.").exists()


def test_the_organisations_screen_offers_partners_their_own_profile_only(client, community):
    client.force_login(community["partner_a"])
    listing = client.get(reverse("clpages_communitypartner_modeladmin_index")).content.decode()
    assert profile_url(community["org_a"]) in listing
    assert profile_url(community["org_b"]) not in listing
    client.force_login(community["editor"])
    listing = client.get(reverse("clpages_communitypartner_modeladmin_index")).content.decode()
    assert "Change the profile" not in listing
