"""A program's sessions: one date, or a weekly or monthly series with changes to single dates.

A series is stored as the editor chose it (how often, until when or how many times, which dates
changed); its dates are worked out by clpages.recurrence and kept in SessionOccurrence rows
(clpages.models.occurrences), which is what every public page reads.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from clpages.conf import setting
from clpages.models.occurrences import (
    joining_link,
    occurrences_are_deferred,
    occurrences_deferred,
    refresh_occurrences,
)
from clpages.models.partners import in_default_language
from clpages.models.querysets import place_label
from clpages.panels import NestedInlinePanel
from clpages.recurrence import Change, Repeat, describe, plan, series_problems, series_starts
from clpages.stages import Registration, SessionFormat, SessionStatus


def place_problems(record, what):
    """{field: message} when ``record`` (a session or a group's meeting) does not say where it
    takes place: a place for meeting in person, a link for meeting online."""
    errors = {}
    if record.format in (SessionFormat.IN_PERSON, SessionFormat.HYBRID) and not (
        record.location_id or record.address
    ):
        errors["location"] = f"Choose a location or enter an address for an in-person {what}."
    if record.format in (SessionFormat.ONLINE, SessionFormat.HYBRID) and not record.online_url:
        errors["online_url"] = f"Add the online link for an online {what}."
    return errors


class ProgramSession(Orderable, ClusterableModel):
    program = ParentalKey("clpages.ProgramPage", on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField()
    end = models.DateTimeField()
    location = models.ForeignKey(
        "clpages.Location",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        limit_choices_to=in_default_language,
        help_text="A library branch or venue. Leave empty and enter an address for other places.",
    )
    address = models.CharField(
        max_length=250, blank=True, help_text="For places that are not listed locations."
    )
    format = models.CharField(max_length=20, choices=SessionFormat.choices, default=SessionFormat.IN_PERSON)
    online_url = models.URLField(blank=True, verbose_name="online link")
    registration = models.CharField(max_length=20, choices=Registration.choices, default=Registration.NONE)
    registration_url = models.URLField(blank=True, verbose_name="registration link")
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Leave empty if there is no limit."
    )
    # Registration on this website (the optional clpages.registrations app).
    places_per_registration = models.PositiveSmallIntegerField(
        "places one person may ask for",
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="For registration on this website: how many places one registration may hold.",
    )
    registration_opens = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to take registrations from now on."
    )
    registration_closes = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to close registration when each session starts."
    )
    register_for_series = models.BooleanField(
        "one registration for the whole series",
        default=False,
        help_text="For a repeating session: people register once and come to every date.",
    )
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    repeat = models.CharField(
        "repeats",
        max_length=20,
        choices=Repeat.choices,
        default=Repeat.NONE,
        help_text="For a series, the start and end above are those of its first session.",
    )
    repeat_until = models.DateField(
        "last date", null=True, blank=True, help_text="The date of the last session in the series."
    )
    repeat_count = models.PositiveSmallIntegerField(
        "or number of sessions",
        null=True,
        blank=True,
        help_text="How many sessions the series has, the first one included.",
    )

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("format"),
        FieldRowPanel([FieldPanel("location"), FieldPanel("address")]),
        FieldPanel("online_url"),
        FieldRowPanel([FieldPanel("registration"), FieldPanel("registration_url")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                FieldRowPanel([FieldPanel("places_per_registration"), FieldPanel("register_for_series")]),
            ],
            heading="Registration on this website",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                NestedInlinePanel(
                    "exceptions",
                    heading="Changes to single dates",
                    label="change to a date",
                    help_text="A date of the series that is cancelled, or moved to another date or time.",
                ),
            ],
            heading="Repeats",
        ),
    ]

    class Meta(Orderable.Meta):
        ordering = ["start"]
        indexes = [
            models.Index(fields=["start", "end"]),
            # A program's next session and its last end, looked up for every program a listing,
            # search or feed considers: one index probe each instead of a sort.
            models.Index(fields=["program", "start"], name="clpages_session_program_start"),
            models.Index(fields=["program", "end"], name="clpages_session_program_end"),
        ]

    @property
    def place_label(self):
        """The venue and its address, or the address typed (clpages.models.querysets.place_label)."""
        return place_label(self.location if self.location_id else None, self.address)

    def __str__(self):
        return f"{self.program.title}: {self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The session must end after it starts."
        errors.update(place_problems(self, "session"))
        if self.registration == Registration.EXTERNAL and not self.registration_url:
            errors["registration_url"] = "Add the link where people register."
        if self.registration == Registration.ON_SITE and not apps.is_installed("clpages.registrations"):
            errors["registration"] = (
                "This website does not take registrations itself yet. Choose another way to register."
            )
        if (
            self.registration_opens
            and self.registration_closes
            and (self.registration_closes <= self.registration_opens)
        ):
            errors["registration_closes"] = "Registration must close after it opens."
        if "end" not in errors:
            errors.update(
                series_problems(
                    self.start,
                    self.end,
                    self.repeat,
                    self.repeat_until,
                    self.repeat_count,
                    setting("CLPAGES_MAX_OCCURRENCES"),
                )
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        rebuild = not occurrences_are_deferred()
        # The session's row, then its changes to single dates: its dates follow from both.
        with occurrences_deferred():
            super().save(*args, **kwargs)
        if rebuild:
            refresh_occurrences(session_ids=[self.pk])

    @property
    def repeats(self):
        return bool(self.repeat) and self.repeat != Repeat.NONE

    def planned(self, limit=None):
        """Its dates (clpages.recurrence.Planned), its changes applied; saved or only in memory."""
        limit = limit or setting("CLPAGES_MAX_OCCURRENCES")
        return plan(
            self.start,
            self.end,
            self.repeat,
            self.repeat_until,
            self.repeat_count,
            self.exceptions.all(),
            limit,
        )

    def describe_series(self):
        """'Every Tuesday, 6:00 PM to 7:30 PM, until Tuesday 25 May 2027' for a series; '' for a
        single session.

        The last date is the series' own, worked out from its fields: no query.
        """
        if not self.repeats:
            return ""
        limit = setting("CLPAGES_MAX_OCCURRENCES")
        starts = series_starts(self.start, self.repeat, self.repeat_until, self.repeat_count, limit)
        return describe(self.start, self.end, self.repeat, timezone.make_aware(starts[:limit][-1]))

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED

    @property
    def public_online_url(self):
        """The joining link patrons may see, or "" (see joining_link)."""
        return joining_link(self.status, self.online_url)

    @property
    def place(self):
        if self.location_id:
            return self.location.address
        return self.address


class SessionException(models.Model):
    """One date of a session that does not go ahead as planned: cancelled, or moved."""

    session = ParentalKey(ProgramSession, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(help_text="The date of the session in the series that changes.")
    change = models.CharField(max_length=20, choices=Change.choices, default=Change.CANCELLED)
    new_start = models.DateTimeField("moved to: start", null=True, blank=True)
    new_end = models.DateTimeField(
        "moved to: end", null=True, blank=True, help_text="Leave empty to keep the same length."
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown to patrons with the date, for example “The library is closed for the holiday.”",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("change")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "change to a date"
        verbose_name_plural = "changes to single dates"

    def __str__(self):
        return f"{self.date}: {self.get_change_display()}"

    def clean(self):
        errors = {}
        if self.change == Change.MOVED and not self.new_start:
            errors["new_start"] = "Give the new date and time of the moved session."
        if self.change == Change.CANCELLED and (self.new_start or self.new_end):
            errors["new_start"] = (
                "A cancelled session has no new time: choose “Moved”, or clear the new time."
            )
        if self.new_start and self.new_end and self.new_end <= self.new_start:
            errors["new_end"] = "The moved session must end after it starts."
        if errors:
            raise ValidationError(errors)
