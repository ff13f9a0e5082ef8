"""A measure's results as records: one row per reading, whoever or whatever produced it.

Results typed in the page editor belong to the page: they travel in its revisions, so a
partner's new figure is reviewed with the rest of the page, compared, and published with it.
They are linked twice, to the measure (``measure``, every result) and to the page's cluster
(``entered_in``). Results that come from elsewhere (a survey's tally, attendance counts, a CSV
import) are linked to the measure only: publishing any revision, old or new, never removes them,
because modelcluster only replaces the rows of the ``entered_in`` relation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class ResultSource(models.TextChoices):
    ENTERED = "entered", _("Entered by the team")
    SURVEY = "survey", _("Survey answers")
    ATTENDANCE = "attendance", _("Attendance counts")
    IMPORT = "import", _("Imported from another system")


class MeasureResult(models.Model):
    measure = models.ForeignKey("clpages.EvaluationMeasure", on_delete=models.CASCADE, related_name="results")
    # Set only for results typed in the page editor (see the module docstring).
    entered_in = ParentalKey(
        "clpages.EvaluationMeasure",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="entered_results",
    )
    date = models.DateField()
    value = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Leave empty for a story or observation.",
    )
    note = models.TextField(blank=True)
    source = models.CharField(max_length=20, choices=ResultSource.choices, default=ResultSource.ENTERED)
    # How many answers or people a figure is counted from, when it is counted (surveys, attendance).
    answers = models.PositiveIntegerField(null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("value")]), FieldPanel("note")]

    class Meta:
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["measure", "date"], name="clpages_result_measure_date")]
        verbose_name = "result"

    def __str__(self):
        return f"{self.date}: {self.value if self.value is not None else self.note[:40]}"

    def save(self, *args, **kwargs):
        if self.entered_in_id is not None:
            # The page editor only knows the cluster relation; the measure is the same one.
            self.measure_id = self.entered_in_id
            self.source = ResultSource.ENTERED
        super().save(*args, **kwargs)
