"""Settings shared by every environment.

The environment chooses the services: DATABASE_URL selects PostgreSQL (SQLite otherwise),
REDIS_URL selects a Redis cache (local memory otherwise), EMAIL_URL-style SMTP settings
select real mail (console otherwise).
"""

import os
from pathlib import Path

import dj_database_url

SITE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = SITE_DIR.parent

INSTALLED_APPS = [
    "home",
    "clpages",
    # Registration on this website: places, waiting lists, patrons' own links (optional).
    "clpages.registrations",
    # Listening: a page's question to its community, answers and "What we heard" (optional).
    "clpages.listening",
    # Outcome surveys that fill the results and learning pages' measures (optional).
    "clpages.surveys",
    # The library team's own CoLaB change-model self-assessment and workshop worksheets (optional).
    "clpages.assessment",
    # Translating pages and vocabularies through review (docs/languages.md); its locales screens
    # replace Wagtail's own.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_localize.modeladmin",
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's Users screens, with forms that keep email addresses unique (clpages.accounts).
    "clpages.accounts.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    # The task table production's worker reads (TASKS in production.py). Installed everywhere so
    # every environment migrates the same schema; while TASKS names another backend it stays empty.
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response, page cache hits included (settings/security.py).
    "clsite.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A visitor who chose another language is sent from a default-language address to the page in
    # it; before the cache, which serves everyone else (clpages.publishing.language_choice).
    "clpages.publishing.language_choice.RememberedLanguageMiddleware",
    # Anonymous page views served from the cache; before sessions so a hit costs no query.
    "clpages.performance.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address (/fr/, /ar/; the default language has no prefix), so
    # every cached page is in one language.
    "django.middleware.locale.LocaleMiddleware",
    # A page not translated into the address's language yet says so and links to the original.
    "clpages.publishing.language_choice.UntranslatedPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A second submission of a page already in review gets a message, not an error (clpages.partners.review).
    "clpages.partners.review.ReviewConflictMiddleware",
    # Partners' scope on admin views that read titles by id and have no hook (clpages.partners.admin_scope).
    "clpages.partners.admin_scope.PartnerAdminScopeMiddleware",
    # Translating a page needs the rights on that page, not only wagtail-localize's permission
    # (clpages.translating.rights).
    "clpages.translating.rights.TranslationRightsMiddleware",
    # Last, so it sees the response of a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "clsite.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait their turn instead of failing with "database is locked" (two registrations for
    # the last place at once, clpages.registrations.places).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The planner's default cost of a random read assumes spinning disks: it scans whole tables
    # rather than look up a few hundred rows by index. 1.1 is the usual value for SSDs and for a
    # catalogue that fits in memory (docs/performance.md); DB_RANDOM_PAGE_COST overrides it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={os.environ.get('DB_RANDOM_PAGE_COST', '1.1')}"
    )

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "clsite"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "clsite",
        }
    }
# Wagtail stores every image rendition a page uses in the cache, on every request. A rendition's
# key holds the image's file hash, so each process may keep its own: no round trip to Redis per
# image. A deleted rendition may be offered for up to five minutes by other processes.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "clsite-renditions",
    "TIMEOUT": 300,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site's languages, for its interface (LANGUAGES) and its pages (WAGTAIL_CONTENT_LANGUAGES).
# Each is named in its own language and script, as the language switcher shows it. The first is the
# default: its addresses carry no prefix; the others live under /fr/, /ar/ (clsite/urls.py).
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static_src"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The largest page form: a program at its session cap (CLPAGES_MAX_SESSIONS_PER_PROGRAM, 200 by
# default) posts 13 fields per session (2,600), plus its own fields, body blocks and comments
# (well under 1,000). Beyond this Django answers 400 before any form is built. Raise it with the cap.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 4_000

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "library@example.org")

# Background work (registration emails, Wagtail's search and reference index updates) runs at
# once, in the process that asked for it, in development and tests. Production hands it to a
# worker (production.py, docs/deployment.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Riverbend Public Library")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# On PostgreSQL the index only splits words ("simple"): clpages.search.words stems them, the same
# way as on SQLite (docs/search.md). SQLite ignores the option.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_I18N_ENABLED = True
# A new translation starts as a draft, even of a live page: it goes live through review, never
# at once in the source's words (clpages.translating.rights).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No third-party requests from the admin: avatars are Wagtail's own default picture, not Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

TAGGIT_CASE_INSENSITIVE = True

# Rendered public pages kept for anonymous visitors (clpages.performance.cache); publishing empties
# it at once.
# The limit only bounds how long a page showing "upcoming" sessions may lag the clock. 0 turns it off.
CLPAGES_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Registration forms one client address may send (clpages.registrations), as django-ratelimit
# reads a rate: "10/h". Behind a proxy, every patron must not share the proxy's address.
CLPAGES_REGISTRATION_RATE = os.environ.get("REGISTRATION_RATE", "10/h")
# Answers to a page's question one client address may send (clpages.listening).
CLPAGES_LISTENING_RATE = os.environ.get("LISTENING_RATE", "10/h")
# Survey answers one client address may send (clpages.surveys), read the same way.
CLPAGES_SURVEY_RATE = os.environ.get("SURVEY_RATE", "20/h")

# Accounts (clpages.accounts): an email address changes only once confirmed from the new address,
# so Wagtail's own email field on the account screen gives way to clpages' confirmed one.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

# Community review publishes the revision every step approved (clpages.partners.review_finish).
WAGTAIL_FINISH_WORKFLOW_ACTION = "clpages.partners.review_finish.publish_approved_revision"

# Axes' backend goes first, so a locked-out address is refused before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in lock-out, security headers and document serving (shared by every environment).
from .security import *  # noqa: E402, F403
