"""Public pages use the words patrons use: stages in plain terms, one name for results and
learning, the partnership plan as questions, "Have your say" apart from programs to attend."""

import pytest
from bs4 import BeautifulSoup

from clpages.models import EvaluationIndexPage, EvaluationPage, PartnershipPage, ProgramPage
from clpages.models.partnerships import BRAINSTORMING_PROMPTS, PUBLIC_PROMPTS
from clpages.stages import STAGE_PLAIN_NAMES, ProgramKind, Stage
from tests.factories import make_evaluation, make_partner, make_partnership, make_program

pytestmark = pytest.mark.django_db

RESULTS_AND_LEARNING = "Results and learning"


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return element.get_text(" ", strip=True)


# Stages --------------------------------------------------------------------------------------


def test_a_program_names_its_stage_plainly_and_links_to_what_the_stages_mean(client, tree):
    program = make_program(tree["programs"], stage=Stage.NEEDS_AND_GOALS)
    html = html_of(client, program.url)
    stage = html.find(id="stage-heading").find_next_sibling("p")
    assert text(stage).startswith("Stage 2 of 5: Setting goals together")
    explained = stage.find("a")
    assert text(explained) == "What the stages mean"
    assert explained["href"] == f"{tree['hub'].url}#stages"
    steps = [text(li) for li in html.find("ol", class_="stage-steps").find_all("li")]
    assert steps[0] == "Getting to know the community (done)"
    assert steps[1:] == [STAGE_PLAIN_NAMES[stage] for stage in list(Stage)[1:]]


def test_the_hub_explains_each_stage_in_plain_terms_with_the_toolkits_name(client, tree):
    html = html_of(client, tree["hub"].url)
    section = html.find(id="stages")
    assert section.name == "section"
    items = [" ".join(li.get_text().split()) for li in section.find("ol").find_all("li")]
    assert len(items) == 5
    for item, stage in zip(items, Stage, strict=True):
        assert item.startswith(f"{STAGE_PLAIN_NAMES[stage]} (also called “{stage.label}”):")


def test_the_stage_link_is_left_out_without_a_live_hub_above(client, tree):
    program = make_program(tree["programs"])
    tree["hub"].unpublish()
    # Wagtail serves a live page under an unpublished parent; there is no explanation to link to.
    ProgramPage.objects.filter(pk=program.pk).update(live=True)
    html = html_of(client, program.url)
    assert html.find(id="stage-heading").find_next_sibling("p").find("a") is None


def test_cards_and_search_results_name_the_stage_plainly(client, tree):
    make_program(tree["programs"], "Seed swap", stage=Stage.DELIVER)
    for url in (tree["programs"].url, tree["hub"].url, "/search/?q=seed"):
        assert "Stage 4 of 5: Up and running" in text(html_of(client, url)), url


# Have your say -------------------------------------------------------------------------------


def test_cards_and_search_results_tell_have_your_say_from_programs(client, tree):
    make_program(tree["programs"], "Listening walk", stage=Stage.ASSESSMENT)
    make_program(tree["programs"], "Saturday walk", stage=Stage.DELIVER)
    make_program(tree["programs"], "Walk planners", stage=Stage.DELIVER, kind=ProgramKind.HAVE_YOUR_SAY)
    expected = {
        "Listening walk": "Have your say",
        "Saturday walk": "Program",
        "Walk planners": "Have your say",
    }
    for url in (tree["programs"].url, tree["hub"].url):
        cards = html_of(client, url).find_all("article", class_="card")
        labels = {text(card.find("a")): text(card.find(class_="kind-label")) for card in cards}
        assert labels == expected, url
    results = html_of(client, "/search/?q=walk").find_all("p", class_="result-type")
    labels = {text(p.find_next_sibling("h4")): text(p) for p in results}
    assert labels == expected


def test_editors_choose_what_people_come_to_do(client, tree, admin_user):
    program = make_program(tree["programs"])
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{program.pk}/edit/").content.decode()
    for value, label in ProgramKind.choices:
        assert f'value="{value}"' in html and str(label) in html.replace("&#x27;", "'")


# Results and learning ------------------------------------------------------------------------


def test_evaluation_pages_are_called_results_and_learning(client, tree):
    assert EvaluationPage._meta.verbose_name == "results and learning"
    assert EvaluationPage._meta.verbose_name_plural == "results and learning"
    assert EvaluationIndexPage._meta.verbose_name == "results and learning index"
    partner = make_partner()
    program = make_program(tree["programs"], partners=[partner])
    partnership = make_partnership(tree["partnerships"], partner)
    evaluation = make_evaluation(tree["evaluations"], program=program, partnership=partnership)

    html = html_of(client, evaluation.url)
    assert text(html.find("h1").find_next_sibling("p")) == RESULTS_AND_LEARNING
    assert "Period covered" in [text(dt) for dt in html.find_all("dt")]
    for page in (program, partnership):
        headings = [text(h2) for h2 in html_of(client, page.url).find_all("h2")]
        assert RESULTS_AND_LEARNING in headings, page
    assert "Latest results and learning" in [
        text(h2) for h2 in html_of(client, tree["hub"].url).find_all("h2")
    ]
    assert text(html_of(client, tree["evaluations"].url).find(role="status")) == "1 shared so far"


def test_an_empty_results_index_and_program_say_so_in_the_same_words(client, tree):
    assert "No results and learning have been shared yet." in text(html_of(client, tree["evaluations"].url))
    program = make_program(tree["programs"])
    panel = html_of(client, program.url).find("h2", string=RESULTS_AND_LEARNING).parent
    assert "What we find and learn will be shared here" in text(panel)


def test_no_public_page_calls_them_evaluations(client, tree):
    partner = make_partner()
    program = make_program(tree["programs"], partners=[partner])
    partnership = make_partnership(tree["partnerships"], partner)
    evaluation = make_evaluation(tree["evaluations"], program=program, title="First term")
    urls = [tree["hub"].url, tree["programs"].url, program.url, partnership.url, evaluation.url]
    for url in urls + [tree["evaluations"].url]:
        main = html_of(client, url).find("main")
        # The index's own title is the editors' to choose (the test site calls it "Evaluations").
        for crumb in main.find_all(class_="breadcrumbs"):
            crumb.decompose()
        words = text(main).replace(tree["evaluations"].title, "")
        assert "evaluation" not in words.lower(), url


# The partnership plan ------------------------------------------------------------------------


def test_the_partnership_plan_reads_as_questions_and_answers(client, tree):
    answers = {name: f"Answer for {name}." for name, _ in BRAINSTORMING_PROMPTS}
    partnership = make_partnership(tree["partnerships"], make_partner(), **answers)
    plan = html_of(client, partnership.url).find(id="plan-heading").find_next_sibling("dl")
    shown = [(text(dt), text(dt.find_next_sibling("dd"))) for dt in plan.find_all("dt")]
    assert shown == [(PUBLIC_PROMPTS[name], answers[name]) for name, _ in BRAINSTORMING_PROMPTS]
    assert all(question.endswith("?") and question[0].isupper() for question, _ in shown)


def test_editors_still_fill_in_the_tools_own_sentence_starters(client, tree, admin_user):
    partnership = make_partnership(tree["partnerships"], make_partner())
    for name, prompt in BRAINSTORMING_PROMPTS:
        assert PartnershipPage._meta.get_field(name).verbose_name == prompt
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{partnership.pk}/edit/").content.decode()
    assert "The people we want to reach are" in html
