from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from clpages.performance.routing import DirectRouteMixin


class HomePage(DirectRouteMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from clpages.models import CommunityHubPage

        context = super().get_context(request, *args, **kwargs)
        context["hubs"] = CommunityHubPage.objects.child_of(self).live().public()
        return context
