"""Each community page type can be created only where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from clpages.models import (
    ActionGroupIndexPage,
    ActionGroupPage,
    CommunityHubPage,
    EvaluationIndexPage,
    EvaluationPage,
    PartnershipIndexPage,
    PartnershipPage,
    ProgramIndexPage,
    ProgramPage,
)
from home.models import HomePage

INDEXES = {ProgramIndexPage, PartnershipIndexPage, EvaluationIndexPage, ActionGroupIndexPage}
DETAIL = {ProgramPage, PartnershipPage, EvaluationPage, ActionGroupPage}
ALL = INDEXES | DETAIL | {CommunityHubPage}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_hub_holds_exactly_the_four_indexes(self):
        self.assertAllowedSubpageTypes(CommunityHubPage, INDEXES)

    def test_each_index_holds_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(ProgramIndexPage, {ProgramPage})
        self.assertAllowedSubpageTypes(PartnershipIndexPage, {PartnershipPage})
        self.assertAllowedSubpageTypes(EvaluationIndexPage, {EvaluationPage})
        self.assertAllowedSubpageTypes(ActionGroupIndexPage, {ActionGroupPage})

    def test_detail_pages_have_no_children(self):
        for model in DETAIL:
            self.assertAllowedSubpageTypes(model, set())

    def test_indexes_live_only_under_a_hub(self):
        for model in INDEXES:
            self.assertAllowedParentPageTypes(model, {CommunityHubPage})
            for parent in {HomePage, Page} | (ALL - {CommunityHubPage}):
                self.assertCanNotCreateAt(parent, model)

    def test_detail_pages_live_only_under_their_index(self):
        self.assertAllowedParentPageTypes(ProgramPage, {ProgramIndexPage})
        self.assertAllowedParentPageTypes(PartnershipPage, {PartnershipIndexPage})
        self.assertAllowedParentPageTypes(EvaluationPage, {EvaluationIndexPage})
        self.assertAllowedParentPageTypes(ActionGroupPage, {ActionGroupIndexPage})
        self.assertCanNotCreateAt(PartnershipIndexPage, ActionGroupPage)
        self.assertCanNotCreateAt(HomePage, ProgramPage)
        self.assertCanNotCreateAt(CommunityHubPage, ProgramPage)
        self.assertCanNotCreateAt(PartnershipIndexPage, ProgramPage)
        self.assertCanNotCreateAt(ProgramIndexPage, EvaluationPage)

    def test_hub_can_go_under_the_home_page_of_any_site(self):
        self.assertCanCreateAt(HomePage, CommunityHubPage)
        self.assertCanCreateAt(Page, CommunityHubPage)

    def test_an_index_is_created_once_per_hub(self):
        root = Page.get_first_root_node()
        hub = root.add_child(instance=CommunityHubPage(title="Community", slug="community-once"))
        hub.add_child(instance=ProgramIndexPage(title="Programs", slug="programs"))
        self.assertFalse(ProgramIndexPage.can_create_at(hub))
        self.assertTrue(PartnershipIndexPage.can_create_at(hub))
