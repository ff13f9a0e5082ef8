import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable to run in production.")
    return value


# Django signs sessions, password reset links and CSRF tokens with it: a short key can be guessed.
MIN_SECRET_KEY_LENGTH = 50


def _secret_key():
    key = _required("SECRET_KEY")
    if len(key) < MIN_SECRET_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters long (it has {len(key)}). "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    return key


DEBUG = False
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]
# Links in notification and password reset mails point here; a default would send people to 127.0.0.1.
WAGTAILADMIN_BASE_URL = _required("WAGTAILADMIN_BASE_URL").rstrip("/")
if not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be the site's full address, such as https://library.example.org."
    )
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

# Without Redis each worker keeps its own memory cache. The content generation is in the database,
# so that is still correct, but every worker would render and store its own copy of each page:
# the page cache stays off. See docs/deployment.md.
if not os.environ.get("REDIS_URL"):
    CLPAGES_PAGE_CACHE_SECONDS = 0

# Background work is stored in the database and done by `manage.py db_worker`, so no request waits
# on SMTP or on search indexing; `manage.py run_registrations` from cron schedules the rest.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

# Behind a TLS-terminating proxy; set SECURE_SSL_REDIRECT=false only for a local trial run.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind the proxy every request comes from the proxy's address: sign-in lock-out counts the
# client address the proxy appended last to X-Forwarded-For (docs/deployment.md).
AXES_IPWARE_META_PRECEDENCE_ORDER = tuple(
    h.strip()
    for h in os.environ.get("CLIENT_IP_HEADERS", "HTTP_X_FORWARDED_FOR,REMOTE_ADDR").split(",")
    if h.strip()
)
# The demo's accounts have a published password; they never belong on a public server.
CLPAGES_ALLOW_DEMO_CONTENT = False
# The page editor's live preview frames the site itself, so frames stay allowed from the same origin.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
