"""Form widgets: public menus that stay fast with long lists of choices, and admin fields that
answer malformed input with a form error."""

from html import escape

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.forms.models import ModelChoiceField, ModelChoiceIterator, ModelMultipleChoiceField
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from clpages.i18n import vocabulary
from clpages.performance.cache import shared


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
        # A name under which the menu's rows are shared until content changes (clpages.performance.cache).
        self.shared_as = shared_as

    def option_rows(self):
        choices = self.choices
        if not isinstance(choices, ModelChoiceIterator) or not self._labels_are_column(choices.field):
            return choices
        field = choices.field

        model = field.queryset.model
        reworded = model.__name__ in vocabulary.WORDED_FIELDS and vocabulary.rewording()

        def read():
            if not reworded:
                return list(field.queryset.values_list(field.to_field_name or "pk", self.label_field))
            # Terms in the visitor's language, in the order of those names.
            rows = field.queryset.values_list(field.to_field_name or "pk", self.label_field, "pk")
            named = [(value, vocabulary.name_of(model, pk, label)) for value, label, pk in rows]
            return sorted(named, key=lambda row: str(row[1]).casefold())

        language = vocabulary.content_language() if reworded else ""
        name = f"menu:{self.shared_as}:{language}" if language else f"menu:{self.shared_as}"
        rows = shared(name, read) if self.shared_as else read()
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


# Reading a posted value: what Wagtail's StreamField, Draftail and chooser widgets raise on
# input no browser of theirs would send (malformed JSON, non-numeric ids, missing keys).
READ_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    LookupError,
    AttributeError,
    OverflowError,
    ObjectDoesNotExist,
)
UNREADABLE_MESSAGE = (
    "{label} could not be read as it was sent, so nothing was saved. "
    "It shows what was saved before: please make your change again."
)


class Unreadable:
    """What a guarded widget returns for a value it could not read."""

    def __repr__(self):
        return "<unreadable form value>"


UNREADABLE = Unreadable()


class GuardedWidgetMixin:
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except READ_ERRORS:
            return UNREADABLE


class GuardedFieldMixin:
    """Turns an unreadable value into a form error, and redraws the saved value instead of it."""

    def clean(self, value):
        if value is UNREADABLE:
            raise ValidationError(self.error_messages["unreadable"], code="unreadable")
        return super().clean(value)

    # Set by the form when the sent value must not be drawn back (e.g. it names a refused object).
    redraw_saved = False

    def bound_data(self, data, initial):
        if data is UNREADABLE or self.redraw_saved:
            return initial
        # A chooser draws its value by loading the object: a forged, foreign or missing id
        # would fail (or show someone else's image), so the saved choice is drawn instead.
        if isinstance(self, ModelChoiceField) and not isinstance(self, ModelMultipleChoiceField):
            if data not in self.empty_values:
                try:
                    self.to_python(data)
                except ValidationError:
                    return initial
        return super().bound_data(data, initial)

    def has_changed(self, initial, data):
        return data is UNREADABLE or super().has_changed(initial, data)


_guarded_classes = {}


def _guarded(cls, mixin):
    if issubclass(cls, mixin):
        return cls
    if cls not in _guarded_classes:
        # Same name, so Wagtail's and telepath's lookups by class (they walk the MRO) still match.
        _guarded_classes[cls] = type(cls.__name__, (mixin, cls), {"__module__": cls.__module__})
    return _guarded_classes[cls]


def guard_fields(form):
    """Make every field of a bound form answer malformed input with a form error, never a 500."""
    for field in form.fields.values():
        field.widget.__class__ = _guarded(type(field.widget), GuardedWidgetMixin)
        field.__class__ = _guarded(type(field), GuardedFieldMixin)
        field.error_messages["unreadable"] = UNREADABLE_MESSAGE.format(label=field.label or "This field")
