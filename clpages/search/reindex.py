"""Renaming a place, partner, language, audience or topic updates the search index of its pages.

Programs are found by those names (clpages.models.program_search) and partnerships by their
partner's; Wagtail re-indexes a page only when the page itself is saved.
"""

from django.db.models.signals import post_init, post_save
from taggit.models import Tag
from wagtail.search.backends import get_search_backends

from clpages.models import Audience, CommunityPartner, Language, Location, PartnershipPage, ProgramPage

CHUNK = 500

# For each kind of record, the pages indexing its name and how they reach it.
NAMED_ON_PAGES = {
    Location: [(ProgramPage, "sessions__location")],
    CommunityPartner: [(ProgramPage, "co_created_with"), (PartnershipPage, "partner")],
    Language: [(ProgramPage, "languages")],
    Audience: [(ProgramPage, "audiences")],
    Tag: [(ProgramPage, "tagged_items__tag")],
}


def _remember_name(sender, instance, **kwargs):
    # Read without loading: a deferred name must not cost a query per record.
    instance._indexed_name = instance.__dict__.get("name")


def _name_changed(sender, instance, created, raw=False, **kwargs):
    old = getattr(instance, "_indexed_name", None)
    instance._indexed_name = instance.name
    if created or raw or old == instance.name:
        return
    for model, lookup in NAMED_ON_PAGES[sender]:
        reindex(model, model.objects.filter(**{lookup: instance}).values("pk"))


def reindex(model, pks):
    """Index again the `model` pages whose primary keys `pks` (a subquery) gives, in chunks."""
    pages = model.get_indexed_objects().filter(pk__in=pks).order_by("pk")
    backends = list(get_search_backends(with_auto_update=True))
    last = 0
    while chunk := list(pages.filter(pk__gt=last)[:CHUNK]):
        for backend in backends:
            backend.add_bulk(model, chunk)
        last = chunk[-1].pk


def connect_signals():
    for sender in NAMED_ON_PAGES:
        uid = f"clpages-search-names-{sender._meta.label_lower}"
        post_init.connect(_remember_name, sender=sender, dispatch_uid=f"{uid}-init")
        post_save.connect(_name_changed, sender=sender, dispatch_uid=f"{uid}-save")
