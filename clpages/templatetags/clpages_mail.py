from django import template

from clpages.single_line import one_line as _one_line

register = template.Library()


@register.filter
def one_line(value):
    """For email subjects: a name saved before line breaks were refused still makes a valid header."""
    return _one_line(value)
