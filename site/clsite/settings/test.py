from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files straight from the apps in development and tests (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tests see fresh renders; tests of the page cache turn it on themselves.
CLPAGES_PAGE_CACHE_SECONDS = 0

# The demo library and its sample accounts (load_demo_content) belong to development and tests only.
CLPAGES_ALLOW_DEMO_CONTENT = True
# Sign-in lock-out stays on in tests. The test client's login() authenticates without a request,
# which axes' own backend refuses outright; this one lets such a call through to the next backend.
AUTHENTICATION_BACKENDS = [
    "tests.login_backends.RequestlessLoginAllowed",
    "django.contrib.auth.backends.ModelBackend",
]
