"""Reports for the library, in the Wagtail admin's Reports menu: programs by stage with their
partners, next session and registrations; each measure's latest result against its goal; and
next steps of partnerships that are overdue.

Library staff only (``access``); partners are refused with a 403, exports included. They read
the pages of the default language, the originals whose facts translations show. Registrations
come from the app that takes them, through ``clpages.joining.places_taken``, as counts only:
no report names a patron. Every text cell of an export goes through ``safe_cell``.
"""
