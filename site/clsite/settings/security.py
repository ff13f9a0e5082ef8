"""Defences every environment shares: sign-in lock-out, security headers, document serving.

Development and tests run with the same policies as production, so a page or an admin screen that
breaks under them shows up before a release does. docs/deployment.md explains each value.
"""

import os
from datetime import timedelta

# Failed sign-ins (admin login, and through clsite.lockout the page and document password forms)
# are counted per client address in the database, so every worker and host sees the same count.
# By address rather than by account name: a stranger elsewhere cannot lock a named librarian out,
# and one address trying many accounts is stopped too. Ten, because a branch's staff may share one
# address behind its router.
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGN_IN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# The client address is the connection's own unless a proxy is trusted (settings/production.py).
# With X-Forwarded-For, the right-most entry is the one the proxy itself appended; entries to its
# left came from the client and could be forged.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_IPWARE_PROXY_ORDER = "right-most"
# Successful sign-ins are in Wagtail's own log; axes keeps only the failures.
AXES_DISABLE_ACCESS_LOG = True

# Password reset mails per client address within the window, whatever address they go to:
# enough for a person who mistyped, too few to flood an inbox or probe for accounts.
CLSITE_PASSWORD_RESET_LIMIT = int(os.environ.get("PASSWORD_RESET_LIMIT", "5"))
CLSITE_PASSWORD_RESET_WINDOW = int(os.environ.get("PASSWORD_RESET_WINDOW_SECONDS", "3600"))

# Every download goes through wagtail.documents' view, which applies collection and page
# privacy; MEDIA_URL serves only images (clsite/urls.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# The public site loads nothing from other origins. The only inline styles are the evaluation
# charts' bar widths and the site's address printed after links (base.html), hence
# 'unsafe-inline' for styles only; scripts must be files of our own.
_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "font-src": [_SELF, "data:"],
        "connect-src": [_SELF],
        # The page editor's live preview frames the site itself.
        "frame-src": [_SELF],
        "frame-ancestors": [_SELF],
        "object-src": ["'none'"],
        "base-uri": [_SELF],
        "form-action": [_SELF],
    }
}
# Wagtail's admin still writes a few inline scripts (date pickers, inline panels); only the admin
# gets them (clsite.headers.ContentSecurityPolicyMiddleware).
CLSITE_ADMIN_SCRIPT_SRC = [_SELF, "'unsafe-inline'"]

# No page of the site needs the camera, the microphone, the visitor's position, payment or
# sensors; a script injected into one could not ask for them either.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
    "fullscreen": ["self"],
}

SECURE_REFERRER_POLICY = "same-origin"

# load_demo_content creates accounts with a published password: only dev and test allow it.
CLPAGES_ALLOW_DEMO_CONTENT = False
