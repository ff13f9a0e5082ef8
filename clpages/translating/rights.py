"""Who may translate a page of the community section, on every wagtail-localize route.

wagtail-localize asks only for its own `submit_translation` permission before it creates or
syncs a translation, and publishes a translation at once when its source is live. For the
community section's pages this module asks the page permission policy, which knows that a
translation belongs to the organisations of its source (clpages.partners.linking):

* creating a translation ("Translate this page") needs the right to edit the source, and to add
  pages under the translated parent in each chosen language, which must be one of the site's
  languages; someone acting for organisations never translates a subtree, never has missing
  parent pages copied, and never on a site where a new translation would go live at once;
* the translation editor and its API (strings, overrides, PO files, machine translation,
  preview, stopping) need the right to edit the translation;
* submitting a translation for review needs the right to edit it, while the review does not
  lock it for this user;
* syncing needs the right to edit the source and every translation, and publishing them the
  right to publish each; converting a translation back to an alias (which shows the source live
  in its place) and publishing from the translation editor need the right to publish.

Snippets, modeladmin records and wagtail-localize's site-wide report stay with library staff:
someone acting for organisations is refused them. Every refusal is a plain 403 before the view
runs, so nothing changes.
"""

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import PermissionDenied
from django.utils.deprecation import MiddlewareMixin
from django.utils.module_loading import import_string
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from clpages.partners.admin_hooks import PUBLISHING_ACTIONS, in_community_section
from clpages.partners.scope import scoped_group_ids
from clpages.translating.review import SUBMIT_FOR_REVIEW, may_submit

NAMESPACE = "wagtail_localize"
MODELADMIN_NAMESPACE = "wagtail_localize_modeladmin"

# Routes taking a translation (`translation_id`) whose target page the user must be able to edit.
TRANSLATION_ROUTES = {
    "edit_string_translation",
    "edit_override",
    "download_pofile",
    "upload_pofile",
    "machine_translate",
    "preview_translation",
    "stop_translation",
}
# Routes about anything but pages, or about the whole site: library staff only.
STAFF_ONLY_ROUTES = {
    "submit_snippet_translation",
    "translations_report",
    "translations_report_results",
    "snippets_api_listing",
    "snippets_api_detail",
}


def acts_for_organisations(user):
    """Anyone holding a partner role: their rights here are their organisations'."""
    return bool(scoped_group_ids(user))


def new_translations_go_live():
    """wagtail-localize publishes a new translation of a live page unless told not to."""
    return getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True)


def site_locales():
    """The locales of the site's languages (WAGTAIL_CONTENT_LANGUAGES), as a queryset."""
    return Locale.objects.filter(language_code__in=[code for code, _name in get_content_languages().items()])


def _community_page(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not in_community_section(page.specific_class):
        return None
    return page.specific


def _translation_target(translation_id):
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(pk=translation_id).select_related("source").first()
    if translation is None:
        return None
    try:
        target = translation.get_target_instance()
    except Exception:  # noqa: BLE001 - no translated object yet: wagtail-localize answers 404
        return None
    return target if isinstance(target, Page) and in_community_section(type(target)) else None


def _refuse_unless(allowed):
    if not allowed:
        raise PermissionDenied


def check_submit(request, source):
    """Creating translations of `source` (wagtail-localize's "Translate this page")."""
    user = request.user
    _refuse_unless(source.permissions_for_user(user).can_edit())
    if request.method != "POST":
        return
    partner = acts_for_organisations(user)
    if partner:
        _refuse_unless(not request.POST.get("include_subtree"))
        _refuse_unless(not (new_translations_go_live() and source.live))
    chosen = [value for value in request.POST.getlist("locales") if value]
    _refuse_unless(all(value.isdigit() for value in chosen))
    locales = list(site_locales().filter(pk__in=chosen).exclude(pk=source.locale_id))
    _refuse_unless(len(locales) == len(set(chosen)))
    parent = source.get_parent()
    for locale in locales:
        parent_translation = parent.get_translation_or_none(locale)
        if parent_translation is None:
            # wagtail-localize would copy the missing parents: a change to the tree itself.
            _refuse_unless(not partner)
            continue
        _refuse_unless(parent_translation.specific.permissions_for_user(user).can_add_subpage())


def check_sync(request, source_id):
    """wagtail-localize's "Sync translated pages", for a page of the community section."""
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return
    try:
        original = source.get_source_instance()
    except Exception:  # noqa: BLE001 - the source is gone: wagtail-localize answers 404
        return
    user = request.user
    if not isinstance(original, Page):
        _refuse_unless(not acts_for_organisations(user))
        return
    if not in_community_section(type(original)):
        return
    _refuse_unless(original.permissions_for_user(user).can_edit())
    targets = Page.objects.filter(
        translation_key=original.translation_key,
        locale__in=source.translations.filter(enabled=True).values("target_locale"),
    ).exclude(pk=original.pk)
    publishing = request.method == "POST" and request.POST.get("publish_translations")
    for target in targets.specific():
        permissions = target.permissions_for_user(user)
        _refuse_unless(permissions.can_edit())
        _refuse_unless(not publishing or permissions.can_publish())


def check_translation_editor_post(request, page):
    """The translation editor replaces Wagtail's edit view: its "Publish" (and Wagtail's own,
    forged) need the right to publish."""
    if request.method != "POST":
        return
    publishing = request.POST.get("action") == "publish" or any(
        name in request.POST for name in PUBLISHING_ACTIONS
    )
    if publishing:
        _refuse_unless(page.permissions_for_user(request.user).can_publish())


def guard(request, view_name, kwargs):
    """Raise PermissionDenied for a translation route this user may not use (see module doc)."""
    namespace, _, name = view_name.rpartition(":")
    user = request.user
    if namespace == MODELADMIN_NAMESPACE:
        _refuse_unless(not acts_for_organisations(user))
        return
    if view_name == "wagtailadmin_pages:edit":
        page = _community_page(kwargs.get("page_id"))
        if page is not None:
            check_translation_editor_post(request, page)
        return
    if view_name == SUBMIT_FOR_REVIEW:
        target = _translation_target(kwargs.get("translation_id"))
        if target is not None:
            _refuse_unless(may_submit(user, target))
        return
    if namespace != NAMESPACE:
        return
    if name in STAFF_ONLY_ROUTES:
        _refuse_unless(not acts_for_organisations(user))
    elif name == "submit_page_translation":
        page = _community_page(kwargs.get("page_id"))
        if page is not None:
            check_submit(request, page)
    elif name == "update_translations":
        check_sync(request, kwargs.get("translation_source_id"))
    elif name == "convert_to_alias":
        page = _community_page(kwargs.get("page_id"))
        if page is not None:
            _refuse_unless(page.permissions_for_user(user).can_publish())
    elif name in TRANSLATION_ROUTES:
        target = _translation_target(kwargs.get("translation_id"))
        if target is not None:
            _refuse_unless(target.permissions_for_user(user).can_edit())


class TranslationRightsMiddleware(MiddlewareMixin):
    """Applies `guard` before wagtail-localize's views (and Wagtail's edit view) run."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        if not match.view_name.startswith(("wagtail_localize", "wagtailadmin_pages:edit", SUBMIT_FOR_REVIEW)):
            return None
        guard(request, match.view_name, view_kwargs)
        return None


@checks.register(checks.Tags.security)
def check_translation_settings(app_configs, **kwargs):
    """Without these, partners' translations no longer wait for review."""
    if not apps.is_installed("wagtail_localize"):
        return []
    errors = []
    if new_translations_go_live():
        errors.append(
            checks.Warning(
                "A new translation of a live page is published at once, in the original's words, "
                "so partners cannot create translations (they are refused).",
                hint="Set WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False.",
                id="clpages.W401",
            )
        )
    if TranslationRightsMiddleware not in {import_string(path) for path in settings.MIDDLEWARE}:
        errors.append(
            checks.Error(
                "TranslationRightsMiddleware is not in MIDDLEWARE, so anyone with wagtail-localize's "
                "permission can translate, sync and publish any page of the community section.",
                hint='Add "clpages.translating.rights.TranslationRightsMiddleware" to MIDDLEWARE.',
                id="clpages.E401",
            )
        )
    return errors
