"""Form widgets for public pages that must stay fast with long lists of choices."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

SELECTED = mark_safe(" selected")


class QuickSelect(forms.Select):
    """A <select> whose options are joined in one pass.

    Django renders each option through its own template; with hundreds of partner
    organisations that alone took longer than the rest of the program listing. The markup is
    the same: label text is escaped, the chosen value is marked selected.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(option_value), SELECTED if str(option_value) in chosen else "", label)
                for option_value, label in self.choices
            ),
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)
