"""Reports > Translations by language: which public pages of the community section are missing
or out of date in each of the site's languages.

One row per live page of the default language; per other site language, one of:

* Missing: no live translation (none at all, an alias showing the original, or a draft only);
* Out of date: the original was published after the translation was last brought up to it, that
  is after the translation was last published, or, for a translation wagtail-localize keeps in
  sync, after its text was last read from the original (its TranslationSource's
  `last_updated_at`), whichever is earlier;
* Up to date: otherwise.

Every state is worked out in the listing's one query (subqueries per language, whatever the number
of pages), so the report, its filters and its CSV/XLSX export cost the same at any size. Library
staff only: a partner (who never holds the right to publish) is refused it.
"""

import django_filters
from django.apps import apps
from django.db.models import Case, CharField, F, OuterRef, Q, Subquery, Value, When
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from clpages.partners.admin_hooks import in_community_section
from clpages.partners.linking import default_language_code, in_default_locale
from clpages.partners.page_permissions import page_permission_policy

MISSING, OUT_OF_DATE, UP_TO_DATE = "missing", "out_of_date", "up_to_date"
STATES = {
    MISSING: _("Missing"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
}


def other_languages():
    """(code, name) of the site's languages other than the default, in the settings' order."""
    default = default_language_code()
    return [(code, name) for code, name in get_content_languages().items() if code != default]


def field_name(code):
    return "state_" + code.replace("-", "_").lower()


def community_page_models():
    return [model for model in apps.get_models() if issubclass(model, Page) and in_community_section(model)]


def annotate_states(pages):
    """Each page with `state_<code>` (and `translation_id_<code>`) for every other site language."""
    from wagtail_localize.models import TranslationSource

    annotations = {}
    for code, _name in other_languages():
        translations = Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=code,
            alias_of__isnull=True,
        )
        live = translations.filter(live=True)
        synced = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"),
            locale__language_code=default_language_code(),
            translations__target_locale__language_code=code,
            translations__enabled=True,
        )
        published, read, state = f"_published_{code}", f"_read_{code}", field_name(code)
        annotations[f"translation_id_{code}"] = Subquery(translations.values("pk")[:1])
        annotations[published] = Subquery(live.values("last_published_at")[:1])
        annotations[read] = Subquery(synced.values("last_updated_at")[:1])
        annotations[state] = Case(
            When(**{f"{published}__isnull": True}, then=Value(MISSING)),
            When(
                Q(**{f"{published}__lt": F("last_published_at")})
                | Q(**{f"{read}__isnull": False, f"{read}__lt": F("last_published_at")}),
                then=Value(OUT_OF_DATE),
            ),
            default=Value(UP_TO_DATE),
            output_field=CharField(),
        )
    return pages.annotate(**annotations)


class TranslationStatesFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=other_languages, method="filter_language", empty_label=_("All")
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"), choices=list(STATES.items()), method="filter_state", empty_label=_("All")
    )

    class Meta:
        model = Page
        fields = []

    def filter_language(self, queryset, name, value):
        return queryset  # It chooses the columns; with a status, the status is in that language.

    def filter_state(self, queryset, name, value):
        language = self.form.cleaned_data.get("language")
        codes = [language] if language else [code for code, _name in other_languages()]
        wanted = Q(pk__in=[])
        for code in codes:
            wanted |= Q(**{field_name(code): value})
        return queryset.filter(wanted)


class TranslationStatesView(ReportView):
    page_title = _("Translations by language")
    header_icon = "site"
    results_template_name = "clpages/admin/translation_states_results.html"
    filterset_class = TranslationStatesFilterSet
    index_url_name = "clpages_translation_states"
    index_results_url_name = "clpages_translation_states_results"
    permission_policy = page_permission_policy
    any_permission_required = ["publish"]
    context_object_name = "pages"
    model = Page

    @cached_property
    def languages(self):
        chosen = self.request.GET.get("language")
        languages = other_languages()
        return [(code, name) for code, name in languages if code == chosen] or languages

    def get_queryset(self):
        pages = (
            page_permission_policy.instances_user_has_permission_for(self.request.user, "publish")
            .filter(in_default_locale(), live=True)
            .type(*community_page_models())
            .select_related("content_type")
            .order_by("path")
        )
        return annotate_states(pages)

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            page.translation_states = [
                {
                    "code": code,
                    "name": name,
                    "state": getattr(page, field_name(code)),
                    "label": STATES[getattr(page, field_name(code))],
                    "translation_id": getattr(page, f"translation_id_{code}"),
                }
                for code, name in self.languages
            ]
            for state in page.translation_states:
                setattr(page, f"label_{field_name(state['code'])}", state["label"])
            page.type_label = page.content_type.model_class()._meta.verbose_name
        return object_list

    @property
    def list_export(self):
        return ["title", "type_label", "last_published_at"] + [
            f"label_{field_name(code)}" for code, _name in self.languages
        ]

    @property
    def export_headings(self):
        return {
            "title": _("Page"),
            "type_label": _("Type"),
            "last_published_at": _("Original last published"),
            **{f"label_{field_name(code)}": name for code, name in self.languages},
        }

    def get_filename(self):
        return "translations-by-language"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"] = self.languages
        return context


class TranslationStatesMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["publish"])


def menu_item():
    """A `register_reports_menu_item` hook."""
    return TranslationStatesMenuItem(
        _("Translations by language"),
        reverse("clpages_translation_states"),
        name="translations-by-language",
        icon_name="site",
        order=9100,
    )


def admin_urls():
    """A `register_admin_urls` hook."""
    return [
        path(
            "reports/translations-by-language/",
            TranslationStatesView.as_view(),
            name="clpages_translation_states",
        ),
        path(
            "reports/translations-by-language/results/",
            TranslationStatesView.as_view(results_only=True),
            name="clpages_translation_states_results",
        ),
    ]
