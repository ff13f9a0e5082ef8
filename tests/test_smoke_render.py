from tests.factories import make_evaluation, make_partner, make_partnership, make_program


def test_every_page_type_renders(client, tree):
    partner = make_partner("Northside Youth Collective")
    program = make_program(tree["programs"], "Teen Zine Lab", partners=[partner])
    partnership = make_partnership(tree["partnerships"], partner, "Working with Northside youth")
    evaluation = make_evaluation(tree["evaluations"], program=program)
    for page in [
        tree["home"],
        tree["hub"],
        tree["programs"],
        tree["partnerships"],
        tree["evaluations"],
        program,
        partnership,
        evaluation,
    ]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
