"""Which partner organisations a page belongs to, declared once per page type.

A page type that belongs to partner organisations subclasses `PartnerLinkedPage` and lists in
`partner_links` the paths from the page to `clpages.CommunityPartner`, as ORM lookups (for
example `"program__co_created_with"`). Every question about whose page it is reads those paths:

- the stored pages linked to some organisations (`linked_to`): rights, dashboard, search;
- the organisations of a stored page (`stored_organisation_ids`): rights, the page form;
- the organisations of a page object as it is in memory (`content_organisation_ids`): a draft
  under review, whose links live only in its revision;
- the organisations a page form's values would give (`organisation_ids_by_field`), with the
  form fields the links start from (`link_fields`) to put errors on.

A translation belongs to the organisations of its source: a page in another language that has
a page of the same translation key in the site's default language reads its links from that
page, never from its own copy of them ("facts from the original"), so rights, co-review and the
dashboard cannot drift apart between languages. A page written first in another language, with
no original in the default language, keeps its own links.

The linked page types are found in the app registry (`linked_page_types`), so a new one needs
only its class. This module sits below the page models, which are built on it.
"""

import operator
from functools import reduce

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q, QuerySet

LOOKUP_SEP = "__"


def default_language_code():
    """The language code of the site's default locale, as Wagtail's `Locale.get_default` reads it."""
    from wagtail.coreutils import get_supported_content_language_variant

    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_default_locale():
    """Q for pages in the site's default locale: a join, no query of its own."""
    return Q(locale__language_code=default_language_code())


class PartnerLinkedPage:
    """A page type that belongs to the partner organisations its `partner_links` lead to."""

    partner_links = ()

    @classmethod
    def check(cls, **kwargs):
        # Django's model checks (`manage.py check`, and before runserver and migrate): a mistyped
        # link would otherwise show as a server error on a partner's first admin page.
        return [*super().check(**kwargs), *_check_links(cls)]

    @classmethod
    def linked_to(cls, organisation_ids):
        """Q for the stored pages of this type linked to any of the organisations.

        A primary-key subquery, so it applies to any page queryset (Page's included) and lists a
        page linked through several organisations once.
        """
        direct = reduce(operator.or_, (Q(**{f"{path}__in": organisation_ids}) for path in cls.partner_links))
        originals = cls.objects.filter(in_default_locale())
        # Originals linked to them, with every translation of theirs; and pages with no original.
        linked_keys = originals.filter(direct).values("translation_key")
        without_original = cls.objects.filter(direct).exclude(
            translation_key__in=originals.values("translation_key")
        )
        pages = cls.objects.filter(
            Q(translation_key__in=linked_keys) | Q(pk__in=without_original.values("pk"))
        )
        return Q(pk__in=pages.values("pk"))

    @classmethod
    def stored_organisation_ids(cls, pk):
        """The organisations the stored page `pk` is linked to (its original's), in one query."""
        own_key = cls.objects.filter(pk=pk).values("translation_key")
        rows = (
            cls.objects.filter(Q(pk=pk) | (Q(translation_key__in=own_key) & in_default_locale()))
            .order_by()
            .values_list("pk", *cls.partner_links)
        )
        by_page = {}
        for page_pk, *values in rows:
            by_page.setdefault(page_pk, set()).update(value for value in values if value is not None)
        originals = [ids for page_pk, ids in by_page.items() if page_pk != pk]
        return originals[0] if originals else by_page.get(pk, set())

    def original_pk(self):
        """The pk of this page's original in the default locale, when it is a translation of one."""
        key = getattr(self, "translation_key", None)
        if key is None:
            return None
        return (
            type(self)
            .objects.filter(in_default_locale(), translation_key=key)
            .exclude(pk=self.pk)
            .values_list("pk", flat=True)
            .first()
        )

    def content_organisation_ids(self):
        """The organisations this page object is linked to as it is in memory.

        A revision's content keeps its many-to-many choices in the object; a page it points at
        (an evaluation's program) is read as stored. A translation's are its original's, as stored.
        """
        original = self.original_pk()
        if original is not None:
            return type(self).stored_organisation_ids(original)
        ids = set()
        for path in self.partner_links:
            ids |= _reached([self], path.split(LOOKUP_SEP))
        return ids

    @classmethod
    def link_fields(cls):
        """The page's own fields the links start from, in order: the form fields that set them."""
        return _first_fields(cls.partner_links)

    @classmethod
    def indirect_link_fields(cls):
        """The link fields that reach organisations through another page (an evaluation's program):
        choosing one is choosing that page's organisations."""
        return _first_fields(path for path in cls.partner_links if LOOKUP_SEP in path)

    @classmethod
    def organisation_ids_by_field(cls, values):
        """{field: organisations} the page would be linked to with these values of its link fields.

        `values` maps field names to what a page form cleans them to: an object, a queryset or
        list of objects, or None. A field reaching organisations through another page (an
        evaluation's program) gives that page's organisations as stored.
        """
        by_field = {}
        for path in cls.partner_links:
            field, *rest = path.split(LOOKUP_SEP)
            chosen = [obj.pk for obj in _objects(values.get(field))]
            if not rest:
                reached = set(chosen)
            elif not chosen:
                reached = set()
            else:
                related = cls._meta.get_field(field).related_model
                reached = set(
                    related.objects.filter(pk__in=chosen)
                    .order_by()
                    .values_list(LOOKUP_SEP.join(rest), flat=True)
                )
                reached.discard(None)
            by_field.setdefault(field, set()).update(reached)
        return by_field


def _first_fields(paths):
    return list(dict.fromkeys(path.split(LOOKUP_SEP)[0] for path in paths))


def _objects(value):
    """The objects a field value holds: one object, a queryset's (as already read), a related
    manager's, or none."""
    if value is None:
        return []
    if isinstance(value, Model):
        return [value]
    if isinstance(value, QuerySet):
        return list(value)  # a form's cleaned queryset has been read: no query again
    if hasattr(value, "all"):
        return list(value.all())
    return list(value)


def _reached(objects, parts):
    """Ids of the organisations reached from `objects` by the lookup `parts`, read in memory."""
    name, rest = parts[0], parts[1:]
    reached = set()
    for obj in objects:
        field = obj._meta.get_field(name)
        if field.concrete and (field.many_to_one or field.one_to_one):
            target_id = getattr(obj, field.attname)
            if target_id is None:
                continue
            if not rest:
                reached.add(target_id)  # the id alone: the organisation itself is not loaded
                continue
            targets = [getattr(obj, name)]
        else:
            targets = _objects(getattr(obj, name))
        reached |= _reached(targets, rest) if rest else {target.pk for target in targets}
    return reached


def _check_links(model):
    partner_model = apps.get_model("clpages", "CommunityPartner")
    errors = []
    for path in model.partner_links:
        target = model
        try:
            for name in path.split(LOOKUP_SEP):
                target = target._meta.get_field(name).related_model
                if target is None:
                    break
        except FieldDoesNotExist:
            target = None
        if target is not partner_model:
            errors.append(
                checks.Error(
                    f"partner_links has {path!r}, which does not lead to a partner organisation.",
                    hint='Each link is a lookup from the page to clpages.CommunityPartner, such as "partner" '
                    'or "program__co_created_with".',
                    obj=model,
                    id="clpages.E301",
                )
            )
    return errors


def linked_page_types():
    """Every installed page model that belongs to partner organisations."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, PartnerLinkedPage) and model.partner_links and not model._meta.proxy
    ]
