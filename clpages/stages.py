"""The vocabularies of community-led planning, in the words used on public pages."""

from django.db import models


class Stage(models.IntegerChoices):
    """The five stages of the Working Together Project / Community-Led Libraries Toolkit."""

    ASSESSMENT = 1, "Community assessment"
    NEEDS_AND_GOALS = 2, "Identify needs and goals"
    PLAN = 3, "Plan services"
    DELIVER = 4, "Deliver services"
    EVALUATE = 5, "Evaluate results"


STAGE_DESCRIPTIONS = {
    Stage.ASSESSMENT: (
        "Library staff build relationships with the community: joining local groups, "
        "going to celebrations, spending time where people already gather."
    ),
    Stage.NEEDS_AND_GOALS: (
        "Community members name their own goals and priorities, and what success would look like to them."
    ),
    Stage.PLAN: (
        "Community members plan the service together, in coalitions or action groups. "
        "The library brings people together and offers its resources."
    ),
    Stage.DELIVER: "The service runs, led by the people it is for, with the library's support.",
    Stage.EVALUATE: (
        "Together we look at the results against the measures of success the community "
        "chose at the start, and share what we learned."
    ),
}


# The stages in the words patrons use on public pages. The Toolkit's names (Stage's labels) stay
# what editors choose from and what the API gives, so other sites and the Toolkit's readers
# recognise them; the hub's explanation gives both.
STAGE_PLAIN_NAMES = {
    Stage.ASSESSMENT: "Getting to know the community",
    Stage.NEEDS_AND_GOALS: "Setting goals together",
    Stage.PLAN: "Planning together",
    Stage.DELIVER: "Up and running",
    Stage.EVALUATE: "Looking at the results",
}


class ProgramKind(models.TextChoices):
    """What a patron comes to do: take part in a program, or help shape one."""

    BY_STAGE = "", "As its stage says: 'Have your say' in stages 1 and 2, 'Program' after"
    PROGRAM = "program", "Program: people come along and take part"
    HAVE_YOUR_SAY = "have_your_say", "Have your say: a consultation, listening session or planning meeting"


# Stages 1 and 2 are about hearing the community (its assessment, its own goals): what people come
# to then is a conversation that shapes the work. From planning on, a program says which it is.
HAVE_YOUR_SAY_STAGES = frozenset({Stage.ASSESSMENT, Stage.NEEDS_AND_GOALS})


class FramingStage(models.TextChoices):
    """How a relationship with a community deepens: the community-led framing."""

    RELATIONSHIPS = "relationships", "Community relationships"
    LEARN = "learn", "Learn"
    LISTEN = "listen", "Listen"
    ALIGN = "align", "Align"
    SHARE = "share", "Share"
    CO_CREATE = "co_create", "Co-create"


class SessionFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "In person and online"


class Registration(models.TextChoices):
    NONE = "none", "No registration needed"
    REQUIRED = "required", "Registration required"
    ON_SITE = "site", "Register on this website"
    EXTERNAL = "external", "Register on another website"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    FULL = "full", "Full"
    CANCELLED = "cancelled", "Cancelled"


class MeasureKind(models.TextChoices):
    STORY = "story", "Stories and observations"
    SURVEY = "survey", "Survey answers"
    COUNT = "count", "Count"
    OUTPUT = "output", "Output statistic"


class ResponseStatus(models.TextChoices):
    """Where the library stands on something people asked for ("You said, we did")."""

    DONE = "done", "Done"
    UNDER_WAY = "under_way", "Under way"
    NOT_POSSIBLE = "not_possible", "Not possible, and why"


class PartnerKind(models.TextChoices):
    COMMUNITY_ORGANISATION = "community", "Community organisation"
    ACTION_GROUP = "action_group", "Community action group"
    CULTURAL = "cultural", "Cultural association"
    FAITH = "faith", "Faith community"
    EDUCATION = "education", "School or college"
    HEALTH = "health", "Health or social service"
    YOUTH = "youth", "Youth organisation"
    OTHER = "other", "Other"


class LocationKind(models.TextChoices):
    BRANCH = "branch", "Library branch"
    VENUE = "venue", "Community venue"
