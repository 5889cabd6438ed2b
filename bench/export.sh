#!/usr/bin/env bash
# Full open data export with many comments: streams in time, with flat memory.
#
# Builds and starts the packaged application (heap capped, -Xmx256m by default) on a fresh data
# directory, creates a process and a consultation through the API, then inserts COMMENTS comments
# in six languages straight into its embedded PostgreSQL with generate_series (through the API this
# would take longer than the export itself). Then downloads GET /api/v1/exports/all.zip (nothing is
# cached yet, so it is generated while it streams and written through to data/exports/) while
# sampling the process's RSS and used heap every second, and checks the ZIP: comments.csv must hold
# COMMENTS rows plus the header. Prints the time, the size, and the memory samples' min/median/max.
#
#   bench/export.sh                     # COMMENTS=1000000 JAVA_OPTS=-Xmx256m
#   COMMENTS=200000 bench/export.sh     # smaller
#
# Knobs: COMMENTS, JAVA_OPTS, APP_PORT, JAR, SKIP_BUILD=1, WORK.
set -euo pipefail
APP_PORT=${APP_PORT:-18090}
source "$(dirname "$0")/lib.sh"

COMMENTS=${COMMENTS:-1000000}
export JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
BASE="http://127.0.0.1:$APP_PORT"
trap stop_app EXIT

build_app
start_app

log "creating a process and a consultation"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/tokens" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"slug":"bench","title":"Benchmark process","summary":"Open data export benchmark"}' "$BASE/api/v1/processes"
DOCUMENT=$(python3 -c 'print("\\n\\n".join("Paragraph %d: states should protect the public core of the internet." % i for i in range(1, 151)))')
CONSULTATION=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"slug\":\"bench-draft\",\"title\":\"Benchmark draft\",\"opensAt\":\"2026-01-01T00:00:00Z\",\"closesAt\":\"2030-01-01T00:00:00Z\",\"document\":{\"format\":\"markdown\",\"text\":\"$DOCUMENT\"}}" \
    "$BASE/api/v1/processes/bench/consultations" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

log "inserting $COMMENTS comments with generate_series"
started=$(date +%s)
app_psql "
with paragraphs as (
    select array_agg(b.paragraph_id order by b.number) as ids
    from process_consultation c join drafting_version v on v.document_id = c.document_id
    join drafting_block b on b.version_id = v.id
    where c.id = '$CONSULTATION' and b.paragraph_id is not null),
texts as (select array[
    'States should protect the public core of the internet, including its routing and naming systems.',
    'يجب على الدول حماية النواة العامة للإنترنت، بما في ذلك أنظمة التوجيه والتسمية.',
    '各国应保护互联网的公共核心，包括其路由和命名系统。',
    'Les États devraient protéger le noyau public de l''internet, y compris ses systèmes de routage.',
    'Государства должны защищать общедоступное ядро интернета, включая системы маршрутизации.',
    'Los Estados deberían proteger el núcleo público de internet, incluidos sus sistemas de enrutamiento.'] as t)
insert into contribution_comment (id, consultation_id, paragraph_id, version, author_name, organization_name,
    stakeholder_group, country, body, body_html, source, external_id, submitted_at, created_at)
select 'bench' || lpad(g::text, 11, '0'), '$CONSULTATION', p.ids[1 + g % array_length(p.ids, 1)], 1,
    'Participant ' || (g % 5000), 'Organisation ' || (g % 700), 'CIVIL_SOCIETY', 'FR',
    t.t[1 + g % 6] || ' (' || g || ')', '<p>' || t.t[1 + g % 6] || '</p>', 'IMPORT', 'bench-' || g,
    now() - (g || ' seconds')::interval, now()
from generate_series(1, $COMMENTS) g, paragraphs p, texts t;
analyze contribution_comment;"
log "inserted in $(( $(date +%s) - started )) s"

OUT="$WORK/results/export"
{
    echo "## Open data export: $COMMENTS comments"
    machine
} | tee "$OUT.md"

log "downloading /api/v1/exports/all.zip while sampling memory"
: >"$OUT.mem"
(
    while kill -0 "$APP_PID" 2>/dev/null; do
        rss=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
        heap=$("$(dirname "$JAVA")/jcmd" "$APP_PID" GC.heap_info 2>/dev/null | grep -m1 heap | sed -n 's/.*used \([0-9]*\)K.*/\1/p')
        echo "$(date +%s.%N) rss_kb=$rss heap_used_kb=${heap:-n/a}" >>"$OUT.mem"
        sleep 1
    done
) &
SAMPLER=$!
curl -fsS -o "$WORK/all.zip" -w 'http=%{http_code} bytes=%{size_download} seconds=%{time_total} first_byte=%{time_starttransfer}\n' \
    "$BASE/api/v1/exports/all.zip" | tee -a "$OUT.md"
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true

rows=$(unzip -p "$WORK/all.zip" comments.jsonl | wc -l)
echo "- comments.jsonl lines: $rows (expected $COMMENTS)" | tee -a "$OUT.md"
unzip -l "$WORK/all.zip" | tail -n +4 | head -n -2 | awk '{ printf "  - %s: %s bytes\n", $4, $1 }' | tee -a "$OUT.md"
for key in rss_kb heap_used_kb; do
    echo "- $key over $(wc -l <"$OUT.mem") samples: min $(grep -o "$key=[0-9]*" "$OUT.mem" | cut -d= -f2 | sort -n | head -1), median $(median_of "$key" "$OUT.mem"), max $(grep -o "$key=[0-9]*" "$OUT.mem" | cut -d= -f2 | sort -n | tail -1)"
done | tee -a "$OUT.md"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT.md"
log "results in $OUT.md, memory samples in $OUT.mem"
[ "$rows" -eq "$COMMENTS" ]
