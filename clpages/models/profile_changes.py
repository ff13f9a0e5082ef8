"""Changes a partner proposes to their organisation's public profile, kept until the library approves.

A record of its own rather than revisions of the organisation: CommunityPartner is read live by
every public listing, page, feed and the API in every language, and a draft state on it would
make each of those queries filter for the live version. Here the organisation stays as it is
until a library editor approves, and approving copies the proposed values onto it
(clpages.partners.profiles).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clpages.contact import validate_phone
from clpages.models.partners import in_default_language
from clpages.single_line import validate_single_line

DESCRIPTION_MAX = 2000
COMMUNITIES_MAX = 500


class ProfileChangeStatus(models.TextChoices):
    AWAITING_REVIEW = "awaiting_review", _("Waiting for the library's review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved and live")


# What a partner may change: the organisation's public words, logo and languages, and its private
# contact. Its name, address (slug), kind and members stay with the library.
PROFILE_FIELDS = (
    "description",
    "website",
    "logo",
    "languages",
    "communities_served",
    "contact_name",
    "contact_email",
    "contact_phone",
)
PRIVATE_FIELDS = ("contact_name", "contact_email", "contact_phone")


class PartnerProfileChange(models.Model):
    partner = models.ForeignKey(
        "clpages.CommunityPartner", on_delete=models.CASCADE, related_name="profile_changes"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=20, choices=ProfileChangeStatus.choices, default=ProfileChangeStatus.AWAITING_REVIEW
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True, max_length=2000)

    description = models.TextField(
        max_length=DESCRIPTION_MAX, help_text="Who you are and what you do, in your own words."
    )
    website = models.URLField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    languages = models.ManyToManyField(
        "clpages.Language", blank=True, related_name="+", limit_choices_to=in_default_language
    )
    communities_served = models.TextField(blank=True, max_length=COMMUNITIES_MAX)
    contact_name = models.CharField(max_length=120, blank=True, validators=[validate_single_line])
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True, validators=[validate_phone])

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = "profile change"
        # Held by library staff (clpages.partners.roles); a partner group holding it by mistake
        # still may not approve (clpages.partners.profiles.may_approve).
        permissions = [("approve_partner_profile", "Approve changes to partner organisations' profiles")]

    def __str__(self):
        return f"Profile change for {self.partner}"

    @property
    def is_open(self):
        return self.status != ProfileChangeStatus.APPROVED
