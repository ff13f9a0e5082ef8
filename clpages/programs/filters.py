"""One GET form of filters for the listing, calendar, iCal and search: a filtered view can be bookmarked.

Program-level filters (audience, language, topic, stage, partner, accessibility, cost, free text)
narrow programs.
Session-level filters (place, format, dates) match programs that have at least one session meeting
all of them at once: "online, this week, at the Central branch" means one such session. They
read a session's stored dates (SessionOccurrence), so each date of a repeating series counts.
"""

import dataclasses
import datetime
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.coreutils import get_supported_content_language_variant

from clpages.i18n import vocabulary
from clpages.models import (
    Audience,
    CommunityPartner,
    Language,
    Location,
    ProgramPage,
    ProgramTag,
    SessionOccurrence,
)
from clpages.models.partners import in_default_language
from clpages.programs.filter_fields import (
    ACCESS_CHOICES,
    ACCESS_FEATURES,
    FORMAT_CHOICES,
    FORMAT_MATCHES,
    SORT_NEWEST,
    SORT_SOONEST,
    WHEN_CHOICES,
    DateFilterField,
    menu,
    not_one_of,
)
from clpages.search.query import matching_pks
from clpages.search.text import MAX_CHARACTERS, length_problem
from clpages.stages import STAGE_PLAIN_NAMES, SessionStatus, Stage
from clpages.translated import active_language, locale_id, reading_default_language

FILTER_FIELDS = [
    "q",
    "audience",
    "language",
    "topic",
    "stage",
    "partner",
    "access",
    "free",
    "location",
    "format",
    "when",
    "date_from",
    "date_to",
    "include_past",
]
# The menus of terms that have a wording in each language.
VOCABULARY_FIELDS = ("audience", "language", "partner", "location")
SESSION_FIELDS = ("location", "format", "when", "date_from", "date_to")
# Chosen values that are lists in the address (?access=captions&access=step-free).
LIST_FIELDS = ("access",)


class ProgramFilterForm(forms.Form):
    """The filters the listing, the calendar, the calendar feed and search share."""

    q = forms.CharField(
        label=_("Words to look for"),
        required=False,
        max_length=MAX_CHARACTERS,
        error_messages={"max_length": _("Please use at most %(limit_value)d characters.")},
    )
    audience = menu(_("Who it is for"), Audience.objects.all(), empty=_("Everyone"), noun="audience")
    language = menu(_("Language"), Language.objects.all(), empty=_("Any language"), noun="language")
    topic = menu(_("Topic"), Tag.objects.none(), empty=_("Any topic"), noun="topic")
    stage = forms.TypedChoiceField(
        label=_("Stage"),
        choices=[("", _("Any stage"))]
        + [
            (str(stage.value), format_lazy("{}. {}", stage.value, STAGE_PLAIN_NAMES[stage]))
            for stage in Stage
        ],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": not_one_of("the five stages")},
    )
    partner = menu(
        _("Co-created with"),
        CommunityPartner.objects.only("pk", "name", "slug"),
        empty=_("Any partner organisation"),
        noun="partner organisation",
    )
    access = forms.MultipleChoiceField(
        label=_("Accessibility"),
        choices=ACCESS_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Programs that offer everything you tick."),
        error_messages={"invalid_choice": not_one_of("the accessibility features")},
    )
    free = forms.BooleanField(label=_("Free of charge only"), required=False)
    location = menu(
        _("Place"),
        Location.objects.only("pk", "name"),
        empty=_("Any place"),
        noun="place",
        by_slug=False,
    )
    format = forms.ChoiceField(
        label=_("How to take part"),
        choices=FORMAT_CHOICES,
        required=False,
        help_text=_("Sessions offered both ways count for in person and for online."),
        error_messages={"invalid_choice": not_one_of("the ways of taking part")},
    )
    when = forms.ChoiceField(
        label=_("When"),
        choices=WHEN_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": not_one_of("the periods")},
    )
    date_from = DateFilterField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _(
                "We could not read the date “%(value)s”. "
                "Enter the start date as year-month-day, for example 2026-11-30."
            )
        },
    )
    date_to = DateFilterField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _(
                "We could not read the date “%(value)s”. "
                "Enter the end date as year-month-day, for example 2026-12-31."
            )
        },
    )
    include_past = forms.BooleanField(label=_("Include past programs"), required=False)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("when"):
            # So "Any time" shows as chosen when no period is in the address.
            data = data.copy()
            data["when"] = ""
        super().__init__(data, *args, **kwargs)
        # Pages point at the terms of the default language; the menus show each in the
        # visitor's language (clpages.widgets.QuickSelect, clpages.i18n.vocabulary).
        for name in VOCABULARY_FIELDS:
            self.fields[name].queryset = self.fields[name].queryset.filter(in_default_language())
        # Only topics that programs patrons may see use: a patron never picks a topic that can
        # match nothing, and a draft or private program's topics are not published through it.
        # EXISTS stops at a topic's first program instead of joining every tagging and
        # de-duplicating (20,000 rows at 10,000 programs).
        used = ProgramTag.objects.filter(
            tag=OuterRef("pk"), content_object__in=ProgramPage.objects.visible().values("pk")
        )
        self.fields["topic"].queryset = Tag.objects.filter(Exists(used)).order_by("name")
        # Programs point at the terms in the default language. A translation of a term has the
        # same slug (?language=arabic), so the choice is made among the originals only.
        default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        for name in ("audience", "language", "partner", "location"):
            field = self.fields[name]
            field.queryset = field.queryset.filter(locale__language_code=default_language)

    def clean_q(self):
        text = self.cleaned_data["q"]
        problem = length_problem(text)
        if problem:
            raise forms.ValidationError(problem, code="too_long")
        return text

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return cleaned

    def filters(self):
        """The filters that can be applied: invalid ones are left out (and reported by the form)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        values = {name: data.get(name) for name in FILTER_FIELDS}
        for name in LIST_FIELDS:
            values[name] = list(values[name] or [])
        # The chosen terms as the visitor reads them, in headings and "filters in use".
        for name in VOCABULARY_FIELDS:
            vocabulary.reword([values[name]])
        return ProgramFilters(**values, sort=data.get("sort") or SORT_SOONEST)

    def error_summary(self):
        """(field id, label, message) for each problem, for the summary at the top of the form."""
        summary = []
        for name, errors in self.errors.items():
            field = self[name] if name in self.fields else None
            # A group of radio buttons or tick boxes has no one input to label: go to its first.
            target = (field.id_for_label or f"{field.auto_id}_0") if field else ""
            for message in errors:
                summary.append((target, field.label if field else "", message))
        return summary


@dataclasses.dataclass
class ProgramFilters:
    q: str = ""
    audience: Audience | None = None
    language: Language | None = None
    topic: Tag | None = None
    stage: int | None = None
    partner: CommunityPartner | None = None
    access: list[str] = dataclasses.field(default_factory=list)
    free: bool = False
    location: Location | None = None
    format: str = ""
    when: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    include_past: bool = False
    # The order of the results, not a narrowing: kept in the address, never "a choice in use".
    sort: str = SORT_SOONEST

    @property
    def active(self):
        """True when the patron narrowed the list in any way."""
        return any(getattr(self, name) for name in FILTER_FIELDS)

    @property
    def session_filtered(self):
        return any(getattr(self, name) for name in SESSION_FIELDS)

    def querystring(self, **overrides):
        """The filters (and an order other than soonest first) as GET parameters, for pagination
        links, the links removing one choice, and the calendar and feed URLs."""
        params = {}
        for name in [*FILTER_FIELDS, "sort"]:
            value = overrides.get(name, getattr(self, name))
            if not value or (name == "sort" and value == SORT_SOONEST):
                continue
            if name in LIST_FIELDS:
                value = list(value)
            elif hasattr(value, "slug"):
                value = value.slug
            elif hasattr(value, "pk"):
                value = value.pk
            elif isinstance(value, bool):
                value = "on"
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            params[name] = value
        return urlencode(params, doseq=True)

    def in_use(self, form):
        """(label, chosen value, querystring without it) for each filter in use, to remove one by one."""
        shown = []
        for name in FILTER_FIELDS:
            value = getattr(self, name)
            if not value or name not in form.fields:
                continue
            field = form.fields[name]
            if name in LIST_FIELDS:
                # One choice per feature, each removed on its own.
                labels = dict(field.choices)
                for chosen in value:
                    rest = [other for other in value if other != chosen]
                    shown.append((field.label, labels.get(chosen, chosen), self.querystring(**{name: rest})))
                continue
            if name in ("include_past", "free"):
                text = _("yes")
            elif hasattr(field, "choices") and not hasattr(value, "pk"):
                text = dict(field.choices).get(str(value), value)
            else:
                text = str(value)
            shown.append((field.label, text, self.querystring(**{name: None})))
        return shown

    # Dates -------------------------------------------------------------------------------------

    def window(self, now=None):
        """The (start, end) datetimes a session must overlap, either end open (None)."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        start = end = None
        if self.when == "today":
            start, end = day_start(today), day_start(today + datetime.timedelta(days=1))
        elif self.when == "week":
            monday = today - datetime.timedelta(days=today.weekday())
            start, end = day_start(monday), day_start(monday + datetime.timedelta(days=7))
        elif self.when == "month":
            first = today.replace(day=1)
            start, end = day_start(first), day_start(next_month(first))
        # Chosen dates narrow a chosen period further: every filter narrows, none overrides.
        if self.date_from:
            start = max(filter(None, [start, day_start(self.date_from)]))
        if self.date_to:
            end = min(filter(None, [end, day_start(self.date_to + datetime.timedelta(days=1))]))
        if not self.include_past:
            start = max(filter(None, [start, now]))
        return start, end

    # Querysets ---------------------------------------------------------------------------------

    def session_q(self, now=None, prefix=""):
        """Conditions one session must meet; `prefix` reaches sessions through a relation."""
        start, end = self.window(now)
        q = Q()
        if start is not None:
            q &= Q(**{f"{prefix}end__gt": start})
        if end is not None:
            q &= Q(**{f"{prefix}start__lt": end})
        if self.location:
            q &= Q(**{f"{prefix}location": self.location})
        if self.format:
            q &= Q(**{f"{prefix}format__in": FORMAT_MATCHES[self.format]})
        return q

    def program_q(self, prefix=""):
        """Conditions on the program itself; `prefix` reaches programs through a relation."""
        q = Q()
        if self.audience:
            q &= Q(**{f"{prefix}audiences": self.audience})
        if self.language:
            q &= Q(**{f"{prefix}languages": self.language})
        if self.topic:
            q &= Q(**{f"{prefix}tagged_items__tag": self.topic})
        if self.stage:
            q &= Q(**{f"{prefix}stage": self.stage})
        if self.partner:
            q &= Q(**{f"{prefix}co_created_with": self.partner})
        for feature in self.access:
            q &= ACCESS_FEATURES[feature][1](prefix)
        if self.free:
            q &= Q(**{f"{prefix}is_free": True})
        return q

    def apply_text(self, programs):
        if not self.q:
            return programs
        matching = matching_pks(ProgramPage, self.q)
        if reading_default_language():
            return programs.filter(pk__in=matching)
        # The listing lists originals: in another language, a program matches by its own words
        # or by its translation's, which are what the visitor reads.
        translated = ProgramPage.objects.filter(
            pk__in=matching, locale_id=locale_id(active_language())
        ).values("translation_key")
        return programs.filter(Q(pk__in=matching) | Q(translation_key__in=translated))

    def matching_sessions(self, now=None):
        """Session dates meeting the session filters. Cancelled ones never make a program match."""
        now = now or timezone.now()
        conditions = self.session_q(now) if self.session_filtered else Q(end__gte=now)
        return SessionOccurrence.objects.filter(conditions).exclude(status=SessionStatus.CANCELLED)

    def with_sessions_in_window(self, programs, now):
        """Leave out programs whose sessions all end before the window opens.

        Only a narrowing: a matching session still has to be found. It lets the database look
        up the sessions of programs still running (an index range on last_session_end) instead
        of every program's.
        """
        start, _ = self.window(now)
        return programs if start is None else programs.filter(last_session_end__gt=start)

    def programs(self, programs, now=None):
        """Narrow a ProgramPage queryset, and order it.

        Soonest first (the default): by the start of each program's next session matching the
        filters, then programs with none (still being planned, or past ones asked for), then by
        title. Newest first: the most recently published. Every condition is a subquery run once,
        not once per program, so a large catalogue costs one pass over its sessions.
        """
        now = now or timezone.now()
        programs = self.apply_text(programs.filter(self.program_q()))
        if self.session_filtered:
            programs = self.with_sessions_in_window(programs, now)
            programs = programs.filter(pk__in=self.matching_sessions(now).values("program_id"))
        elif not self.include_past:
            # Past programs have sessions and all have ended. Programs still being planned,
            # with no sessions yet, stay: that is the community-led work patrons can join.
            programs = programs.upcoming(now)
        if self.sort == SORT_NEWEST:
            return programs.newest_first()
        return programs.with_next_session(self.matching_sessions(now)).soonest_first()

    @property
    def reads_every_match(self):
        """Whether the order needs every match read (soonest first): then the number of matches
        is best counted alongside the page. Newest first, the database walks an index and stops."""
        return self.sort != SORT_NEWEST

    def sessions(self, sessions, programs, now=None):
        """Narrow a SessionOccurrence queryset to dates of matching programs, cancelled ones included."""
        now = now or timezone.now()
        programs = self.with_sessions_in_window(self.apply_text(programs.filter(self.program_q())), now)
        return sessions.filter(self.session_q(now), program__in=programs.values("pk"))


def day_start(day):
    """Midnight at the start of a local calendar day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def next_month(first):
    return (first + datetime.timedelta(days=32)).replace(day=1)
