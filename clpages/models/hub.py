"""The landing page of the community-led planning section."""

from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..blocks import RICH_TEXT_FEATURES
from ..stages import STAGE_DESCRIPTIONS, Stage
from .evaluations import EvaluationIndexPage, EvaluationPage
from .partners import CommunityPartner
from .partnerships import PartnershipIndexPage
from .programs import ProgramIndexPage, ProgramPage, ProgramSession


class CommunityHubPage(Page):
    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    approach = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="How the library works with the community, in plain words.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("approach")]

    api_fields = [APIField("intro"), APIField("approach")]

    subpage_types = [
        "clpages.ProgramIndexPage",
        "clpages.PartnershipIndexPage",
        "clpages.EvaluationIndexPage",
    ]

    class Meta:
        verbose_name = "community hub"

    featured_count = 6

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programs = ProgramPage.objects.live().public().descendant_of(self)
        upcoming_ids = (
            ProgramSession.objects.filter(end__gte=timezone.now(), program__in=programs)
            .values_list("program_id", flat=True)
            .distinct()
        )
        context["stages"] = [(stage, stage.label, STAGE_DESCRIPTIONS[stage]) for stage in Stage]
        context["current_programs"] = (
            programs.filter(pk__in=upcoming_ids)
            .select_related("image")
            .prefetch_related("co_created_with")
            .order_by("-first_published_at")[: self.featured_count]
        )
        context["partners"] = (
            CommunityPartner.objects.filter(programs__in=programs)
            .distinct()
            .select_related("logo")
            .order_by("name")
        )
        context["latest_evaluations"] = (
            EvaluationPage.objects.live().public().descendant_of(self).order_by("-period_end")[:3]
        )
        context["program_index"] = self.get_children().live().type(ProgramIndexPage).first()
        context["partnership_index"] = self.get_children().live().type(PartnershipIndexPage).first()
        context["evaluation_index"] = self.get_children().live().type(EvaluationIndexPage).first()
        return context
