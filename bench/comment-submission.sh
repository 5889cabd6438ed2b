#!/usr/bin/env bash
# Comment submission through the API under load, and a check that every acknowledged comment is
# stored and survives a crash.
#
# Builds and starts the packaged application on a fresh data directory, seeds the consultation of
# consultation-page.sh (150 paragraphs, 10,000 comments) and ACCOUNTS people with a bearer token
# each, then runs wrk with bench/submit-comments.lua ROUNDS times: every request posts a new comment
# (random paragraph, one in ten on the whole document) with one of the tokens. After each round the
# number of comments is read back through the API and must have grown by at least the number of 201
# answers (by at most that plus the requests still in flight when wrk stopped). At the end the
# application and its PostgreSQL are killed with SIGKILL, started again on the same data, and the
# count must not have dropped. Prints PostgreSQL's fsync and synchronous_commit settings.
#
#   bench/comment-submission.sh                    # ROUNDS=3 DURATION=30s ACCOUNTS=50
#
# Knobs: ROUNDS, DURATION, WARMUP, CONNECTIONS (64), THREADS (2), ACCOUNTS, APP_PORT, JAVA_OPTS,
# JAR (another build to measure), SKIP_BUILD=1, WORK.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
ACCOUNTS=${ACCOUNTS:-50}
trap stop_app EXIT

build_app
start_app
log "seeding the consultation and $ACCOUNTS accounts"
python3 "$BENCH_DIR/seed.py" --base "http://127.0.0.1:$APP_PORT" --admin-email "$ADMIN_EMAIL" \
    --admin-password "$ADMIN_PASSWORD" --accounts "$ACCOUNTS" --tokens "$WORK/tokens.txt" >"$WORK/seed.json"
python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["paragraphs"]))' "$WORK/seed.json" \
    >"$WORK/paragraphs.txt"
export SLUG=draft-report TOKENS="$WORK/tokens.txt" PARAGRAPHS="$WORK/paragraphs.txt"
BASE="http://127.0.0.1:$APP_PORT"

stored() {
    curl -fsS "$BASE/api/v1/consultations/$SLUG/comments?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}

echo "## Comment submission: $ACCOUNTS accounts, ${CONNECTIONS:-64} connections"
machine
echo "- PostgreSQL: fsync=$(app_psql 'show fsync'), synchronous_commit=$(app_psql 'show synchronous_commit'), wal_sync_method=$(app_psql 'show wal_sync_method')"
echo "- wrk: ${THREADS:-2} threads, ${CONNECTIONS:-64} connections, $DURATION per round, $ROUNDS rounds, after a $WARMUP warm-up"
echo

log "warming up for $WARMUP"
"$WRK" -t"${THREADS:-2}" -c"${CONNECTIONS:-64}" -d"$WARMUP" -s "$BENCH_DIR/submit-comments.lua" "$BASE" >/dev/null
: >"$WORK/results/submit.sum"
failures=0
for round in $(seq 1 "$ROUNDS"); do
    before=$(stored)
    out="$WORK/results/submit-$round.txt"
    echo "load $(cut -d' ' -f1-3 /proc/loadavg)" >"$out"
    "$WRK" -t"${THREADS:-2}" -c"${CONNECTIONS:-64}" -d"$DURATION" --latency -s "$BENCH_DIR/submit-comments.lua" \
        "$BASE" >>"$out" 2>&1
    after=$(stored)
    created=$(sed -n 's/^created=\([0-9]*\) other=.*/\1/p' "$out")
    other=$(sed -n 's/^created=[0-9]* other=\([0-9]*\)/\1/p' "$out")
    seconds=$(echo "$DURATION" | sed 's/s$//')
    per_second=$(echo "scale=1; $created / $seconds" | bc)
    grown=$((after - before))
    verdict=ok
    if [ "$grown" -lt "$created" ] || [ "$grown" -gt $((created + ${CONNECTIONS:-64})) ]; then
        verdict=MISMATCH
        failures=$((failures + 1))
    fi
    printf '%s created_per_s=%s ' "$(summary_line "submit-$round" "$out")" "$per_second" | tee -a "$WORK/results/submit.sum"
    echo "created=$created other=$other stored_growth=$grown check=$verdict" | tee -a "$WORK/results/submit.sum"
done

counted=$(stored)
log "crashing the application and its database (SIGKILL), then starting again on the same data"
crash_app
KEEP_DATA=1 start_app
recovered=$(stored)
echo
echo "| median comments/s (201) | median req/s | median p50 (ms) | median p99 (ms) |"
echo "|---|---|---|---|"
echo "| $(median_of created_per_s "$WORK/results/submit.sum") | $(median_of rps "$WORK/results/submit.sum") | $(median_of p50_ms "$WORK/results/submit.sum") | $(median_of p99_ms "$WORK/results/submit.sum") |"
echo
echo "- every 201 stored: $([ "$failures" = 0 ] && echo yes || echo "NO ($failures rounds mismatched)")"
echo "- comments before the crash $counted, after restart $recovered: $([ "$recovered" -ge "$counted" ] && echo 'none lost' || echo LOST)"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- raw wrk output: $WORK/results"
