"""Registration on the library's own website: places, a waiting list, and patron privacy.

An optional app (``clpages.registrations``, label ``clpages_registrations``): add it to
INSTALLED_APPS and include ``clpages.registrations.urls`` to let sessions take registrations
here. It keeps as little as it can about each person, shows it to nobody in public, and erases
it a set number of days after the session (``CLPAGES_REGISTRATION_KEEP_DAYS``).

Its emails leave through the task backend's worker; reminders, thank-yous, notices of changes
not told yet and the erasing are done by ``manage.py run_registrations`` from cron
(docs/deployment.md).
"""
