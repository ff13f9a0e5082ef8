"""The library's own name and contact details: one record per site, set under Settings.

Every public page shows them (the footer, how to register for a session), so templates read
them as a plain ``LibraryContact`` kept with the other shared facts (performance.cache.shared):
no query per page view, and a change shows on the next request, as publishing does.
"""

import dataclasses

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from clpages.conf import setting
from clpages.contact import CURRENCY_MESSAGE, tel_href, validate_currency, validate_phone
from clpages.performance.cache import shared
from clpages.performance.visibility import is_public
from clpages.single_line import validate_single_line


def default_currency():
    """The currency a new site starts with: the CLPAGES_CURRENCY setting."""
    return setting("CLPAGES_CURRENCY")


# Fields shown on every page and in feed titles: a line break there would break the layout
# and the feed's title.
ONE_LINE_FIELDS = ("name", "street_address", "city", "region", "postcode")


@register_setting(icon="site")
class LibraryDetails(BaseSiteSetting):
    name = models.CharField(
        "library name",
        max_length=150,
        blank=True,
        help_text="As patrons know it, for example “Riverbend Public Library”. Shown at the foot of "
        "every page, in the program feeds and to search engines. Leave it empty to use the site's name.",
    )
    phone = models.CharField(
        "phone number",
        max_length=30,
        blank=True,
        validators=[validate_phone],
        help_text="The number patrons call with questions and to register, for example +1 555-555-0100. "
        "Digits, spaces, +, dashes and brackets only. Phones can call it straight from the page.",
    )
    email = models.EmailField(
        "email address",
        blank=True,
        help_text="The library's public address for questions, for example info@yourlibrary.org. "
        "It is shown on every page: use a shared address, not a person's own.",
    )
    street_address = models.CharField(max_length=200, blank=True)
    city = models.CharField("town or city", max_length=100, blank=True)
    region = models.CharField("province or state", max_length=100, blank=True)
    postcode = models.CharField("postal code", max_length=20, blank=True)
    opening_hours_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A page of this site giving your opening hours.",
    )
    opening_hours_url = models.URLField(
        "opening hours link",
        blank=True,
        help_text="Or a link to your opening hours on another website, when they are not on a page here.",
    )
    currency = models.CharField(
        max_length=3,
        default=default_currency,
        validators=[validate_currency],
        error_messages={"blank": CURRENCY_MESSAGE},
        help_text="The three-letter ISO 4217 code of the currency your prices are in, for example CAD, "
        "USD, EUR or GBP. Search engines read it with program prices.",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email")],
            heading="Contact",
            help_text="Shown at the foot of every page and wherever patrons are asked to contact us.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("city"),
                FieldPanel("region"),
                FieldPanel("postcode"),
            ],
            heading="Postal address",
        ),
        MultiFieldPanel(
            [FieldPanel("opening_hours_page"), FieldPanel("opening_hours_url")],
            heading="Opening hours",
            help_text="Choose a page or give a link: the foot of every page links to it.",
        ),
        FieldPanel("currency"),
    ]

    select_related = ["opening_hours_page"]

    class Meta:
        verbose_name = "library details"
        verbose_name_plural = "library details"

    def clean(self):
        super().clean()
        errors = {}
        for field in ONE_LINE_FIELDS:
            try:
                validate_single_line(getattr(self, field), f"The {self._meta.get_field(field).verbose_name}")
            except ValidationError as error:
                errors[field] = error
        if self.opening_hours_page_id and self.opening_hours_url:
            errors["opening_hours_url"] = ValidationError(
                "Choose a page or give a link for your opening hours, not both, so patrons find one answer.",
                code="both",
            )
        if errors:
            raise ValidationError(errors)
        self.currency = (self.currency or "").strip().upper()
        self.phone = self.phone.strip()


def _site_name(site):
    return (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "") or "Our library"


@dataclasses.dataclass(frozen=True)
class LibraryContact:
    """What public pages show of the library: the details as set, with their fallbacks."""

    name: str
    currency: str
    phone: str = ""
    email: str = ""
    street_address: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    opening_hours_url: str = ""

    @property
    def tel_href(self):
        return tel_href(self.phone)

    @property
    def locality_line(self):
        """ "Riverbend, ON K0R 1A0": town, then province or state and postal code."""
        region_and_code = " ".join(part for part in (self.region, self.postcode) if part)
        return ", ".join(part for part in (self.city, region_and_code) if part)

    @property
    def has_address(self):
        return bool(self.street_address or self.locality_line)

    @property
    def can_be_reached(self):
        """Whether patrons have a number or an address to contact the library at."""
        return bool(self.phone or self.email)


def _hours_url(details, request):
    page = details.opening_hours_page
    # A page taken down or made private is not sent to patrons; the link is shown again once it is back.
    if page is not None and is_public(page):
        return page.get_url(request) or ""
    return details.opening_hours_url


def _read_contact(site, request):
    details = LibraryDetails.base_queryset().filter(site=site).first() or LibraryDetails(site=site)
    return LibraryContact(
        name=details.name or _site_name(site),
        currency=details.currency or default_currency(),
        phone=details.phone,
        email=details.email,
        street_address=details.street_address,
        city=details.city,
        region=details.region,
        postcode=details.postcode,
        opening_hours_url=_hours_url(details, request),
    )


def contact_for_site(site, request=None):
    """The LibraryContact of ``site``, read once per change of public content.

    Nothing is written on a read: a site whose details were never saved gets the defaults.
    """
    if site is None:
        return LibraryContact(name=_site_name(None), currency=default_currency())
    return shared(f"library-details:{site.pk}", lambda: _read_contact(site, request))


_REQUEST_ATTRIBUTE = "_clpages_library_contact"


def library_contact(request):
    """The LibraryContact of the request's site, looked up once per request."""
    if request is None:
        return contact_for_site(None)
    contact = getattr(request, _REQUEST_ATTRIBUTE, None)
    if contact is None:
        contact = contact_for_site(Site.find_for_request(request), request)
        setattr(request, _REQUEST_ATTRIBUTE, contact)
    return contact
