"""What a program is found by in the site search, and keeping its index entry complete."""

from wagtail.models import Page
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task

from clpages.search.words import WordFormsIndexed

# Read together when many programs are indexed (update_index, a renamed place or partner).
INDEXED_RELATIONS = ("tags", "co_created_with", "audiences", "languages", "sessions__location")


class ProgramSearchMixin(WordFormsIndexed):
    # Found by what patrons filter by too: topics, partners, audiences, languages and places.
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("community_goals"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("co_created_with", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("languages", [index.SearchField("name")]),
        index.RelatedFields("sessions", [index.RelatedFields("location", [index.SearchField("name")])]),
        index.FilterField("stage"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related(*INDEXED_RELATIONS)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            # Wagtail indexed the page on post_save, before its topics, partners, audiences,
            # languages and sessions were written: index it again from what is saved now. A
            # partial save (a draft revision) writes none of them and is left as Wagtail does it.
            insert_or_update_object_task.enqueue(self._meta.app_label, self._meta.model_name, str(self.pk))
