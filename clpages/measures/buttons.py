"""The "Import results (CSV)" and "Download measures (CSV)" items in a results and learning
page's menus: its header in the editor and its row in the page listing."""

from django.urls import reverse
from wagtail.admin.widgets import Button

from clpages.measures.access import can_export, can_import
from clpages.models import EvaluationPage

# Label, URL name, icon, who may use it.
ITEMS = [
    ("Download measures (CSV)", "clpages_export_measures", "download", can_export),
    ("Import results (CSV)", "clpages_import_results", "upload", can_import),
]


def _buttons(page, user):
    if not isinstance(page, EvaluationPage):
        return
    for priority, (label, url_name, icon, allowed) in enumerate(ITEMS, start=80):
        if allowed(user, page):
            yield Button(label, reverse(url_name, args=[page.pk]), icon_name=icon, priority=priority)


def page_header_buttons(page, user, view_name=None, next_url=None):
    # The header's page may be a plain Page when Wagtail has not fetched the specific one.
    page = page.specific_deferred if type(page) is not page.specific_class else page
    return list(_buttons(page, user))


def page_listing_more_buttons(page, user, next_url=None):
    # The listing's pages are specific already, so this costs no query per row.
    return list(_buttons(page, user))
