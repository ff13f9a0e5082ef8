"""Every CLPAGES_* setting, with its default, read when it is asked for.

Read at call time, as Wagtail's contrib apps read theirs: `override_settings` and settings
changed in tests take effect at once. A new setting is declared here and nowhere else.
"""

from django.conf import settings

DEFAULTS = {
    # Seconds a rendered public page is served to anonymous visitors; 0 turns the page cache off.
    "CLPAGES_PAGE_CACHE_SECONDS": 0,
    # Paths the page cache never stores.
    "CLPAGES_PAGE_CACHE_EXCLUDE": ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/"),
    # Facts many pages show (menus, navigation) kept until public content changes.
    "CLPAGES_SHARED_CACHE": True,
    # How far ahead a program index's iCalendar feed reaches, and how many sessions it holds at most.
    "CLPAGES_ICAL_FEED_DAYS": 183,
    "CLPAGES_ICAL_FEED_MAX_EVENTS": 500,
    # The currency (ISO 4217) a site's Library details start with; editors change it under Settings.
    "CLPAGES_CURRENCY": "CAD",
    # The most sessions one program may have (the page form refuses more).
    "CLPAGES_MAX_SESSIONS_PER_PROGRAM": 200,
    # The most dates one repeating session may have (a year of weekly sessions); the session
    # form refuses a longer series. Lowering it shortens existing series when they are next saved.
    "CLPAGES_MAX_OCCURRENCES": 52,
    # How many upcoming dates of a program its page describes as schema.org Events.
    "CLPAGES_JSON_LD_MAX_EVENTS": 10,
    # Registration on this website (clpages.registrations): how many registration forms one
    # client address may send (django-ratelimit's rate, "10/h"), and how many days after a
    # session its registrations' names, contacts and access needs are kept.
    "CLPAGES_REGISTRATION_RATE": "10/h",
    "CLPAGES_REGISTRATION_KEEP_DAYS": 30,
    # Whether partners co-leading a program see the names and contacts of the people registered
    # for its sessions (and so the sign-in sheet and the spreadsheet). Off, they see counts and
    # access needs only: the library holds patron records and answers for them.
    "CLPAGES_REGISTRATION_PARTNERS_SEE_NAMES": False,
    # How many hours before a date its registrants are reminded (`manage.py run_registrations`).
    "CLPAGES_REGISTRATION_REMINDER_HOURS": 24,
    # Listening on this website (clpages.listening): how many answers one client address may send
    # (django-ratelimit's rate), and how many days an answer is kept before it is erased (a quote
    # shown on its page with consent keeps its words, credit and language).
    "CLPAGES_LISTENING_RATE": "10/h",
    "CLPAGES_LISTENING_KEEP_DAYS": 30,
    # Outcome surveys (clpages.surveys): how many answers one client address may send
    # (django-ratelimit's rate), and how many answers a question needs before any figure from it
    # is shown, so that nobody can be picked out of a few.
    "CLPAGES_SURVEY_RATE": "20/h",
    "CLPAGES_SURVEY_MIN_ANSWERS": 5,
    # Importing a measure's results from a spreadsheet (clpages.measures): the largest file
    # accepted, in bytes, and the most rows one file may hold.
    "CLPAGES_RESULTS_IMPORT_MAX_BYTES": 1_000_000,
    "CLPAGES_RESULTS_IMPORT_MAX_ROWS": 5000,
    # Hearing back once when results are shared: how many requests one client address may send
    # (django-ratelimit's rate), how many days a request waits for its confirmation (and its
    # confirmation link works), and how many days a confirmed request waits for results before
    # it is erased unsent.
    "CLPAGES_HEAR_BACK_RATE": "10/h",
    "CLPAGES_HEAR_BACK_CONFIRM_DAYS": 7,
    "CLPAGES_HEAR_BACK_KEEP_DAYS": 365,
    # Whether `load_demo_content` may create the demo library and its sample accounts.
    "CLPAGES_ALLOW_DEMO_CONTENT": False,
}


def setting(name):
    """The configured value of ``name`` (one of DEFAULTS), or its default."""
    return getattr(settings, name, DEFAULTS[name])
