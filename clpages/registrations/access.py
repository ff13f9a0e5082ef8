"""Who may run a date's registrations in the admin, and how much of them they see.

Library staff hold ``clpages_registrations.view_registration`` (every date, with names and
contacts) and ``change_registration`` (marking who came, counting walk-ins). As for pages
(clpages.partners.page_permissions), only grants from outside partner groups count as staff
rights: a permission ticked for a partner group by mistake never shows them names.

Partners (a group holding ``clpages.act_for_own_organisations``) see the dates of the programs
their organisations co-lead: the counts, and the access needs to prepare for without who asked,
unless ``CLPAGES_REGISTRATION_PARTNERS_SEE_NAMES`` lets them see names and contacts too (the
sign-in sheet and the spreadsheet with them). They never change the record: the library keeps it.
"""

import dataclasses

from django.apps import apps

from clpages.conf import setting
from clpages.partners.scope import organisation_ids, scoped_group_ids, staff_codenames

APP_LABEL = "clpages_registrations"
VIEW = "view_registration"
CHANGE = "change_registration"


@dataclasses.dataclass(frozen=True)
class Access:
    staff_views: bool = False
    staff_changes: bool = False
    # The organisations a partner acts for; empty for everyone else.
    partner_ids: frozenset = frozenset()

    @property
    def sees_any_date(self):
        return self.staff_views or bool(self.partner_ids)

    def for_program(self, program_id):
        """What this user may do with the registrations of one program's dates."""
        if self.staff_views:
            return DateAccess(sees_names=True, marks_attendance=self.staff_changes)
        program_model = apps.get_model("clpages", "ProgramPage")
        if not self.partner_ids & program_model.stored_organisation_ids(program_id):
            return None
        return DateAccess(
            sees_names=setting("CLPAGES_REGISTRATION_PARTNERS_SEE_NAMES"), marks_attendance=False
        )


@dataclasses.dataclass(frozen=True)
class DateAccess:
    sees_names: bool
    marks_attendance: bool


def access_for(user):
    if not user.is_active or user.is_anonymous:
        return Access()
    if user.is_superuser:
        return Access(staff_views=True, staff_changes=True)
    scoped_groups = scoped_group_ids(user)
    codenames = staff_codenames(user, APP_LABEL, (VIEW, CHANGE))
    # Changing the record means seeing it, as in Django's own admin.
    staff_changes = CHANGE in codenames
    staff_views = VIEW in codenames or staff_changes
    partner_ids = organisation_ids(user) if scoped_groups and not staff_views else frozenset()
    return Access(staff_views=staff_views, staff_changes=staff_changes, partner_ids=frozenset(partner_ids))
