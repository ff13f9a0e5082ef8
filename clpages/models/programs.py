"""Programs and services co-created with the community, and their sessions."""

from django import forms
from django.db import models
from django.db.models import F, Max, Value
from django.utils import timezone
from django.utils.cache import patch_cache_control
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager

from clpages.blocks import RICH_TEXT_FEATURES, BodyBlock
from clpages.i18n import fields, vocabulary
from clpages.i18n.measures import reword_measures
from clpages.i18n.originals import in_language_of, is_translation, original_of, take_facts
from clpages.joining import attach_registration_states
from clpages.models.index import CommunityIndexPage
from clpages.models.mixins import CommunityPagePermissionsMixin
from clpages.models.occurrences import (
    SessionOccurrence,
    occurrences_deferred,
    occurrences_of,
    refresh_occurrences,
)

# Sessions were defined here before they could repeat; "x as x" keeps their names importable here.
from clpages.models.occurrences import joining_link as joining_link
from clpages.models.occurrences import refresh_last_session_end as refresh_last_session_end
from clpages.models.partners import Audience, CommunityPartner, Language, in_default_language
from clpages.models.program_search import ProgramSearchMixin
from clpages.models.program_summary import NextSession, ProgramWordsMixin
from clpages.models.querysets import ProgramQuerySet
from clpages.models.sessions import ProgramSession as ProgramSession
from clpages.models.success import program_warnings
from clpages.panels import WarningsPanel
from clpages.partners.linking import PartnerLinkedPage
from clpages.partners.page_form import ProgramPageForm
from clpages.performance.visibility import ViewRestrictionsMixin, public
from clpages.publishing import serializers as api
from clpages.single_line import SingleLineTitleMixin
from clpages.stages import ProgramKind, Stage

# What a translation of a program shows as its original has it (clpages.i18n.originals), besides
# the sessions, audiences, languages, topics, partners and results.
FACT_FIELDS = (
    "stage",
    "kind",
    "step_free_access",
    "captions",
    "sensory_friendly",
    "is_free",
    "success_agreed_on",
    "last_session_end",
)

# A weekly series of a year is 52 dates; a program page lists that many at most, and the
# calendar file holds the rest.
UPCOMING_DATES_SHOWN = 60


class ProgramTag(TaggedItemBase):
    content_object = ParentalKey("clpages.ProgramPage", on_delete=models.CASCADE, related_name="tagged_items")


class ProgramIndexPage(RoutablePageMixin, CommunityIndexPage):
    subpage_types = ["clpages.ProgramPage"]

    class Meta:
        verbose_name = "program index"

    def get_listing_queryset(self):
        # The cards' audiences, languages and partners are read by clpages.programs.listing.attach_names.
        return (
            ProgramPage.objects.child_of(self)
            .visible()
            .select_related("image")
            .order_by("-first_published_at", "-pk")
        )

    # The listing and its calendar are built by clpages.programs, which reads these models; the
    # app hands them over once every model is loaded (clpages.programs.index_views.connect), so
    # the page models never import what reads them.
    listing_context = None
    serve_calendar = None

    def get_context(self, request, *args, listing=True, **kwargs):
        # The listing is filtered by the patron's choices, so it replaces IndexPageMixin's plain
        # one rather than paginating twice.
        context = Page.get_context(self, request, *args, **kwargs)
        if listing:
            context.update(self.listing_context(request))
        return context

    @path("calendar/")
    def calendar(self, request):
        return self.serve_calendar(request)


class ProgramPage(
    PartnerLinkedPage,
    ProgramWordsMixin,
    CommunityPagePermissionsMixin,
    ViewRestrictionsMixin,
    SingleLineTitleMixin,
    ProgramSearchMixin,
    Page,
):
    objects = PageManager.from_queryset(ProgramQuerySet)()

    partner_links = ("co_created_with",)

    summary = models.TextField(
        max_length=300, help_text="One or two sentences shown in listings and search results."
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True)
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, default=Stage.ASSESSMENT)
    # Read once, when a revision changing the stage is published, into that ProgramStageChange;
    # the editor shows it empty again after that (clpages.programs.stage_timeline).
    stage_change_note = models.TextField(
        blank=True,
        max_length=1000,
        verbose_name="What changed at this stage",
        help_text="When you move the program to a new stage, say in a few words what happened: "
        "what you learned, who named the goals. Patrons see it, dated, on the program's timeline "
        "once the change is published; the box is empty again after that.",
    )
    kind = models.CharField(
        max_length=20,
        choices=ProgramKind.choices,
        blank=True,
        default=ProgramKind.BY_STAGE,
        verbose_name="what people come to do",
        help_text="Shown as a label on the page and its cards, so patrons can tell a conversation "
        "that shapes the work from a program they come along to.",
    )
    audiences = ParentalManyToManyField(
        "clpages.Audience", blank=True, related_name="programs", limit_choices_to=in_default_language
    )
    languages = ParentalManyToManyField(
        "clpages.Language",
        blank=True,
        related_name="programs",
        verbose_name="languages offered",
        limit_choices_to=in_default_language,
    )
    tags = ClusterTaggableManager(through=ProgramTag, blank=True, verbose_name="topics")
    co_created_with = ParentalManyToManyField(
        "clpages.CommunityPartner",
        blank=True,
        related_name="programs",
        limit_choices_to=in_default_language,
        help_text="The partner organisations and groups who plan and lead this with the library.",
    )
    community_goals = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, help_text="The goals the community named, in its words."
    )
    success_looks_like = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What success means to the community, agreed before the program starts.",
    )
    success_agreed_by = models.CharField(
        max_length=250,
        blank=True,
        verbose_name="who agreed it",
        help_text="e.g. 'Newcomer parents and Northside teen tutors, at the planning meeting'.",
    )
    success_agreed_on = models.DateField(
        null=True,
        blank=True,
        verbose_name="when it was agreed",
        help_text="Ideally before the first session.",
    )

    # Accessibility: what a patron needs to know before deciding to come, offered at every
    # session. Patrons filter the listing by these (programs.filter_fields.ACCESS_FEATURES).
    step_free_access = models.BooleanField(default=False, help_text="Every place it meets is step-free.")
    interpretation = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'ASL interpretation', 'Arabic interpreter on request'."
    )
    captions = models.BooleanField(default=False, help_text="Live captions, in the room or online.")
    sensory_friendly = models.BooleanField(default=False, help_text="Lower sound and light, a quiet space.")
    accessibility_notes = models.TextField(blank=True)

    is_free = models.BooleanField(default=True, verbose_name="free of charge")
    cost_details = models.CharField(
        max_length=200, blank=True, help_text="Prices, sliding scale, what is included."
    )

    # When the program's last session ends (cancelled ones included), empty with no sessions.
    # Kept from the saved sessions (refresh_last_session_end) so listings ask "upcoming?" of
    # one indexed column instead of searching every program's sessions.
    last_session_end = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("stage"),
        FieldPanel("stage_change_note", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("kind", widget=forms.RadioSelect),
        FieldPanel("co_created_with", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading="Who it is for",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("community_goals"),
                FieldPanel("success_looks_like"),
                FieldRowPanel([FieldPanel("success_agreed_by"), FieldPanel("success_agreed_on")]),
                WarningsPanel("success_warnings"),
            ],
            heading="Goals and success, as the community defined them",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("step_free_access"), FieldPanel("captions"), FieldPanel("sensory_friendly")]
                ),
                FieldPanel("interpretation"),
                FieldPanel("accessibility_notes"),
            ],
            heading="Accessibility",
            help_text="Patrons can look for programs by each of these: tick only what every session offers.",
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("cost_details")], heading="Cost"),
        InlinePanel("sessions", heading="Sessions", label="Session"),
    ]

    # Public fields only, for the read-only API (clpages.publishing.api). The body is detail-only there.
    api_fields = [
        APIField("summary"),
        APIField("image", serializer=api.ImageReferenceSerializer(allow_null=True)),
        APIField("body"),
        APIField("stage", serializer=api.ChoiceWithLabelField()),
        APIField("audiences", serializer=api.NamesField()),
        APIField("languages", serializer=api.NamesField()),
        APIField("tags", serializer=api.NamesField()),
        APIField("co_created_with", serializer=api.PartnerSerializer(many=True)),
        APIField("community_goals"),
        APIField("success_looks_like"),
        APIField("success_agreed_by"),
        APIField("success_agreed_on"),
        APIField("step_free_access"),
        APIField("interpretation"),
        APIField("captions"),
        APIField("sensory_friendly"),
        APIField("accessibility_notes"),
        APIField("is_free"),
        APIField("cost_details"),
        APIField("sessions", serializer=api.SessionSerializer(many=True)),
    ]

    parent_page_types = ["clpages.ProgramIndexPage"]
    subpage_types = []

    # Caps the sessions (CLPAGES_MAX_SESSIONS_PER_PROGRAM).
    base_form_class = ProgramPageForm

    # wagtail-localize translates the words; the sessions stay the original's, and so do their
    # dates and registrations (clpages.i18n.originals): a translation neither copies nor holds them.
    # The stage change note is the original's too: it becomes a record of the original's timeline.
    override_translatable_fields = fields.facts("sessions", "stage_change_note")

    class Meta:
        verbose_name = "program"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if (update_fields is None or "sessions" in update_fields) and is_translation(self):
            # Whatever a copy or a revision brought along: a translation has no sessions of its own.
            self.sessions = []
        # Sessions are committed with the page, and a published revision carries the value it
        # was drafted with: their dates are rebuilt once, after all of them are written.
        with occurrences_deferred():
            super().save(*args, **kwargs)
        if update_fields is None or "sessions" in update_fields:
            refresh_occurrences(program_ids=[self.pk])
            self.last_session_end = (
                ProgramPage.objects.filter(pk=self.pk).values_list("last_session_end", flat=True).first()
            )
            return
        # A partial save may have left an older value: recount from the stored dates.
        last_end = SessionOccurrence.objects.filter(program_id=self.pk).aggregate(last=Max("end"))["last"]
        ProgramPage.objects.filter(pk=self.pk).update(last_session_end=last_end)
        self.last_session_end = last_end

    def success_warnings(self):
        return program_warnings(self)

    def upcoming_dates(self, preview=False, now=None, limit=UPCOMING_DATES_SHOWN):
        """The program's dates still to end, soonest first, at most `limit` (SessionOccurrences).

        A preview shows the draft's sessions, which are in memory: their dates are worked out
        there, unsaved. Otherwise the stored dates are read, each with its session and place.
        """
        now = now or timezone.now()
        if is_translation(self):
            return original_of(self).upcoming_dates(now=now, limit=limit)
        if preview or self.pk is None:
            dates = [
                occurrence
                for session in self.sessions.all()
                for occurrence in occurrences_of(session, session.planned())
                if occurrence.end >= now
            ]
            return sorted(dates, key=lambda occurrence: occurrence.start)[:limit]
        return list(
            SessionOccurrence.objects.filter(program_id=self.pk, end__gte=now)
            .select_related("session", "location")
            .order_by("start", "pk")[:limit]
        )

    def upcoming_sessions(self):
        """The dates patrons can still come to (kept for callers that knew only sessions)."""
        return self.upcoming_dates()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        # One more than shown, so the page can say that more dates are in the calendar file.
        dates = self.upcoming_dates(preview=preview, limit=UPCOMING_DATES_SHOWN + 1)
        # Places in the visitor's language (read once for every page until content changes).
        vocabulary.reword([date.location for date in dates if date.location_id])
        context["sessions"] = attach_registration_states(dates[:UPCOMING_DATES_SHOWN])
        context["more_dates"] = len(dates) > UPCOMING_DATES_SHOWN
        context["series"] = series_of(context["sessions"])
        context["next_session"] = NextSession.among(context["sessions"])
        # A translation's facts are its original's; its words are its own.
        original = context["original"] = take_facts(self, FACT_FIELDS)
        context["partners"] = vocabulary.reword(original.co_created_with.select_related("logo"))
        # Newest first: the first one's measures are the program's headline results. Translations
        # of the results pages point at the original program too: only the originals count, each
        # shown in this page's language when it is translated.
        evaluations = list(
            public(original.evaluations.live())
            .filter(locale_id=original.locale_id)
            .order_by("-period_end", "-pk")
            .prefetch_related("measures__results")
        )
        context["evaluations"] = in_language_of(evaluations, self)
        context["headline_measures"] = (
            reword_measures(evaluations[0].measures.all(), self.locale_id) if evaluations else []
        )
        context["facts"] = original.fact_names(preview=preview and original is self)
        context["stage_changes"] = self.stage_timeline(original)
        if original is not self:
            # The notes are the original's words, not translated: marked with their language.
            code = original.locale.language_code
            context["stage_notes_lang"] = {"code": code, "dir": vocabulary.direction(code)}
        return context

    @staticmethod
    def stage_timeline(original):
        """The original's stage changes, oldest first, each organisation named in the visitor's
        language: one query, however many there are."""
        changes = list(original.stage_changes.select_related("by_partner"))
        vocabulary.reword([change.by_partner for change in changes])
        return changes

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Places left change with each registration. A page showing them is never stored by the
        # page cache or a shared cache, so it is always right and no other page is emptied.
        context = getattr(response, "context_data", None) or {}
        if any(date.registration_state for date in context.get("sessions", ())):
            patch_cache_control(response, no_cache=True)
        return response

    def fact_names(self, preview=False):
        """Names of the program's audiences and languages (by name) and topics (as tagged).

        One query for the three lists. A preview shows the draft's own choices, which are in
        memory, not in the database.
        """
        if preview or self.pk is None:
            return {
                "audiences": [
                    vocabulary.name_of(Audience, audience.pk, audience.name)
                    for audience in self.audiences.all()
                ],
                "languages": vocabulary.language_names(self.languages.all()),
                "tags": [tag.name for tag in self.tags.all()],
            }
        kinds = ("audiences", "languages", "tags")
        names = link_names([self.pk], kinds)
        return {kind: names.get((self.pk, kind), []) for kind in kinds}


def series_of(dates):
    """How each repeating session among these dates meets, in order of its first date shown:
    [{"pattern": "Every Tuesday, ...", "place": "Central Library, ..."}]. Read from the dates
    and their sessions, already loaded: no query."""
    seen = {}
    for date in dates:
        session = date.session
        # Each date read from the database brings its own copy of its session.
        key = session.pk or id(session)
        if session.repeats and key not in seen:
            seen[key] = {"pattern": session.describe_series(), "place": date.place_label}
    return list(seen.values())


# The many-to-many fields whose names pages list: the name column reached from the link table,
# and the term's own id there, to show it in the visitor's language (clpages.i18n.vocabulary).
LINKED_NAMES = {
    "audiences": ("audience__name", "audience_id", Audience),
    "languages": ("language__name", "language_id", Language),
    "co_created_with": ("communitypartner__name", "communitypartner_id", CommunityPartner),
}


def link_names(program_ids, kinds):
    """{(program id, kind): [names]} for each of `kinds`, read in one query.

    Kinds are "audiences", "languages" and "co_created_with" (in order of the names shown) and
    "tags" (in the order they were tagged): one UNION of the link tables, where a prefetch per
    relation would build a model, and a manager, for every name. Names are in the active
    language; languages are LanguageNames (with their own name and script in HTML).
    """
    ids = list(program_ids)
    parts = {
        kind: getattr(ProgramPage, kind)
        .through.objects.filter(programpage_id__in=ids)
        .annotate(program=F("programpage_id"), position=Value(0), name=F(column), ref=F(ref))
        for kind, (column, ref, _) in LINKED_NAMES.items()
    }
    parts["tags"] = ProgramTag.objects.filter(content_object_id__in=ids).annotate(
        program=F("content_object_id"), position=F("id"), name=F("tag__name"), ref=F("tag_id")
    )
    rows = [
        parts[kind].annotate(kind=Value(kind)).values_list("program", "kind", "position", "name", "ref")
        for kind in kinds
    ]
    names = {}
    ordered = rows[0].union(*rows[1:], all=True).order_by("kind", "position", "name")
    # Each vocabulary's wording in the active language, read once for the whole list.
    shown = {kind: vocabulary.Wording(LINKED_NAMES[kind][2]) for kind in kinds if kind in LINKED_NAMES}
    for program, kind, _, name, ref in ordered:
        if kind in shown:
            name = shown[kind].name(ref, name)
        names.setdefault((program, kind), []).append(name)
    # The database put them in order of their default names; translated, they are ordered again.
    for (_, kind), listed in names.items() if vocabulary.rewording() else ():
        if kind in LINKED_NAMES:
            listed.sort(key=lambda name: str(name).casefold())
    return names
