"""The two roles of the community section, and the collections that go with them.

A role is known by a permission its group holds, never by the group's name, so a group can be
renamed, and a site can have several partner groups:

* partners: `clpages.act_for_own_organisations` makes the group's page and collection grants
  organisation-scoped (clpages.partners.page_permissions);
* library staff: `clpages.add_partnermembership`, the right to bring people into partner
  organisations, which only the library holds.

The names below are only used when no group holds the role's permission yet (the command says
so when it gives a role to an existing group by its name). A group that loses the partner role
loses the grants it narrowed (clpages.partners.role_removal).

`setup_community_roles` gives both groups their Wagtail permissions. It can run any number of
times: it adds what is missing and, for partners only, takes away page rights they must never
hold (publishing, locking, anything outside the community section), so a mistaken tick in the
Groups screen does not survive the next run.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
)

from clpages.partners.collections import (
    ensure_partner_collections,
    partner_collections_root,
    shared_collection,
)

EDITORS_GROUP = "Library editors"
PARTNERS_GROUP = "Community partners"

SCOPE_PERMISSION = ("clpages", "partnermembership", "act_for_own_organisations")
LIBRARY_STAFF_PERMISSION = ("clpages", "partnermembership", "add_partnermembership")
LIBRARY_DETAILS_PERMISSION = ("clpages", "librarydetails", "change_librarydetails")
PROFILE_APPROVAL_PERMISSION = ("clpages", "partnerprofilechange", "approve_partner_profile")


def dotted(permission):
    app_label, _, codename = permission
    return f"{app_label}.{codename}"


def holds(permission, prefix=""):
    """A Q on a Group (or, with a prefix such as "group__", on a model pointing to one)."""
    app_label, _, codename = permission
    return Q(
        **{
            f"{prefix}permissions__content_type__app_label": app_label,
            f"{prefix}permissions__codename": codename,
        }
    )


def permission_q(*permissions):
    """A Q on Permission matching any of these (app_label, model, codename) triples."""
    q = Q(pk__in=[])
    for app_label, model, codename in permissions:
        q |= Q(content_type__app_label=app_label, content_type__model=model, codename=codename)
    return q


def is_permission(permission, role_permission):
    """Whether a Permission object is this (app_label, model, codename) triple."""
    app_label, model, codename = role_permission
    content_type = ContentType.objects.get_for_id(permission.content_type_id)
    return (permission.codename, content_type.app_label, content_type.model) == (codename, app_label, model)


def role_permissions():
    """The two role permissions, so the Groups screen shows which group holds which role."""
    return Permission.objects.filter(permission_q(SCOPE_PERMISSION, LIBRARY_STAFF_PERMISSION))


def partner_groups():
    return Group.objects.filter(holds(SCOPE_PERMISSION))


def library_staff_groups():
    return Group.objects.filter(holds(LIBRARY_STAFF_PERMISSION)).exclude(pk__in=partner_groups().values("pk"))


class RoleConflict(ValueError):
    """The groups as they stand cannot be given their roles without widening someone's rights."""


def _group_for_role(groups, default_name):
    """The oldest group holding the role, else the group of the default name (created if need be).

    Also says how it was found: "role", "name" (a group of that name not holding the role, such
    as one it was taken from) or "created".
    """
    group = groups.order_by("pk").first()
    if group is not None:
        return group, "role"
    group, created = Group.objects.get_or_create(name=default_name)
    return group, "created" if created else "name"


def _say_how_found(say, group, how, role):
    say(f"{'Created' if how == 'created' else 'Updated'} group '{group.name}'.")
    if how == "name":
        say(
            f"No group held the {role} role: it is given to the existing group '{group.name}' "
            "(found by its name)."
        )


def library_editors_group():
    return _group_for_role(library_staff_groups(), EDITORS_GROUP)[0]


# Page rights on every community hub. Partners' rights are narrowed by the page permission
# policy (clpages.partners.page_permissions) to the pages their organisations co-lead.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
PARTNER_PAGE_PERMISSIONS = ["add_page", "change_page"]

EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    *[
        ("clpages", model, f"{action}_{model}")
        for model in ("communitypartner", "partnermembership", "location", "audience", "language")
        for action in ("add", "change", "delete", "view")
    ],
    # Settings > Library details: the name and contact details every public page shows.
    LIBRARY_DETAILS_PERMISSION,
    # Approving partners' changes to their organisations' profiles (clpages.partners.profiles).
    PROFILE_APPROVAL_PERMISSION,
]
# Running sessions (the optional registration app, named by its label only: clpages never
# imports it): seeing who registered, and marking who came.
REGISTRATIONS_APP = "clpages.registrations"
EDITOR_REGISTRATION_PERMISSIONS = [
    ("clpages_registrations", "registration", "view_registration"),
    ("clpages_registrations", "registration", "change_registration"),
]


LISTENING_APP = "clpages.listening"
# Editors set and approve pages' questions, and read, moderate and export the answers.
EDITOR_LISTENING_PERMISSIONS = [
    ("clpages_listening", "listeningquestion", "change_listeningquestion"),
    ("clpages_listening", "listeninganswer", "view_listeninganswer"),
    ("clpages_listening", "listeninganswer", "change_listeninganswer"),
]
# Outcome surveys (the optional survey app, by its label only too): preparing and approving
# them, entering paper answers and downloading the anonymous answers.
SURVEYS_APP = "clpages.surveys"
EDITOR_SURVEY_PERMISSIONS = [
    *[("clpages_surveys", "survey", f"{action}_survey") for action in ("add", "change", "delete", "approve")],
    ("clpages_surveys", "surveyresponse", "add_surveyresponse"),
    ("clpages_surveys", "surveyresponse", "view_surveyresponse"),
]

# The library team's change-model self-assessment (the optional assessment app, by its label
# only): library staff see, record, change and delete their teams' assessments. Partners never.
ASSESSMENT_APP = "clpages.assessment"
EDITOR_ASSESSMENT_PERMISSIONS = [
    ("clpages_assessment", "assessment", f"{action}_assessment")
    for action in ("add", "change", "delete", "view")
]


# Translating pages with wagtail-localize: its one permission, which it asks alone; the page
# permission policy decides which pages (clpages.translating.rights). Partners translate the
# pages their organisations co-lead, through review.
TRANSLATE_PERMISSION = ("wagtail_localize", "translation", "submit_translation")


def translate_permission():
    """wagtail-localize's permission, made again if a flushed database lost it (its migration made it)."""
    app_label, model, codename = TRANSLATE_PERMISSION
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": "Can submit translations"}
    )
    return permission


def editor_model_permissions():
    permissions = list(EDITOR_MODEL_PERMISSIONS)
    if apps.is_installed(REGISTRATIONS_APP):
        permissions += EDITOR_REGISTRATION_PERMISSIONS
    if apps.is_installed(LISTENING_APP):
        permissions += EDITOR_LISTENING_PERMISSIONS
    if apps.is_installed(SURVEYS_APP):
        permissions += EDITOR_SURVEY_PERMISSIONS
    if apps.is_installed(ASSESSMENT_APP):
        permissions += EDITOR_ASSESSMENT_PERMISSIONS
    return permissions


# Partners see their own organisations' records (the admin narrows the list to them).
PARTNER_MODEL_PERMISSIONS = [
    SCOPE_PERMISSION,
    ("wagtailadmin", "admin", "access_admin"),
    ("clpages", "communitypartner", "view_communitypartner"),
]

EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", action) for action in ("add", "change", "choose", "delete")
] + [("wagtaildocs", "document", action) for action in ("add", "change", "choose", "delete")]
# Granted on the "Partner organisations" collection; the collection policy narrows them to the
# collections of the user's own organisations.
PARTNER_ORGANISATION_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add"),
    ("wagtailimages", "image", "choose"),
    ("wagtaildocs", "document", "add"),
    ("wagtaildocs", "document", "choose"),
]
PARTNER_SHARED_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "choose"),
    ("wagtaildocs", "document", "choose"),
]


def _permission(app_label, model, codename):
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    return Permission.objects.get(content_type=content_type, codename=codename)


def _collection_permission(app_label, model, action):
    return _permission(app_label, model, f"{action}_{model}")


def community_hubs():
    # Through the app registry: the page models are built on these roles' rules.
    return Page.objects.type(apps.get_model("clpages", "CommunityHubPage"))


@transaction.atomic
def setup_community_roles(stdout=None):
    def say(message):
        if stdout is not None:
            stdout.write(message)

    # Partners first: a group holding the scope permission is never taken for library staff.
    partners, partners_found = _group_for_role(partner_groups(), PARTNERS_GROUP)
    partners.permissions.add(*[_permission(*p) for p in PARTNER_MODEL_PERMISSIONS])
    # The library speaks for itself on every page: partners never change its contact details.
    partners.permissions.remove(_permission(*LIBRARY_DETAILS_PERMISSION))
    # Partners propose changes to their own profile; only the library approves them.
    partners.permissions.remove(_permission(*PROFILE_APPROVAL_PERMISSION))
    GroupSitePermission.objects.filter(
        group=partners, permission=_permission(*LIBRARY_DETAILS_PERMISSION)
    ).delete()
    editors, editors_found = _group_for_role(library_staff_groups(), EDITORS_GROUP)
    if editors == partners or partner_groups().filter(pk=editors.pk).exists():
        # Editor rights (publishing included) on a partner group would undo every scope.
        raise RoleConflict(
            f"The group '{editors.name}' holds the partner role, so it cannot become the library "
            "staff group. Give the library-staff permission (Partner membership: Can add) to the "
            "library's own group, or rename that group, then run this again. Nothing was changed."
        )
    _say_how_found(say, editors, editors_found, "library staff")
    _say_how_found(say, partners, partners_found, "partner")

    editors.permissions.add(*[_permission(*p) for p in editor_model_permissions()])
    if apps.is_installed("wagtail_localize"):
        editors.permissions.add(translate_permission())
        partners.permissions.add(translate_permission())

    hubs = list(community_hubs())
    if not hubs:
        say("No community hub page yet: page permissions will be added when this runs again.")
    page_permissions = {
        codename: _permission("wagtailcore", "page", codename)
        for codename in set(EDITOR_PAGE_PERMISSIONS) | set(PARTNER_PAGE_PERMISSIONS)
    }
    for hub in hubs:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=hub, permission=page_permissions[codename]
            )
        for codename in PARTNER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=partners, page=hub, permission=page_permissions[codename]
            )
    removed, _ = (
        GroupPagePermission.objects.filter(group=partners)
        .exclude(page__in=hubs, permission__codename__in=PARTNER_PAGE_PERMISSIONS)
        .delete()
    )
    if removed:
        say(f"Removed {removed} page permission(s) that community partners must not hold.")

    root = Collection.get_first_root_node()
    for permission in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root, permission=_collection_permission(*permission)
        )
    for permission in PARTNER_ORGANISATION_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=partners,
            collection=partner_collections_root(),
            permission=_collection_permission(*permission),
        )
    for permission in PARTNER_SHARED_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=partners, collection=shared_collection(), permission=_collection_permission(*permission)
        )
    count = ensure_partner_collections()
    say(f"Community roles ready on {len(hubs)} hub(s); {count} partner collection(s) in place.")
    return editors, partners
