"""The public registration form and the form behind a patron's own link."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from clpages.public_forms import HoneypotField, email_field

PRIVACY = _(
    "We use your name, email address, phone number and access needs only to run this session: to "
    "confirm your place, tell you of any change, remind you before it and thank you after it. We "
    "erase them {days} days after the session (for a series, after its last date); all we keep is "
    "how many places were taken and how many people came, with no names. Only library staff and the "
    "program's co-leading partners see your access needs; nothing you write here is ever shown on "
    "the website."
)


def limit_places(field, limit):
    """The session's own limit on places per registration, in the field and its message."""
    field.widget.attrs.update({"min": 1, "max": limit})
    field.validators.append(MaxValueValidator(limit))
    field.error_messages["max_value"] = _("One registration can hold up to %(count)s places.") % {
        "count": limit
    }


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("So the people running the session can greet you."),
        error_messages={"required": _("Enter your name.")},
    )
    email = email_field(
        _("Email address"),
        _("We send your confirmation, any change to the session, a reminder and a thank-you here."),
    )
    phone = forms.CharField(
        label=_("Phone number (optional)"),
        max_length=40,
        required=False,
        help_text=_("Only if you would like a call when something changes."),
    )
    places = forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        initial=1,
        help_text=_("Count yourself and everyone coming with you."),
        error_messages={
            "required": _("Enter how many places you need."),
            "invalid": _("Enter a whole number of places."),
            "min_value": _("Ask for at least 1 place."),
        },
    )
    step_free_access = forms.BooleanField(label=_("Step-free access"), required=False)
    interpreter = forms.BooleanField(label=_("An interpreter"), required=False)
    interpreter_language = forms.CharField(
        label=_("Interpreter's language (sign or spoken)"), max_length=60, required=False
    )
    captions = forms.BooleanField(label=_("Captions"), required=False)
    sensory_friendly = forms.BooleanField(label=_("A sensory-friendly setting"), required=False)
    other_needs = forms.CharField(
        label=_("Anything else we can do so you can take part (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    website = HoneypotField()

    NEEDS = (
        "step_free_access",
        "interpreter",
        "interpreter_language",
        "captions",
        "sensory_friendly",
        "other_needs",
    )

    def __init__(self, *args, places_limit, **kwargs):
        super().__init__(*args, **kwargs)
        limit_places(self.fields["places"], places_limit)

    def clean(self):
        data = super().clean()
        if data.get("interpreter") and not data.get("interpreter_language", "").strip():
            self.add_error("interpreter_language", _("Tell us which language the interpreter should use."))
        return data

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def needs(self):
        return {name: self.cleaned_data[name] for name in self.NEEDS}


class ChangePlacesForm(forms.Form):
    places = forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        error_messages={
            "required": _("Enter how many places you need."),
            "invalid": _("Enter a whole number of places."),
            "min_value": _("To give up every place, cancel your registration instead."),
        },
    )

    def __init__(self, *args, places_limit, **kwargs):
        super().__init__(*args, **kwargs)
        limit_places(self.fields["places"], places_limit)


class AttendanceForm(forms.Form):
    """Who came, one box per confirmed registration, and the people who came without registering.

    The form names the registrations it showed, so that someone confirmed from the waiting list
    while it was open is not marked as absent by a form that never listed them.
    """

    walk_ins = forms.IntegerField(
        label="People who came without registering",
        min_value=0,
        max_value=10000,
        help_text="Count everyone who was not registered, people from the waiting list included.",
        error_messages={
            "required": "Enter how many people came without registering, or 0.",
            "invalid": "Enter a whole number of people, or 0.",
            "min_value": "Enter 0 or more people.",
            "max_value": "Enter at most 10000 people.",
        },
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            self.fields[self.field_name(registration)] = forms.BooleanField(
                label="Came", required=False, initial=bool(registration.attended)
            )

    @staticmethod
    def field_name(registration):
        return f"came_{registration.pk}"

    def rows(self):
        """(registration, its box) for each registration, in order."""
        return [(registration, self[self.field_name(registration)]) for registration in self.registrations]

    def shown_ids(self):
        listed = {registration.pk for registration in self.registrations}
        return {int(value) for value in self.data.getlist("shown") if value.isdigit()} & listed

    def came_ids(self):
        return {
            registration.pk
            for registration in self.registrations
            if self.cleaned_data.get(self.field_name(registration))
        }
