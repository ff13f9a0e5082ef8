"""Evaluations against the measures of success the community chose at the start.

Public pages and the admin call them "results and learning": what was found and learned,
shared back with the community. The model keeps its name."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from rest_framework import serializers as drf
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from clpages import chart_svg
from clpages.blocks import RICH_TEXT_FEATURES
from clpages.charts import measure_chart, summary
from clpages.i18n import fields, vocabulary
from clpages.i18n.measures import reword_measures
from clpages.i18n.originals import in_language_of, in_words_of, is_translation, take_facts
from clpages.joining import answer_spreads, attendance_of, open_surveys
from clpages.models import success
from clpages.models.index import CommunityIndexPage
from clpages.models.mixins import CommunityPagePermissionsMixin
from clpages.models.partners import in_default_language
from clpages.panels import NestedInlinePanel, WarningsPanel
from clpages.partners.linking import PartnerLinkedPage
from clpages.performance.visibility import ViewRestrictionsMixin, is_public
from clpages.publishing import serializers as api
from clpages.search.words import WordFormsIndexed
from clpages.single_line import SingleLineTitleMixin
from clpages.stages import MeasureKind, ResponseStatus


class EvaluationIndexPage(CommunityIndexPage):
    subpage_types = ["clpages.EvaluationPage"]

    class Meta:
        verbose_name = "results and learning index"
        verbose_name_plural = "results and learning indexes"

    def get_listing_queryset(self):
        return (
            EvaluationPage.objects.child_of(self)
            .live()
            .public()
            .select_related("program", "partnership", "partnership__partner")
            .prefetch_related("program__co_created_with")
            .order_by("-period_end", "-pk")
        )


class EvaluationPage(
    PartnerLinkedPage,
    CommunityPagePermissionsMixin,
    ViewRestrictionsMixin,
    SingleLineTitleMixin,
    WordFormsIndexed,
    Page,
):
    # Whoever leads the program or the partnership evaluated.
    partner_links = ("program__co_created_with", "partnership__partner")

    program = models.ForeignKey(
        "clpages.ProgramPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluations"
    )
    partnership = models.ForeignKey(
        "clpages.PartnershipPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evaluations",
    )
    summary = models.TextField(max_length=300, help_text="Shown in listings and search results.")
    # Used only when the program's page does not say what success looks like (clpages.models.success).
    success_definition = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        verbose_name="success, as the community defined it",
        help_text="Only when the program's page does not say it, e.g. for a partnership.",
    )
    success_agreed_by = models.CharField(
        max_length=250,
        blank=True,
        help_text="Who agreed what success means, e.g. 'the Newcomer Families action group'.",
    )
    success_agreed_on = models.DateField(
        null=True, blank=True, help_text="When it was agreed: ideally before the work began."
    )
    period_start = models.DateField(verbose_name="period covered from")
    period_end = models.DateField(verbose_name="to")
    findings = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    what_changed = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name="what changed as a result"
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                PageChooserPanel("program", "clpages.ProgramPage"),
                PageChooserPanel("partnership", "clpages.PartnershipPage"),
            ],
            heading="What these results are about",
            help_text="Choose a program, a partnership, or both.",
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("success_definition"),
                FieldRowPanel([FieldPanel("success_agreed_by"), FieldPanel("success_agreed_on")]),
                WarningsPanel("success_warnings"),
            ],
            heading="Success, defined by the community",
            help_text=(
                "When the program's page says what success looks like, this page shows that. "
                "Fill these in only when it does not, e.g. for a partnership's results."
            ),
        ),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Period covered"),
        InlinePanel("measures", heading="Measures", label="Measure"),
        InlinePanel("quotes", heading="What we heard", label="Quote or story"),
        InlinePanel(
            "responses",
            heading="You said, we did",
            label="Something people asked for",
            help_text="What people told us, and what the library and its partners did about it.",
        ),
        FieldPanel("findings"),
        FieldPanel("what_changed"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("success_definition"),
        index.SearchField("findings"),
        index.SearchField("what_changed"),
    ]

    # Public fields only, for the read-only API (clpages.publishing.api). Quotes go out through
    # ``public_quotes``, never through the ``quotes`` relation.
    api_fields = [
        APIField("program", serializer=api.PageLinkField(source="public_program")),
        APIField("partnership", serializer=api.PageLinkField(source="public_partnership")),
        APIField("partners", serializer=api.PartnerSerializer(many=True)),
        APIField("summary"),
        # The success shown on the page: the program's agreement, or this page's own.
        APIField("success_definition", serializer=drf.CharField(source="agreed_success.text")),
        APIField("success_agreed_by", serializer=drf.CharField(source="agreed_success.agreed_by")),
        APIField("success_agreed_on", serializer=drf.DateField(source="agreed_success.agreed_on")),
        APIField("period_start"),
        APIField("period_end"),
        APIField("measures", serializer=api.MeasureSerializer(many=True)),
        APIField("public_quotes", serializer=api.QuoteSerializer(many=True)),
        APIField("responses", serializer=api.ResponseSerializer(many=True)),
        APIField("findings"),
        APIField("what_changed"),
    ]

    parent_page_types = ["clpages.EvaluationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "results and learning"
        verbose_name_plural = "results and learning"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if (update_fields is None or "measures" in update_fields) and is_translation(self):
            # Results are recorded once, on the original's measures: a translation's measures,
            # however they were copied, hold none, so nothing is ever counted twice.
            for measure in self.measures.all():
                measure.entered_results = []
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if not self.program_id and not self.partnership_id:
            message = "Choose the program or the partnership these results are about."
            errors["program"] = message
            errors["partnership"] = message
        program = self.program if self.program_id else None
        if not success.agreed_success(self, program).text:
            errors["success_definition"] = (
                "Say what success looks like, as the community agreed it: here, or on the program's page."
            )
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "The period covered must end on or after the day it starts."
        if errors:
            raise ValidationError(errors)

    # An evaluation may outlive, or come before, the page it evaluates: a draft, unpublished or
    # private program or partnership is neither named nor linked, nor are its partners credited.
    @property
    def public_program(self):
        program = self.program if self.program_id else None
        return program if is_public(program) else None

    @property
    def public_partnership(self):
        partnership = self.partnership if self.partnership_id else None
        return partnership if is_public(partnership) else None

    @property
    def agreed_success(self):
        """What success means, as shown: the public program's agreement, or this page's own."""
        return success.agreed_success(self, self.public_program)

    def success_warnings(self):
        return success.evaluation_warnings(self, self.program if self.program_id else None)

    @property
    def partners(self):
        """Everyone whose published work this evaluation is about, to credit them."""
        seen = {}
        if program := self.public_program:
            for partner in program.co_created_with.all():
                seen[partner.pk] = partner
        if partnership := self.public_partnership:
            seen.setdefault(partnership.partner_id, partnership.partner)
        return list(seen.values())

    @property
    def public_quotes(self):
        """Quotes and stories whose speakers agreed to share them; reads prefetched quotes."""
        return [quote for quote in self.quotes.all() if quote.consent]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translation shows its own words over its original's facts: the same results, quotes
        # and lines of "You said, we did", the same period, program and partners.
        original = context["original"] = take_facts(self, ("period_start", "period_end", "success_agreed_on"))
        # Only quotes and stories whose speakers agreed to share them ever reach the page.
        context["quotes"] = quotes_shown(self, original)
        context["responses"] = (
            list(self.responses.all())
            if original is self
            else [
                item for item, _ in in_words_of(self.responses.all(), original.responses.all(), ("status",))
            ]
        )
        context["measures"] = reword_measures(original.measures.prefetch_related("results"), self.locale_id)
        # The program and partnership, in this page's language when they are translated.
        program, partnership = original.public_program, original.public_partnership
        context["program"], context["partnership"] = in_language_of([program, partnership], self)
        context["credited_partners"] = vocabulary.reword(original.partners)
        context["agreed_success"] = success.agreed_success(self, context["program"])
        # How many came, when the app taking registrations counted them: numbers, never names.
        context["attendance"] = (
            attendance_of(program, self.period_start, self.period_end) if program else None
        )
        # Surveys open to the public, when an app runs them: an invitation, never the answers.
        context["surveys"] = open_surveys(original.pk)
        # How people answered the surveys' closed questions, each as a chart and in words.
        context["spreads"] = [
            (spread, chart_svg.spread(spread.options)) for spread in answer_spreads(original.pk)
        ]
        return context


def quotes_shown(page, original):
    """The quotes and stories ``page`` shows: its original's, where the speaker agreed, each in
    ``page``'s words when translated. Each has ``said_in`` (the Language it was said in) and
    ``translated_from`` (that language, when these words are a translation of it)."""
    sources = original.quotes.select_related("language")
    if original is page:
        shown = [(quote, quote) for quote in sources]
    else:
        shown = in_words_of(page.quotes.all(), sources, ("consent", "language_id"))
    quotes = []
    for quote, source in shown:
        if not source.consent:
            continue
        quote.said_in = source.language
        quote.translated_from = source.language if quote is not source and quote.text != source.text else None
        if quote.translated_from:
            language = quote.translated_from
            quote.translated_from_name = vocabulary.name_of(type(language), language.pk, language.name)
        quotes.append(quote)
    return quotes


class EvaluationMeasure(TranslatableMixin, Orderable, ClusterableModel):
    evaluation = ParentalKey(EvaluationPage, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=MeasureKind.choices, default=MeasureKind.STORY)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True, help_text="e.g. 'families', '%', 'stories'.")
    baseline = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, help_text="Where things stood at the start."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("target"), FieldPanel("unit")]),
        NestedInlinePanel(
            "entered_results",
            heading="Results",
            label="result",
            help_text="Add results as they come in. Results from surveys and imports are added for you.",
        ),
    ]

    # Results are recorded on the original's measures only (clpages.i18n.measures).
    override_translatable_fields = fields.facts("entered_results")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.name

    @cached_property
    def sorted_results(self):
        """Every result, oldest first: those typed in the page and those recorded from surveys,
        attendance or imports (never in a revision).

        A revision or a preview holds its typed results in memory: they are read from there, the
        others from the database. A stored measure reads all of them through ``results``, which
        listings prefetch."""
        if "entered_results" in getattr(self, "_cluster_related_objects", {}) or not self.pk:
            results = list(self.entered_results.all())
            if self.pk:
                results += [result for result in self.results.all() if result.entered_in_id is None]
        else:
            results = list(self.results.all())
        return sorted(results, key=lambda result: (result.date, result.pk or 0))

    @property
    def latest_value(self):
        values = [result.value for result in self.sorted_results if result.value is not None]
        return values[-1] if values else None

    @property
    def chart(self):
        """The results as bars for a plain HTML/CSS chart, each with its numbers in words."""
        return measure_chart(self.sorted_results, baseline=self.baseline, target=self.target, unit=self.unit)

    @property
    def trend(self):
        """The results over time as an SVG line against the goal (None with fewer than two)."""
        return chart_svg.trend(
            self.sorted_results, baseline=self.baseline, target=self.target, unit=self.unit
        )

    @property
    def summary(self):
        """Whether the latest figure meets the goal, for the sentence above the charts."""
        return summary(self.sorted_results, baseline=self.baseline, target=self.target, unit=self.unit)


class EvaluationQuote(TranslatableMixin, Orderable):
    evaluation = ParentalKey(EvaluationPage, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField()
    attribution = models.CharField(max_length=150, blank=True, help_text="Leave empty to keep it anonymous.")
    # The words are marked up in the language they were said in, for screen readers and for
    # right-to-left scripts; a translation of the page keeps it, and says it was translated.
    language = models.ForeignKey(
        "clpages.Language",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_language,
        verbose_name="said in",
        help_text="The language these words were said or written in.",
    )
    is_story = models.BooleanField(default=False, verbose_name="this is a longer story")
    consent = models.BooleanField(
        default=False,
        verbose_name="the speaker agreed to share this publicly",
        help_text="Without consent, this is kept for the team and never shown on the website.",
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("attribution"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("is_story"), FieldPanel("consent")]),
    ]

    # The language it was said in stays the original's term; a translation says it translated it.
    override_translatable_fields = fields.kept("language")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.text[:60]


class EvaluationResponse(TranslatableMixin, Orderable):
    """One line of "You said, we did": what was heard, linked to what changed because of it."""

    evaluation = ParentalKey(EvaluationPage, on_delete=models.CASCADE, related_name="responses")
    you_said = models.TextField(max_length=500, help_text="What people told us, in a sentence or two.")
    we_did = models.TextField(
        max_length=500, help_text="What we did, or are doing, about it; or why we could not."
    )
    status = models.CharField(max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.DONE)

    panels = [FieldPanel("you_said"), FieldPanel("we_did"), FieldPanel("status")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.you_said[:60]
