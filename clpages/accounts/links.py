from django.template.response import TemplateResponse


def refuse_link(request, message):
    """A link that cannot be used: said plainly, with a 403, and nothing changed."""
    return TemplateResponse(
        request,
        "clpages/admin/link_not_valid.html",
        {"message": message, "page_title": "This link cannot be used", "header_icon": "warning"},
        status=403,
    )
