"""RSS and Atom feeds of newly published programs, for feed readers and newsletters."""

import copy

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from clpages.models import ProgramPage, library_contact
from clpages.translated import in_originals, reading_default_language, translations_of


class NewProgramsFeed(Feed):
    """The most recently published programs of the site the request is for, newest first.

    In every language the feed lists the same programs, the originals, newest first; under
    /fr/ each is shown in French where it has been translated (its title, summary and link), and
    the feed names its language (``<language>``, Django's: the active one).
    """

    item_count = 30
    description = _("Programs and services newly planned with our community and its partner organisations.")

    def __call__(self, request, *args, **kwargs):
        # Items link to their pages through the request's site. The URLconf shares one feed
        # instance between threads, so each request works on its own copy.
        feed = copy.copy(self)
        feed.request = request
        feed.site = Site.find_for_request(request)
        return Feed.__call__(feed, request, *args, **kwargs)

    def _site_name(self):
        # The name set under Settings > Library details, else the site's.
        return library_contact(self.request).name

    def title(self):
        return _("New programs at %(library)s") % {"library": self._site_name()}

    def link(self):
        return self.site.root_url + "/" if self.site else "/"

    def items(self):
        programs = in_originals(ProgramPage.objects.live().public())
        if self.site is not None:
            programs = programs.descendant_of(self.site.root_page)
        items = (
            programs.filter(first_published_at__isnull=False)
            .prefetch_related("co_created_with", "tags")
            .order_by("-first_published_at", "-pk")[: self.item_count]
        )
        if reading_default_language():
            return items
        items = list(items)
        translations = translations_of(ProgramPage, items)
        for item in items:
            item.translation = translations.get(item.translation_key)
        return items

    @staticmethod
    def _words(item):
        # The translation's words where the program has one in the feed's language.
        return getattr(item, "translation", None) or item

    def item_title(self, item):
        return self._words(item).title

    def item_description(self, item):
        # RSS descriptions and Atom summaries are HTML; the summary is plain text, so "<" and "&"
        # in it must reach feed readers as characters, not markup.
        return escape(self._words(item).summary)

    def item_link(self, item):
        return self._words(item).get_full_url(self.request)

    def item_guid(self, item):
        # The page id, not its URL: moving or renaming a program must not make it look new.
        host = self.site.hostname if self.site else "localhost"
        return f"tag:{host},{item.first_published_at:%Y-%m-%d}:program-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        partners = [partner.name for partner in item.co_created_with.all()]
        if not partners:
            return self._site_name()
        return f"{self._site_name()} with {', '.join(partners)}"

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewProgramsAtomFeed(NewProgramsFeed):
    feed_type = Atom1Feed
    subtitle = NewProgramsFeed.description
