-- wrk script for search-http.sh: every request is GET /api/v1/search?q=... with one of a fixed list
-- of 2,000 queries, made in init exactly as SearchBench.queries makes them (bench/search/
-- SearchBench.java, new Random(7)): one to three content words of one of the six languages, each
-- word picked with probability ~1/rank. java.util.Random is reproduced below, so the list is the very
-- one SearchBench asks in process. Each request picks a query of the list at random (fixed seed).
--
-- TAIL_PERCENT (0 to 100, default 0): that share of requests also filter by the process
-- (&process=PROCESS_ID), a stakeholder group picked at random (&group=) and a random first day
-- between 2020-01-01 and 2025-12-31 (&from=): a combination hardly ever asked twice, so no cache
-- holds its answer. Counts the answers by status; done() prints `requests=N non200=N` (and the
-- first other statuses seen), then `latency_us p50= p90= p95= p99= max=` (microseconds).
--
-- Environment: TAIL_PERCENT, PROCESS_ID (needed when TAIL_PERCENT > 0), DUMP_QUERIES (a file: the
-- query list is written there, one per line, e.g. to compare it with SearchBench's).

local bit = require("bit")

-- SearchBench.WORDS (the language first, then its content words), copied in the same order
local WORDS = {
    {"en",
        "states", "protect", "critical", "infrastructure", "cyber", "attacks", "hospitals", "norms",
        "responsible", "behaviour", "capacity", "building", "vulnerabilities", "report", "incidents",
        "cooperation", "trust", "confidence", "measures", "international", "law", "applies", "cyberspace",
        "should", "support", "developing", "countries", "national", "strategies", "emergency", "response",
        "teams", "supply", "chain", "security", "privacy", "human", "rights", "online", "ransomware",
        "election", "integrity"},
    {"fr",
        "les", "états", "protègent", "infrastructures", "critiques", "attaques", "hôpitaux", "normes",
        "comportement", "responsable", "renforcement", "capacités", "vulnérabilités", "signaler", "incidents",
        "coopération", "confiance", "mesures", "droit", "international", "applique", "cyberespace", "doivent",
        "soutenir", "pays", "développement", "stratégies", "nationales", "équipes", "réponse", "urgence",
        "sécurité", "chaîne", "approvisionnement", "droits", "humains", "rançongiciels", "élections"},
    {"es",
        "los", "estados", "protegen", "infraestructuras", "críticas", "ataques", "hospitales", "normas",
        "comportamiento", "responsable", "fomento", "capacidades", "vulnerabilidades", "informar",
        "incidentes", "cooperación", "confianza", "medidas", "derecho", "internacional", "aplica",
        "ciberespacio", "deben", "apoyar", "países", "desarrollo", "estrategias", "nacionales", "equipos",
        "respuesta", "emergencia", "seguridad", "cadena", "suministro", "derechos", "humanos", "elecciones"},
    {"ru",
        "государства", "защищают", "критическую", "инфраструктуру", "атаки", "больницы", "нормы",
        "ответственного", "поведения", "наращивание", "потенциала", "уязвимости", "сообщать", "инцидентах",
        "сотрудничество", "доверие", "меры", "международное", "право", "применяется", "киберпространстве",
        "должны", "поддерживать", "развивающиеся", "страны", "национальные", "стратегии", "группы",
        "реагирования", "безопасность", "цепочки", "поставок", "права", "человека", "выборы"},
    {"ar",
        "الدول", "تحمي", "البنية", "التحتية", "الحيوية", "الهجمات", "المستشفيات", "المعايير", "السلوك",
        "المسؤول", "بناء", "القدرات", "الثغرات", "الإبلاغ", "الحوادث", "التعاون", "الثقة", "تدابير",
        "القانون", "الدولي", "ينطبق", "الفضاء", "السيبراني", "يجب", "دعم", "البلدان", "النامية",
        "الاستراتيجيات", "الوطنية", "فرق", "الاستجابة", "الطوارئ", "الأمن", "سلسلة", "الإمداد", "حقوق",
        "الإنسان"},
    {"zh",
        "各国", "保护", "关键", "基础设施", "网络", "攻击", "医院", "规范", "负责任", "行为", "能力", "建设", "漏洞", "报告", "事件", "合作",
        "信任", "措施", "国际法", "适用", "网络空间", "应当", "支持", "发展中国家", "国家", "战略", "应急", "响应", "小组", "安全", "供应链", "人权",
        "选举"}
}
local GROUPS = {"MEMBER_STATE", "INTERGOVERNMENTAL", "PRIVATE_SECTOR", "CIVIL_SOCIETY", "ACADEMIA",
    "TECHNICAL_COMMUNITY"}

-- java.util.Random: a 48-bit linear congruential generator, kept here as two 24-bit halves so that
-- every product stays exact in Lua's doubles
local TWO24, TWO31, TWO32, TWO53 = 2 ^ 24, 2 ^ 31, 2 ^ 32, 2 ^ 53
local MHI, MLO = 0x5DE, 0xECE66D -- the multiplier 0x5DEECE66D

local function java_random(seed) -- new Random(seed), for 0 <= seed < 2^24
    local hi, lo = MHI, bit.bxor(MLO, seed)
    local r = {}
    function r.next(bits) -- (int) (seed >>> (48 - bits)) after one step
        local p = lo * MLO + 0xB
        local carry = math.floor(p / TWO24)
        hi = (hi * MLO + lo * MHI + carry) % TWO24
        lo = p % TWO24
        local x = math.floor((hi * TWO24 + lo) / 2 ^ (48 - bits))
        if x >= TWO31 then
            x = x - TWO32
        end
        return x
    end
    function r.nextInt(bound)
        local v = r.next(31)
        local m = bound - 1
        if bit.band(bound, m) == 0 then
            return math.floor(bound * v / TWO31)
        end
        local u = v
        v = u % bound
        while u - v + m >= TWO31 do -- the int overflow of Java's loop
            u = r.next(31)
            v = u % bound
        end
        return v
    end
    function r.nextDouble()
        return (r.next(26) * 2 ^ 27 + r.next(27)) / TWO53
    end
    return r
end

-- SearchBench.zipf: rank r (from 0) with probability ~ 1/r
local function zipf(random, n)
    local u = random.nextDouble() * math.log(n + 1)
    return math.min(n - 1, math.floor(math.exp(u)) - 1)
end

-- SearchBench.queries(n, new Random(seed))
local function make_queries(n, seed)
    local random = java_random(seed)
    local list = {}
    for i = 1, n do
        local words = WORDS[random.nextInt(#WORDS) + 1]
        local length = 1 + random.nextInt(3)
        local query = {}
        for w = 1, length do
            -- Java's words[1 + zipf(...)], the language being words[0]
            query[w] = words[2 + zipf(random, #words - 1)]
        end
        list[i] = table.concat(query, " ")
    end
    return list
end

local function url_encode(text)
    return (text:gsub("[^%w%-%._~]", function(c)
        return string.format("%%%02X", string.byte(c))
    end))
end

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("thread_number", counter)
    threads[#threads + 1] = thread
end

function init(args)
    local queries = make_queries(2000, 7)
    local dump = os.getenv("DUMP_QUERIES")
    if dump and dump ~= "" and thread_number == 1 then
        local out = assert(io.open(dump, "w"))
        out:write(table.concat(queries, "\n"), "\n")
        out:close()
    end
    paths = {}
    for i, q in ipairs(queries) do
        paths[i] = "/api/v1/search?q=" .. url_encode(q)
    end
    tail_percent = tonumber(os.getenv("TAIL_PERCENT") or "0") or 0
    process = os.getenv("PROCESS_ID") or ""
    if tail_percent > 0 and process == "" then
        error("TAIL_PERCENT > 0 needs PROCESS_ID")
    end
    math.randomseed(42 + thread_number)
    ok = 0
    other = 0
    statuses = ""
end

local FIRST_DAY = 1577836800 -- 2020-01-01T00:00:00Z
local DAYS = 2191 -- up to 2025-12-31

function request()
    local path = paths[math.random(#paths)]
    if tail_percent > 0 and math.random(100) <= tail_percent then
        path = path .. "&process=" .. process .. "&group=" .. GROUPS[math.random(#GROUPS)]
            .. "&from=" .. os.date("!%Y-%m-%d", FIRST_DAY + 86400 * math.random(0, DAYS - 1))
    end
    return wrk.format("GET", path, {["Accept"] = "application/json"})
end

function response(status, headers, body)
    if status == 200 then
        ok = ok + 1
    else
        other = other + 1
        if #statuses < 200 then
            statuses = statuses .. status .. " "
        end
    end
end

function done(summary, latency, requests)
    local total_ok, total_other, seen = 0, 0, ""
    for _, thread in ipairs(threads) do
        total_ok = total_ok + thread:get("ok")
        total_other = total_other + thread:get("other")
        seen = seen .. thread:get("statuses")
    end
    io.write(string.format("requests=%d non200=%d\n", total_ok + total_other, total_other))
    if total_other > 0 then
        io.write("other statuses (first ones): " .. seen .. "\n")
    end
    io.write(string.format("latency_us p50=%d p90=%d p95=%d p99=%d max=%d\n", latency:percentile(50),
        latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
end
