"""Outcome surveys that fill an evaluation's measures as the answers come in.

An optional app (``clpages.surveys``, label ``clpages_surveys``): add it to INSTALLED_APPS and
include ``clpages.surveys.urls``. A survey belongs to a results and learning page: the community's
own questions first, then any of the four standard outcomes. Answers are anonymous; each answer
updates a stored tally per question in its own transaction, and a question that feeds a measure
writes one result to it (``clpages.surveys.tallies``), shown once enough people answered
(``CLPAGES_SURVEY_MIN_ANSWERS``) that nobody can be picked out. The core asks this app only
through the hooks in ``clpages.joining``.
"""
