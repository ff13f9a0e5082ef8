"""Organisations, places and the shared vocabularies programs are described with."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from clpages.i18n import fields, vocabulary
from clpages.i18n.originals import default_locale_id
from clpages.partners.linking import in_default_locale
from clpages.single_line import validate_single_line
from clpages.stages import LocationKind, PartnerKind


class UniqueInLocale:
    """Refuses, with a message on the field, a name or slug already used in the same language.

    The database enforces it too, but a form never shows the locale field, so Django's own check
    of unique_together would skip it and the editor would get an error page instead.
    """

    unique_in_locale = ("name", "slug")

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        locale_id = self.locale_id or default_locale_id()
        errors = {}
        for field in self.unique_in_locale:
            value = getattr(self, field)
            if not value or field in (exclude or ()):
                continue
            taken = type(self)._default_manager.filter(locale_id=locale_id, **{field: value})
            if taken.exclude(pk=self.pk).exists():
                label = self._meta.get_field(field).verbose_name
                errors[field] = f"Another {self._meta.verbose_name} already has this {label}."
        if errors:
            raise ValidationError(errors)


def in_default_language():
    """What pages may point at: the terms of the default language (translations are their words).

    For ``limit_choices_to``: every form choosing a term lists those, and a page naming another
    is refused when it is validated.
    """
    return in_default_locale()


class _NamedVocabulary(UniqueInLocale, TranslatableMixin, models.Model):
    """A term pages are described with; each language has its own wording of it.

    Pages always point at the term in the default language, and show it in the visitor's
    (clpages.i18n.vocabulary). The slug is the same in every language, so filter addresses are too.
    """

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    # A translation words the name; the slug (so filter addresses) is the same in every language.
    translatable_fields = fields.translated("name") + fields.kept("slug")

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class Audience(_NamedVocabulary):
    """Who a program is for, e.g. teens, families, newcomers, older adults."""


class Language(_NamedVocabulary):
    """A language a program is offered in or a partner works in."""

    # Wording a screen reader and the browser understand (lang="ar", dir="rtl"), and the name the
    # language's own speakers use, shown beside the name in the visitor's language.
    code = models.CharField(
        "language code",
        max_length=20,
        blank=True,
        help_text='The standard code, such as "ar", "fr", "prs" for Dari or "ase" for ASL.',
    )
    own_name = models.CharField(
        "name in the language itself",
        max_length=80,
        blank=True,
        help_text='How its speakers write it, such as "العربية" or "Français".',
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("code"), FieldPanel("own_name")]

    # Its code and own name are the same whatever language it is named in.
    translatable_fields = fields.translated("name") + fields.kept("slug", "code", "own_name")

    @property
    def direction(self):
        """ "rtl" or "ltr": how its script runs (clpages.i18n.vocabulary.direction)."""
        return vocabulary.direction(self.code)


class Location(UniqueInLocale, TranslatableMixin, index.Indexed, models.Model):
    """A library branch or community venue where sessions take place."""

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=LocationKind.choices, default=LocationKind.BRANCH)
    street_address = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    postcode = models.CharField(max_length=20, blank=True)
    step_free_access = models.BooleanField(default=False)
    accessibility_notes = models.TextField(
        blank=True, help_text="Entrances, lifts, washrooms, quiet rooms, parking, transit."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("city"), FieldPanel("postcode")],
            heading="Address",
        ),
        MultiFieldPanel(
            [FieldPanel("step_free_access"), FieldPanel("accessibility_notes")],
            heading="Accessibility",
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("street_address"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    unique_in_locale = ()

    # Translators word the name and the accessibility notes; the address and the facts stay.
    translatable_fields = fields.translated("name", "accessibility_notes") + fields.kept(
        "kind", "street_address", "city", "postcode", "step_free_access"
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def address(self):
        return ", ".join(part for part in (self.street_address, self.city, self.postcode) if part)


class CommunityPartner(UniqueInLocale, TranslatableMixin, index.Indexed, ClusterableModel):
    """A partner organisation or community action group that co-leads work with the library.

    Members, memberships, the collection and the private contact belong to the organisation in the
    default language; a translation carries only its public words (description, communities served).
    """

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, blank=True)
    kind = models.CharField(
        max_length=20, choices=PartnerKind.choices, default=PartnerKind.COMMUNITY_ORGANISATION
    )
    description = models.TextField(help_text="Who you are and what you do, in your own words.")
    website = models.URLField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="partners", limit_choices_to=in_default_language
    )
    communities_served = models.TextField(blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="clpages.PartnerMembership",
        blank=True,
        related_name="partner_organisations",
    )
    # Each organisation's own image and document collection, where its members upload.
    collection = models.OneToOneField(
        "wagtailcore.Collection", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Private: for library staff only. Never rendered on a public page or exposed by the API.
    contact_name = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("communities_served"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading="Private contact",
            help_text="Seen by library staff only. Never shown on the public website.",
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("communities_served"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    # Its public words are translated; its collection, members and private contact belong to the
    # organisation in the default language and are never copied (copy_for_translation below).
    translatable_fields = (
        fields.translated("name", "description", "communities_served")
        + fields.kept("slug", "kind", "website", "logo")
        + fields.facts("collection", "contact_name", "contact_email", "contact_phone")
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "community partner"
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]

    def copy_for_translation(self, locale, exclude_fields=None):
        # One collection and one set of members per organisation, whatever the language.
        exclude = ["collection", "members", "contact_name", "contact_email", "contact_phone"]
        return super().copy_for_translation(locale, exclude_fields=exclude + list(exclude_fields or []))

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # The name is put in email subjects and the invitation screen's heading.
        try:
            validate_single_line(self.name, "The organisation's name")
        except ValidationError as error:
            raise ValidationError({"name": error}) from None

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:150]
        super().save(*args, **kwargs)
