"""Listening on the website (optional; label ``clpages_listening``).

A program in its first three stages, a partnership or a results and learning page can ask its
community one short question ("What matters to you about ...?"). Anyone may answer, with no
account; answers wait in the admin for library staff and the page's co-leading partners, who
keep them for the team, hide them, or, only with the person's consent, show them on the page as
"What we heard". Answers are erased a set number of days after they arrive
(``CLPAGES_LISTENING_KEEP_DAYS``), except the words and credit of a quote shown on the page.
The rest of clpages asks this app through the hook in ``clpages.voices``, never by import.
"""
