#!/usr/bin/env bash
# Run the site for real on this machine: gunicorn workers, production settings, PostgreSQL and
# Redis on 127.0.0.1, the demo library loaded. Port 8001, so it never clashes with `make run`. Plain HTTP on 127.0.0.1 only (a local trial:
# in production a TLS-terminating proxy sits in front; see docs/deployment.md).
#
#   bench/serve.sh                 # serves http://127.0.0.1:8001 until stopped (Ctrl-C)
#   bench/serve.sh --daemon        # starts in the background; bench/serve.sh --stop ends it
#
# Settings come from the environment; every one has a local-trial default below.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
RUN_DIR=${RUN_DIR:-bench/results/serve}
PID_FILE="$RUN_DIR/gunicorn.pid"
mkdir -p "$RUN_DIR"

if [[ "${1:-}" == "--stop" ]]; then
    if [[ -f "$PID_FILE" ]]; then
        kill "$(cat "$PID_FILE")" && echo "Stopped gunicorn $(cat "$PID_FILE")"
        rm -f "$PID_FILE"
    else
        echo "Not running (no $PID_FILE)"
    fi
    exit 0
fi

DB_NAME=${DB_NAME:-clpages_prod_trial}
DB_HOST=${DB_HOST:-127.0.0.1}
export DJANGO_SETTINGS_MODULE=clsite.settings.production
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@$DB_HOST:5432/$DB_NAME}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/1}
export CACHE_KEY_PREFIX=${CACHE_KEY_PREFIX:-clpages-trial}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
export MEDIA_ROOT=${MEDIA_ROOT:-$PWD/$RUN_DIR/media}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:8001}
# Persistent database connections: one per worker, reused across requests.
export DB_CONN_MAX_AGE=${DB_CONN_MAX_AGE:-600}
if [[ -z "${SECRET_KEY:-}" ]]; then
    # A trial key kept across restarts so sessions survive; production passes its own.
    [[ -f "$RUN_DIR/secret_key" ]] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$RUN_DIR/secret_key"
    SECRET_KEY=$(cat "$RUN_DIR/secret_key")
    export SECRET_KEY
fi
WORKERS=${WORKERS:-$((2 * $(nproc) + 1))}
# Threads keep connections alive between requests (sync workers close each one, and thousands of
# short connections a second run a client out of ports); they also overlap database waits.
THREADS=${THREADS:-4}
BIND=${BIND:-127.0.0.1:8001}

[[ -x "$PY" ]] || make install

if [[ "$DATABASE_URL" == postgres://*"$DB_NAME" ]] &&
    ! psql -h "$DB_HOST" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1; then
    echo "Creating database $DB_NAME"
    createdb -h "$DB_HOST" -U postgres "$DB_NAME"
fi

export LOG_LEVEL=${LOG_LEVEL:-WARNING}
"$PY" manage.py check --deploy --fail-level ERROR
"$PY" manage.py migrate --noinput
"$PY" manage.py collectstatic --noinput --verbosity 0
# The demo content refuses the production settings (its accounts have a published password);
# this local trial loads it with the development settings into the same database.
DJANGO_SETTINGS_MODULE=clsite.settings.dev "$PY" manage.py load_demo_content

GUNICORN=(
    .venv/bin/gunicorn clsite.wsgi:application
    --pythonpath site
    --workers "$WORKERS" --worker-class gthread --threads "$THREADS" --keep-alive 5
    --bind "$BIND"
    --max-requests 5000 --max-requests-jitter 500
    --timeout 30
    --access-logfile "${ACCESS_LOG:-$RUN_DIR/access.log}"
    --error-logfile "${ERROR_LOG:-$RUN_DIR/error.log}"
)
echo "Serving http://$BIND with $WORKERS gunicorn workers of $THREADS threads (PostgreSQL $DB_NAME, Redis $REDIS_URL)"
if [[ "${1:-}" == "--daemon" ]]; then
    "${GUNICORN[@]}" --daemon --pid "$PID_FILE"
    for _ in $(seq 1 50); do
        curl -fs -o /dev/null "http://$BIND/" && { echo "Ready (pid $(cat "$PID_FILE"))"; exit 0; }
        sleep 0.2
    done
    echo "gunicorn did not answer; see $RUN_DIR/error.log" >&2
    exit 1
fi
exec "${GUNICORN[@]}" --pid "$PID_FILE"
