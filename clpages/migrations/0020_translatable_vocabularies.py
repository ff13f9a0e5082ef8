"""Vocabularies, organisations and the words inside results and partnership pages get a locale.

Every existing row is in the default language. A vocabulary's name and slug are then unique per
language rather than across the site. Known languages get their code and their own name.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TRANSLATABLE = [
    "audience",
    "language",
    "location",
    "communitypartner",
    "evaluationmeasure",
    "evaluationquote",
    "evaluationresponse",
    "partnershipnextstep",
]

# Names the demo and most libraries use, with the code and own name a screen reader needs.
KNOWN_LANGUAGES = {
    "english": ("en", "English"),
    "french": ("fr", "Français"),
    "arabic": ("ar", "العربية"),
    "spanish": ("es", "Español"),
    "dari": ("prs", "دری"),
    "farsi": ("fa", "فارسی"),
    "persian": ("fa", "فارسی"),
    "tagalog": ("tl", "Tagalog"),
    "filipino": ("fil", "Filipino"),
    "asl": ("ase", "ASL"),
    "american sign language": ("ase", "ASL"),
    "portuguese": ("pt", "Português"),
    "punjabi": ("pa", "ਪੰਜਾਬੀ"),
    "somali": ("so", "Soomaali"),
    "ukrainian": ("uk", "Українська"),
    "urdu": ("ur", "اردو"),
    "vietnamese": ("vi", "Tiếng Việt"),
    "mandarin": ("zh", "中文"),
    "cantonese": ("yue", "粵語"),
    "chinese": ("zh", "中文"),
    "tigrinya": ("ti", "ትግርኛ"),
    "swahili": ("sw", "Kiswahili"),
    "korean": ("ko", "한국어"),
    "hindi": ("hi", "हिन्दी"),
    "tamil": ("ta", "தமிழ்"),
    "russian": ("ru", "Русский"),
    "polish": ("pl", "Polski"),
    "italian": ("it", "Italiano"),
    "german": ("de", "Deutsch"),
}


def default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = settings.LANGUAGE_CODE.split("-")[0]
    locale = Locale.objects.filter(language_code__iexact=settings.LANGUAGE_CODE).first()
    locale = locale or Locale.objects.filter(language_code__istartswith=code).first()
    return locale or Locale.objects.order_by("pk").first() or Locale.objects.create(language_code=code)


def bootstrap(apps, schema_editor):
    locale = None
    for name in TRANSLATABLE:
        model = apps.get_model("clpages", name)
        rows = list(model.objects.only("pk"))
        if not rows:
            continue
        locale = locale or default_locale(apps)
        for row in rows:
            row.locale_id = locale.pk
            row.translation_key = uuid.uuid4()
        model.objects.bulk_update(rows, ["locale", "translation_key"], batch_size=500)
    Language = apps.get_model("clpages", "Language")
    for language in Language.objects.all():
        known = KNOWN_LANGUAGES.get(language.name.strip().lower())
        if known:
            language.code, language.own_name = known
            language.save(update_fields=["code", "own_name"])


def tell_translations_apart(apps, schema_editor):
    """Going back: names and slugs are unique across the site again, so a translated term or
    organisation keeps its row with its language's code after its name and slug."""
    locale = default_locale(apps)
    for name in ("audience", "language", "communitypartner"):
        model = apps.get_model("clpages", name)
        for row in model.objects.exclude(locale=locale).select_related("locale"):
            code = row.locale.language_code
            row.name = f"{row.name} ({code})"
            row.slug = f"{row.slug}-{code}"
            row.save(update_fields=["name", "slug"])


def locale_field(null):
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("clpages", "0019_hear_back_request"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = (
        [
            operation
            for name in TRANSLATABLE
            for operation in (
                migrations.AddField(model_name=name, name="locale", field=locale_field(null=True)),
                migrations.AddField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(null=True, editable=False),
                ),
            )
        ]
        + [
            migrations.AddField(
                model_name="language",
                name="code",
                field=models.CharField(
                    blank=True,
                    help_text='The standard code, such as "ar", "fr", "prs" for Dari or "ase" for ASL.',
                    max_length=20,
                    verbose_name="language code",
                ),
            ),
            migrations.AddField(
                model_name="language",
                name="own_name",
                field=models.CharField(
                    blank=True,
                    help_text='How its speakers write it, such as "العربية" or "Français".',
                    max_length=80,
                    verbose_name="name in the language itself",
                ),
            ),
            migrations.AddField(
                model_name="evaluationquote",
                name="language",
                field=models.ForeignKey(
                    blank=True,
                    help_text="The language these words were said or written in.",
                    null=True,
                    on_delete=django.db.models.deletion.SET_NULL,
                    related_name="+",
                    to="clpages.language",
                    verbose_name="said in",
                ),
            ),
            migrations.RunPython(bootstrap, migrations.RunPython.noop),
        ]
        + [
            operation
            for name in TRANSLATABLE
            for operation in (
                migrations.AlterField(model_name=name, name="locale", field=locale_field(null=False)),
                migrations.AlterField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
            )
        ]
        + [
            migrations.AlterField(model_name=model, name=field, field=definition)
            for model, length in (("audience", 80), ("language", 80), ("communitypartner", 150))
            for field, definition in (
                ("name", models.CharField(max_length=length)),
                ("slug", models.SlugField(blank=True, max_length=length)),
            )
        ]
        + [
            migrations.AlterUniqueTogether(
                name=name,
                unique_together=(
                    {("translation_key", "locale"), ("name", "locale"), ("slug", "locale")}
                    if name in ("audience", "language", "communitypartner")
                    else {("translation_key", "locale")}
                ),
            )
            for name in TRANSLATABLE
        ]
        # Reversed first: translations are told apart before uniqueness across the site comes back.
        + [migrations.RunPython(migrations.RunPython.noop, tell_translations_apart)]
    )
