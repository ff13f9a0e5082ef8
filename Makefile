# `make run` serves the demo site on http://127.0.0.1:8000; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
CHROMIUM := /usr/lib/chromium/chromium

.PHONY: run test install install-test browser gettext messages lint migrate demo bench loadtest clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

# The interface's French and Arabic catalogues (*/locale/*/LC_MESSAGES/django.po) are committed;
# their compiled .mo files are not: every install compiles them again, with Debian's gettext.
PO_FILES := $(shell find clpages home locale -name django.po -path '*/LC_MESSAGES/*' 2>/dev/null)
MO_FILES := $(PO_FILES:.po=.mo)

gettext:
	@command -v msgfmt >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null)

$(MO_FILES): %.mo: %.po | $(VENV)/.installed
	@command -v msgfmt >/dev/null || $(MAKE) --no-print-directory gettext
	msgfmt --check -o $@ $<

messages: $(MO_FILES)

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(PY)
	$(PIP) install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed messages

install-test: $(VENV)/.installed-test browser messages

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
browser:
	@test -x $(CHROMIUM) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_content

run: demo
	$(PY) manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# The suite runs in one process per core (pytest-xdist): each has its own test database, and each
# receives tests in the order tests/conftest.py sets, so the phases keep their order in every one.
TEST_WORKERS ?= auto

test: install-test lint
	DJANGO_SETTINGS_MODULE=clsite.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n $(TEST_WORKERS)

# Queries and server time of the public pages at 100, 1,000 and 10,000 programs, in a throwaway
# database (SQLite; PostgreSQL when DATABASE_URL points at it). Figures: docs/performance.md.
bench: install
	$(PY) -m bench $(BENCH_ARGS)

# gunicorn + PostgreSQL + Redis on this machine, then 60 s of load against 127.0.0.1 (docs/deployment.md).
loadtest: install
	bench/serve.sh --daemon
	bench/loadtest.sh; status=$$?; bench/serve.sh --stop; exit $$status

clean:
	rm -rf $(VENV) db.sqlite3 media .test-media static test-artifacts
