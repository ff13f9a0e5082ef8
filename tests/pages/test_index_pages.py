"""The section's three index pages are one abstract index, each with its own kind of page."""

import pytest

from clpages.models import (
    CommunityHubPage,
    EvaluationIndexPage,
    EvaluationPage,
    PartnershipIndexPage,
    PartnershipPage,
    ProgramIndexPage,
    ProgramPage,
)
from clpages.models.index import CommunityIndexPage
from tests.factories import make_evaluation, make_partner, make_partnership, make_program

INDEXES = [
    ("programs", ProgramIndexPage, ProgramPage),
    ("partnerships", PartnershipIndexPage, PartnershipPage),
    ("evaluations", EvaluationIndexPage, EvaluationPage),
]


@pytest.mark.parametrize("key, index_model, page_model", INDEXES)
def test_each_index_is_a_community_index_holding_its_own_kind_of_page(tree, key, index_model, page_model):
    assert issubclass(index_model, CommunityIndexPage)
    # Abstract: the intro stays a column of each index's own table.
    assert index_model._meta.get_field("intro").model is index_model
    assert index_model.allowed_subpage_models() == [page_model]
    assert index_model.allowed_parent_page_models() == [CommunityHubPage]
    assert [field.name for field in index_model.api_fields] == ["intro"]
    # One of each per hub: the tree already has one, a new hub may have its own.
    assert not index_model.can_create_at(tree["hub"])
    other_hub = tree["home"].add_child(instance=CommunityHubPage(title="Eastside", slug="eastside"))
    assert index_model.can_create_at(other_hub)


def test_each_index_shows_its_intro_and_lists_its_live_pages(client, tree):
    partner = make_partner("Riverbend Newcomers Network")
    program = make_program(tree["programs"], "Family story time", partners=[partner])
    partnership = make_partnership(tree["partnerships"], partner, title="Working with newcomers")
    evaluation = make_evaluation(tree["evaluations"], program=program, title="How story time went")
    for key, page in (("programs", program), ("partnerships", partnership), ("evaluations", evaluation)):
        index = tree[key]
        index.intro = f"<p>All our {key} &amp; more.</p>"
        index.save_revision().publish()
        html = client.get(index.url).content.decode()
        assert f"All our {key} &amp; more." in html
        assert page.title in html
