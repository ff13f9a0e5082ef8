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
        "Getting to know the community through relationships: joining local groups, "
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
