"""Programs and services co-created with the community, and their sessions."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Max, OuterRef, Subquery, Value
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager

from clpages.blocks import RICH_TEXT_FEATURES, BodyBlock
from clpages.models.mixins import CommunityPagePermissionsMixin, IndexPageMixin
from clpages.models.program_search import ProgramSearchMixin
from clpages.models.querysets import ProgramQuerySet, place_label
from clpages.partners.page_form import ProgramPageForm
from clpages.performance.visibility import ViewRestrictionsMixin, public
from clpages.publishing import serializers as api
from clpages.single_line import SingleLineTitleMixin
from clpages.stages import Registration, SessionFormat, SessionStatus, Stage


class ProgramTag(TaggedItemBase):
    content_object = ParentalKey("clpages.ProgramPage", on_delete=models.CASCADE, related_name="tagged_items")


class ProgramIndexPage(
    CommunityPagePermissionsMixin,
    ViewRestrictionsMixin,
    RoutablePageMixin,
    IndexPageMixin,
    SingleLineTitleMixin,
    Page,
):
    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["clpages.CommunityHubPage"]
    subpage_types = ["clpages.ProgramPage"]
    max_count_per_parent = 1

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

    def get_context(self, request, *args, listing=True, **kwargs):
        # The listing is filtered by the patron's choices (clpages.programs.listing), so it replaces
        # IndexPageMixin's plain one rather than paginating twice.
        context = Page.get_context(self, request, *args, **kwargs)
        if listing:
            from clpages.programs.listing import listing_context

            context.update(listing_context(self, request))
        return context

    @path("calendar/")
    def calendar(self, request):
        from clpages.programs.calendar import serve_calendar

        return serve_calendar(self, request)


class ProgramPage(
    CommunityPagePermissionsMixin, ViewRestrictionsMixin, SingleLineTitleMixin, ProgramSearchMixin, Page
):
    objects = PageManager.from_queryset(ProgramQuerySet)()

    summary = models.TextField(
        max_length=300, help_text="One or two sentences shown in listings and search results."
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True)
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, default=Stage.ASSESSMENT)
    audiences = ParentalManyToManyField("clpages.Audience", blank=True, related_name="programs")
    languages = ParentalManyToManyField(
        "clpages.Language", blank=True, related_name="programs", verbose_name="languages offered"
    )
    tags = ClusterTaggableManager(through=ProgramTag, blank=True, verbose_name="topics")
    co_created_with = ParentalManyToManyField(
        "clpages.CommunityPartner",
        blank=True,
        related_name="programs",
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

    # Accessibility: what a patron needs to know before deciding to come.
    step_free_access = models.BooleanField(default=False)
    interpretation = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'ASL interpretation', 'Arabic interpreter on request'."
    )
    captions = models.BooleanField(default=False, help_text="Live captions for online sessions.")
    sensory_friendly = models.BooleanField(default=False)
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
            [FieldPanel("community_goals"), FieldPanel("success_looks_like")],
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

    class Meta:
        verbose_name = "program"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Sessions are committed with the page, and a published revision carries the value it
        # was drafted with: recount from the saved sessions.
        last_end = self.sessions.model.objects.filter(program_id=self.pk).aggregate(last=Max("end"))["last"]
        # A full save wrote the in-memory value; a partial one may have left an older one.
        if last_end != self.last_session_end or kwargs.get("update_fields") is not None:
            ProgramPage.objects.filter(pk=self.pk).update(last_session_end=last_end)
        self.last_session_end = last_end

    def upcoming_sessions(self):
        now = timezone.now()
        return [s for s in self.sessions.all() if s.end >= now]

    @property
    def stage_steps(self):
        return [
            {"value": v, "label": label, "current": v == self.stage, "done": v < self.stage}
            for v, label in Stage.choices
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.sessions.filter(end__gte=timezone.now()).select_related("location")
        context["partners"] = self.co_created_with.select_related("logo")
        context["evaluations"] = public(self.evaluations.live())
        context["facts"] = self.fact_names(preview=getattr(request, "is_preview", False))
        return context

    def fact_names(self, preview=False):
        """Names of the program's audiences and languages (by name) and topics (as tagged).

        One query for the three lists. A preview shows the draft's own choices, which are in
        memory, not in the database.
        """
        if preview or self.pk is None:
            return {
                "audiences": [audience.name for audience in self.audiences.all()],
                "languages": [language.name for language in self.languages.all()],
                "tags": [tag.name for tag in self.tags.all()],
            }
        kinds = ("audiences", "languages", "tags")
        names = link_names([self.pk], kinds)
        return {kind: names.get((self.pk, kind), []) for kind in kinds}


# The many-to-many fields whose names pages list, and the name column reached from the link table.
LINKED_NAMES = {
    "audiences": "audience__name",
    "languages": "language__name",
    "co_created_with": "communitypartner__name",
}


def link_names(program_ids, kinds):
    """{(program id, kind): [names]} for each of `kinds`, read in one query.

    Kinds are "audiences", "languages" and "co_created_with" (in order of name) and "tags" (in
    the order they were tagged): one UNION of the link tables, where a prefetch per relation
    would build a model, and a manager, for every name.
    """
    ids = list(program_ids)
    parts = {
        kind: getattr(ProgramPage, kind)
        .through.objects.filter(programpage_id__in=ids)
        .annotate(program=F("programpage_id"), position=Value(0), name=F(column))
        for kind, column in LINKED_NAMES.items()
    }
    parts["tags"] = ProgramTag.objects.filter(content_object_id__in=ids).annotate(
        program=F("content_object_id"), position=F("id"), name=F("tag__name")
    )
    rows = [
        parts[kind].annotate(kind=Value(kind)).values_list("program", "kind", "position", "name")
        for kind in kinds
    ]
    names = {}
    for program, kind, _, name in rows[0].union(*rows[1:], all=True).order_by("kind", "position", "name"):
        names.setdefault((program, kind), []).append(name)
    return names


def refresh_last_session_end(program_ids):
    """Store each program's last session end, from its saved sessions."""
    program_ids = [pk for pk in program_ids if pk is not None]
    if not program_ids:
        return
    last_end = (
        ProgramSession.objects.filter(program=OuterRef("pk")).values("program").annotate(last=Max("end"))
    )
    ProgramPage.objects.filter(pk__in=program_ids).update(last_session_end=Subquery(last_end.values("last")))


def joining_link(status, online_url):
    """The one rule for when a session's joining link is published, on the page, in the API,
    in iCalendar files and in JSON-LD: while the session goes ahead with room to spare. A full
    session's link would let people in past its capacity; a cancelled one's leads nowhere.
    """
    return online_url if status == SessionStatus.SCHEDULED and online_url else ""


class ProgramSession(Orderable):
    program = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField()
    end = models.DateTimeField()
    location = models.ForeignKey(
        "clpages.Location",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
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
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("format"),
        FieldRowPanel([FieldPanel("location"), FieldPanel("address")]),
        FieldPanel("online_url"),
        FieldRowPanel([FieldPanel("registration"), FieldPanel("registration_url")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("status")]),
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
        if self.format in (SessionFormat.IN_PERSON, SessionFormat.HYBRID) and not (
            self.location_id or self.address
        ):
            errors["location"] = "Choose a location or enter an address for an in-person session."
        if self.format in (SessionFormat.ONLINE, SessionFormat.HYBRID) and not self.online_url:
            errors["online_url"] = "Add the online link for an online session."
        if self.registration == Registration.EXTERNAL and not self.registration_url:
            errors["registration_url"] = "Add the link where people register."
        if errors:
            raise ValidationError(errors)

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
