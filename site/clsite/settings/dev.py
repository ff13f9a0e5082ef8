from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "local-development-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Serve static files straight from the apps in development and tests (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo library and its sample accounts (load_demo_content) belong to development and tests only.
CLPAGES_ALLOW_DEMO_CONTENT = True
