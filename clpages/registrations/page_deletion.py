"""A program page people registered for (for a date still ahead) is not deleted, alone or with a
page above it, from the page's delete screen or the page explorer's bulk delete: whoever deletes
it is told how many people are registered and to cancel the dates first, which tells them.
Nothing is deleted. Registrations for dates that are over never stop a deletion.
"""

from django.apps import apps
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.models import Page

from clpages.registrations.places import people_registered_ahead


def people_registered_below(pages):
    """People registered for dates still ahead of the programs that are these pages or below them."""
    if not pages:
        return 0
    below = Q()
    for page in pages:
        below |= Q(program__path__startswith=page.path)
    sessions = apps.get_model("clpages", "ProgramSession").objects.filter(below).values_list("pk", flat=True)
    return sum(people_registered_ahead(list(sessions)).values())


def refusal(count, what):
    people = "1 person is" if count == 1 else f"{count} people are"
    return (
        f"{people} registered for dates still ahead of {what}, so it cannot be deleted. "
        "Cancel those dates first (set the sessions' status to Cancelled and publish): the people "
        "registered are told by email. Nothing was deleted."
    )


def refuse_deleting_page(request, page):
    count = people_registered_below([page])
    if not count:
        return None
    what = f"“{page.get_admin_display_title()}”" + (
        " or the pages below it" if page.get_children_count() else ""
    )
    messages.error(request, refusal(count, what))
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def refuse_bulk_deleting(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not issubclass(action_class_instance.model, Page):
        return None
    count = people_registered_below(objects)
    if not count:
        return None
    messages.error(request, refusal(count, "the pages chosen or the pages below them"))
    return redirect(action_class_instance.next_url)
