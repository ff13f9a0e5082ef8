"""The library's name and contact details in templates: ``{% library_contact as library %}``."""

from django import template

from clpages.models import library_contact as contact_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def library_contact(context):
    """The LibraryContact of the request's site (its defaults when there is no request, as on 500 pages)."""
    return contact_for_request(context.get("request"))
