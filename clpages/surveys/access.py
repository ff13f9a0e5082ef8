"""Who may prepare, approve and run surveys in the admin.

Library staff: ``clpages_surveys.change_survey`` (prepare any survey), ``approve_survey`` (open it
to the public), ``add_surveyresponse`` (enter paper answers) and ``view_surveyresponse`` (the
answers as a spreadsheet). As for registrations, only grants from outside partner groups count as
staff rights.

Partners (a group holding ``clpages.act_for_own_organisations``) prepare the surveys of the
results and learning pages of the work their organisations co-lead: a survey one of them changed
waits for library staff's approval again before the public can answer it.
"""

import dataclasses

from clpages.models import EvaluationPage
from clpages.partners.scope import organisation_ids, scoped_group_ids, staff_codenames

APP_LABEL = "clpages_surveys"
PREPARE = "change_survey"
APPROVE = "approve_survey"
PAPER = "add_surveyresponse"
EXPORT = "view_surveyresponse"
STAFF_CODENAMES = (PREPARE, APPROVE, PAPER, EXPORT, "add_survey", "delete_survey")


@dataclasses.dataclass(frozen=True)
class Access:
    codenames: frozenset = frozenset()
    # The organisations a partner acts for; empty for everyone else.
    partner_ids: frozenset = frozenset()

    @property
    def prepares_any(self):
        return self.prepares_all or bool(self.partner_ids)

    @property
    def prepares_all(self):
        return PREPARE in self.codenames

    @property
    def approves(self):
        return APPROVE in self.codenames

    @property
    def enters_paper_answers(self):
        return PAPER in self.codenames

    @property
    def exports(self):
        return EXPORT in self.codenames

    @property
    def deletes(self):
        return "delete_survey" in self.codenames

    def evaluations(self):
        """The results and learning pages whose surveys this user may prepare."""
        if self.prepares_all:
            return EvaluationPage.objects.all()
        if not self.partner_ids:
            return EvaluationPage.objects.none()
        return EvaluationPage.objects.filter(EvaluationPage.linked_to(self.partner_ids))

    def may_prepare(self, evaluation_id):
        if self.prepares_all:
            return True
        if not self.partner_ids or evaluation_id is None:
            return False
        return bool(self.partner_ids & EvaluationPage.stored_organisation_ids(evaluation_id))


_CACHE = "_clpages_survey_access"


def access_for(user):
    """What this user may do with surveys (kept on the user object for the request)."""
    if not user.is_active or user.is_anonymous:
        return Access()
    if not hasattr(user, _CACHE):
        if user.is_superuser:
            access = Access(codenames=frozenset(STAFF_CODENAMES))
        else:
            scoped_groups = scoped_group_ids(user)
            codenames = frozenset(staff_codenames(user, APP_LABEL, STAFF_CODENAMES))
            partners = organisation_ids(user) if scoped_groups and PREPARE not in codenames else frozenset()
            access = Access(codenames=codenames, partner_ids=frozenset(partners))
        setattr(user, _CACHE, access)
    return getattr(user, _CACHE)
