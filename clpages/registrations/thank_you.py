"""Where the thank-you email after a session can send its patron: to say how it went for them.

Registration itself asks nothing after the session. An app that asks (an outcome survey for the
program, say) answers the Wagtail hook ``clpages_registration_thank_you_link``: given a
Registration whose date has ended, it returns the address of its questions for that patron, or
"" to add nothing. The first address given goes in the email; without an answer the thank-you
goes without a link.
"""

from wagtail import hooks

THANK_YOU_LINK_HOOK = "clpages_registration_thank_you_link"


def thank_you_link(registration):
    """The first address an app gives for this registration, or ""."""
    for answer in hooks.get_hooks(THANK_YOU_LINK_HOOK):
        link = answer(registration)
        if link:
            return link
    return ""
