from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "local-development-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Serve static files straight from the apps in development and tests (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
