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

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partner", "user"], name="unique_partner_membership")]
        verbose_name = "partner membership"
        # Held by a group (not a user): that group's page and collection grants are read as
        # organisation-scoped by clpages.partners.page_permissions. Wagtail has no such setting of its own.
        permissions = [("act_for_own_organisations", "Act for their own partner organisations only")]

    def __str__(self):
        return f"{self.user} in {self.partner}"


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
