"""``{% hear_back_form page %}`` on pages never cached (a thank-you page), and
``{% hear_back_panel page %}`` on pages the page cache stores (results and learning)."""

from django import template
from django.urls import reverse

from clpages.hear_back.forms import PREFIX, HearBackForm, privacy

register = template.Library()


def _action(page):
    return reverse("clpages:hear_back", args=[page.pk])


@register.inclusion_tag("clpages/includes/hear_back_form.html")
def hear_back_form(page, form=None, problem=""):
    # Django's inclusion tags hand the page's CSRF token on to the form by themselves.
    return {
        "page": page,
        "action": _action(page),
        "form": form if form is not None else HearBackForm(prefix=PREFIX),
        "problem": problem,
        "privacy": privacy(),
    }


@register.inclusion_tag("clpages/includes/hear_back_panel.html")
def hear_back_panel(page):
    # A new page's preview has no address to ask about yet.
    return {"page": page, "action": _action(page) if page.pk else ""}
