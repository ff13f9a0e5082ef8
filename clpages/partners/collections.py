"""Image and document collections for partner organisations.

Every organisation has its own collection under "Partner organisations", named after it and
renamed with it. Its members upload there; everyone in the community section can also choose
from "Shared community images".
"""

from django.apps import apps
from django.db.models.signals import post_save
from wagtail.models import Collection, Locale

PARTNER_COLLECTIONS_ROOT = "Partner organisations"
SHARED_COLLECTION = "Shared community images"


def _child_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(instance=Collection(name=name))


def partner_collections_root():
    return _child_collection(PARTNER_COLLECTIONS_ROOT)


def shared_collection():
    return _child_collection(SHARED_COLLECTION)


def partner_collections_root_path():
    """The path of "Partner organisations", or None before it exists (never creates it)."""
    root = Collection.get_first_root_node().get_children().filter(name=PARTNER_COLLECTIONS_ROOT).first()
    return root.path if root else None


def ensure_partner_collection(partner):
    """Give the organisation its own collection, or bring the collection's name up to date."""
    collection = partner.collection
    if collection is None:
        collection = partner_collections_root().add_child(instance=Collection(name=partner.name))
        # update() rather than save(): this runs from the partner's own post_save.
        type(partner).objects.filter(pk=partner.pk).update(collection=collection)
        partner.collection = collection
    elif collection.name != partner.name:
        collection.name = partner.name
        collection.save(update_fields=["name"])
    return collection


def ensure_partner_collections():
    # Through the app registry: the partner model lives above this layer.
    partners = (
        apps.get_model("clpages", "CommunityPartner")
        .objects.filter(locale=Locale.get_default())
        .select_related("collection")
    )
    for partner in partners:
        ensure_partner_collection(partner)
    return len(partners)


def _on_partner_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures: the collection comes with the data
        return
    # A translation shares the original organisation's collection: it never gets one of its own.
    if instance.locale_id is not None and instance.locale_id != Locale.get_default().pk:
        return
    ensure_partner_collection(instance)


def connect_signals():
    post_save.connect(
        _on_partner_saved, sender="clpages.CommunityPartner", dispatch_uid="clpages-partner-collection"
    )
