from django import template

from clpages.voices import listening_for

register = template.Library()


@register.simple_tag
def listening_of(page):
    """``{% listening_of page as listening %}``: the page's open question and its quotes."""
    return listening_for(page)
