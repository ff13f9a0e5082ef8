"""On the demo library: every aria-describedby and aria-labelledby on every public page type names
an element that exists, with choices that could not be used too; and the accessibility filters find
the demo's programs."""

from html.parser import HTMLParser

import pytest

from clpages.models import EvaluationPage, PartnershipPage, ProgramPage

pytestmark = pytest.mark.django_db

REFERENCES = ("aria-describedby", "aria-labelledby")
# Choices that cannot be used, so every field's problem message is on the page.
BAD_CHOICES = (
    "?audience=astronauts&date_from=2026-13-45&date_to=soon&access=teleport&when=yesterday"
    "&sort=cheapest&stage=9&format=teleport&location=abc&q=" + "x" * 201
)


class References(HTMLParser):
    """The ids of a page, and the ids its ARIA attributes refer to."""

    def __init__(self):
        super().__init__()
        self.ids = []
        self.references = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids.append(value)
            elif name in REFERENCES:
                self.references.extend((tag, name, token) for token in (value or "").split())


@pytest.fixture
def demo(demo_module, db):
    return None


def public_urls():
    """One address of each public page type, and the finding pages with and without bad choices."""
    programs = ProgramPage.objects.live().public().get(locale__language_code="en", slug="homework-help-club")
    index = programs.get_parent().url
    return [
        "/",
        programs.get_parent().get_parent().url,
        index,
        index + "?audience=families&access=step-free&free=on&sort=newest",
        index + BAD_CHOICES,
        programs.url,
        index + "calendar/",
        index + "calendar/" + BAD_CHOICES,
        "/search/?q=homework",
        "/search/" + BAD_CHOICES,
        PartnershipPage.objects.live().public().filter(locale__language_code="en").first().get_parent().url,
        PartnershipPage.objects.live().public().filter(locale__language_code="en").first().url,
        EvaluationPage.objects.live().public().filter(locale__language_code="en").first().get_parent().url,
        EvaluationPage.objects.live().public().filter(locale__language_code="en").first().url,
    ]


def test_every_aria_reference_names_an_element_on_the_page(demo, client):
    problems = []
    checked = 0
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        parser = References()
        parser.feed(response.content.decode())
        duplicates = {value for value in parser.ids if parser.ids.count(value) > 1}
        if duplicates:
            problems.append(f"{url}: ids used twice: {sorted(duplicates)}")
        for tag, attribute, token in parser.references:
            checked += 1
            if token not in parser.ids:
                problems.append(f"{url}: <{tag} {attribute}> names “{token}”, which is not on the page")
    assert not problems, "\n".join(problems)
    # The bad choices gave problem messages that fields are described by.
    assert checked > 40


def test_the_bad_choices_are_described_by_their_messages(demo, client):
    index = (
        ProgramPage.objects.live()
        .public()
        .get(locale__language_code="en", slug="homework-help-club")
        .get_parent()
        .url
    )
    parser = References()
    parser.feed(client.get(index + BAD_CHOICES).content.decode())
    described = {token for _, attribute, token in parser.references if attribute == "aria-describedby"}
    for field in ("audience", "date_from", "date_to", "access", "when", "sort", "stage", "format", "q"):
        assert f"id_{field}_error" in described, field


@pytest.mark.parametrize("feature", ["step-free", "captions", "interpretation", "sensory-friendly"])
def test_the_demo_has_programs_for_each_accessibility_feature(demo, client, feature):
    index = (
        ProgramPage.objects.live()
        .public()
        .get(locale__language_code="en", slug="homework-help-club")
        .get_parent()
        .url
    )
    response = client.get(index, {"access": feature})
    assert response.context["items"].paginator.count >= 2, feature


def test_the_demo_has_a_program_that_charges(demo, client):
    index = (
        ProgramPage.objects.live()
        .public()
        .get(locale__language_code="en", slug="homework-help-club")
        .get_parent()
        .url
    )
    everything = client.get(index).context["items"].paginator.count
    free = client.get(index, {"free": "on"}).context["items"].paginator.count
    assert 0 < free < everything
