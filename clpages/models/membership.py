"""Who belongs to which partner organisation: the basis of partners' rights in the admin."""

from django.conf import settings
from django.db import models


class PartnerMembership(models.Model):
    partner = models.ForeignKey(
        "clpages.CommunityPartner", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The member's own choice, made on their account screen (clpages.accounts.group_pages): no
    # form of the library's sets it, so nobody is named on a group's public page without consent.
    shown_on_group_page = models.BooleanField("Show my name on our group's public page", default=False)
    public_name = models.CharField(
        "name to show",
        max_length=100,
        blank=True,
        help_text="How your name appears on the page. Leave empty to use your first and last name.",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partner", "user"], name="unique_partner_membership")]
        verbose_name = "partner membership"
        # Held by a group (not a user): that group's page and collection grants are read as
        # organisation-scoped by clpages.partners.page_permissions. Wagtail has no such setting of its own.
        permissions = [("act_for_own_organisations", "Act for their own partner organisations only")]

    def __str__(self):
        return f"{self.user} in {self.partner}"

    @property
    def shown_name(self):
        """The name a group page shows for this member, once they have agreed to be shown."""
        return self.public_name.strip() or self.user.get_full_name().strip()


class MembershipRequest(models.Model):
    """An invitation to someone who already has an account: they join only if they accept it.

    Kept so that each emailed link can be used once (accepting fills in `accepted_at`).
    """

    partner = models.ForeignKey(
        "clpages.CommunityPartner", on_delete=models.CASCADE, related_name="membership_requests"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "membership request"

    def __str__(self):
        return f"{self.user} asked to join {self.partner}"
