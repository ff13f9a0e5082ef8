from django.apps import AppConfig


class ClpagesConfig(AppConfig):
    name = "clpages"
    verbose_name = "Community-led planning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from clpages.programs.index_views import connect as connect_program_index_views

        connect_program_index_views()

        from clpages.partners.notifications import register_signal_handlers

        register_signal_handlers()

        from clpages.partners.review import connect_signals as connect_review_signals

        connect_review_signals()

        from clpages.performance.cache import connect_signals as connect_page_cache_signals

        connect_page_cache_signals()

        from clpages.partners.collections import connect_signals as connect_collection_signals

        connect_collection_signals()

        # Taking the partner role from a group takes the grants it narrowed (any route but raw SQL).
        from clpages.partners.role_removal import connect_signals as connect_role_removal_signals

        connect_role_removal_signals()

        from clpages.programs.session_dates import connect_signals as connect_session_date_signals

        connect_session_date_signals()

        from clpages.search.reindex import connect_signals as connect_search_name_signals

        connect_search_name_signals()

        # Co-leads hear of library edits; a program's stage changes are recorded as published.
        from clpages.partners.library_edits import connect_signals as connect_library_edit_signals
        from clpages.programs.stage_timeline import connect_signals as connect_stage_timeline_signals

        connect_library_edit_signals()
        connect_stage_timeline_signals()

        # Publishing results writes once to those who asked to hear (clpages/hear_back).
        from clpages.hear_back.changes import connect_signals as connect_hear_back_signals

        connect_hear_back_signals()

        # A community hub made in another language is reviewed and granted as its source is.
        from clpages.translating.review import connect_signals as connect_translation_signals

        connect_translation_signals()

        # The page policy now, so code outside the admin never sees partners' unscoped grants;
        # image and document policies wait for their apps' ready() (see wagtail_hooks).
        from clpages.partners.page_permissions import register_page_policy

        register_page_policy()

        # Settings clpages relies on (the page cache), and those that keep email addresses
        # confirmed and unique on the account and Users screens.
        from clpages import checks as clpages_checks  # noqa: F401
        from clpages.accounts import checks  # noqa: F401
