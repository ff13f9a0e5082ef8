"""The demo in French and Arabic, made through wagtail-localize as a translator would make it.

Each page and record is submitted for translation (a TranslationSource and a Translation, as the
"Translate" button makes them), every one of its words gets the translator's text from
translations/fr.py and translations/ar.py, and the translation is then saved and published. Editors
can carry on in wagtail-localize's editor, and it tells them when the original changes.

A word without a translation stops the demo: it never shows a half-translated page.
"""

from django.core.management.base import CommandError
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from clpages.models import (
    ActionGroupIndexPage,
    ActionGroupPage,
    Audience,
    CommunityHubPage,
    CommunityPartner,
    EvaluationIndexPage,
    EvaluationPage,
    Language,
    Location,
    PartnershipIndexPage,
    PartnershipPage,
    ProgramIndexPage,
    ProgramPage,
)

from . import content
from .translations import SAME_IN_EVERY_LANGUAGE, ar, fr

TEXTS = {"fr": fr.TEXTS, "ar": ar.TEXTS}

# The pages read in every language: the hub, its indexes, and the newcomer families' story.
PROGRAMS = ["homework-help-club", "newcomer-family-priorities", "tenant-rights-information-nights"]
PARTNERSHIPS = ["riverbend-newcomers-network"]
EVALUATIONS = ["homework-help-club-first-term"]
ACTION_GROUPS = ["maple-ridge-tenants"]

# A page's address stays the same in every language: /fr/community/programs/homework-help-club/.
KEPT_FIELDS = {"slug"}


class MissingDemoTranslation(CommandError):
    pass


class DemoTranslator:
    def __init__(self, log=None):
        self.log = log or (lambda message: None)

    def translate_all(self, home):
        """Translate what is not translated yet; return how many translations were made."""
        default = Locale.get_default()
        made = 0
        for code, texts in TEXTS.items():
            locale, _ = Locale.objects.get_or_create(language_code=code)
            for instance in self.originals(home, default):
                made += self.translate(instance, locale, texts)
        return made

    def originals(self, home, default):
        """Records before the pages that point at them; each page after its parent."""
        yield from Audience.objects.filter(locale=default, name__in=content.AUDIENCES)
        yield from Language.objects.filter(locale=default, name__in=list(content.LANGUAGES))
        names = [location["name"] for location in content.LOCATIONS.values()]
        yield from Location.objects.filter(locale=default, name__in=names)
        names = [partner["name"] for partner in content.PARTNERS]
        yield from CommunityPartner.objects.filter(locale=default, name__in=names)
        yield home
        hub = CommunityHubPage.objects.child_of(home).get(slug="community")
        yield hub
        for index_model, page_model, slugs in [
            (ProgramIndexPage, ProgramPage, PROGRAMS),
            (PartnershipIndexPage, PartnershipPage, PARTNERSHIPS),
            (EvaluationIndexPage, EvaluationPage, EVALUATIONS),
            (ActionGroupIndexPage, ActionGroupPage, ACTION_GROUPS),
        ]:
            index = index_model.objects.child_of(hub).get()
            yield index
            yield from page_model.objects.child_of(index).filter(slug__in=slugs).order_by("path")

    def translate(self, instance, locale, texts):
        if instance.has_translation(locale):
            return 0
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        missing = []
        for segment in source.stringsegment_set.select_related("string", "context"):
            english = segment.string.data
            if segment.context.path.rsplit(".", 1)[-1] in KEPT_FIELDS or english in SAME_IN_EVERY_LANGUAGE:
                text = english
            else:
                text = texts.get(english)
            if not text:
                missing.append(english)
                continue
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
        if missing:
            listed = "\n".join(f"  {english!r}" for english in missing)
            raise MissingDemoTranslation(
                f"The demo has no {locale.get_display_name()} for these words of {instance!r}; "
                f"add them to home/demo/translations/{locale.language_code}.py:\n{listed}"
            )
        Translation.objects.get_or_create(source=source, target_locale=locale)
        is_page = isinstance(instance, Page)
        # A page is saved as a revision and published here, now, rather than when the
        # transaction commits: the demo's pages are live as soon as it is built.
        translated, _ = source.create_or_update_translation(locale, publish=not is_page)
        if is_page:
            translated.get_latest_revision().publish()
        self.log(f"  translated {instance!r} into {locale.language_code}")
        return 1
