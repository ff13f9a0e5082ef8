"""A QR code for the paper copy of a survey, drawn here (segno) as SVG: no service is asked."""

import segno
from django.utils.html import escape
from django.utils.safestring import mark_safe


def qr_svg(url, name):
    """Inline SVG of a QR code for ``url``, named ``name`` for people using screen readers."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, dark="#000", light="#fff", title=name)
    return mark_safe(
        svg.replace("<svg ", f'<svg role="img" aria-label="{escape(name)}" focusable="false" ', 1)
    )
