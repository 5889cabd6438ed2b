import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.polylogue.search.SearchQuery;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;

/**
 * Search benchmark (run by bench/search/search-bench.sh): generates N short comments in the six
 * languages (content words with a 1/rank distribution mixed with function words), rebuilds the index from them through the search module's own rebuild code
 * (Reindexer, with language detection as for real comments), then runs 1- to 3-word queries with
 * facets from 16 threads and reports latency percentiles, rebuild throughput and index size per
 * comment beyond its text. In process: no HTTP, no JSON.
 */
public class SearchBench {

    static final String[][] WORDS = {
        {"en", "states", "protect", "critical", "infrastructure", "cyber", "attacks", "hospitals", "norms", "responsible",
            "behaviour", "capacity", "building", "vulnerabilities", "report", "incidents", "cooperation", "trust",
            "confidence", "measures", "international", "law", "applies", "cyberspace", "should", "support",
            "developing", "countries", "national", "strategies", "emergency", "response", "teams", "supply", "chain",
            "security", "privacy", "human", "rights", "online", "ransomware", "election", "integrity"},
        {"fr", "les", "états", "protègent", "infrastructures", "critiques", "attaques", "hôpitaux", "normes",
            "comportement", "responsable", "renforcement", "capacités", "vulnérabilités", "signaler", "incidents",
            "coopération", "confiance", "mesures", "droit", "international", "applique", "cyberespace", "doivent",
            "soutenir", "pays", "développement", "stratégies", "nationales", "équipes", "réponse", "urgence",
            "sécurité", "chaîne", "approvisionnement", "droits", "humains", "rançongiciels", "élections"},
        {"es", "los", "estados", "protegen", "infraestructuras", "críticas", "ataques", "hospitales", "normas",
            "comportamiento", "responsable", "fomento", "capacidades", "vulnerabilidades", "informar", "incidentes",
            "cooperación", "confianza", "medidas", "derecho", "internacional", "aplica", "ciberespacio", "deben",
            "apoyar", "países", "desarrollo", "estrategias", "nacionales", "equipos", "respuesta", "emergencia",
            "seguridad", "cadena", "suministro", "derechos", "humanos", "elecciones"},
        {"ru", "государства", "защищают", "критическую", "инфраструктуру", "атаки", "больницы", "нормы",
            "ответственного", "поведения", "наращивание", "потенциала", "уязвимости", "сообщать", "инцидентах",
            "сотрудничество", "доверие", "меры", "международное", "право", "применяется", "киберпространстве",
            "должны", "поддерживать", "развивающиеся", "страны", "национальные", "стратегии", "группы",
            "реагирования", "безопасность", "цепочки", "поставок", "права", "человека", "выборы"},
        {"ar", "الدول", "تحمي", "البنية", "التحتية", "الحيوية", "الهجمات", "المستشفيات", "المعايير", "السلوك",
            "المسؤول", "بناء", "القدرات", "الثغرات", "الإبلاغ", "الحوادث", "التعاون", "الثقة", "تدابير",
            "القانون", "الدولي", "ينطبق", "الفضاء", "السيبراني", "يجب", "دعم", "البلدان", "النامية", "الاستراتيجيات",
            "الوطنية", "فرق", "الاستجابة", "الطوارئ", "الأمن", "سلسلة", "الإمداد", "حقوق", "الإنسان"},
        {"zh", "各国", "保护", "关键", "基础设施", "网络", "攻击", "医院", "规范", "负责任", "行为", "能力",
            "建设", "漏洞", "报告", "事件", "合作", "信任", "措施", "国际法", "适用", "网络空间", "应当", "支持",
            "发展中国家", "国家", "战略", "应急", "响应", "小组", "安全", "供应链", "人权", "选举"}};
    /**
     * Function words per language, in the order of WORDS: real sentences are about four parts of
     * them in ten. Texts are mixed from both; queries use only the content words above.
     */
    static final String[][] FUNCTION_WORDS = {
        {"the", "of", "and", "to", "in", "that", "is", "for", "on", "with", "by", "their", "be", "are", "this"},
        {"de", "la", "et", "à", "le", "des", "en", "du", "que", "pour", "dans", "sur", "est", "par", "une"},
        {"de", "la", "que", "el", "en", "y", "a", "las", "del", "se", "por", "con", "para", "una", "es"},
        {"и", "в", "на", "с", "что", "по", "для", "не", "от", "к", "из", "о", "как", "это", "их"},
        {"في", "من", "على", "إلى", "أن", "عن", "مع", "هذا", "التي", "الذي", "و", "ذلك", "بين", "كل", "أو"},
        {"的", "和", "在", "是", "对", "与", "了", "为", "中", "等", "将", "以", "及", "其", "也"}};
    /** Whether clients add never-asked searches to the list's (see main). */
    static volatile boolean tail = System.getenv("TAIL_ALWAYS") != null;
    /** How many searches in a hundred are never-asked ones, when they are added (TAIL_PERCENT, default 10). */
    static final int TAIL_PERCENT = Integer.parseInt(System.getenv().getOrDefault("TAIL_PERCENT", "10"));

    /** Separates a query's words from its filters in the list of queries. */
    static final String FILTER = "\u0000";
    static final String[] GROUPS = {"MEMBER_STATE", "INTERGOVERNMENTAL", "PRIVATE_SECTOR", "CIVIL_SOCIETY", "ACADEMIA",
        "TECHNICAL_COMMUNITY"};
    static final String[] REGIONS = {"AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "LATIN_AMERICAN_AND_CARIBBEAN",
        "WESTERN_EUROPEAN_AND_OTHERS"};

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "target/search-bench");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int clients = 16;
        var source = new GeneratedComments(count);

        Class<?> indexClass = Class.forName("org.polylogue.search.internal.SearchIndex");
        Class<?> guessClass = Class.forName("org.polylogue.search.internal.LanguageGuess");
        Class<?> indexerClass = Class.forName("org.polylogue.search.internal.SearchIndexer");
        Class<?> reindexerClass = Class.forName("org.polylogue.search.internal.Reindexer");
        Class<?> searcherClass = Class.forName("org.polylogue.search.internal.Searcher");
        Class<?> queryTextClass = Class.forName("org.polylogue.search.internal.QueryText");
        Object index = construct(indexClass, dataDir.toString());
        Object indexer = construct(indexerClass, index, construct(guessClass), List.of(source));
        Object reindexer = construct(reindexerClass, index, indexer, java.time.Clock.systemUTC(),
                new org.springframework.boot.DefaultApplicationArguments());
        Object searcher = construct(searcherClass, index);

        boolean reuse = Files.exists(dataDir.resolve("search").resolve("CURRENT"))
                && (long) indexClass.getMethod("size").invoke(index) >= count;
        long textBytes = source.textBytes();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        long written = reuse ? count : (long) reindexerClass.getMethod("runNow").invoke(reindexer);
        if (reuse) {
            System.out.println("index of an earlier run reused (KEEP=1): the rebuild figures below are not measured");
        }
        double rebuildSeconds = (System.nanoTime() - started) / 1e9;
        double rebuildCpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        long indexBytes = size(dataDir.resolve("search"));
        System.out.printf("documents: %,d%n", written);
        System.out.printf("rebuild: %.1f s, %,.0f documents/s (language detection included)%n", rebuildSeconds,
                written / rebuildSeconds);
        System.out.printf("rebuild CPU: %.1f s of CPU for the whole process, %,.0f documents per CPU-second%n",
                rebuildCpu, written / rebuildCpu);
        System.out.printf("text: %,d bytes (UTF-8), %.0f bytes per comment%n", textBytes, (double) textBytes / count);
        System.out.printf("index: %,d bytes, %.0f bytes per comment, %.0f bytes per comment beyond its text%n",
                indexBytes, (double) indexBytes / count, (double) (indexBytes - textBytes) / count);

        var parse = queryTextClass.getMethod("parse", String.class);
        var search = searcherClass.getMethod("search", SearchQuery.class, org.apache.lucene.search.Query.class,
                String.class, boolean.class);
        var queries = queries(2_000, new Random(7));
        // as on a live platform, a new comment is published every second while the clients search,
        // and every tenth publication is an edit of an earlier comment (which changes its segment)
        var refresh = indexerClass.getMethod("refresh", String.class, String.class);
        var publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        var published = new java.util.concurrent.atomic.AtomicInteger();
        // stopped by a flag, not by interrupting: an interrupt during a write would close the index's files
        var live = Thread.ofPlatform().daemon(true).start(() -> {
            var random = new Random(3);
            int next = (int) Math.max(count, (long) invoke(indexClass, "size", index));
            try {
                for (int n = 1; publishing.get(); n++) {
                    Thread.sleep(1_000);
                    String id = Integer.toString(n % 10 == 0 ? random.nextInt(count) : next++);
                    refresh.invoke(indexer, "comment", id);
                    published.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        String publishingLabel = "a comment published every second";
        measure("engine alone (each search worked out in full; parsed queries and filter sets are kept), "
                + publishingLabel, clients, seconds, queries, parse,
                search, searcher, os);
        Object deployed = deployed(searcherClass, index);
        measure("as deployed, " + publishingLabel, clients, seconds, queries, parse, search, deployed, os);
        // the long tail: one search in ten narrowed by a process and a stakeholder group picked at
        // random (as after clicks on two facets), a combination hardly ever asked before
        tail = true;
        measure("as deployed, " + publishingLabel + ", one search in ten never asked before", clients, seconds, queries,
                parse, search, deployed, os);
        tail = System.getenv("TAIL_ALWAYS") != null;
        publishing.set(false);
        live.join();
        System.out.printf("published meanwhile: %,d comments (one a second; every tenth an edit)%n", published.get());
        measure("as deployed, nothing published meanwhile", clients, seconds, queries, parse, search, deployed, os);
        indexClass.getMethod("destroy").invoke(index);
    }

    static void measure(String label, int clients, int seconds, List<String> queries, java.lang.reflect.Method parse,
            java.lang.reflect.Method search, Object searcher, com.sun.management.OperatingSystemMXBean os)
            throws InterruptedException, ReflectiveOperationException {
        if (System.getenv("ONLY") != null && !label.contains(System.getenv("ONLY"))) {
            return;
        }
        // warm up: what a platform that has been running for a while holds (every query of the list
        // asked once, most frequent first), then 5 seconds of clients
        if (System.getenv("COLD") == null) {
            for (String q : new java.util.LinkedHashSet<>(queries)) {
                String[] parts = q.split(FILTER);
                Object parsed = parse.invoke(null, parts[0]);
                search.invoke(searcher, request(parts), parsed.getClass().getMethod("query").invoke(parsed), null,
                        false);
            }
        }
        runClients(clients, 5, queries, parse, search, searcher, new ConcurrentLinkedQueue<>());
        longest.set(0);
        var latencies = new ConcurrentLinkedQueue<long[]>();
        long cpuSearch = os.getProcessCpuTime();
        long total = runClients(clients, seconds, queries, parse, search, searcher, latencies);
        double searchCpu = (os.getProcessCpuTime() - cpuSearch) / 1e9;
        // latencies by microsecond, the last place holding everything from a second on
        long[] all = new long[LATENCY_SLOTS];
        latencies.forEach(mine -> Arrays.setAll(all, i -> all[i] + mine[i]));
        System.out.printf("search, %s: %d clients, %d s, %,d queries, %,.0f queries/s%n", label, clients, seconds,
                total, total / (double) seconds);
        System.out.printf("  CPU: %.1f s of CPU in %d s, %.2f ms of CPU per query%n", searchCpu, seconds,
                searchCpu * 1000 / total);
        System.out.printf("  latency ms: p50 %.3f, p95 %.3f, p99 %.3f, max %.1f%n", pct(all, 50), pct(all, 95),
                pct(all, 99), longest.getAndSet(0) / 1e6);
    }

    static long runClients(int clients, int seconds, List<String> queries, java.lang.reflect.Method parse,
            java.lang.reflect.Method search, Object searcher, ConcurrentLinkedQueue<long[]> latencies)
            throws InterruptedException {
        var done = new CountDownLatch(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] counts = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread.ofPlatform().start(() -> {
                var random = new Random(client);
                long[] mine = new long[LATENCY_SLOTS];
                long n = 0;
                long slowest = 0;
                try {
                    while (System.nanoTime() < end) {
                        String[] parts = queries.get(random.nextInt(queries.size())).split(FILTER);
                        if (tail && random.nextInt(100) < TAIL_PERCENT) {
                            parts = new String[] {parts[0], "process-" + random.nextInt(20),
                                GROUPS[random.nextInt(GROUPS.length)]};
                        }
                        String text = parts[0];
                        var request = request(parts);
                        long t0 = System.nanoTime();
                        Object parsed = parse.invoke(null, text);
                        var query = (org.apache.lucene.search.Query) parsed.getClass().getMethod("query").invoke(parsed);
                        search.invoke(searcher, request, query, null, false);
                        long took = System.nanoTime() - t0;
                        mine[(int) Math.min(LATENCY_SLOTS - 1, took / 1_000)]++;
                        slowest = Math.max(slowest, took);
                        n++;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                } finally {
                    counts[client] = n;
                    latencies.add(mine);
                    longest.accumulateAndGet(slowest, Math::max);
                    done.countDown();
                }
            });
        }
        done.await();
        return Arrays.stream(counts).sum();
    }

    /** The request of a line of the query list: words, then optionally a process and a group. */
    static SearchQuery request(String[] parts) {
        return parts.length == 1 ? SearchQuery.of(parts[0])
                : new SearchQuery(parts[0], null, parts[1], parts[2], null, null, null, null, null, null, 0, 20);
    }

    /** Latencies are counted by microsecond up to a second. */
    static final int LATENCY_SLOTS = 1_000_001;
    static final java.util.concurrent.atomic.AtomicLong longest = new java.util.concurrent.atomic.AtomicLong();

    /** The p-th percentile, in milliseconds, of latencies counted by microsecond (upper end of its slot). */
    static double pct(long[] bySlot, double p) {
        long total = Arrays.stream(bySlot).sum();
        long wanted = (long) Math.ceil(p / 100 * total);
        long seen = 0;
        for (int slot = 0; slot < bySlot.length; slot++) {
            seen += bySlot[slot];
            if (seen >= wanted) {
                return (slot + 1) / 1_000.0;
            }
        }
        return bySlot.length / 1_000.0;
    }

    /** One- to three-word queries in the six languages, words picked as the comments pick them. */
    static List<String> queries(int n, Random random) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] words = WORDS[random.nextInt(WORDS.length)];
            int length = 1 + random.nextInt(3);
            var query = new StringBuilder();
            for (int w = 0; w < length; w++) {
                query.append(w == 0 ? "" : " ").append(words[1 + zipf(random, words.length - 1)]);
            }
            queries.add(query.toString());
        }
        return queries;
    }

    static int zipf(Random random, int n) {
        // rank r with probability ~ 1/r
        double u = random.nextDouble() * Math.log(n + 1);
        return Math.min(n - 1, (int) Math.exp(u) - 1);
    }

    /** A searcher as the application makes it (the code before ADR 010 had no segment cache). */
    static Object deployed(Class<?> searcherClass, Object index) throws ReflectiveOperationException {
        try {
            // as configured by default: 32 MB of whole results, 128 MB of what was found per segment
            return construct(searcherClass, index, 32, 128);
        } catch (IllegalArgumentException olderVersion) {
            System.out.println("(this version keeps whole results only)");
            return construct(searcherClass, index, 1_000);
        }
    }

    static Object invoke(Class<?> type, String method, Object target) {
        try {
            return type.getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object construct(Class<?> type, Object... args) throws ReflectiveOperationException {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == args.length) {
                constructor.setAccessible(true);
                return constructor.newInstance(args);
            }
        }
        throw new IllegalArgumentException("No constructor of " + type + " with " + args.length + " arguments");
    }

    static long size(Path directory) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** N comments of 18 to 42 words in one of the six languages, generated the same way every run. */
    static class GeneratedComments implements SearchSource {

        final int count;

        GeneratedComments(int count) {
            this.count = count;
        }

        @Override
        public String kind() {
            return "comment";
        }

        @Override
        public Optional<SearchDocument> find(String id) {
            return Optional.of(comment(Integer.parseInt(id)));
        }

        @Override
        public void forEachDocument(Consumer<SearchDocument> sink) {
            for (int i = 0; i < count; i++) {
                sink.accept(comment(i));
            }
        }

        long textBytes() {
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                bytes += comment(i).text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            return bytes;
        }

        SearchDocument comment(int i) {
            var random = new Random(i * 31L + 17);
            String[] words = WORDS[i % WORDS.length];
            String[] function = FUNCTION_WORDS[i % WORDS.length];
            boolean chinese = words[0].equals("zh");
            int length = 18 + random.nextInt(25);
            var text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                if (w > 0 && !chinese) {
                    text.append(' ');
                }
                // about four function words for six content words, as in written sentences
                text.append(random.nextInt(10) < 4 ? function[random.nextInt(function.length)]
                        : words[1 + zipf(random, words.length - 1)]);
            }
            text.append(chinese ? "。" : ".");
            int org = random.nextInt(2_000);
            return new SearchDocument("comment", Integer.toString(i), "Comment on paragraph " + (1 + random.nextInt(150))
                    + " of consultation " + (i % 40), text.toString(), "/consultations/c" + (i % 40) + "/comments/" + i,
                    "process-" + (i % 20), "org-" + org, GROUPS[org % GROUPS.length], REGIONS[org % REGIONS.length],
                    null, Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 200L), Set.of());
        }
    }
}
