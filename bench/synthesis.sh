#!/usr/bin/env bash
# Synthesis benchmarks, in process over generated texts (see docs/benchmarks.md, section Synthesis).
# Usage: bench/synthesis.sh [campaigns N | full N | incremental N | quality N] (default: all, full size)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
run() { "$JAVA" -Xmx2g -cp "$CP" org.polylogue.synthesis.SynthesisBenchmark "$@"; }
if [ $# -gt 0 ]; then run "$@"; exit; fi
run campaigns 1000000
run full 100000
run incremental 100000
run quality 2000
