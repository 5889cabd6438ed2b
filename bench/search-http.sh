#!/usr/bin/env bash
# Search as deployed, through HTTP: GET /api/v1/search from 16 concurrent connections on 1,000,000
# comments in six languages, while a new comment is published every second.
#
# Builds and starts the packaged application (-Xmx2g by default) on a fresh data directory, creates
# a process and a consultation of 150 paragraphs through the API (as export.sh does), then inserts
# COMMENTS comments straight into its embedded PostgreSQL with one insert ... select from
# generate_series (through the API this would take hours). The texts are made as SearchBench's
# GeneratedComments makes them (bench/search/SearchBench.java): language = g % 6 over en, fr, es, ru,
# ar, zh; 18 to 42 words, each a function word (4 in 10) or a content word picked with probability
# ~1/rank from the language's list (the same lists; Chinese without spaces); 2,000 organisation names,
# the stakeholder group following the organisation, dates spread over 2020-2025; setseed(0.42) first,
# so every run inserts the same texts. Then rebuilds the search index from the database
# (POST /api/v1/admin/search/reindex, polled until done) and prints its documents and duration.
#
# Then registers a participant (address confirmed through the development mailbox, as seed.py does)
# who publishes one comment per second through the API (POST /api/v1/consultations/{slug}/comments)
# in the background from the first warm-up to the end, and runs wrk (1 thread, 16 connections) with
# bench/search-queries.lua once per value of TAILS: a warm-up of WARMUP, then DURATION measured. The
# queries are SearchBench's 2,000 (one to three content words of one language, ~1/rank). With
# TAIL_PERCENT=p, p requests in 100 also filter by the process, a random stakeholder group and a
# random first day (&process=&group=&from=), a combination hardly ever asked twice. Non-200 answers
# are counted; a run with any fails the script (exit 1) and says so in the summary.
#
# Prints a Markdown summary: machine, COMMENTS, insert and rebuild time, then per run requests/s and
# latency p50/p90/p99 (wrk --latency) and p95/max (wrk's Lua done()). Raw output in $WORK/results.
#
#   bench/search-http.sh                                    # COMMENTS=1000000, runs with 0 % and 10 % tail
#   COMMENTS=50000 DURATION=10s WARMUP=5s bench/search-http.sh   # a quick check
#   SKIP_BUILD=1 TAILS=10 DURATION=60s bench/search-http.sh      # only the run with a 10 % tail, longer
#
# Knobs: COMMENTS (1000000), DURATION (30s), WARMUP (10s), TAILS (list of TAIL_PERCENT values, one
# run each: "0 10"), CONNECTIONS (16), THREADS (1), TIMEOUT (wrk's, 10s), PUBLISH (1; 0 publishes
# nothing meanwhile), JAVA_OPTS (-Xmx2g), APP_PORT (18095), JAR, SKIP_BUILD=1, WORK.
set -euo pipefail
APP_PORT=${APP_PORT:-18095}
source "$(dirname "$0")/lib.sh"

COMMENTS=${COMMENTS:-1000000}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
TAILS=${TAILS:-0 10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
TIMEOUT=${TIMEOUT:-10s}
PUBLISH=${PUBLISH:-1}
export JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
BASE="http://127.0.0.1:$APP_PORT"
SLUG=bench-draft
PUBLISHER=

# stops the loop, then lets the posts under way (its children: curl, sleep) finish, at most 30 s
stop_publisher() {
    local children pid
    if [ -n "$PUBLISHER" ] && kill -0 "$PUBLISHER" 2>/dev/null; then
        children=$(pgrep -P "$PUBLISHER" || true)
        kill "$PUBLISHER"
        wait "$PUBLISHER" 2>/dev/null || true
        for pid in $children; do
            while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
        done
    fi
    PUBLISHER=
}
trap 'stop_publisher; stop_app' EXIT

json() { python3 -c 'import json,sys; v=json.load(sys.stdin)
for k in sys.argv[1].split("."): v=v[int(k)] if isinstance(v, list) else v[k]
print(v)' "$1"; }

build_app
start_app

log "creating a process and a consultation"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/tokens" | json token)
PROCESS_ID=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"slug":"bench","title":"Benchmark process","summary":"Search over HTTP benchmark"}' "$BASE/api/v1/processes" \
    | json id)
DOCUMENT=$(python3 -c 'print("\\n\\n".join("Paragraph %d: states should protect the public core of the internet." % i for i in range(1, 151)))')
curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$SLUG\",\"title\":\"Benchmark draft\",\"opensAt\":\"2026-01-01T00:00:00Z\",\"closesAt\":\"2030-01-01T00:00:00Z\",\"document\":{\"format\":\"markdown\",\"text\":\"$DOCUMENT\"}}" \
    "$BASE/api/v1/processes/bench/consultations" >"$WORK/consultation.json"
CONSULTATION=$(json id <"$WORK/consultation.json")
python3 -c 'import json,sys; print("\n".join(p["id"] for p in json.load(open(sys.argv[1]))["document"]["paragraphs"]))' \
    "$WORK/consultation.json" >"$WORK/paragraphs.txt"

log "inserting $COMMENTS comments with generate_series"
started=$(date +%s.%N)
# one row of `languages` per language of SearchBench (l = g % 6): its content words (WORDS without
# the language) and FUNCTION_WORDS, copied in the same order; `sep` joins the words, `stop` ends the text
app_psql "
select setseed(0.42);
with paragraphs as (
    select array_agg(b.paragraph_id order by b.number) as ids
    from process_consultation c join drafting_version v on v.document_id = c.document_id
    join drafting_block b on b.version_id = v.id
    where c.id = '$CONSULTATION' and b.paragraph_id is not null),
languages (l, code, content, fw) as (values
    (0, 'en', array[
        'states', 'protect', 'critical', 'infrastructure', 'cyber', 'attacks', 'hospitals', 'norms',
        'responsible', 'behaviour', 'capacity', 'building', 'vulnerabilities', 'report', 'incidents',
        'cooperation', 'trust', 'confidence', 'measures', 'international', 'law', 'applies', 'cyberspace',
        'should', 'support', 'developing', 'countries', 'national', 'strategies', 'emergency', 'response',
        'teams', 'supply', 'chain', 'security', 'privacy', 'human', 'rights', 'online', 'ransomware',
        'election', 'integrity'],
        array['the', 'of', 'and', 'to', 'in', 'that', 'is', 'for', 'on', 'with', 'by', 'their', 'be', 'are', 'this']),
    (1, 'fr', array[
        'les', 'états', 'protègent', 'infrastructures', 'critiques', 'attaques', 'hôpitaux', 'normes',
        'comportement', 'responsable', 'renforcement', 'capacités', 'vulnérabilités', 'signaler', 'incidents',
        'coopération', 'confiance', 'mesures', 'droit', 'international', 'applique', 'cyberespace', 'doivent',
        'soutenir', 'pays', 'développement', 'stratégies', 'nationales', 'équipes', 'réponse', 'urgence',
        'sécurité', 'chaîne', 'approvisionnement', 'droits', 'humains', 'rançongiciels', 'élections'],
        array['de', 'la', 'et', 'à', 'le', 'des', 'en', 'du', 'que', 'pour', 'dans', 'sur', 'est', 'par', 'une']),
    (2, 'es', array[
        'los', 'estados', 'protegen', 'infraestructuras', 'críticas', 'ataques', 'hospitales', 'normas',
        'comportamiento', 'responsable', 'fomento', 'capacidades', 'vulnerabilidades', 'informar',
        'incidentes', 'cooperación', 'confianza', 'medidas', 'derecho', 'internacional', 'aplica',
        'ciberespacio', 'deben', 'apoyar', 'países', 'desarrollo', 'estrategias', 'nacionales', 'equipos',
        'respuesta', 'emergencia', 'seguridad', 'cadena', 'suministro', 'derechos', 'humanos', 'elecciones'],
        array['de', 'la', 'que', 'el', 'en', 'y', 'a', 'las', 'del', 'se', 'por', 'con', 'para', 'una', 'es']),
    (3, 'ru', array[
        'государства', 'защищают', 'критическую', 'инфраструктуру', 'атаки', 'больницы', 'нормы',
        'ответственного', 'поведения', 'наращивание', 'потенциала', 'уязвимости', 'сообщать', 'инцидентах',
        'сотрудничество', 'доверие', 'меры', 'международное', 'право', 'применяется', 'киберпространстве',
        'должны', 'поддерживать', 'развивающиеся', 'страны', 'национальные', 'стратегии', 'группы',
        'реагирования', 'безопасность', 'цепочки', 'поставок', 'права', 'человека', 'выборы'],
        array['и', 'в', 'на', 'с', 'что', 'по', 'для', 'не', 'от', 'к', 'из', 'о', 'как', 'это', 'их']),
    (4, 'ar', array[
        'الدول', 'تحمي', 'البنية', 'التحتية', 'الحيوية', 'الهجمات', 'المستشفيات', 'المعايير', 'السلوك',
        'المسؤول', 'بناء', 'القدرات', 'الثغرات', 'الإبلاغ', 'الحوادث', 'التعاون', 'الثقة', 'تدابير',
        'القانون', 'الدولي', 'ينطبق', 'الفضاء', 'السيبراني', 'يجب', 'دعم', 'البلدان', 'النامية',
        'الاستراتيجيات', 'الوطنية', 'فرق', 'الاستجابة', 'الطوارئ', 'الأمن', 'سلسلة', 'الإمداد', 'حقوق',
        'الإنسان'],
        array['في', 'من', 'على', 'إلى', 'أن', 'عن', 'مع', 'هذا', 'التي', 'الذي', 'و', 'ذلك', 'بين', 'كل', 'أو']),
    (5, 'zh', array[
        '各国', '保护', '关键', '基础设施', '网络', '攻击', '医院', '规范', '负责任', '行为', '能力', '建设',
        '漏洞', '报告', '事件', '合作', '信任', '措施', '国际法', '适用', '网络空间', '应当', '支持',
        '发展中国家', '国家', '战略', '应急', '响应', '小组', '安全', '供应链', '人权', '选举'],
        array['的', '和', '在', '是', '对', '与', '了', '为', '中', '等', '将', '以', '及', '其', '也'])),
words as (
    select l, content, fw, array_length(content, 1) as n, array_length(fw, 1) as f,
        case code when 'zh' then '' else ' ' end as sep, case code when 'zh' then '。' else '.' end as stop
    from languages),
-- random() in a subquery's select list: evaluated once per row, in the order of g; the length is
-- drawn here, not in the word list's generate_series: a function scan whose arguments do not depend
-- on the outer row is computed once and replayed, which would give every text the same length
drawn as (
    select g, floor(random() * 2000)::int as org, random() as paragraph, 18 + floor(random() * 25)::int as length
    from generate_series(1, $COMMENTS) g),
texts as (
    select r.g, r.org, p.ids[1 + floor(r.paragraph * array_length(p.ids, 1))::int] as paragraph_id,
        -- 18 to 42 words: a function word 4 times in 10, else the content word of rank k with
        -- probability ~1/k (SearchBench.zipf: min(n, floor(exp(u))) for u uniform in [0, ln(n + 1)))
        (select string_agg(x.word, w.sep) from (
            select case when random() < 0.4 then w.fw[1 + floor(random() * w.f)::int]
                else w.content[least(w.n, floor(exp(random() * ln(w.n + 1)))::int)] end as word
            from generate_series(1, r.length)) x) || w.stop as body
    from drawn r join words w on w.l = r.g % 6 cross join paragraphs p)
insert into contribution_comment (id, consultation_id, paragraph_id, version, author_name, organization_name,
    stakeholder_group, country, body, body_html, source, external_id, submitted_at, created_at)
select 'bench' || lpad(g::text, 11, '0'), '$CONSULTATION', paragraph_id, 1,
    'Participant ' || (g % 5000), 'Organisation ' || org,
    (array['MEMBER_STATE', 'INTERGOVERNMENTAL', 'PRIVATE_SECTOR', 'CIVIL_SOCIETY', 'ACADEMIA',
        'TECHNICAL_COMMUNITY'])[1 + org % 6], 'FR',
    body, '<p>' || body || '</p>', 'IMPORT', 'bench-' || g,
    timestamptz '2020-01-01 00:00:00+00' + (g - 1) * (interval '2190 days' / $COMMENTS), now()
from texts;
analyze contribution_comment;" >/dev/null
INSERT_SECONDS=$(echo "$(date +%s.%N) - $started" | bc)
log "inserted in $(printf '%.1f' "$INSERT_SECONDS") s"
stored=$(app_psql "select count(*) from contribution_comment")
[ "$stored" -ge "$COMMENTS" ] || { echo "only $stored comments stored, expected $COMMENTS" >&2; exit 1; }

# waits until no rebuild runs (the one at start fills the new, empty index) and prints its status
reindex_status() {
    local status
    while :; do
        status=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/admin/search/reindex")
        if [ "$(json running <<<"$status")" = False ]; then
            echo "$status"
            return
        fi
        sleep 1
    done
}
reindex_status >/dev/null
log "rebuilding the search index from the database"
started=$(date +%s.%N)
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/admin/search/reindex"
status=$(reindex_status)
REINDEX_SECONDS=$(echo "$(date +%s.%N) - $started" | bc)
if [ "$(json error <<<"$status")" != None ]; then
    echo "the rebuild failed: $status" >&2
    exit 1
fi
DOCUMENTS=$(json documents <<<"$status")
INDEXED=$(json indexed <<<"$status")
log "rebuilt in $(printf '%.1f' "$REINDEX_SECONDS") s: $DOCUMENTS documents written, $INDEXED in the index"

OUT="$WORK/results/search-http"
{
    echo "## Search over HTTP: $COMMENTS comments, $CONNECTIONS connections"
    machine
    echo "- comments: $COMMENTS inserted in $(printf '%.1f' "$INSERT_SECONDS") s (generate_series, setseed(0.42))"
    echo "- rebuild (POST /api/v1/admin/search/reindex until done): $DOCUMENTS documents in" \
        "$(printf '%.1f' "$REINDEX_SECONDS") s, $(echo "$DOCUMENTS / $REINDEX_SECONDS" | bc) documents/s;" \
        "index size $(du -sh "$WORK/data/search" 2>/dev/null | cut -f1)"
    echo "- wrk: $THREADS thread, $CONNECTIONS connections, $DURATION per run after a $WARMUP warm-up, timeout $TIMEOUT;" \
        "the 2,000 queries of SearchBench; runs with TAIL_PERCENT in: $TAILS"
} | tee "$OUT.md"

if [ "$PUBLISH" = 1 ]; then
    log "registering a participant who publishes a comment every second"
    PASSWORD='a benchmark of many quiet voices'
    curl -fsS -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"email\":\"bench-live@example.org\",\"password\":\"$PASSWORD\",\"displayName\":\"Live Participant\"}" \
        "$BASE/api/v1/accounts"
    VERIFICATION=
    for _ in $(seq 1 30); do
        VERIFICATION=$(curl -fsS "$BASE/api/v1/dev/mailbox?size=100" | python3 -c 'import json,re,sys
for mail in json.load(sys.stdin)["items"]:
    found = re.search(r"/verify-email\?token=([A-Za-z0-9_-]+)", mail["text"])
    if mail["to"] == "bench-live@example.org" and found:
        print(found.group(1)); break')
        [ -n "$VERIFICATION" ] && break
        sleep 1
    done
    [ -n "$VERIFICATION" ] || { echo "no verification mail for the participant" >&2; exit 1; }
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "{\"token\":\"$VERIFICATION\"}" \
        "$BASE/api/v1/accounts/verification"
    PARTICIPANT=$(curl -fsS -H 'Content-Type: application/json' \
        -d "{\"email\":\"bench-live@example.org\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/tokens" | json token)
    mapfile -t PARAGRAPHS <"$WORK/paragraphs.txt"
    LIVE=('States should protect critical infrastructure and hospitals from cyber attacks'
        'Les États doivent protéger les infrastructures critiques et les hôpitaux'
        'Los estados deben proteger las infraestructuras críticas y los hospitales'
        'Государства должны защищать критическую инфраструктуру и больницы'
        'يجب على الدول حماية البنية التحتية الحيوية والمستشفيات'
        '各国应当保护关键基础设施和医院免受网络攻击')
    : >"$WORK/results/published.txt"
    # one POST started every second, whatever the previous one takes (a steady arrival rate); each
    # appends its status and time in seconds to published.txt
    (
        n=0
        while :; do
            n=$((n + 1))
            curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 \
                -H "Authorization: Bearer $PARTICIPANT" -H 'Content-Type: application/json' \
                -d "{\"paragraphId\":\"${PARAGRAPHS[$((RANDOM % ${#PARAGRAPHS[@]}))]}\",\"body\":\"${LIVE[$((n % 6))]} (live comment $n)\"}" \
                "$BASE/api/v1/consultations/$SLUG/comments" >>"$WORK/results/published.txt" 2>/dev/null &
            sleep 1
        done
    ) &
    PUBLISHER=$!
fi

: >"$OUT.runs"
failures=0
for tail in $TAILS; do
    name="tail-$tail"
    out="$WORK/results/$name.txt"
    log "run $name: warming up for $WARMUP, then $DURATION (TAIL_PERCENT=$tail)"
    TAIL_PERCENT=$tail PROCESS_ID=$PROCESS_ID "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$TIMEOUT" \
        -s "$BENCH_DIR/search-queries.lua" "$BASE" >"$WORK/results/$name-warmup.txt" 2>&1
    echo "load $(cut -d' ' -f1-3 /proc/loadavg)" >"$out"
    TAIL_PERCENT=$tail PROCESS_ID=$PROCESS_ID "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" \
        --latency -s "$BENCH_DIR/search-queries.lua" "$BASE" >>"$out" 2>&1
    summary_line "$name" "$out" >&2
    non200=$(sed -n 's/^requests=[0-9]* non200=\([0-9]*\)$/\1/p' "$out")
    errors=$(sed -n 's/.*Socket errors: //p' "$out")
    if [ -z "$non200" ] || [ "$non200" != 0 ] || [ -n "$errors" ]; then
        failures=$((failures + 1))
    fi
    awk -v name="$name" -v tail="$tail" -v non200="${non200:-unknown}" -v errors="${errors:-none}" '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v
        }
        /^load/ { load = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "90%" { p90 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /^Requests\/sec:/ { rps = $2 }
        /^latency_us / { for (i = 2; i <= NF; i++) { split($i, kv, "="); us[kv[1]] = kv[2] / 1000 } }
        END {
            printf "| %d %% | %s | %.2f | %.2f | %.2f | %.2f | %.1f | %s | %s | %s |\n", tail, rps, p50, p90, us["p95"],
                p99, us["max"], non200, errors, load
        }' "$out" >>"$OUT.runs"
done
stop_publisher

{
    echo
    echo "| never-asked share | req/s | p50 (ms) | p90 (ms) | p95 (ms) | p99 (ms) | max (ms) | non-200 | socket errors | load before |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    cat "$OUT.runs"
    echo
    if [ "$PUBLISH" = 1 ]; then
        echo "- published meanwhile through the API (one a second, from the first warm-up to the end):" \
            "$(grep -c '^201 ' "$WORK/results/published.txt" || true) comments (201)," \
            "$(grep -vc '^201 ' "$WORK/results/published.txt" || true) refused or failed;" \
            "POST time median $(sort -g -k2 "$WORK/results/published.txt" | awk '{ t[NR] = $2 } END { if (NR) printf "%.0f", t[int((NR + 1) / 2)] * 1000; else print "n/a" }') ms," \
            "max $(sort -g -k2 "$WORK/results/published.txt" | tail -1 | awk '{ printf "%.0f", $2 * 1000 }') ms"
    else
        echo "- nothing published meanwhile (PUBLISH=0)"
    fi
    echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- raw wrk output: $WORK/results"
    if [ "$failures" != 0 ]; then
        echo
        echo "**ERRORS: $failures of the runs had non-200 answers or socket errors (timeouts count as" \
            "socket errors); their figures are not valid. See $WORK/results.**"
    fi
} | tee -a "$OUT.md"
if [ "$failures" != 0 ]; then
    echo "!!!!!!!! $failures run(s) with errors: see $WORK/results and $WORK/app.log !!!!!!!!" >&2
    exit 1
fi
