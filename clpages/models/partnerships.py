"""One partnership with one partner organisation, planned with the brainstorming tool."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from clpages.i18n import fields, vocabulary
from clpages.i18n.originals import in_language_of, in_words_of, take_facts
from clpages.models.index import CommunityIndexPage
from clpages.models.mixins import CommunityPagePermissionsMixin
from clpages.models.partners import in_default_language
from clpages.models.programs import ProgramPage
from clpages.partners.linking import PartnerLinkedPage
from clpages.performance.visibility import ViewRestrictionsMixin
from clpages.publishing import serializers as api
from clpages.search.words import WordFormsIndexed
from clpages.single_line import SingleLineTitleMixin
from clpages.stages import FramingStage

# The seven prompts of the partnership brainstorming tool, as (field, prompt) pairs.
BRAINSTORMING_PROMPTS = [
    ("people_to_reach", "The people we want to reach are"),
    ("get_to_know_them_by", "We can get to know them by"),
    ("one_of_their_goals", "One of their goals is"),
    ("they_are_ready_to", "To reach that goal, they are ready"),
    ("library_can_support_by", "The library can support their effort by"),
    ("success_looks_like", "Success looks like"),
    ("we_will_communicate_by", "We will communicate by"),
]

# The same prompts as public pages show them: whole questions, each answered by the partnership's
# own words below it. The tool's sentence starters stay the labels editors and partners fill in.
PUBLIC_PROMPTS = {
    "people_to_reach": _("Who do we want to reach?"),
    "get_to_know_them_by": _("How can we get to know them?"),
    "one_of_their_goals": _("What is one of their goals?"),
    "they_are_ready_to": _("What are they ready to do to reach it?"),
    "library_can_support_by": _("How can the library support their effort?"),
    "success_looks_like": _("What does success look like?"),
    "we_will_communicate_by": _("How will we keep in touch?"),
}

FRAMING_NOTE_FIELDS = [(f"notes_{stage.value}", stage) for stage in FramingStage]


class PartnershipIndexPage(CommunityIndexPage):
    subpage_types = ["clpages.PartnershipPage"]

    class Meta:
        verbose_name = "partnership index"

    def get_listing_queryset(self):
        return (
            PartnershipPage.objects.child_of(self)
            .live()
            .public()
            .select_related("partner", "partner__logo")
            .order_by("title")
        )


def _prompt_field(prompt):
    return models.TextField(blank=True, verbose_name=prompt)


class PartnershipPage(
    PartnerLinkedPage,
    CommunityPagePermissionsMixin,
    ViewRestrictionsMixin,
    SingleLineTitleMixin,
    WordFormsIndexed,
    Page,
):
    partner_links = ("partner",)

    partner = models.ForeignKey(
        "clpages.CommunityPartner",
        on_delete=models.PROTECT,
        related_name="partnerships",
        limit_choices_to=in_default_language,
    )
    summary = models.TextField(max_length=300, help_text="Shown in listings and search results.")
    framing_stage = models.CharField(
        max_length=20,
        choices=FramingStage.choices,
        default=FramingStage.RELATIONSHIPS,
        verbose_name="how far the relationship has come",
    )
    notes_relationships = models.TextField(blank=True, verbose_name="Community relationships")
    notes_learn = models.TextField(blank=True, verbose_name="Learn")
    notes_listen = models.TextField(blank=True, verbose_name="Listen")
    notes_align = models.TextField(blank=True, verbose_name="Align")
    notes_share = models.TextField(blank=True, verbose_name="Share")
    notes_co_create = models.TextField(blank=True, verbose_name="Co-create")

    people_to_reach = _prompt_field(BRAINSTORMING_PROMPTS[0][1])
    get_to_know_them_by = _prompt_field(BRAINSTORMING_PROMPTS[1][1])
    one_of_their_goals = _prompt_field(BRAINSTORMING_PROMPTS[2][1])
    they_are_ready_to = _prompt_field(BRAINSTORMING_PROMPTS[3][1])
    library_can_support_by = _prompt_field(BRAINSTORMING_PROMPTS[4][1])
    success_looks_like = _prompt_field(BRAINSTORMING_PROMPTS[5][1])
    we_will_communicate_by = _prompt_field(BRAINSTORMING_PROMPTS[6][1])

    content_panels = Page.content_panels + [
        FieldPanel("partner"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("framing_stage")] + [FieldPanel(name) for name, _ in FRAMING_NOTE_FIELDS],
            heading="Community-led framing",
            help_text="How the relationship has deepened: notes for each step reached.",
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name, _ in BRAINSTORMING_PROMPTS],
            heading="Partnership plan",
        ),
        InlinePanel("next_steps", heading="Next steps", label="Next step"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("people_to_reach"),
        index.SearchField("one_of_their_goals"),
        index.SearchField("success_looks_like"),
        index.RelatedFields("partner", [index.SearchField("name")]),
    ]

    # Public fields only, for the read-only API (clpages.publishing.api).
    api_fields = (
        [
            APIField("partner", serializer=api.PartnerSerializer()),
            APIField("summary"),
            APIField("framing_stage", serializer=api.ChoiceWithLabelField()),
        ]
        + [APIField(name) for name, _ in FRAMING_NOTE_FIELDS]
        + [APIField(name) for name, _ in BRAINSTORMING_PROMPTS]
        + [APIField("next_steps", serializer=api.NextStepSerializer(many=True))]
    )

    parent_page_types = ["clpages.PartnershipIndexPage"]
    subpage_types = []

    # Pages point at the partner organisation in the default language (its words are shown in
    # the visitor's language, clpages.i18n.vocabulary).
    override_translatable_fields = fields.kept("partner")

    class Meta:
        verbose_name = "partnership"

    @property
    def brainstorming(self):
        """(question, answer) for each prompt of the plan, as public pages show them."""
        return [(PUBLIC_PROMPTS[name], getattr(self, name)) for name, _ in BRAINSTORMING_PROMPTS]

    @property
    def framing_steps(self):
        reached = [stage.value for stage in FramingStage].index(self.framing_stage)
        return [
            {
                "label": stage.label,
                "notes": getattr(self, name),
                "current": i == reached,
                "reached": i <= reached,
            }
            for i, (name, stage) in enumerate(FRAMING_NOTE_FIELDS)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translation's facts are its original's: the partner, how far the relationship has
        # come, the next steps' dates; the partner's public words are in the visitor's language.
        original = context["original"] = take_facts(self, ("partner_id", "framing_stage"))
        vocabulary.reword([self.partner])
        context["next_steps"] = (
            list(self.next_steps.all())
            if original is self
            else [
                step
                for step, _ in in_words_of(self.next_steps.all(), original.next_steps.all(), ("when", "done"))
            ]
        )
        # The original programs and results pages (translations point at the same partner and
        # page), each in this page's language when it is translated.
        programs = (
            ProgramPage.objects.live()
            .public()
            .linked_to([original.partner_id])
            .filter(locale_id=original.locale_id)
            .order_by("title")
        )
        context["programs"] = in_language_of(programs, self)
        context["evaluations"] = in_language_of(
            original.evaluations.live().public().filter(locale_id=original.locale_id), self
        )
        return context


class PartnershipNextStep(TranslatableMixin, Orderable):
    partnership = ParentalKey(PartnershipPage, on_delete=models.CASCADE, related_name="next_steps")
    what = models.CharField(max_length=250)
    who = models.CharField(max_length=150)
    when = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)

    panels = [FieldPanel("what"), FieldRowPanel([FieldPanel("who"), FieldPanel("when"), FieldPanel("done")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.what
