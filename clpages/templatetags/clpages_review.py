"""Plain words for the review status in Wagtail's own editor templates."""

from django import template
from django.utils.translation import gettext
from django.utils.translation import gettext as wagtail_catalogue

register = template.Library()


@register.filter
def plain_status(title):
    """Wagtail's "In Moderation" status, as "In review": the words suit every workflow."""
    # Compared in the language shown, through Wagtail's own catalogue (an alias makemessages
    # does not collect, so clpages's catalogues do not take the string over).
    if str(title) == wagtail_catalogue("In Moderation"):
        return gettext("In review")
    return title
