#!/usr/bin/env bash
# Search benchmark: N generated comments (default 1,000,000) in six languages rebuilt into a fresh
# index through the search module's code, then 16 concurrent clients for SECONDS (default 30).
# Usage (from the repository root): bench/search/search-bench.sh [N] [SECONDS]
# While it searches, a new comment is published every second (every tenth publication is an edit).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
SECONDS_RUN=${2:-30}
./mvnw -B -q -o compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/search-bench.classpath >/dev/null
# a copy of the classes, so that a build running meanwhile cannot pull them away; CLASSES=dir runs
# the benchmark against another build's classes (for a before and after in one sitting)
rm -rf target/search-bench-classes && cp -r "${CLASSES:-target/classes}" target/search-bench-classes
DATA=target/search-bench-$N
# KEEP=1 keeps the index of an earlier run with the same N (no rebuild) and leaves it for the next
[ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"
JAVA=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA" ] || JAVA=java
echo "date: $(date -u +%FT%TZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx2g ${JAVA_OPTS:-} -cp "target/search-bench-classes:$(cat target/search-bench.classpath)" bench/search/SearchBench.java "$N" "$DATA" "$SECONDS_RUN"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"
