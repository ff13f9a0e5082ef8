"""Public representations of community records for the read-only API.

Every nested record is written out field by field: whatever is not listed here is never
published, so a partner's private contact, its members and quotes shared without consent
cannot leak through the API, whatever ``?fields=`` a client asks for.

The fields read related objects through ``.all()`` so that the API's prefetches (see
``clpages.publishing.api``) are used and a listing costs the same number of queries for 10 items as
for 100. No model is imported here: the page models import this module for ``api_fields``.
"""

from rest_framework import serializers

from clpages.i18n import vocabulary
from clpages.performance.visibility import is_public


class ChoiceWithLabelField(serializers.Field):
    """A choice as its stored value, for filtering, and the label shown on public pages."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, instance):
        name = self.field_name
        return {"value": getattr(instance, name), "label": getattr(instance, f"get_{name}_display")()}


class NamesField(serializers.Field):
    """Names of related vocabulary items (audiences, languages, topics), from prefetched rows, in
    the requested language (clpages.i18n.vocabulary; topics are named as tagged)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        items = list(manager.all())
        if items and type(items[0]).__name__ in vocabulary.WORDED_FIELDS:
            return [vocabulary.name_of(type(item), item.pk, item.name) for item in items]
        return [item.name for item in items]


class _InRequestedLanguage:
    """A vocabulary record's words in the requested language (clpages.i18n.vocabulary)."""

    def to_representation(self, instance):
        vocabulary.reword([instance])
        return super().to_representation(instance)


class _ReadOnlySerializer(serializers.Serializer):
    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)


class ImageReferenceSerializer(_ReadOnlySerializer):
    """An image by reference: its title, size and where the API describes it."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    detail_url = serializers.SerializerMethodField()

    def get_detail_url(self, image):
        # Imported here: wagtail.api.v2.utils loads models, and this module loads with them.
        from wagtail.api.v2.utils import get_object_detail_url

        router = self.context.get("router")
        request = self.context.get("request")
        if router is None or request is None:
            return None
        return get_object_detail_url(router, request, type(image), image.pk)


class PartnerSerializer(_InRequestedLanguage, _ReadOnlySerializer):
    """A partner organisation's public profile. Its private contact and members are never here."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    kind = ChoiceWithLabelField()
    description = serializers.CharField()
    website = serializers.CharField()
    logo = ImageReferenceSerializer(allow_null=True)
    languages = NamesField()
    communities_served = serializers.CharField()


class LocationSerializer(_InRequestedLanguage, _ReadOnlySerializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = ChoiceWithLabelField()
    street_address = serializers.CharField()
    city = serializers.CharField()
    postcode = serializers.CharField()
    address = serializers.CharField()
    step_free_access = serializers.BooleanField()
    accessibility_notes = serializers.CharField()


class OccurrenceSerializer(_ReadOnlySerializer):
    """One date of a session: "on", "cancelled", or "moved" (with the date it was moved from)."""

    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    status = ChoiceWithLabelField()
    state = serializers.SerializerMethodField()
    moved_from = serializers.SerializerMethodField()
    note = serializers.CharField()

    def get_state(self, occurrence):
        if occurrence.is_cancelled:
            return "cancelled"
        return "moved" if occurrence.is_moved else "on"

    def get_moved_from(self, occurrence):
        field = serializers.DateTimeField()
        return field.to_representation(occurrence.original_start) if occurrence.is_moved else None


class SessionSerializer(_ReadOnlySerializer):
    id = serializers.IntegerField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    format = ChoiceWithLabelField()
    status = ChoiceWithLabelField()
    location = LocationSerializer(allow_null=True)
    address = serializers.CharField()
    online_url = serializers.SerializerMethodField()
    registration = ChoiceWithLabelField()
    registration_url = serializers.CharField()
    capacity = serializers.IntegerField(allow_null=True)
    # A series as the editor set it, in words, and every one of its dates (one for a session
    # that does not repeat), soonest first.
    repeat = ChoiceWithLabelField()
    repeat_until = serializers.DateField(allow_null=True)
    repeat_count = serializers.IntegerField(allow_null=True)
    repeat_description = serializers.CharField(source="describe_series")
    occurrences = OccurrenceSerializer(many=True)

    def get_online_url(self, session):
        return session.public_online_url or None


class NextStepSerializer(_ReadOnlySerializer):
    what = serializers.CharField()
    who = serializers.CharField()
    when = serializers.DateField(allow_null=True)
    done = serializers.BooleanField()


class MeetingSerializer(_ReadOnlySerializer):
    """An action group's meeting: when, where, and its joining link while it is still to come."""

    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    format = ChoiceWithLabelField()
    location = LocationSerializer(allow_null=True)
    address = serializers.CharField()
    online_url = serializers.CharField(source="public_online_url")
    about = serializers.CharField()


class DecisionSerializer(_ReadOnlySerializer):
    decided_on = serializers.DateField()
    decision = serializers.CharField()
    decided_by = serializers.CharField()
    note = serializers.CharField()


class PublicMembersField(serializers.Field):
    """The names of the group's members who chose to be shown, and nothing else about anyone.

    Reads the organisation's memberships through ``.all()`` (prefetched by the API) and keeps
    those whose member agreed, whatever the prefetch holds.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "group")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, group):
        shown = [row for row in group.memberships.all() if row.shown_on_group_page and row.user.is_active]
        return sorted(name for name in (row.shown_name for row in shown) if name)


def _number(value):
    return None if value is None else float(value)


class MeasureSerializer(_ReadOnlySerializer):
    """A measure the community chose, with every result recorded so far, oldest first."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = ChoiceWithLabelField()
    unit = serializers.CharField()
    baseline = serializers.SerializerMethodField()
    target = serializers.SerializerMethodField()
    latest_value = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()

    def get_baseline(self, measure):
        return _number(measure.baseline)

    def get_target(self, measure):
        return _number(measure.target)

    def get_latest_value(self, measure):
        return _number(measure.latest_value)

    def get_results(self, measure):
        return [
            {
                "date": result.date.isoformat(),
                "value": _number(result.value),
                "note": result.note,
            }
            for result in measure.sorted_results
        ]


class QuoteSerializer(_ReadOnlySerializer):
    """A quote or story. Only ever given quotes whose speakers agreed to share them."""

    text = serializers.CharField()
    attribution = serializers.CharField()
    is_story = serializers.BooleanField()
    # The code of the language it was said in (BCP 47), or null.
    language = serializers.SerializerMethodField()

    def get_language(self, quote):
        language = quote.language if quote.language_id else None
        return (language.code or None) if language else None


class ResponseSerializer(_ReadOnlySerializer):
    """What people said and what was done about it ("You said, we did")."""

    you_said = serializers.CharField()
    we_did = serializers.CharField()
    status = ChoiceWithLabelField()


class PageLinkField(serializers.Field):
    """A link to a related page, or null when the public may not see that page."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, page):
        if not is_public(page):
            return None
        return {
            "id": page.pk,
            "title": page.title,
            "html_url": page.get_full_url(self.context.get("request")),
        }
