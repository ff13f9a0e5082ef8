"""Who may set questions and read, moderate and export answers, and for which pages.

Library staff hold Django permissions: ``clpages_listening.change_listeningquestion`` (set any
page's question, and approve the ones partners set) and ``change_listeninganswer`` (read,
moderate and export every page's answers; ``view_listeninganswer`` reads and exports only). As
for pages (clpages.partners.page_permissions), only grants from outside partner groups count as
staff rights.

Partners (a group holding ``clpages.act_for_own_organisations``) act for the pages linked to
their organisations (``partner_links``): they set those pages' questions, which wait for the
library's approval before they show, and read, moderate and export those pages' answers.
"""

import dataclasses

from clpages.partners.scope import (
    linked_organisation_ids,
    organisation_ids,
    scoped_group_ids,
    staff_codenames,
)

APP_LABEL = "clpages_listening"
SET_QUESTIONS = "change_listeningquestion"
VIEW_ANSWERS = "view_listeninganswer"
MODERATE = "change_listeninganswer"
CODENAMES = (SET_QUESTIONS, VIEW_ANSWERS, MODERATE)


@dataclasses.dataclass(frozen=True)
class Access:
    sets_questions: bool = False
    views_answers: bool = False
    moderates: bool = False
    # The organisations a partner acts for; empty for everyone else.
    partner_ids: frozenset = frozenset()

    @property
    def is_staff(self):
        return self.sets_questions or self.views_answers

    @property
    def sees_anything(self):
        return self.is_staff or bool(self.partner_ids)

    @property
    def scope(self):
        """The organisations whose pages this user acts on; None for every page."""
        return None if self.is_staff else self.partner_ids

    def _partner_on(self, page):
        return bool(self.partner_ids) and bool(self.partner_ids & set(linked_organisation_ids(page)))

    def sets_question_of(self, page):
        return self.sets_questions or (not self.is_staff and self._partner_on(page))

    def approves(self):
        return self.sets_questions

    def reads_answers_of(self, page):
        return self.views_answers or self.moderates or (not self.is_staff and self._partner_on(page))

    def moderates_answers_of(self, page):
        return self.moderates or (not self.is_staff and self._partner_on(page))


def access_for(user):
    if not user.is_active or user.is_anonymous:
        return Access()
    if user.is_superuser:
        return Access(sets_questions=True, views_answers=True, moderates=True)
    scoped_groups = scoped_group_ids(user)
    codenames = staff_codenames(user, APP_LABEL, CODENAMES)
    moderates = MODERATE in codenames
    access = Access(
        sets_questions=SET_QUESTIONS in codenames,
        # Moderating answers means reading them, as in Django's own admin.
        views_answers=VIEW_ANSWERS in codenames or moderates,
        moderates=moderates,
    )
    if scoped_groups and not access.is_staff:
        access = dataclasses.replace(access, partner_ids=frozenset(organisation_ids(user)))
    return access
