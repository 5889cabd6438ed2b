package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.Member;

/**
 * The whole computation, without the database: inputs in, digest and members out. Signatures
 * already known (same text hash) are reused, so a re-run after a few new inputs hashes only those.
 */
public final class SynthesisEngine {

    public static final int SIGNATURE_SIZE = 128;
    static final int BANDS = 32;
    static final int SHINGLE = 3;
    static final long SEED = 20261130L;
    static final String SYMBOLS_THEME = "t-symbols";

    /** Where the computation is, for the progress bar. */
    public interface Progress {
        void at(int percent, String message);

        Progress NONE = (percent, message) -> { };
    }

    /** A stored signature with the hash of the text it was computed from. */
    public record Known(long textHash, long[] signature) {}

    /** The digest, the member lists, and the signatures computed in this run (by input key). */
    public record Outcome(Digest digest, List<Member> members, Map<String, Known> computed) {}

    private final SynthesisSettings settings;
    private final MinHash minHash = new MinHash(SIGNATURE_SIZE, SHINGLE, SEED);

    public SynthesisEngine(SynthesisSettings settings) {
        this.settings = settings;
    }

    public MinHash minHash() {
        return minHash;
    }

    public static long textHash(String text) {
        return MinHash.hash(text);
    }

    /** Signatures of all texts (computing only those not known), in input order. */
    public List<long[]> signatures(List<Input> texts, Map<String, Known> known, Map<String, Known> computed,
            Progress progress) {
        long[][] signatures = new long[texts.size()][];
        AtomicInteger done = new AtomicInteger();
        Map<String, Known> fresh = new java.util.concurrent.ConcurrentHashMap<>();
        IntStream.range(0, texts.size()).parallel().forEach(i -> {
            Input input = texts.get(i);
            long hash = textHash(input.text());
            Known k = known.get(input.key());
            if (k != null && k.textHash() == hash && k.signature().length == SIGNATURE_SIZE) {
                signatures[i] = k.signature();
            } else {
                signatures[i] = minHash.signature(input.text());
                fresh.put(input.key(), new Known(hash, signatures[i]));
            }
            int count = done.incrementAndGet();
            if (count % 5_000 == 0) {
                progress.at(10 + (int) (40L * count / texts.size()), "Comparing texts: " + count + " of " + texts.size());
            }
        });
        computed.putAll(fresh);
        return Arrays.asList(signatures);
    }

    /** Groups of near-duplicates (indexes into {@code signatures}), largest first. */
    public List<int[]> campaigns(List<long[]> signatures) {
        var grouping = new LshGrouping(SIGNATURE_SIZE, BANDS, settings.campaignThreshold);
        grouping.addAll(signatures);
        return grouping.groups(Math.max(2, settings.campaignMinimum));
    }

    public Outcome run(String consultationId, List<Input> all, Map<String, Known> known,
            Map<String, Integer> paragraphNumbers, Progress progress, Instant now) {
        List<Input> texts = new ArrayList<>();
        List<Input> stances = new ArrayList<>();
        for (Input input : all) {
            if (input.text() != null && !input.text().isBlank()) {
                texts.add(input);
            } else if (input.stance() != null) {
                stances.add(input);
            }
        }
        texts.sort(java.util.Comparator.comparing(Input::at, java.util.Comparator.nullsFirst(
                java.util.Comparator.naturalOrder())).thenComparing(Input::key));
        List<String> notes = new ArrayList<>();
        progress.at(10, "Comparing " + texts.size() + " texts");
        Map<String, Known> computed = new HashMap<>();
        List<long[]> signatures = signatures(texts, known, computed, progress);
        progress.at(50, "Finding campaigns");
        List<int[]> groups = campaigns(signatures);
        int[] campaignOf = new int[texts.size()];
        Arrays.fill(campaignOf, -1);
        List<Digest.Campaign> campaigns = new ArrayList<>();
        List<Integer> representatives = new ArrayList<>();
        for (int c = 0; c < groups.size(); c++) {
            int[] members = groups.get(c);
            for (int m : members) {
                campaignOf[m] = c;
            }
            int rep = CampaignAnalysis.representative(members, signatures);
            representatives.add(rep);
            campaigns.add(CampaignAnalysis.describe("c-" + texts.get(members[0]).id(), members, rep, texts));
        }
        progress.at(60, "Finding themes");
        // distinct inputs: one per campaign, and every input in none
        List<Integer> distinct = new ArrayList<>(representatives);
        for (int i = 0; i < texts.size(); i++) {
            if (campaignOf[i] < 0) {
                distinct.add(i);
            }
        }
        List<Integer> worded = new ArrayList<>();
        List<Integer> wordless = new ArrayList<>();
        for (int d : distinct) {
            (texts.get(d).text().codePoints().anyMatch(Character::isLetterOrDigit) ? worded : wordless).add(d);
        }
        var clustering = new ThemeClustering(settings.maxThemes, SEED);
        var themes = clustering.cluster(worded.stream().map(i -> texts.get(i).text()).toList());
        progress.at(90, "Weighing agreement across stakeholder groups");

        // voices: a unique input, a campaign (with the groups of all its members), a stance on a paragraph
        List<Voice> voices = new ArrayList<>();
        Map<Integer, Voice> voiceOfDistinct = new HashMap<>();
        for (int d : distinct) {
            Voice voice = new Voice();
            int c = campaignOf[d];
            if (c >= 0) {
                for (int m : groups.get(c)) {
                    voice.add(texts.get(m));
                }
            } else {
                voice.add(texts.get(d));
            }
            voices.add(voice);
            voiceOfDistinct.put(d, voice);
        }
        for (Input stance : stances) {
            Voice voice = new Voice();
            voice.add(stance);
            voices.add(voice);
        }
        Map<String, Integer> groupVoices = new LinkedHashMap<>();
        for (Voice voice : voices) {
            voice.groups.forEach(g -> groupVoices.merge(g, 1, Integer::sum));
        }

        // themes, largest (by signatories) first
        List<ThemeDraft> drafts = new ArrayList<>();
        for (int t = 0; t < themes.count(); t++) {
            drafts.add(new ThemeDraft(themes.labels().get(t)));
        }
        for (int j = 0; j < worded.size(); j++) {
            drafts.get(themes.assignment()[j]).add(worded.get(j), themes.closeness()[j][themes.assignment()[j]]);
        }
        if (!wordless.isEmpty()) {
            var symbols = new ThemeDraft(List.of());
            symbols.symbols = true;
            wordless.forEach(d -> symbols.add(d, 0));
            drafts.add(symbols);
        }
        drafts.removeIf(d -> d.distinct.isEmpty());
        for (ThemeDraft draft : drafts) {
            for (int d : draft.distinct) {
                draft.signatories += campaignOf[d] >= 0 ? groups.get(campaignOf[d]).length : 1;
            }
        }
        drafts.sort((a, b) -> Integer.compare(b.signatories, a.signatories));
        Map<Integer, String> themeOfDistinct = new HashMap<>();
        List<Digest.Theme> themeViews = new ArrayList<>();
        List<Digest.Point> points = new ArrayList<>();
        int number = 1;
        for (ThemeDraft draft : drafts) {
            String id = draft.symbols ? SYMBOLS_THEME : "t" + number++;
            String label = draft.symbols ? "Inputs without words (emoji or symbols only)"
                    : draft.terms.isEmpty() ? "Other inputs" : String.join(", ", draft.terms.subList(0,
                            Math.min(3, draft.terms.size())));
            Map<String, Integer> paragraphs = new HashMap<>();
            Map<String, Integer> groupCounts = new HashMap<>();
            Map<String, Integer> regions = new HashMap<>();
            List<String> campaignIds = new ArrayList<>();
            List<Voice> themeVoices = new ArrayList<>();
            for (int d : draft.distinct) {
                themeOfDistinct.put(d, id);
                themeVoices.add(voiceOfDistinct.get(d));
                int c = campaignOf[d];
                if (c >= 0) {
                    campaignIds.add(campaigns.get(c).id());
                }
                for (int m : c >= 0 ? groups.get(c) : new int[] {d}) {
                    Input input = texts.get(m);
                    paragraphs.merge(input.paragraphId() == null ? "document" : input.paragraphId(), 1, Integer::sum);
                    groupCounts.merge(Voice.group(input), 1, Integer::sum);
                    if (input.region() != null) {
                        regions.merge(input.region(), 1, Integer::sum);
                    }
                }
            }
            List<Integer> closest = new ArrayList<>(draft.distinct);
            closest.sort((a, b) -> Double.compare(draft.closeness.get(b), draft.closeness.get(a)));
            List<Digest.Excerpt> excerpts = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int d : closest) {
                Input input = texts.get(d);
                String excerpt = Labels.excerpt(input.text(), 280);
                if (seen.add(excerpt)) {
                    excerpts.add(new Digest.Excerpt(input.kind(), input.id(), excerpt));
                }
                if (excerpts.size() == 3) {
                    break;
                }
            }
            var point = Bridging.point("theme", id, label, themeVoices, groupVoices);
            themeViews.add(new Digest.Theme(id, label, draft.terms, draft.distinct.size(), draft.signatories, excerpts,
                    Labels.paragraphCounts(paragraphs, paragraphNumbers), Labels.groupCounts(groupCounts),
                    Labels.regionCounts(regions), campaignIds, point.score()));
            points.add(point);
        }
        for (int c = 0; c < campaigns.size(); c++) {
            var campaign = campaigns.get(c);
            campaigns.set(c, new Digest.Campaign(campaign.id(), campaign.size(), campaign.representativeKind(),
                    campaign.representativeId(), campaign.representative(), campaign.organisations(),
                    campaign.countries(), campaign.identical(), campaign.variations(), campaign.variationsOutOf(),
                    campaign.arrivals(), campaign.bursts(), themeOfDistinct.get(representatives.get(c))));
        }

        // paragraphs: volume, stance and bridging
        List<Digest.ParagraphHeat> heat = new ArrayList<>();
        List<Map.Entry<String, Integer>> ordered = new ArrayList<>(paragraphNumbers.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        for (var paragraph : ordered) {
            List<Voice> about = voices.stream().filter(v -> v.paragraphs.contains(paragraph.getKey())).toList();
            int inputs = 0;
            int support = 0;
            int against = 0;
            Set<String> groupsRaising = new HashSet<>();
            for (Voice voice : about) {
                inputs += voice.inputs;
                support += voice.stance == org.polylogue.synthesis.Input.Stance.SUPPORT ? 1 : 0;
                against += voice.stance == org.polylogue.synthesis.Input.Stance.AGAINST ? 1 : 0;
                groupsRaising.addAll(voice.groups);
            }
            heat.add(new Digest.ParagraphHeat(paragraph.getKey(), paragraph.getValue(), inputs, about.size(), support,
                    against, groupsRaising.size()));
            if (!about.isEmpty()) {
                points.add(Bridging.point("paragraph", paragraph.getKey(), "Paragraph " + paragraph.getValue(), about,
                        groupVoices));
            }
        }
        List<Digest.Point> consensus = points.stream().filter(Bridging::isConsensus)
                .sorted((a, b) -> Double.compare(b.score() * raising(b), a.score() * raising(a))).limit(10).toList();
        List<Digest.Point> contested = points.stream().filter(Bridging::isContested).limit(10).toList();

        // members, for the theme and campaign pages
        List<Member> members = new ArrayList<>(texts.size());
        Map<Integer, String> themeOfInput = new HashMap<>();
        for (var entry : themeOfDistinct.entrySet()) {
            int c = campaignOf[entry.getKey()];
            for (int m : c >= 0 ? groups.get(c) : new int[] {entry.getKey()}) {
                themeOfInput.put(m, entry.getValue());
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            Input input = texts.get(i);
            members.add(new Member(input.kind(), input.id(), themeOfInput.get(i),
                    campaignOf[i] >= 0 ? campaigns.get(campaignOf[i]).id() : null, Labels.excerpt(input.text(), 200),
                    input.organizationName(), input.at()));
        }

        Set<String> organisations = new HashSet<>();
        Set<String> stakeholderGroups = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (Input input : texts) {
            if (input.organizationId() != null || input.organizationName() != null) {
                organisations.add(input.organizationId() != null ? input.organizationId() : "name:" + input.organizationName());
            }
            if (input.group() != null) {
                stakeholderGroups.add(input.group());
            }
            if (input.country() != null) {
                countries.add(input.country());
            }
        }
        if (texts.isEmpty()) {
            notes.add("No comments or written submissions yet: there is nothing to summarise. The digest fills in as "
                    + "inputs arrive.");
        } else if (texts.size() == 1) {
            notes.add("Only one input so far: there is nothing to compare it with yet, so no campaigns and one theme.");
        } else if (distinct.size() == 1 && !campaigns.isEmpty()) {
            notes.add("Every input is (nearly) the same text: they form one campaign.");
        }
        if (!wordless.isEmpty()) {
            notes.add(wordless.size() + (wordless.size() == 1 ? " input has" : " inputs have")
                    + " no words (only emoji or symbols); they are listed together rather than by topic.");
        }
        if (stakeholderGroups.size() < 2 && !texts.isEmpty()) {
            notes.add("Fewer than two stakeholder groups took part, so no point can show agreement across groups yet.");
        }
        progress.at(98, "Saving the digest");
        var digest = new Digest(consultationId, now, texts.size(), distinct.size(), organisations.size(),
                stakeholderGroups.size(), countries.size(), campaigns, themeViews, consensus, contested, heat, notes);
        return new Outcome(digest, members, computed);
    }

    private static long raising(Digest.Point point) {
        return point.groups().stream().filter(g -> g.raised() > 0).count();
    }

    private static final class ThemeDraft {
        final List<String> terms;
        final List<Integer> distinct = new ArrayList<>();
        final Map<Integer, Double> closeness = new HashMap<>();
        int signatories;
        boolean symbols;

        ThemeDraft(List<String> terms) {
            this.terms = terms;
        }

        void add(int d, double close) {
            distinct.add(d);
            closeness.put(d, close);
        }
    }
}
