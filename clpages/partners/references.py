"""What a partner's page may point at: only what Wagtail's choosers offer them.

Choosers list the images and documents the collection policy lets the user choose, and the
pages the chooser hook lets them see; but a form accepts any id it is sent. These helpers give
the form the same sets, so a forged id (another organisation's private image, a page still in
someone else's draft) is refused. What the saved page already points at stays allowed: an
editor may have chosen it.
"""

from types import SimpleNamespace

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from clpages.partners.page_permissions import partner_page_chooser_queryset

KIND_NAMES = {"image": "an image", "document": "a document", "page": "a page"}


def kind_of(model):
    """'image', 'document' or 'page' for a chooser-backed model, else None."""
    if model is None:
        return None
    if issubclass(model, Page):
        return "page"
    if issubclass(model, get_image_model()):
        return "image"
    if issubclass(model, get_document_model()):
        return "document"
    return None


def _model(kind):
    return Page if kind == "page" else get_image_model() if kind == "image" else get_document_model()


def existing(kind):
    """Every object of this kind: what anyone may point at, as long as it exists."""
    return _model(kind).objects.all()


def choosable(user, kind):
    """The objects of this kind the user may choose, as Wagtail's chooser would list them."""
    if kind == "page":
        return partner_page_chooser_queryset(Page.objects.all(), SimpleNamespace(user=user))
    return policy_registry.get_by_type(_model(kind)).instances_user_has_permission_for(user, "choose")


def narrow_choice_field(field, user, stored_pk):
    """Limit a chooser-backed ModelChoiceField to what the user may choose (and the saved value)."""
    kind = kind_of(field.queryset.model)
    if kind is None:
        return
    allowed = Q(pk__in=choosable(user, kind).values("pk"))
    if stored_pk is not None:
        allowed |= Q(pk=stored_pk)
    field.queryset = field.queryset.filter(allowed)
    field.error_messages["invalid_choice"] = (
        f"Choose {KIND_NAMES[kind]} for “{field.label}” with the chooser: "
        f"the one sent is not one you can use."
    )


def _keys(references):
    keys = set()
    for model, pk, *_ in references:
        kind = kind_of(model)
        if kind is not None:
            keys.add((kind, str(pk)))
    return keys


def refused_kinds(allowed, model_field, value, saved_value):
    """Kinds of the objects `value` points at that are not in `allowed(kind)` (sorted, may be empty).

    `model_field` is a StreamField or RichTextField; Wagtail's reference index reads the
    same references from it (chooser blocks, rich-text links and embeds). A rich-text link is
    stored as the id it was sent with, so a missing or non-numeric one is refused too.
    """
    wanted = _keys(model_field.extract_references(value))
    if saved_value is not None:
        wanted -= _keys(model_field.extract_references(saved_value))
    refused = set()
    by_kind = {}
    for kind, pk in wanted:
        by_kind.setdefault(kind, set()).add(pk)
    for kind, ids in by_kind.items():
        # Ids a database key can hold: str.isdigit() also accepts digits like "²" that int()
        # refuses, and longer numbers overflow the column.
        numeric = {pk for pk in ids if pk.isascii() and pk.isdigit() and len(pk) <= 18}
        found = {str(pk) for pk in allowed(kind).filter(pk__in=numeric).values_list("pk", flat=True)}
        if ids - found:
            refused.add(kind)
    return sorted(refused)
