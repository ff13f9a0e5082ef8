"""What the section's three index pages (programs, partnerships, evaluations) share."""

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from clpages.blocks import RICH_TEXT_FEATURES
from clpages.models.mixins import CommunityPagePermissionsMixin, IndexPageMixin
from clpages.performance.visibility import ViewRestrictionsMixin
from clpages.single_line import SingleLineTitleMixin


class CommunityIndexPage(
    CommunityPagePermissionsMixin, ViewRestrictionsMixin, IndexPageMixin, SingleLineTitleMixin, Page
):
    """One index per kind of page under each community hub, listing its live children.

    Each index names its `subpage_types` and gives `get_listing_queryset`. Abstract: every index
    keeps its own table, with its own `intro` column.
    """

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["clpages.CommunityHubPage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
