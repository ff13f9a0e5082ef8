"""Who may use the self-assessment: library staff only.

Rights are Django's model permissions on ``clpages_assessment.Assessment`` (view, add, change,
delete), read as library staff rights (clpages.partners.scope.staff_codenames): a grant that
reaches someone only through a partner group never counts, so a permission ticked for the
partners' group by mistake still lets no partner see a team's assessment.
"""

import dataclasses

from clpages.partners.scope import staff_codenames

APP_LABEL = "clpages_assessment"
ACTIONS = ("view", "add", "change", "delete")
CODENAMES = tuple(f"{action}_assessment" for action in ACTIONS)


@dataclasses.dataclass(frozen=True)
class Access:
    actions: frozenset = frozenset()

    def may(self, action):
        return action in self.actions

    @property
    def sees(self):
        # Adding, changing or deleting an assessment means seeing it too.
        return bool(self.actions)


_CACHE = "_clpages_assessment_access"


def access_for(user):
    """What this user may do with self-assessments (kept on the user object for the request)."""
    if user is None or user.is_anonymous or not user.is_active:
        return Access()
    if not hasattr(user, _CACHE):
        if user.is_superuser:
            actions = frozenset(ACTIONS)
        else:
            held = staff_codenames(user, APP_LABEL, CODENAMES)
            actions = frozenset(action for action in ACTIONS if f"{action}_assessment" in held)
        setattr(user, _CACHE, Access(actions))
    return getattr(user, _CACHE)
