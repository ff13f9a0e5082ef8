"""Checks on what a client sends the public API, so every bad value is a 400 with a message.

Wagtail's API converts plain integer and foreign key filters, but hands other relations
(``?co_created_with=``), numbers beyond the database's integers, ``find/?id=`` and offsets
past any table to the database, where they fail as server errors. And its search would pass the
words to the backend as typed: here they are cleaned (clpages.search.text) and stemmed as the
site search's are (clpages.search.words).
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from clpages.search.text import length_problem, searchable
from clpages.search.words import query_terms

SEARCH_OPERATORS = ("and", "or")


def _compared_field(field):
    """The field a filter's value is compared with: the related model's key for a relation.

    Followed to the end: a program's key is its link to its Page row, whose key is a number.
    """
    while field.is_relation and not isinstance(field, TaggableManager):
        field = field.target_field
    return field


def _out_of_range(connection, field, value):
    """True for a number the field's column cannot hold (the database would fail on it)."""
    ranges = connection.ops.integer_field_ranges
    if not isinstance(value, int) or isinstance(value, bool) or field.get_internal_type() not in ranges:
        return False
    low, high = ranges[field.get_internal_type()]
    return (low is not None and value < low) or (high is not None and value > high)


def checked_value(queryset, name, value):
    """`value` as the database compares it with the field `name`; BadRequestError if it cannot be."""
    try:
        field = _compared_field(queryset.model._meta.get_field(name))
    except FieldDoesNotExist:
        return value
    try:
        python_value = field.to_python(value)
    except ValidationError as error:
        raise BadRequestError(
            f"{name}: '{value}' is not a valid value ({' '.join(error.messages)})"
        ) from error
    if _out_of_range(connections[queryset.db], field, python_value):
        raise BadRequestError(f"{name}: {value} is out of range; no record has that number")
    return python_value


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters, with every value checked against its field (or related key) first."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in fields and name != "locale":
                checked_value(queryset, name, value)
        return super().filter_queryset(request, queryset, view)


class PatronSearchFilter(SearchFilter):
    """Wagtail's SearchFilter with the words cleaned and their length capped."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        text = request.GET["search"]
        problem = length_problem(text)
        if problem:
            raise BadRequestError(f"search: {problem}")
        operator = request.GET.get("search_operator") or None
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator: use 'and' or 'or'")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        # The stems the site search asks for (clpages.search.words), so the API finds "family"
        # for "families" too, the same on every database; the backend matches them whole.
        words = " ".join(dict.fromkeys(term.stem for term in query_terms(searchable(text))))
        if not words:
            # Only punctuation or control characters: nothing can match.
            return queryset.none()
        try:
            return get_search_backend().search(
                words, queryset, operator=operator, order_by_relevance="order" not in request.GET
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            ) from error


def replace_backends(backends):
    """A view's filter backends with Wagtail's field filter and search swapped for the checked ones."""
    swaps = {FieldsFilter: CheckedFieldsFilter, SearchFilter: PatronSearchFilter}
    return [swaps.get(backend, backend) for backend in backends]


class BoundedPagination(WagtailPagination):
    """Wagtail's offset and limit; an offset past the last item gives an empty page, without a query."""

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        # Validated by Wagtail above: a whole number, not negative.
        if int(request.GET.get("offset", 0)) >= self.total_count:
            return []
        return page


def refuse_null_characters(request):
    """PostgreSQL cannot compare text holding a NUL character with anything: say so, for any parameter."""
    for name, value in request.GET.items():
        if "\x00" in value or "\x00" in name:
            raise BadRequestError(f"{name.replace(chr(0), '')}: null characters are not allowed")


def checked_id(request):
    """Check the ``find/?id=`` value is a number a record can have; BadRequestError if not."""
    value = request.GET["id"]
    try:
        number = int(value)
    except ValueError as error:
        raise BadRequestError(f"id: '{value}' is not a whole number") from error
    low, high = connections["default"].ops.integer_field_range("AutoField")
    if not low <= number <= high:
        raise BadRequestError(f"id: {value} is out of range; no record has that number")
    return number
