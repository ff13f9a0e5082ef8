"""How public pages write dates and times of day: one format for each, on every page.

A page that says "8 Dec" in one place and "Tuesday 8 December 2026" in another makes people
wonder whether these are different days; screen reader users hear every variant read out.
Templates use the ``long_date`` and ``time_of_day`` filters (``clpages_dates``), Python code
these constants, and machine-readable ``datetime`` attributes stay ISO 8601.
"""

# Tuesday 8 December 2026: the weekday helps people plan, the year keeps old pages honest.
DATE = "l j F Y"
# 6:30 PM
TIME = "g:i A"
