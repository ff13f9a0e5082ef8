"""Form widgets for public pages that must stay fast with long lists of choices."""

from html import escape

from django import forms
from django.forms.models import ModelChoiceField, ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from .cache import shared


class QuickSelect(forms.Select):
    """A <select> whose options are joined in one pass.

    Django renders each option through its own template; with hundreds of partner
    organisations that alone took longer than the rest of the program listing. The markup is
    the same: label text is escaped, the chosen value is marked selected.

    Choices from a model field are read as plain (value, label) rows when the label is the
    model's ``label_field`` column (``__str__`` of every vocabulary here): building hundreds of
    model instances only to print two of their columns cost more than the markup.
    """

    label_field = "name"

    def __init__(self, attrs=None, choices=(), shared_as=None):
        super().__init__(attrs, choices)
        # A name under which the menu's rows are shared until content changes (clpages.cache).
        self.shared_as = shared_as

    def option_rows(self):
        choices = self.choices
        if not isinstance(choices, ModelChoiceIterator) or not self._labels_are_column(choices.field):
            return choices
        field = choices.field

        def read():
            return list(field.queryset.values_list(field.to_field_name or "pk", self.label_field))

        rows = shared(f"menu:{self.shared_as}", read) if self.shared_as else read()
        return ([("", field.empty_label)] if field.empty_label is not None else []) + rows

    def _labels_are_column(self, field):
        model = field.queryset.model
        return type(field).label_from_instance is ModelChoiceField.label_from_instance and any(
            f.name == self.label_field for f in model._meta.concrete_fields
        )

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        # html.escape is what Django's escape does to plain text, without a SafeString per option.
        options = mark_safe(
            "".join(
                f'<option value="{escape(str(value), quote=True)}"'
                f"{' selected' if str(value) in chosen else ''}>{conditional_escape(label)}</option>"
                for value, label in self.option_rows()
            )
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)
