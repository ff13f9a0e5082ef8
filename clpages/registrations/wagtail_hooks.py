from wagtail import hooks

from clpages.joining import REGISTRATION_STATES_HOOK
from clpages.registrations.places import states_for
from clpages.registrations.views import url_for
from clpages.registrations.viewsets import RunningSessionsViewSet


@hooks.register(REGISTRATION_STATES_HOOK)
def registration_states(dates):
    return states_for(dates, url_for)


@hooks.register("register_admin_viewset")
def register_running_sessions():
    return RunningSessionsViewSet()
