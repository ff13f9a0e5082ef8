"""The form other pages include: a thank-you page, which the page cache never stores."""

import pytest
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def render(source, **context):
    request = RequestFactory().get("/thank-you/")
    get_token(request)
    return engines["django"].from_string(source).render({"request": request, **context}, request)


def test_the_form_posts_to_its_never_cached_view_with_the_page_token(results):
    html = render("{% load clpages_hear_back %}{% hear_back_form page %}", page=results)
    assert f'action="/hear-back/{results.pk}/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="hear_back-email"' in html and 'type="email"' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert "Tell me once when the results, or what changed, are shared" in html
    assert "7 days" in html and "365 days" in html


def test_a_new_page_in_preview_shows_no_panel(tree):
    from clpages.models import EvaluationPage

    html = render("{% load clpages_hear_back %}{% hear_back_panel page %}", page=EvaluationPage(title="New"))
    assert html.strip() == ""
