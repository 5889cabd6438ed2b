# Shared by the benchmark scripts: build, start and stop the packaged application on a throwaway
# data directory, describe the machine, run wrk and summarise its output. Source it, do not run it.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-$ROOT/target/polylogue.jar}
WRK=${WRK:-/usr/bin/wrk}
APP_PORT=${APP_PORT:-18080}
ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD='benchmark administrator password'
WORK=${WORK:-$(mktemp -d /tmp/polylogue-bench.XXXXXX)}
chmod 755 "$WORK"
mkdir -p "$WORK/results"
APP_PID=

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

build_app() {
    if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ]; then
        log "using the existing $JAR (SKIP_BUILD=1)"
        return
    fi
    log "building target/polylogue.jar"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
}

# Starts the jar on a fresh data directory under $WORK (or on the existing one with KEEP_DATA=1)
# and waits until it answers /actuator/health.
start_app() {
    if [ "${KEEP_DATA:-0}" != 1 ]; then
        rm -rf "$WORK/data"
    fi
    log "starting the application on port $APP_PORT (data in $WORK/data, JAVA_OPTS=${JAVA_OPTS:-})"
    # shellcheck disable=SC2086
    POLYLOGUE_DATA_DIR="$WORK/data" POLYLOGUE_DEMO=false SERVER_PORT=$APP_PORT \
        POLYLOGUE_ADMIN_EMAIL=$ADMIN_EMAIL POLYLOGUE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
        "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --polylogue.rate-limit.enabled=false \
        >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 180); do
        if curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q UP; then
            log "application up (pid $APP_PID)"
            return
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            tail -50 "$WORK/app.log" >&2
            echo "the application exited during start" >&2
            exit 1
        fi
        sleep 1
    done
    echo "the application did not answer within 180 s" >&2
    exit 1
}

# Kills the application and its PostgreSQL at once (SIGKILL), as a power cut would stop them.
crash_app() {
    local postmaster children
    postmaster=$(head -1 "$WORK/data/postgres/postmaster.pid")
    children=$(pgrep -P "$postmaster" || true)
    # shellcheck disable=SC2086
    kill -9 "$APP_PID" "$postmaster" $children
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    for pid in $postmaster $children; do
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    done
}

stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}

# Runs psql against the embedded PostgreSQL of the running application (found by its data directory).
app_psql() {
    local port
    port=$(ps -eo args | grep -F -- "-D $WORK/data/postgres" | grep -v grep | sed -n 's/.* -p \([0-9]*\).*/\1/p' | head -1)
    PGCONNECT_TIMEOUT=5 psql -X -q -A -t -h localhost -p "$port" -U postgres -d postgres -c "$1"
}

machine() {
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2 " GB RAM"}')"
    echo "- kernel: $(uname -sr); java: $("$JAVA" -version 2>&1 | head -1); $("$WRK" --version 2>&1 | head -1 | cut -d' ' -f1-2); $(nginx -v 2>&1)"
    echo "- application: $JAR (worktree at $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ', with uncommitted changes')); JAVA_OPTS=${JAVA_OPTS:-none}"
    echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# wrk_round NAME URL DURATION [extra wrk args...]: runs wrk, keeps its output in $WORK/results.
wrk_round() {
    local name=$1 url=$2 duration=$3
    shift 3
    local out="$WORK/results/$name.txt"
    echo "load $(cut -d' ' -f1-3 /proc/loadavg)" >"$out"
    "$WRK" -t"${THREADS:-2}" -c"${CONNECTIONS:-64}" -d"$duration" --latency "$@" "$url" >>"$out" 2>&1
    summary_line "$name" "$out"
}

# One line per wrk run: requests/s, p50, p99 (ms), non-2xx, socket errors.
summary_line() {
    awk -v name="$1" '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v
        }
        /^load/ { load = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { errors = $0; sub(/.*Socket errors: /, "", errors) }
        END {
            printf "%-14s rps=%-10s p50_ms=%-8.2f p99_ms=%-8.2f non2xx=%s errors=%s load=%s\n", name, rps, p50, p99,
                (non2xx == "" ? 0 : non2xx), (errors == "" ? "none" : errors), load
        }' "$2"
}

# median_of KEY FILE...: the median of KEY=value over summary lines.
median_of() {
    local key=$1
    shift
    grep -ho "$key=[0-9.]*" "$@" | cut -d= -f2 | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a"; exit }
        print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
