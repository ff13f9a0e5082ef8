"""A program's stage changes, as records: when it moved, to which stage, who moved it, and what
the editor said changed ("what we learned", "who named these goals").

Written when a revision that changes the stage is published (clpages.programs.stage_timeline),
never by a revision, so reverting the page's text cannot rewrite its history. Patrons see them as
the program's timeline.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clpages.stages import STAGE_PLAIN_NAMES, Stage


class ProgramStageChange(models.Model):
    program = models.ForeignKey("clpages.ProgramPage", on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.PositiveSmallIntegerField(choices=Stage.choices)
    changed_at = models.DateTimeField()
    # Library staff only: patrons see `by_partner`, or "Library staff", never a person's name.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_partner = models.ForeignKey(
        "clpages.CommunityPartner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The co-leading organisation whose member moved the program on; empty for the library.",
    )
    # Kept apart from the organisation, so a change a partner made never reads "Library staff"
    # once that organisation is deleted.
    by_library = models.BooleanField(default=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = "program stage change"
        verbose_name_plural = "program stage changes"

    def __str__(self):
        return f"{self.get_stage_display()} ({self.changed_at:%Y-%m-%d})"

    @property
    def stage_name(self):
        return STAGE_PLAIN_NAMES.get(self.stage) or self.get_stage_display()

    @property
    def by_label(self):
        """What patrons read as who moved the program on."""
        if self.by_partner_id:
            return self.by_partner.name
        return _("Library staff") if self.by_library else _("A partner organisation")
