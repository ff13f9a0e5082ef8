from clpages.models.action_groups import (
    ActionGroupDecision,
    ActionGroupIndexPage,
    ActionGroupMeeting,
    ActionGroupPage,
)
from clpages.models.evaluations import (
    EvaluationIndexPage,
    EvaluationMeasure,
    EvaluationPage,
    EvaluationQuote,
    EvaluationResponse,
)
from clpages.models.generation import ContentGeneration
from clpages.models.hear_back import HearBackRequest
from clpages.models.hub import CommunityHubPage
from clpages.models.library import LibraryContact, LibraryDetails, contact_for_site, library_contact
from clpages.models.membership import MembershipRequest, PartnerMembership
from clpages.models.moderation import LibraryApprovalTask, PartnerCoReviewTask, PartnerCoReviewTaskState
from clpages.models.occurrences import SessionOccurrence
from clpages.models.partners import Audience, CommunityPartner, Language, Location
from clpages.models.partnerships import PartnershipIndexPage, PartnershipNextStep, PartnershipPage
from clpages.models.profile_changes import PartnerProfileChange, ProfileChangeStatus
from clpages.models.programs import ProgramIndexPage, ProgramPage, ProgramTag
from clpages.models.results import MeasureResult, ResultSource
from clpages.models.sessions import ProgramSession, SessionException
from clpages.models.stage_changes import ProgramStageChange

__all__ = [
    "ActionGroupDecision",
    "ActionGroupIndexPage",
    "ActionGroupMeeting",
    "ActionGroupPage",
    "Audience",
    "CommunityHubPage",
    "CommunityPartner",
    "ContentGeneration",
    "EvaluationIndexPage",
    "EvaluationMeasure",
    "EvaluationPage",
    "EvaluationQuote",
    "EvaluationResponse",
    "HearBackRequest",
    "MeasureResult",
    "ResultSource",
    "Language",
    "LibraryApprovalTask",
    "LibraryContact",
    "LibraryDetails",
    "Location",
    "MembershipRequest",
    "PartnerCoReviewTask",
    "PartnerCoReviewTaskState",
    "PartnerMembership",
    "PartnershipIndexPage",
    "PartnershipNextStep",
    "PartnershipPage",
    "PartnerProfileChange",
    "ProfileChangeStatus",
    "ProgramIndexPage",
    "ProgramPage",
    "ProgramSession",
    "ProgramStageChange",
    "ProgramTag",
    "contact_for_site",
    "library_contact",
    "SessionException",
    "SessionOccurrence",
]
