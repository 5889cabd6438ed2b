#!/usr/bin/env bash
# The consultation page under load, side by side with nginx serving the same bytes.
#
# Builds and starts the packaged application on a fresh data directory, seeds a consultation of
# 150 paragraphs and 10,000 comments (bench/seed.py), fetches the page once as an anonymous visitor
# to check its weight (< 300 KB) and that it holds every paragraph, copies those exact bytes to an
# nginx static root, then runs wrk against both, alternating, ROUNDS times each, and prints the
# medians and the throughput ratio. wrk sends no Accept-Encoding, so both answer uncompressed.
#
#   bench/consultation-page.sh                      # ROUNDS=5 DURATION=20s WARMUP=30s
#   ROUNDS=3 DURATION=10s SKIP_BUILD=1 bench/consultation-page.sh
#
# Knobs: ROUNDS, DURATION, WARMUP, CONNECTIONS (64), THREADS (2), APP_PORT, NGINX_PORT, JAVA_OPTS,
# JAR (another build to measure), SKIP_BUILD=1, WORK (directory for data and raw results; a new one
# under /tmp by default).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
NGINX_PORT=${NGINX_PORT:-18081}
PARAGRAPHS=${PARAGRAPHS:-150}
COMMENTS=${COMMENTS:-10000}
NGINX_STARTED=

cleanup() {
    stop_app
    if [ -n "$NGINX_STARTED" ] && [ -f "$WORK/nginx.pid" ]; then
        kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    fi
}
trap cleanup EXIT

build_app
start_app
log "seeding $PARAGRAPHS paragraphs and $COMMENTS comments"
seed_started=$(date +%s.%N)
python3 "$BENCH_DIR/seed.py" --base "http://127.0.0.1:$APP_PORT" --admin-email "$ADMIN_EMAIL" \
    --admin-password "$ADMIN_PASSWORD" --paragraphs "$PARAGRAPHS" --comments "$COMMENTS" >"$WORK/seed.json"
log "seeded in $(echo "$(date +%s.%N) - $seed_started" | bc) s"
slug=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["slug"])' "$WORK/seed.json")
APP_URL="http://127.0.0.1:$APP_PORT/consultations/$slug"

mkdir -p "$WORK/static" "$WORK/nginx-tmp"
curl -fsS -D "$WORK/app-headers.txt" -o "$WORK/static/consultation.html" "$APP_URL"
gzip_bytes=$(curl -fsS --compressed -o /dev/null -w '%{size_download}' "$APP_URL")
python3 - "$WORK/seed.json" "$WORK/static/consultation.html" <<'EOF'
import json, sys
seed = json.load(open(sys.argv[1]))
page = open(sys.argv[2], encoding="utf-8").read()
missing = [p for p in seed["paragraphs"] if 'id="p-%s"' % p not in page]
if missing:
    sys.exit("the page lacks %d paragraphs, e.g. %s" % (len(missing), missing[:3]))
if "Set-Cookie" in open(sys.argv[2].replace("static/consultation.html", "app-headers.txt")).read():
    print("note: the anonymous page sets a cookie", file=sys.stderr)
EOF
page_bytes=$(stat -c %s "$WORK/static/consultation.html")

sed -e "s|@WORK@|$WORK|g" -e "s|@PORT@|$NGINX_PORT|g" "$BENCH_DIR/nginx.conf" >"$WORK/nginx.conf"
nginx -p "$WORK" -c "$WORK/nginx.conf"
NGINX_STARTED=1
NGINX_URL="http://127.0.0.1:$NGINX_PORT/consultation.html"
sleep 1
cmp <(curl -fsS "$NGINX_URL") "$WORK/static/consultation.html"

echo "## Consultation page: $PARAGRAPHS paragraphs, $COMMENTS comments"
machine
echo "- page: $page_bytes bytes uncompressed ($((page_bytes / 1024)) KiB), $gzip_bytes bytes with gzip; every paragraph present"
echo "- app response headers:"
sed 's/^/    /' "$WORK/app-headers.txt" | tr -d '\r' | grep -v '^    $'
echo "- wrk: ${THREADS:-2} threads, ${CONNECTIONS:-64} connections, $DURATION per run, $ROUNDS rounds alternated, app warmed up for $WARMUP"
echo

log "warming up the application for $WARMUP"
wrk_round warmup-app "$APP_URL" "$WARMUP" >/dev/null
: >"$WORK/results/app.sum"
: >"$WORK/results/nginx.sum"
for round in $(seq 1 "$ROUNDS"); do
    log "round $round/$ROUNDS"
    wrk_round "app-$round" "$APP_URL" "$DURATION" | tee -a "$WORK/results/app.sum"
    wrk_round "nginx-$round" "$NGINX_URL" "$DURATION" | tee -a "$WORK/results/nginx.sum"
done

app_rps=$(median_of rps "$WORK/results/app.sum")
nginx_rps=$(median_of rps "$WORK/results/nginx.sum")
echo
echo "| server | median req/s | median p50 (ms) | median p99 (ms) | worst p99 (ms) |"
echo "|---|---|---|---|---|"
for name in app nginx; do
    worst=$(grep -ho "p99_ms=[0-9.]*" "$WORK/results/$name.sum" | cut -d= -f2 | sort -g | tail -1)
    echo "| $name | $(median_of rps "$WORK/results/$name.sum") | $(median_of p50_ms "$WORK/results/$name.sum") | $(median_of p99_ms "$WORK/results/$name.sum") | $worst |"
done
echo
printf -- "- throughput ratio app/nginx (medians): %.3f\n" "$(echo "scale=4; $app_rps / $nginx_rps" | bc)"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- raw wrk output: $WORK/results"
