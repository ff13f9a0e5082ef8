"""Consent mode: library edits to co-led pages go live only with the co-leads' consent.

A community hub's "Library edits to co-led pages need the partners' consent" setting. In that mode
a user who acts for none of the organisations linked to a page (library staff, superusers
included) cannot publish a change to it directly: their change goes through "Community review",
whose partner co-review step then asks every linked organisation, and the library approves after.

`consent_holds` is the one rule. The community page tester's `can_publish` reads it, so every
route that asks Wagtail whether someone may publish (the edit view and its revert, the action
menu, the admin API's publish action, bulk publishing, scheduling, translations) follows it; the
workflow's finish action (`review_finish`) publishes what every step approved, without asking.

Sits below the permission policy, which is built on it, and reads the hub model through the app
registry.
"""

from django.apps import apps

from clpages.partners.linking import default_language_code
from clpages.partners.scope import linked_organisation_ids, organisation_ids

_HUBS_CACHE = "_clpages_consent_hubs"


def _hub_settings(user):
    """{hub path: needs consent} for every hub, read once per request (cached on the user object).

    A translated hub follows its original's setting, as a translation's facts do.
    """
    if not hasattr(user, _HUBS_CACHE):
        hub_model = apps.get_model("clpages", "CommunityHubPage")
        rows = list(
            hub_model.objects.values_list(
                "path", "translation_key", "locale__language_code", "library_edits_need_consent"
            )
        )
        default = default_language_code()
        originals = {key: flag for _, key, language, flag in rows if language == default}
        setattr(user, _HUBS_CACHE, {path: originals.get(key, flag) for path, key, _, flag in rows})
    return getattr(user, _HUBS_CACHE)


def in_consent_mode(user, page):
    """Whether the hub above the page asks for the partners' consent to library edits."""
    path = getattr(page, "path", "") or ""
    return any(flag and path.startswith(hub_path) for hub_path, flag in _hub_settings(user).items())


def consent_holds(user, page):
    """True when this user may not publish this page directly, only through Community review:
    its hub is in consent mode, partners co-lead it (as stored: a draft cannot take a partner
    off without that partner's consent), and the user acts for none of them."""
    if page.pk is None or not user.is_authenticated or not in_consent_mode(user, page):
        return False
    linked = linked_organisation_ids(page)
    return bool(linked) and not (organisation_ids(user) & linked)
