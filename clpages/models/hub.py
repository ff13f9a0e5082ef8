"""The landing page of the community-led planning section."""

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page

from clpages.blocks import RICH_TEXT_FEATURES
from clpages.i18n import vocabulary
from clpages.models.action_groups import ActionGroupIndexPage
from clpages.models.cards import cards_in_language, soonest_programs
from clpages.models.evaluations import EvaluationIndexPage, EvaluationPage
from clpages.models.mixins import CommunityPagePermissionsMixin
from clpages.models.partners import CommunityPartner, in_default_language
from clpages.models.partnerships import PartnershipIndexPage
from clpages.models.programs import ProgramIndexPage, ProgramPage
from clpages.performance.routing import DirectRouteMixin
from clpages.performance.visibility import ViewRestrictionsMixin, public
from clpages.single_line import SingleLineTitleMixin
from clpages.stages import STAGE_DESCRIPTIONS, STAGE_PLAIN_NAMES, Stage
from clpages.translated import original_of, show_in_language


def _renditions(image_field, filter_spec):
    """Prefetch the one rendition a listing shows, so each image costs no query of its own."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{image_field}__renditions", queryset=rendition_model.objects.filter(filter_spec=filter_spec)
    )


class CommunityHubPage(
    CommunityPagePermissionsMixin, ViewRestrictionsMixin, DirectRouteMixin, SingleLineTitleMixin, Page
):
    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    approach = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="How the library works with the community, in plain words.",
    )

    library_edits_need_consent = models.BooleanField(
        default=False,
        verbose_name="Library edits to co-led pages need the partners' consent",
        help_text="When ticked, library staff cannot publish a change to a page that partner "
        "organisations co-lead: the change goes to Community review, and goes live only after a "
        "co-leading partner approves it and then the library does. When not ticked, library staff "
        "publish such changes at once and the co-leads are emailed a link to what changed.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("approach")]
    settings_panels = Page.settings_panels + [FieldPanel("library_edits_need_consent")]

    api_fields = [APIField("intro"), APIField("approach")]

    subpage_types = [
        "clpages.ProgramIndexPage",
        "clpages.PartnershipIndexPage",
        "clpages.EvaluationIndexPage",
        "clpages.ActionGroupIndexPage",
    ]

    class Meta:
        verbose_name = "community hub"

    featured_count = 6
    featured_partner_count = 24

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translated hub shows its original's programs and partners (facts of the originals),
        # each program in the visitor's language where it has been translated.
        source = original_of(self)
        programs = ProgramPage.objects.descendant_of(source).visible()
        # Each stage in plain terms, with the Toolkit's name for readers who know it.
        context["stages"] = [
            (stage, STAGE_PLAIN_NAMES[stage], stage.label, STAGE_DESCRIPTIONS[stage]) for stage in Stage
        ]
        # What happens next comes first, each card saying when, where, for whom and in which
        # languages. Programs whose remaining sessions are all cancelled have nothing coming up.
        context["current_programs"] = cards_in_language(
            soonest_programs(programs, self.featured_count, "fill-480x320"), self
        )
        # EXISTS, not a DISTINCT join: with thousands of programs the database stops at the
        # first matching program instead of collecting them all.
        partner_programs = programs.filter(co_created_with=OuterRef("pk"))
        # A large library system works with hundreds of partners: the hub features some, and
        # every partner is credited on its own programs and in the partnership index.
        context["partners"] = vocabulary.reword(
            CommunityPartner.objects.filter(in_default_language(), Exists(partner_programs))
            .select_related("logo")
            .prefetch_related(_renditions("logo", "fill-96x96"))
            .order_by("name")[: self.featured_partner_count]
        )
        context["latest_evaluations"] = public(EvaluationPage.objects.live().descendant_of(self)).order_by(
            "-period_end"
        )[:3]
        context["program_index"] = self.get_children().live().type(ProgramIndexPage).first()
        if source is not self and context["program_index"] is not None:
            show_in_language(
                context["current_programs"], ProgramPage, context["program_index"].get_url(request)
            )
        context["partnership_index"] = self.get_children().live().type(PartnershipIndexPage).first()
        context["evaluation_index"] = self.get_children().live().type(EvaluationIndexPage).first()
        context["action_group_index"] = self.get_children().live().type(ActionGroupIndexPage).first()
        return context
