"""One account per email address, compared without regard to case."""

from django import forms
from django.contrib.auth import get_user_model

EMAIL_IN_USE = "Another account already uses this email address. Please use a different one."


def normalise(email):
    return get_user_model().objects.normalize_email(email or "").strip()


def email_in_use(email, exclude=None):
    """Whether another account (than `exclude`) has this address, whatever its case."""
    if not email:
        return False
    accounts = get_user_model()._default_manager.filter(email__iexact=email)
    if exclude is not None and exclude.pk is not None:
        accounts = accounts.exclude(pk=exclude.pk)
    return accounts.exists()


class UniqueEmailMixin:
    """For a user form with an `email` field: refuses an address another account has."""

    def clean_email(self):
        email = normalise(self.cleaned_data.get("email"))
        if email_in_use(email, exclude=self.instance):
            raise forms.ValidationError(EMAIL_IN_USE, code="email_in_use")
        return email
