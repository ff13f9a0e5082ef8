from django.template.response import TemplateResponse
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


def refuse_link(request, message):
    """A link that cannot be used: said plainly, with a 403, and nothing changed."""
    return TemplateResponse(
        request,
        "clpages/admin/link_not_valid.html",
        {"message": message, "page_title": "This link cannot be used", "header_icon": "warning"},
        status=403,
    )


class LinkScreenMixin(WagtailAdminTemplateMixin):
    """A screen reached from an emailed link: its header names what the link is for."""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]
