from django import template

from clpages import charts

register = template.Library()


@register.filter
def amount(value, unit):
    """A figure with its unit, written as the charts write it: "70%", "30 children"."""
    return charts.amount(value, unit or "")
