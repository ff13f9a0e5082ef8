"""Admin panels Wagtail does not have.

``NestedInlinePanel`` is an InlinePanel inside another one's rows (a session's changes to
single dates). Wagtail edits it like any InlinePanel, but its revision comparison draws only the
fields of each row of the outer panel, so the inner rows' changes were left blank: reviewers
approving a partner's edit must see a date newly cancelled or moved.
"""

import functools

from django.utils.html import format_html, format_html_join
from wagtail.admin import compare
from wagtail.admin.panels import InlinePanel


class NestedChildRelationComparison(compare.ChildRelationComparison):
    """Inner rows drawn where the compare view draws a field of an outer row."""

    def htmldiff(self):
        return format_html_join(
            "",
            '<div class="comparison__child-object {}"><dl class="comparison__list">{}</dl></div>',
            (
                (
                    "addition" if child.is_addition() else "deletion" if child.is_deletion() else "",
                    format_html_join(
                        "",
                        "<dt>{}</dt><dd>{}</dd>",
                        ((field.field_label(), field.htmldiff()) for field in child.get_field_comparisons()),
                    ),
                )
                for child in self.get_child_comparisons()
            ),
        ) or format_html("{}", "")

    def has_changed(self):
        return any(
            child.has_changed() or child.is_addition() or child.is_deletion()
            for child in self.get_child_comparisons()
        )


class NestedInlinePanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        def get_comparison(self):
            return [
                functools.partial(NestedChildRelationComparison, *comparison.args, **comparison.keywords)
                for comparison in super().get_comparison()
            ]
