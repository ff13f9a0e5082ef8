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
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from clpages import chart_svg
from clpages.blocks import RICH_TEXT_FEATURES
from clpages.charts import measure_chart, summary
from clpages.joining import answer_spreads, attendance_of, open_surveys
from clpages.models import success
from clpages.models.index import CommunityIndexPage
from clpages.models.mixins import CommunityPagePermissionsMixin
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

    def quotes_in_their_words(self):
        """The quotes shown, each with ``lang``: the code of the language its words are in, or "".

        A quote's words are in the language it was said in, unless this page is a translation and
        the translator translated them: they are then in the page's language, and ``lang`` is empty.
        Words a translator kept as they were said keep their language (lang="ar", read right to left).
        """
        quotes = list(self.quotes.filter(consent=True).select_related("language"))
        default_id = Locale.get_default().pk if quotes else self.locale_id
        originals = {}
        if self.locale_id != default_id:
            originals = dict(
                EvaluationQuote.objects.filter(
                    locale_id=default_id, translation_key__in=[quote.translation_key for quote in quotes]
                ).values_list("translation_key", "text")
            )
        for quote in quotes:
            as_said = self.locale_id == default_id or originals.get(quote.translation_key) == quote.text
            quote.lang = quote.language.code if quote.language and as_said else ""
        return quotes

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only quotes and stories whose speakers agreed to share them ever reach the page.
        context["quotes"] = self.quotes_in_their_words()
        context["measures"] = self.measures.prefetch_related("results")
        # How many came, when the app taking registrations counted them: numbers, never names.
        program = self.public_program
        context["attendance"] = (
            attendance_of(program, self.period_start, self.period_end) if program else None
        )
        # Surveys open to the public, when an app runs them: an invitation, never the answers.
        context["surveys"] = open_surveys(self.pk)
        # How people answered the surveys' closed questions, each as a chart and in words.
        context["spreads"] = [
            (spread, chart_svg.spread(spread.options)) for spread in answer_spreads(self.pk)
        ]
        return context


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
