"""A community action group or coalition that plans programs: its remit, the members who agreed
to be named, its meetings, its decision log and the programs it leads.

The group is a partner organisation of kind "action group" (clpages.models.partners): its
members author the page as partners author theirs (`partner_links`), and a member is named on it
only after switching on "Show my name on our group's public page" themselves
(clpages.accounts.group_pages).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from clpages.i18n import fields, vocabulary
from clpages.i18n.originals import in_language_of, in_words_of, take_facts
from clpages.models.index import CommunityIndexPage
from clpages.models.membership import PartnerMembership
from clpages.models.mixins import CommunityPagePermissionsMixin
from clpages.models.occurrences import joining_link
from clpages.models.partners import in_default_language
from clpages.models.programs import ProgramPage
from clpages.models.querysets import place_label
from clpages.models.sessions import place_problems
from clpages.partners.linking import PartnerLinkedPage
from clpages.performance.visibility import ViewRestrictionsMixin
from clpages.publishing import serializers as api
from clpages.search.words import WordFormsIndexed
from clpages.single_line import SingleLineTitleMixin
from clpages.stages import PartnerKind, SessionFormat, SessionStatus

MEETING_FACTS = ("start", "end", "format", "location_id", "address", "online_url")
DECISION_FACTS = ("decided_on",)


def action_groups():
    """What a group page may point at: action groups, in the default language."""
    return in_default_language() & Q(kind=PartnerKind.ACTION_GROUP)


def public_members(organisation_id):
    """The members who chose to be named on their group's page, by the name they chose, in one
    query. Nobody else is ever listed: the choice is theirs alone and is off until they make it."""
    rows = (
        PartnerMembership.objects.filter(
            partner_id=organisation_id, shown_on_group_page=True, user__is_active=True
        )
        .select_related("user")
        .order_by()
    )
    return sorted(name for name in (row.shown_name for row in rows) if name)


class ActionGroupIndexPage(CommunityIndexPage):
    subpage_types = ["clpages.ActionGroupPage"]

    class Meta:
        verbose_name = "action group index"

    def get_listing_queryset(self):
        return (
            ActionGroupPage.objects.child_of(self)
            .live()
            .public()
            .select_related("group", "group__logo")
            .order_by("title")
        )


class ActionGroupPage(
    PartnerLinkedPage,
    CommunityPagePermissionsMixin,
    ViewRestrictionsMixin,
    SingleLineTitleMixin,
    WordFormsIndexed,
    Page,
):
    partner_links = ("group",)

    group = models.ForeignKey(
        "clpages.CommunityPartner",
        on_delete=models.PROTECT,
        related_name="action_group_pages",
        limit_choices_to=action_groups,
        verbose_name="action group",
        help_text="The group as a partner organisation: its members write this page.",
    )
    summary = models.TextField(max_length=300, help_text="Shown in listings and search results.")
    remit = models.TextField(
        verbose_name="what the group is for",
        help_text="Its remit in plain words: what it plans, for whom, and what it decides.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("group"),
        FieldPanel("summary"),
        FieldPanel("remit"),
        InlinePanel("meetings", heading="Meetings", label="Meeting"),
        InlinePanel(
            "decisions",
            heading="Decision log",
            label="Decision",
            help_text="What the group decided, who decided it and when.",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("remit"),
        index.RelatedFields("group", [index.SearchField("name")]),
    ]

    # Public fields only (clpages.publishing.api). Members are named only with their consent.
    api_fields = [
        APIField("group", serializer=api.PartnerSerializer()),
        APIField("summary"),
        APIField("remit"),
        APIField("members", serializer=api.PublicMembersField()),
        APIField("meetings", serializer=api.MeetingSerializer(many=True)),
        APIField("decisions", serializer=api.DecisionSerializer(many=True)),
    ]

    parent_page_types = ["clpages.ActionGroupIndexPage"]
    subpage_types = []

    # Pages point at the group in the default language (its words are shown in the visitor's).
    override_translatable_fields = fields.kept("group")

    class Meta:
        verbose_name = "action group"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translation's facts are its original's: the group, its members, the meetings' times
        # and places, the decisions' dates; its words are its own.
        original = context["original"] = take_facts(self, ("group_id",))
        vocabulary.reword([self.group])
        meetings = list(original.meetings.select_related("location").order_by("start", "pk"))
        if original is not self:
            pairs = in_words_of(self.meetings.all(), meetings, MEETING_FACTS)
            for shown, source in pairs:
                shown.location = source.location  # the original's place, already read
            meetings = [shown for shown, _ in pairs]
        now = timezone.now()
        context["upcoming_meetings"] = [meeting for meeting in meetings if meeting.end >= now]
        context["past_meetings"] = [meeting for meeting in meetings if meeting.end < now][::-1]
        decisions = original.decisions.order_by("-decided_on", "-pk")
        context["decisions"] = (
            list(decisions)
            if original is self
            else [decision for decision, _ in in_words_of(self.decisions.all(), decisions, DECISION_FACTS)]
        )
        context["members"] = public_members(original.group_id)
        programs = (
            ProgramPage.objects.live()
            .public()
            .linked_to([original.group_id])
            .filter(locale_id=original.locale_id)
            .order_by("title")
        )
        context["programs"] = in_language_of(programs, self)
        return context


class ActionGroupMeeting(TranslatableMixin, Orderable):
    """A meeting of the group, with the same date, time and place fields as a program's session."""

    page = ParentalKey(ActionGroupPage, on_delete=models.CASCADE, related_name="meetings")
    start = models.DateTimeField()
    end = models.DateTimeField()
    format = models.CharField(max_length=20, choices=SessionFormat.choices, default=SessionFormat.IN_PERSON)
    location = models.ForeignKey(
        "clpages.Location",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_language,
        help_text="A library branch or venue. Leave empty and enter an address for other places.",
    )
    address = models.CharField(
        max_length=250, blank=True, help_text="For places that are not listed locations."
    )
    online_url = models.URLField(blank=True, verbose_name="online link")
    about = models.CharField(
        "what the meeting is about", max_length=250, blank=True, help_text="Shown with the meeting's date."
    )

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("format"),
        FieldRowPanel([FieldPanel("location"), FieldPanel("address")]),
        FieldPanel("online_url"),
        FieldPanel("about"),
    ]

    # A translation words what the meeting is about; when and where stay the original's.
    translatable_fields = fields.translated("about") + fields.kept(
        "start", "end", "format", "location", "address", "online_url"
    )

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The meeting must end after it starts."
        errors.update(place_problems(self, "meeting"))
        if errors:
            raise ValidationError(errors)

    @property
    def place_label(self):
        return place_label(self.location if self.location_id else None, self.address)

    @property
    def public_online_url(self):
        """The joining link while the meeting is still to come (a past one's leads nowhere)."""
        if self.end is None or self.end < timezone.now():
            return ""
        return joining_link(SessionStatus.SCHEDULED, self.online_url)


class ActionGroupDecision(TranslatableMixin, Orderable):
    """One entry of the decision log: what was decided, by whom, when."""

    page = ParentalKey(ActionGroupPage, on_delete=models.CASCADE, related_name="decisions")
    decided_on = models.DateField("when")
    decision = models.TextField("what was decided", max_length=1000)
    decided_by = models.CharField(
        "decided by", max_length=200, help_text="Who decided: the whole group, a meeting, named members."
    )
    note = models.TextField(blank=True, help_text="Why, or what happens next. Optional.")

    panels = [
        FieldRowPanel([FieldPanel("decided_on"), FieldPanel("decided_by")]),
        FieldPanel("decision"),
        FieldPanel("note"),
    ]

    translatable_fields = fields.translated("decision", "decided_by", "note") + fields.kept("decided_on")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.decision[:60]
