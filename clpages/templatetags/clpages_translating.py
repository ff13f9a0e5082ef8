"""The review panel above wagtail-localize's translation editor (clpages.translating.review)."""

from django import template

from clpages.translating.review import may_submit, review_state, submit_url

register = template.Library()


@register.inclusion_tag("clpages/admin/translation_review.html", takes_context=True)
def translation_review(context, translation, page):
    user = context["request"].user
    state = review_state(page)
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "state": state,
        "can_publish": page.permissions_for_user(user).can_publish(),
        "can_submit": may_submit(user, page) and not (state and state.status == state.STATUS_IN_PROGRESS),
        "submit_url": submit_url(translation),
    }
