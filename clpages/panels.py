"""Admin panels Wagtail does not have.

``NestedInlinePanel`` is an InlinePanel inside another one's rows (a session's changes to
single dates). Wagtail edits it like any InlinePanel, but its revision comparison draws only the
fields of each row of the outer panel, so the inner rows' changes were left blank: reviewers
approving a partner's edit must see a date newly cancelled or moved.
"""

import functools

from django.utils.html import format_html, format_html_join
from wagtail.admin import compare
from wagtail.admin.panels import InlinePanel, Panel


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


class WarningsPanel(Panel):
    """Warnings a page works out about itself, shown beside the fields they are about.

    They never block saving: success agreed after the work began is worth knowing and saying,
    not a reason to lose an edit. ``method_name`` names a method of the page returning sentences.
    """

    def __init__(self, method_name, **kwargs):
        super().__init__(**kwargs)
        self.method_name = method_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "method_name": self.method_name}

    @property
    def clean_name(self):
        return super().clean_name or self.method_name

    class BoundPanel(Panel.BoundPanel):
        template_name = "clpages/admin/panels/warnings.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.warnings = getattr(self.instance, self.panel.method_name)() if self.instance else []

        def is_shown(self):
            return bool(self.warnings) and super().is_shown()
