from wagtail import hooks

from clpages.accounts.email_change import account_settings_panel as account_email_panel
from clpages.accounts.group_pages import account_settings_panel as group_pages_panel
from clpages.measures.buttons import page_header_buttons as measures_header_buttons
from clpages.measures.buttons import page_listing_more_buttons as measures_listing_buttons
from clpages.measures.importing import register_log_actions as register_import_log_action
from clpages.measures.views import admin_urls as measures_admin_urls
from clpages.partners import profiles as organisation_profiles
from clpages.partners.admin_api import construct_admin_api
from clpages.partners.admin_hooks import (
    partner_explorer_queryset,
    refuse_forged_publish_on_create,
    refuse_forged_publish_on_edit,
)
from clpages.partners.admin_scope import (
    acts_for_organisations,
    narrow_image_chooser,
    refuse_move_confirmation,
    register_bulk_actions,
)
from clpages.partners.collection_permissions import register_policies
from clpages.partners.dashboard import construct_homepage_panels, workflow_notice
from clpages.partners.invites import admin_urls as invite_admin_urls
from clpages.partners.page_permissions import partner_page_chooser_queryset
from clpages.partners.review import (
    hide_buttons_that_end_review,
    only_submitter_or_publisher_ends_review,
    use_community_pages_endpoint,
)
from clpages.partners.review_history import reword_review_history
from clpages.partners.review_screen import admin_urls as review_screen_urls
from clpages.partners.roles import role_permissions
from clpages.partners.viewsets import register_viewsets
from clpages.partners.wording import plain_action_menu, plain_messages
from clpages.publishing.language_choice import serve_in_its_language
from clpages.reports.views import admin_urls as reports_admin_urls
from clpages.reports.views import menu_items as report_menu_items
from clpages.translating import report as translation_report
from clpages.translating.review import admin_urls as translation_review_urls

# Before any admin view asks for a policy. Wagtail's image and document apps register theirs
# in ready(), which may run after this module is first imported (wagtail.snippets looks for
# hooks in its own ready()), so registration is repeated once the admin URLs load.
register_policies()


@hooks.register("register_admin_urls")
def register_policies_once_every_app_is_ready():
    register_policies()
    return []


register_viewsets()

# A page is served in its own language only; elsewhere the visitor is told it is not translated yet.
hooks.register("before_serve_page", serve_in_its_language)

# The two community roles in Settings > Groups, so the library admin sees which group is which;
# taking the partner role away there is checked by clpages.accounts.groups.
hooks.register("register_permissions", role_permissions)

hooks.register("construct_page_chooser_queryset", partner_page_chooser_queryset)
hooks.register("construct_explorer_page_queryset", partner_explorer_queryset)
hooks.register("before_edit_page", refuse_forged_publish_on_edit)
hooks.register("before_create_page", refuse_forged_publish_on_create)

# The partner's own view of their work on the dashboard (clpages.partners.dashboard).
hooks.register("construct_homepage_panels", construct_homepage_panels)
hooks.register("before_edit_page", workflow_notice)

# Inviting members from an organisation's admin screen (clpages.partners.invites).
hooks.register("register_admin_urls", invite_admin_urls)

# Partners propose changes to their organisation's profile; the library approves them
# (clpages.partners.profiles).
hooks.register("register_admin_urls", organisation_profiles.admin_urls)
for profile_menu_item in organisation_profiles.menu_items():
    hooks.register("register_admin_menu_item", profile_menu_item)

# The account screen's email field, confirmed from the new address (clpages.accounts).
hooks.register("register_account_settings_panel", account_email_panel)
# A member's own choice to be named on their action group's page (clpages.accounts.group_pages).
hooks.register("register_account_settings_panel", group_pages_panel)

# Review integrity: admin API page actions and ending someone else's review (see clpages.partners.review).
hooks.register("construct_admin_api", use_community_pages_endpoint)
hooks.register("before_edit_page", only_submitter_or_publisher_ends_review)
hooks.register("construct_page_action_menu", hide_buttons_that_end_review)

# Community review in plain words, with submitting as a partner's main action
# (clpages.partners.wording), and the reviewers' screen of what changed (review_screen).
hooks.register("construct_page_action_menu", plain_action_menu)
hooks.register("after_edit_page", plain_messages)
hooks.register("after_create_page", plain_messages)
hooks.register("register_admin_urls", review_screen_urls)

# Partners' scope on the admin's read-only screens and API (clpages.partners.admin_scope and
# clpages.partners.admin_api).
# After Wagtail's own registrations, which these replace.
hooks.register("construct_admin_api", construct_admin_api, order=100)
hooks.register("before_move_page", refuse_move_confirmation)
register_bulk_actions()
narrow_image_chooser()


@hooks.register("construct_reports_menu")
def hide_site_wide_reports_from_partners(request, menu_items):
    if acts_for_organisations(request.user):
        # wagtail-localize's "Translations" lists every organisation's translations.
        site_wide = ("page-types-usage", "translations")
        menu_items[:] = [item for item in menu_items if item.name not in site_wide]


# Translating pages through review, and which pages each language is missing (clpages.translating).
hooks.register("register_admin_urls", translation_review_urls)
hooks.register("register_admin_urls", translation_report.admin_urls)
hooks.register("register_reports_menu_item", translation_report.menu_item)


@hooks.register("register_admin_urls")
def translate_from_the_page_header_only():
    """wagtail-localize's "Translate this page" in every explorer row costs two queries a row; the
    page's own header keeps it. Run once every app's hooks are registered."""
    hooks._hooks["register_page_listing_more_buttons"] = [
        (fn, order)
        for fn, order in hooks._hooks.get("register_page_listing_more_buttons", [])
        if getattr(fn, "__module__", "") != "wagtail_localize.wagtail_hooks"
    ]
    return []


# Results and learning pages: importing results from a CSV file and downloading the measures
# (clpages.measures).
hooks.register("register_admin_urls", measures_admin_urls)
hooks.register("register_page_header_buttons", measures_header_buttons)
hooks.register("register_page_listing_more_buttons", measures_listing_buttons)
hooks.register("register_log_actions", register_import_log_action)
# After Wagtail's own, whose formatters it replaces.
hooks.register("register_log_actions", reword_review_history, order=1)

# Reports for the library: programs by stage, results against goals, overdue next steps
# (clpages.reports), library staff only.
hooks.register("register_admin_urls", reports_admin_urls)
for report_menu_item in report_menu_items:
    hooks.register("register_reports_menu_item", report_menu_item)
