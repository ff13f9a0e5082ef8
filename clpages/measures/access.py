"""Who may import results into an evaluation, and who may download its measures.

Read from the page's permissions, never from group names. Imported results go live without the
page's review, so importing needs the right to publish that page; downloading needs the right to
edit it (partners co-leading the work included): results are public information.

Consent mode (clpages.partners.consent) holds back changes to a page's words, not measured
results: the library still imports results into a results page partners co-lead.
"""


def can_import(user, evaluation):
    return user.is_active and evaluation.permissions_for_user(user).can_publish_ignoring_consent()


def can_export(user, evaluation):
    return user.is_active and evaluation.permissions_for_user(user).can_edit()
