from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from clpages.models import CommunityHubPage
from clpages.performance.routing import DirectRouteMixin
from clpages.programs.this_week import sessions_ahead
from home.sections import site_sections


class HomePage(DirectRouteMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hubs"] = CommunityHubPage.objects.child_of(self).live().public()
        # What's on this week, and where to find the rest: the listing, calendar and hub.
        context["this_week"] = sessions_ahead(self, request)
        context["sections"] = site_sections(request)
        return context
