"""The admin form of community section pages: keeps partners linked to the work they co-lead.

For a user whose rights come through their organisations (see clpages.partners.page_permissions):
- a new page must be linked to at least one of their organisations, or they would lose it;
- no organisation the saved page is linked to can be removed (only library editors can);
- a program or partnership newly chosen for an evaluation must be one they co-lead;
- images, documents and pages it uses (chooser fields, StreamField blocks, rich-text links)
  must be ones their choosers offer them (clpages.partners.references).
Nothing is saved when one of these fails, and the form says why next to the field.

For everyone, scheduling (go-live and expiry dates) is only for those who may publish the
page, and malformed input gets a form error rather than a server error (clpages.widgets).
"""

from functools import partial

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.forms.models import ModelChoiceField, ModelMultipleChoiceField
from django.utils import dateformat, timezone
from django.utils.text import get_text_list
from wagtail.admin.forms import WagtailAdminPageForm

from clpages import formats, recurrence
from clpages.conf import DEFAULTS, setting
from clpages.joining import registrations_held
from clpages.partners import references
from clpages.partners.linking import PartnerLinkedPage
from clpages.partners.page_permissions import page_permission_policy
from clpages.partners.scope import linked_organisation_ids, organisation_ids
from clpages.widgets import guard_fields

KEEP_ORGANISATIONS = (
    "Only library editors can remove an organisation from this page: {names} must stay. "
    "Ask the library team if this should change."
)
LINK_YOUR_ORGANISATION = "Link this page to your organisation ({names}) so that you can keep working on it."
CHOOSE_YOUR_WORK = "Choose a {kind} your organisation co-leads."
CHOOSE_WHAT_YOU_MAY_USE = (
    "“{label}” uses {kinds} you cannot choose, so it shows what was saved before. "
    "Use the chooser to pick one you have access to."
)
LINK_TO_WHAT_EXISTS = (
    "“{label}” links to {kinds} that does not exist, so it shows what was saved before. "
    "Choose the link again with the chooser."
)
ROWS_UNREADABLE = (
    "The list of {rows} could not be read as it was sent, so nothing was saved. Please try again."
)
SCHEDULING_FIELDS = ("go_live_at", "expire_at")
DEFAULT_MAX_SESSIONS = DEFAULTS["CLPAGES_MAX_SESSIONS_PER_PROGRAM"]
TOO_MANY_SESSIONS = "A program can have at most %(num)d sessions. Remove some before saving."
TOO_MANY_CHANGES = "A series can have at most %(num)d changes to single dates. Remove some before saving."


def nested_formsets(form):
    """Every formset of a form and of the forms inside them (a session's changes to single dates)."""
    for formset in form.formsets.values():
        yield formset
        for child in formset.forms:
            if hasattr(child, "formsets"):
                yield from nested_formsets(child)


def _valid_kept_forms(formset):
    """The formset's valid forms that will be saved (not marked for deletion)."""
    return [
        form
        for form in formset.forms
        if form.is_valid() and not (formset.can_delete and formset._should_delete_form(form))
    ]


def _names(partner_ids):
    # The app registry, not an import: the page models are built on this form.
    partners = apps.get_model("clpages", "CommunityPartner")
    return get_text_list(
        list(partners.objects.filter(pk__in=partner_ids).values_list("name", flat=True)), "and"
    )


class CommunityPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scoped_user = None
        self._limit_formsets()
        user = self.for_user
        if user is not None and user.is_authenticated:
            self._keep_scheduling_to_publishers(user)
            anchor = self.instance if self.instance.pk else self.parent_page
            if anchor is not None and page_permission_policy.acts_for_organisations(user, anchor):
                self.scoped_user = user
                self._narrow_choices(organisation_ids(user))
                self._narrow_choosers(user)
        if self.is_bound:
            guard_fields(self)
            for formset in nested_formsets(self):
                for form in formset.forms:
                    guard_fields(form)

    @property
    def show_schedule_publishing_toggle(self):
        # Wagtail reads the form class; the fields are removed per user.
        return "go_live_at" in self.fields

    def _limit_formsets(self):
        """Per page type caps on inline records (e.g. a program's sessions); none here."""

    def _can_publish(self, user):
        if self.instance.pk:
            return self.instance.permissions_for_user(user).can_publish()
        return (
            self.parent_page is not None and self.parent_page.permissions_for_user(user).can_publish_subpage()
        )

    def _keep_scheduling_to_publishers(self, user):
        """Go-live and expiry dates are the publisher's decision: hidden from everyone else.

        A date sent anyway (no form of theirs shows the fields) is refused whole, unless it is
        the one already saved.
        """
        if not any(name in self.fields for name in SCHEDULING_FIELDS) or self._can_publish(user):
            return
        for name in SCHEDULING_FIELDS:
            field = self.fields.pop(name, None)
            if field is None or not self.is_bound:
                continue
            sent = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if sent in field.empty_values:
                continue
            try:
                value = field.clean(sent)
            except ValidationError:
                raise PermissionDenied from None
            if value != getattr(self.instance, name):
                raise PermissionDenied

    def _narrow_choices(self, own_ids):
        if "co_created_with" in self.fields:
            field = self.fields["co_created_with"]
            field.help_text = (
                f"{field.help_text} You can add other organisations; only library editors can remove one."
            )
            if not self.instance.pk and not self.is_bound:
                self.initial["co_created_with"] = sorted(own_ids)
        if "partner" in self.fields:
            # A partnership is with one of the user's own organisations.
            field = self.fields["partner"]
            field.queryset = field.queryset.model.objects.filter(pk__in=own_ids)
            if not self.instance.pk and not self.is_bound and len(own_ids) == 1:
                self.initial["partner"] = next(iter(own_ids))

    def _narrow_choosers(self, user):
        for name, field in self.fields.items():
            if isinstance(field, ModelChoiceField) and not isinstance(field, ModelMultipleChoiceField):
                stored = getattr(self.instance, f"{name}_id", None) if self.instance.pk else None
                references.narrow_choice_field(field, user, stored)

    def _check_formset_counts(self):
        """Django reads a negative count as "no rows", which would drop every saved one."""
        for formset in nested_formsets(self):
            management = formset.management_form
            if not management.is_valid():
                continue  # Django reports it on the formset
            total, initial = management.cleaned_data["TOTAL_FORMS"], management.cleaned_data["INITIAL_FORMS"]
            if total < 0 or initial < 0 or initial > total:
                self.add_error(None, ROWS_UNREADABLE.format(rows=formset.model._meta.verbose_name_plural))

    def _check_references(self):
        """StreamField blocks and rich-text links use what exists, and partners what they may choose."""
        if self.scoped_user is None:
            allowed, message = references.existing, LINK_TO_WHAT_EXISTS
        else:
            allowed, message = partial(references.choosable, self.scoped_user), CHOOSE_WHAT_YOU_MAY_USE
        model_fields = {field.name: field for field in self.instance._meta.get_fields()}
        for name, value in list(self.cleaned_data.items()):
            model_field = model_fields.get(name)
            if value is None or not hasattr(model_field, "extract_references") or self.has_error(name):
                continue
            refused = references.refused_kinds(allowed, model_field, value, self.initial.get(name))
            if refused:
                kinds = get_text_list([references.KIND_NAMES[kind] for kind in refused], "or")
                self.add_error(name, message.format(label=self.fields[name].label, kinds=kinds))
                # Drawing the sent value would show the refused object (or fail on a missing one).
                self.fields[name].redraw_saved = True

    def _link_values(self, model):
        """{link field: value the page will have}: as sent, or as saved for a field not in this form."""
        return {
            name: self.cleaned_data.get(name) if name in self.fields else getattr(self.instance, name)
            for name in model.link_fields()
            if not self.has_error(name)
        }

    def _check_chosen_work(self, model, by_field, own_ids):
        """A page newly chosen in a link that leads through it (an evaluation's program or
        partnership) must be one the user's organisations co-lead."""
        names = [name for name in model.indirect_link_fields() if name in self.fields]
        if not names:
            return
        stored = {}
        if self.instance.pk:
            stored = model.objects.filter(pk=self.instance.pk).values(*names).first() or {}
        for name in names:
            chosen = self.cleaned_data.get(name)
            if isinstance(chosen, Model) and chosen.pk != stored.get(name) and not by_field[name] & own_ids:
                self.add_error(name, CHOOSE_YOUR_WORK.format(kind=self.fields[name].label.lower()))

    def _check_links(self):
        """The partner keeps every organisation the page is linked to, and one of their own."""
        model = type(self.instance)
        if not issubclass(model, PartnerLinkedPage):
            return
        fields = [name for name in model.link_fields() if name in self.fields]
        if not fields:
            return
        own_ids = organisation_ids(self.scoped_user)
        by_field = model.organisation_ids_by_field(self._link_values(model))
        self._check_chosen_work(model, by_field, own_ids)
        if any(self.has_error(name) for name in fields):
            return  # the page's links are not known: that field's own error says why
        after = set().union(*by_field.values())
        kept = linked_organisation_ids(self.instance) if self.instance.pk else set()
        if kept - after:
            self.add_error(fields[0], KEEP_ORGANISATIONS.format(names=_names(kept - after)))
        elif not after & own_ids:
            self.add_error(fields[0], LINK_YOUR_ORGANISATION.format(names=_names(own_ids)))

    def clean(self):
        cleaned_data = super().clean()
        self._check_formset_counts()
        self._check_references()
        if self.scoped_user is not None:
            self._check_links()
        return cleaned_data


def _cap(formset, cap, message):
    formset.max_num = formset.absolute_max = cap
    formset.validate_max = True
    formset.error_messages = {**formset.error_messages, "too_many_forms": message}


class ProgramPageForm(CommunityPageForm):
    """A program's sessions, and each series' changes to single dates, are capped, so one request
    cannot make a worker build thousands; a change must name a date its series has."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._empty_spent_stage_note()

    def _empty_spent_stage_note(self):
        """The stage change note belongs to one publication (clpages.programs.stage_timeline):
        once the version holding it is live, the next edit starts with an empty box, so an old
        note is never recorded against a later stage. A pending draft keeps its note."""
        page = self.instance
        if "stage_change_note" in self.fields and page.pk and page.live and not page.has_unpublished_changes:
            self.initial["stage_change_note"] = ""

    def _limit_formsets(self):
        sessions = self.formsets.get("sessions")
        if sessions is None:
            return
        # Read on every form, so a changed setting applies without a restart.
        _cap(sessions, setting("CLPAGES_MAX_SESSIONS_PER_PROGRAM"), TOO_MANY_SESSIONS)
        # A series has at most CLPAGES_MAX_OCCURRENCES dates, so it has no more changes than that.
        for form in sessions.forms:
            changes = getattr(form, "formsets", {}).get("exceptions")
            if changes is not None:
                _cap(changes, setting("CLPAGES_MAX_OCCURRENCES"), TOO_MANY_CHANGES)

    def clean(self):
        cleaned_data = super().clean()
        self._check_changes_to_dates()
        self._check_removed_sessions()
        return cleaned_data

    def _check_removed_sessions(self):
        """A session people registered for is cancelled, not removed: cancelling tells them."""
        sessions = self.formsets.get("sessions")
        if sessions is None or not sessions.is_bound or not sessions.can_delete:
            return
        removed = {
            form.instance.pk: form.instance
            for form in sessions.initial_forms
            if form.instance.pk and sessions._should_delete_form(form)
        }
        for session_id, count in registrations_held(list(removed)).items():
            moment = timezone.localtime(removed[session_id].start)
            when = f"{dateformat.format(moment, formats.DATE)}, {dateformat.format(moment, formats.TIME)}"
            people = "1 person is" if count == 1 else f"{count} people are"
            self.add_error(
                None,
                f"{people} registered for the session on {when}, so it cannot be "
                "removed. To call it off, set its status to Cancelled: they are told by email. "
                "Nothing was saved yet.",
            )

    def _check_changes_to_dates(self):
        """Each change to a single date names a date of its series, once; said next to the date."""
        sessions = self.formsets.get("sessions")
        if sessions is None or not sessions.is_bound:
            return
        limit = setting("CLPAGES_MAX_OCCURRENCES")
        # A session with problems of its own says so first: its dates cannot be worked out yet.
        for form in _valid_kept_forms(sessions):
            changes = getattr(form, "formsets", {}).get("exceptions")
            if changes is None or not form.cleaned_data.get("start"):
                continue
            data = form.cleaned_data
            dates = recurrence.series_dates(
                data["start"], data.get("repeat"), data.get("repeat_until"), data.get("repeat_count"), limit
            )
            seen = set()
            for change in _valid_kept_forms(changes):
                day = change.cleaned_data.get("date")
                if day is None:
                    continue
                problem = recurrence.change_problem(day, dates, seen)
                if problem:
                    change.add_error("date", problem)
                seen.add(day)
