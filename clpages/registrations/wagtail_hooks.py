from wagtail import hooks

from clpages.joining import (
    ATTENDANCE_HOOK,
    PLACES_TAKEN_HOOK,
    REGISTRATION_STATES_HOOK,
    SESSION_REMOVAL_HOOK,
)
from clpages.registrations.attendance import recorded_attendance
from clpages.registrations.follow_up import immediate_survey_link
from clpages.registrations.page_deletion import refuse_bulk_deleting, refuse_deleting_page
from clpages.registrations.places import people_registered_ahead, places_for, states_for
from clpages.registrations.thank_you import THANK_YOU_LINK_HOOK
from clpages.registrations.views import url_for
from clpages.registrations.viewsets import RunningSessionsViewSet


@hooks.register(REGISTRATION_STATES_HOOK)
def registration_states(dates):
    return states_for(dates, url_for)


# Places taken and waiting, as counts, for the library's reports (clpages.joining.places_taken).
hooks.register(PLACES_TAKEN_HOOK, places_for)


# Counts only, for a program's results and learning page (clpages.joining.attendance_of).
hooks.register(ATTENDANCE_HOOK, recorded_attendance)


@hooks.register("register_admin_viewset")
def register_running_sessions():
    return RunningSessionsViewSet()


@hooks.register(SESSION_REMOVAL_HOOK)
def registrations_held(session_ids):
    return people_registered_ahead(session_ids)


# Deleting a program people registered for would drop them untold (clpages.registrations.page_deletion).
hooks.register("before_delete_page", refuse_deleting_page)
hooks.register("before_bulk_action", refuse_bulk_deleting)


# The thank-you links to the program's survey asked right after a date, from the app running
# outcome surveys when there is one (clpages.joining.survey_links).
hooks.register(THANK_YOU_LINK_HOOK, immediate_survey_link)
