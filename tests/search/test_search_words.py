"""What patrons type finds what they mean, with the same programs on SQLite and on PostgreSQL.

Run on the demo library (home/demo/content.py). Each row is a search as a patron would type it
and every program it must find, no more; the suite runs on both databases (.ci/run), so every
row holds on each. The program listing's "Words to look for" must find the same programs.
"""

import pytest

pytestmark = pytest.mark.django_db

SEED_LIBRARY = {"Community Seed Library"}
STORYTIME = {"ASL Storytime", "ASL storytime planning group"}
FAMILIES = {
    "ASL Storytime",
    "ASL storytime planning group",
    "Community Seed Library",
    "Getting to know Maple Ridge",
    "Newcomer family priorities conversations",
    "Play and Learn in the Park",
    "Seniors' digital confidence circle",
    "Tech help for seniors",
}
ARABIC = {
    "Community Seed Library",
    "Getting to know Maple Ridge",
    "Homework Help Club",
    "Newcomer family priorities conversations",
    "Tenant rights information nights",
}
SENIORS = {"Seniors' digital confidence circle", "Tech help for seniors"}

PROGRAM_SEARCHES = [
    # Stemming: the seed library's text says "gardeners" and its topic is "gardening".
    ("garden", SEED_LIBRARY),
    ("gardeners", SEED_LIBRARY),
    ("Gardening", SEED_LIBRARY),
    # Plural and singular find the same programs.
    ("families", FAMILIES),
    ("family", FAMILIES),
    ("seniors", SENIORS),
    ("senior", SENIORS),
    ("zines", {"Teen Zine Lab"}),
    # The last word is also the start of a longer one: "story" finds "storytime" and "stories".
    ("story", STORYTIME | {"Play and Learn in the Park"}),
    ("stor", STORYTIME | {"Play and Learn in the Park"}),
    ("storytime", STORYTIME),
    # Languages, audiences, topics, partners and places, not only the program's own text.
    ("arabic", ARABIC),
    ("spanish", {"Getting to know Maple Ridge", "Homework Help Club", "Northside listening walks"}
     | {"Tenant rights information nights"}),
    ("teen", {"Homework Help Club", "Northside listening walks", "Teen Zine Lab"}),
    ("deaf", STORYTIME),
    ("eastgate", {"ASL Storytime", "Play and Learn in the Park"}),
    ("central library", SEED_LIBRARY | {"Conversation Café", "Newcomer family priorities conversations"}
     | {"Teen Zine Lab"}),
    # Several words: each must be there, in any order; small words like "with" are left out.
    ("homework help", {"Homework Help Club"}),
    ("help with homework", {"Homework Help Club"}),
    ("seed library", SEED_LIBRARY),
    ("storytime for families", STORYTIME),
    # Accents, capitals, punctuation and possessives do not matter.
    ("cafe", {"Conversation Café"}),
    ("CAFÉ", {"Conversation Café"}),
    ("garden!!!", SEED_LIBRARY),
    ("Seniors' circle", SENIORS),
    ("tenant's rights", {"Tenant rights information nights"}),
    # Nothing to find.
    ("submarine", set()),
    ("gardening submarine", set()),
    ("...", set()),
]  # fmt: skip


def program_titles(client, q):
    response = client.get("/search/", {"q": q, "type": "program"})
    assert response.status_code == 200
    groups = response.context["groups"]
    if not groups:
        return set()
    (group,) = groups
    assert group["count"] <= 10, "more than a page: the table expects a few programs"
    return {page.title for page in group["results"]}


def listing_titles(client, params):
    response = client.get("/community/programs/", params)
    assert response.status_code == 200
    items = response.context["items"]
    assert items.paginator.count <= len(items.object_list), "more than a page"
    return {program.title for program in items.object_list}


@pytest.mark.parametrize(("q", "expected"), PROGRAM_SEARCHES, ids=[q for q, _ in PROGRAM_SEARCHES])
def test_search_finds_the_programs_meant(demo_module, client, q, expected):
    assert program_titles(client, q) == expected


@pytest.mark.parametrize("q", ["garden", "families", "story", "arabic", "central library", "cafe"])
def test_the_listing_words_find_what_search_finds(demo_module, client, q):
    assert listing_titles(client, {"q": q}) == program_titles(client, q)


def test_a_language_finds_every_program_offered_in_it(demo_module, client):
    assert program_titles(client, "arabic") == listing_titles(client, {"language": "arabic"}) == ARABIC


def test_other_results_are_found_by_word_forms_too(demo_module, client):
    response = client.get("/search/", {"q": "newcomer result"})
    found = {group["type"]: {page.title for page in group["results"]} for group in response.context["groups"]}
    assert found == {
        "program": set(),
        "partnership": set(),
        "evaluation": {"Homework Help Club: first term results"},
    }
    response = client.get("/search/", {"q": "seniors circles", "type": "partnership"})
    (group,) = response.context["groups"]
    assert {page.title for page in group["results"]} == {"Working with the Harbour Street Seniors Circle"}


def test_the_api_search_finds_word_forms_too(demo_module, client):
    response = client.get("/api/v2/pages/", {"type": "clpages.ProgramPage", "search": "Gardeners’"})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Community Seed Library"]
    response = client.get("/api/v2/pages/", {"type": "clpages.ProgramPage", "search": "cafe"})
    assert [item["title"] for item in response.json()["items"]] == ["Conversation Café"]
