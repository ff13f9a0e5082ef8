"""Template tags for what pages tell search engines and feed readers about themselves."""

from django import template

from clpages.models import PartnershipPage, ProgramPage
from clpages.publishing.structured_data import json_ld_script, partner_organization, program_events

register = template.Library()


@register.simple_tag(takes_context=True)
def page_json_ld(context, page):
    """schema.org JSON-LD for a program (its upcoming dates as events) or a partnership.

    Reuses the page's ``sessions`` and ``partners`` context, so the page body that renders them
    afterwards costs no extra query.
    """
    request = context.get("request")
    if isinstance(page, ProgramPage):
        sessions = context.get("sessions")
        if sessions is None:
            sessions = page.upcoming_dates(preview=getattr(request, "is_preview", False))
        partners = context.get("partners")
        if partners is None:
            partners = page.co_created_with.all()
        events = program_events(page, sessions, partners, request)
        return json_ld_script(events) if events else ""
    if isinstance(page, PartnershipPage):
        return json_ld_script(partner_organization(page, request))
    return ""
