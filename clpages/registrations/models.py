"""A patron's registration for a date of a session, or for a whole series.

A registration holds only what running the session needs: a name to greet people by, an email
address to send the confirmation, changes and a reminder to, an optional phone number, how many
places, and the access needs the library should prepare for. Names and contacts are erased a
set number of days after the session (``erase_personal_data``); the counts stay.
"""

import secrets

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

SERIES = "series"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


def new_secret():
    return secrets.token_urlsafe(16)


class RegistrationQuerySet(models.QuerySet):
    def for_date(self, session_id, date_key):
        return self.filter(session_id=session_id, date_key=date_key)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        # First come, first served.
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("created_at", "pk")


class Registration(models.Model):
    session = models.ForeignKey(
        "clpages.ProgramSession", on_delete=models.CASCADE, related_name="registrations"
    )
    # The date's key (clpages.models.occurrences.occurrence_key), which survives a move, or
    # SERIES when one registration covers every date of the series.
    date_key = models.CharField(max_length=60)
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    places = models.PositiveSmallIntegerField(default=1)

    name = models.CharField(max_length=100)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)

    # Access needs: seen by library staff and the program's co-leads, never on a public page.
    step_free_access = models.BooleanField(default=False)
    interpreter = models.BooleanField(default=False)
    interpreter_language = models.CharField(max_length=60, blank=True)
    captions = models.BooleanField(default=False)
    sensory_friendly = models.BooleanField(default=False)
    other_needs = models.CharField(max_length=500, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Part of the patron's signed link: replaced when the data is erased, so old links stop.
    secret = models.CharField(max_length=32, default=new_secret)
    # When names and contacts were erased; the row stays for the counts.
    erased_at = models.DateTimeField(null=True, blank=True)

    # Running the session: whether they came (unknown until someone marks it).
    attended = models.BooleanField(null=True, blank=True)
    # What the scheduled emails have done, so running them again sends nothing twice.
    reminded_at = models.DateTimeField(null=True, blank=True)
    thanked_at = models.DateTimeField(null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    # When and where the patron was last told the session is, to notice a change worth an email.
    told_start = models.DateTimeField(null=True, blank=True)
    told_place = models.CharField(max_length=300, blank=True)
    # For a whole series, what the patron knows of single dates not as the series planned them:
    # {date key: {"start": ISO start if moved, "" if cancelled, "emailed": told by a notice}}.
    told_dates = models.JSONField(default=dict, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["session", "date_key", "status"], name="clpages_reg_date_status")]
        constraints = [
            # One registration going ahead per email address and date, whatever its case.
            models.UniqueConstraint(
                "session",
                "date_key",
                Lower("email"),
                condition=~models.Q(status=RegistrationStatus.CANCELLED) & models.Q(erased_at__isnull=True),
                name="clpages_reg_one_per_email",
            ),
        ]

    def __str__(self):
        # Never the name or address: this string can reach logs and admin history.
        return f"Registration {self.pk} ({self.get_status_display()}, {self.places} places)"

    @property
    def access_needs(self):
        """The access needs asked for, in words, for staff and co-leads."""
        needs = []
        if self.step_free_access:
            needs.append("Step-free access")
        if self.interpreter:
            needs.append(
                f"Interpreter ({self.interpreter_language})" if self.interpreter_language else "Interpreter"
            )
        if self.captions:
            needs.append("Captions")
        if self.sensory_friendly:
            needs.append("Sensory-friendly setting")
        if self.other_needs:
            needs.append(self.other_needs)
        return needs


class WalkIns(models.Model):
    """People who came to a date without registering, counted by whoever ran it."""

    session = models.ForeignKey("clpages.ProgramSession", on_delete=models.CASCADE, related_name="walk_ins")
    date_key = models.CharField(max_length=60)
    count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "walk-in count"
        constraints = [models.UniqueConstraint("session", "date_key", name="clpages_walk_ins_one_per_date")]

    def __str__(self):
        return f"{self.count} walk-ins"
