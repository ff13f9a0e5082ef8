"""The vocabularies of community-led planning, in the words used on public pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.IntegerChoices):
    """The five stages of the Working Together Project / Community-Led Libraries Toolkit."""

    ASSESSMENT = 1, _("Community assessment")
    NEEDS_AND_GOALS = 2, _("Identify needs and goals")
    PLAN = 3, _("Plan services")
    DELIVER = 4, _("Deliver services")
    EVALUATE = 5, _("Evaluate results")


STAGE_DESCRIPTIONS = {
    Stage.ASSESSMENT: _(
        "Library staff build relationships with the community: joining local groups, "
        "going to celebrations, spending time where people already gather."
    ),
    Stage.NEEDS_AND_GOALS: _(
        "Community members name their own goals and priorities, and what success would look like to them."
    ),
    Stage.PLAN: _(
        "Community members plan the service together, in coalitions or action groups. "
        "The library brings people together and offers its resources."
    ),
    Stage.DELIVER: _("The service runs, led by the people it is for, with the library's support."),
    Stage.EVALUATE: _(
        "Together we look at the results against the measures of success the community "
        "chose at the start, and share what we learned."
    ),
}


# The stages in the words patrons use on public pages. The Toolkit's names (Stage's labels) stay
# what editors choose from and what the API gives, so other sites and the Toolkit's readers
# recognise them; the hub's explanation gives both.
STAGE_PLAIN_NAMES = {
    Stage.ASSESSMENT: _("Getting to know the community"),
    Stage.NEEDS_AND_GOALS: _("Setting goals together"),
    Stage.PLAN: _("Planning together"),
    Stage.DELIVER: _("Up and running"),
    Stage.EVALUATE: _("Looking at the results"),
}


class ProgramKind(models.TextChoices):
    """What a patron comes to do: take part in a program, or help shape one."""

    BY_STAGE = "", _("As its stage says: 'Have your say' in stages 1 and 2, 'Program' after")
    PROGRAM = "program", _("Program: people come along and take part")
    HAVE_YOUR_SAY = "have_your_say", _("Have your say: a consultation, listening session or planning meeting")


# Stages 1 and 2 are about hearing the community (its assessment, its own goals): what people come
# to then is a conversation that shapes the work. From planning on, a program says which it is.
HAVE_YOUR_SAY_STAGES = frozenset({Stage.ASSESSMENT, Stage.NEEDS_AND_GOALS})


class FramingStage(models.TextChoices):
    """How a relationship with a community deepens: the community-led framing."""

    RELATIONSHIPS = "relationships", _("Community relationships")
    LEARN = "learn", _("Learn")
    LISTEN = "listen", _("Listen")
    ALIGN = "align", _("Align")
    SHARE = "share", _("Share")
    CO_CREATE = "co_create", _("Co-create")


class SessionFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class Registration(models.TextChoices):
    NONE = "none", _("No registration needed")
    REQUIRED = "required", _("Registration required")
    ON_SITE = "site", _("Register on this website")
    EXTERNAL = "external", _("Register on another website")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    FULL = "full", _("Full")
    CANCELLED = "cancelled", _("Cancelled")


class MeasureKind(models.TextChoices):
    STORY = "story", _("Stories and observations")
    SURVEY = "survey", _("Survey answers")
    COUNT = "count", _("Count")
    OUTPUT = "output", _("Output statistic")


class ResponseStatus(models.TextChoices):
    """Where the library stands on something people asked for ("You said, we did")."""

    DONE = "done", _("Done")
    UNDER_WAY = "under_way", _("Under way")
    NOT_POSSIBLE = "not_possible", _("Not possible, and why")


class PartnerKind(models.TextChoices):
    COMMUNITY_ORGANISATION = "community", _("Community organisation")
    ACTION_GROUP = "action_group", _("Community action group")
    CULTURAL = "cultural", _("Cultural association")
    FAITH = "faith", _("Faith community")
    EDUCATION = "education", _("School or college")
    HEALTH = "health", _("Health or social service")
    YOUTH = "youth", _("Youth organisation")
    OTHER = "other", _("Other")


class LocationKind(models.TextChoices):
    BRANCH = "branch", _("Library branch")
    VENUE = "venue", _("Community venue")
