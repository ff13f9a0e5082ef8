# The workflow task models live beside the workflow they serve; imported here so Django finds them.
from ..workflows import PartnerCoReviewTask, PartnerCoReviewTaskState
from .evaluations import EvaluationIndexPage, EvaluationMeasure, EvaluationPage, EvaluationQuote
from .generation import ContentGeneration
from .hub import CommunityHubPage
from .membership import MembershipRequest, PartnerMembership
from .partners import Audience, CommunityPartner, Language, Location
from .partnerships import PartnershipIndexPage, PartnershipNextStep, PartnershipPage
from .programs import ProgramIndexPage, ProgramPage, ProgramSession, ProgramTag

__all__ = [
    "Audience",
    "CommunityHubPage",
    "CommunityPartner",
    "ContentGeneration",
    "EvaluationIndexPage",
    "EvaluationMeasure",
    "EvaluationPage",
    "EvaluationQuote",
    "Language",
    "Location",
    "MembershipRequest",
    "PartnerCoReviewTask",
    "PartnerCoReviewTaskState",
    "PartnerMembership",
    "PartnershipIndexPage",
    "PartnershipNextStep",
    "PartnershipPage",
    "ProgramIndexPage",
    "ProgramPage",
    "ProgramSession",
    "ProgramTag",
]
