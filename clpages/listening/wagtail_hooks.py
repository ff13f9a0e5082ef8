from wagtail import hooks

from clpages.listening.pages import listening_of
from clpages.listening.viewsets import ListeningViewSet
from clpages.voices import LISTENING_HOOK

# A page's open question and its "What we heard" quotes, for the core templates (clpages.voices).
hooks.register(LISTENING_HOOK, listening_of)


@hooks.register("register_admin_viewset")
def register_listening():
    return ListeningViewSet()
