#!/usr/bin/env bash
# A bounded load test of the public pages against 127.0.0.1 only (start bench/serve.sh first).
#
#   bench/loadtest.sh              # 60 s, 2 threads, 10 connections against http://127.0.0.1:8001
#   DURATION=30s CONNECTIONS=64 bench/loadtest.sh
#
# Prints requests/s, p50/p99 latency and the error count, and fails if there was any error.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${BASE:-http://127.0.0.1:8001}
DURATION=${DURATION:-60s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-10}
OUT=${OUT:-bench/results}
mkdir -p "$OUT"

case "$BASE" in
    http://127.0.0.1:* | http://localhost:* | http://\[::1\]:*) ;;
    *) echo "The load test only runs against this machine (127.0.0.1), not $BASE" >&2; exit 2 ;;
esac

if ! command -v wrk >/dev/null; then
    echo "Installing wrk from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

curl -fsS -o /dev/null "$BASE/" || { echo "Nothing answers at $BASE: start bench/serve.sh first" >&2; exit 2; }

# The public pages: everything in the sitemap (hub, indexes, programs, partnerships, evaluations)
# plus the listing filtered and paged, search, the calendar, the feeds and the API.
PATHS="$OUT/loadtest-paths.txt"
curl -fsS "$BASE/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#</?loc>##g; s#^https?://[^/]+##' > "$PATHS"
PROGRAMS=$(grep -m1 -E '/programs/$' "$PATHS" || true)
if [[ -n "$PROGRAMS" ]]; then
    cat >> "$PATHS" <<PATHS_END
${PROGRAMS}?format=online
${PROGRAMS}?page=2
${PROGRAMS}calendar/
${PROGRAMS}calendar/?period=month
${PROGRAMS}calendar.ics
PATHS_END
fi
cat >> "$PATHS" <<PATHS_END
/search/?q=garden
/search/?q=community
/feeds/programs/rss/
/feeds/programs/atom/
/api/v2/pages/?type=clpages.ProgramPage
/robots.txt
PATHS_END

# Every path must answer 200 before the load starts: a broken page is an error, not a result.
while read -r path; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
    [[ "$status" == 200 ]] || { echo "GET $path answered $status" >&2; exit 1; }
done < "$PATHS"
echo "Load: $DURATION, $THREADS threads, $CONNECTIONS connections, $(wc -l < "$PATHS") public paths in turn"

REPORT="$OUT/loadtest-$(date -u +%Y%m%dT%H%M%SZ).txt"
wrk --latency -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout 10s \
    -s bench/loadtest.lua "$BASE" -- "$PATHS" | tee "$REPORT"
grep -q '^errors: 0 ' "$REPORT" || { echo "The load test saw errors" >&2; exit 1; }
