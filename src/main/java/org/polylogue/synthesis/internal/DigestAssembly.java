package org.polylogue.synthesis.internal;

import static org.polylogue.synthesis.internal.SynthesisEngine.DOCUMENT;
import static org.polylogue.synthesis.internal.SynthesisEngine.NEW;
import static org.polylogue.synthesis.internal.SynthesisEngine.NEW_THEME;
import static org.polylogue.synthesis.internal.SynthesisEngine.SYMBOLS;
import static org.polylogue.synthesis.internal.SynthesisEngine.SYMBOLS_THEME;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.Member;
import org.polylogue.synthesis.internal.SynthesisEngine.Split;

/**
 * The part of every synthesis run, full or incremental, that turns campaigns and placed distinct
 * inputs into the digest: themes, voices, consensus and contested points, paragraphs, members, notes.
 */
final class DigestAssembly {

    private DigestAssembly() {}

    /** Where a distinct input goes: a theme of the model (index), {@link SynthesisEngine#SYMBOLS} or {@link SynthesisEngine#NEW}. */
    record Placement(int theme, double closeness) {}

    record Assembled(Digest digest, List<Member> members, float[] closeness) {}

    /** Themes, voices, consensus, paragraphs, members and notes from campaigns and placed distinct inputs. */
    static Assembled assemble(String consultationId, Split split, List<int[]> groups, List<Digest.Campaign> campaigns,
            List<Integer> representatives, List<Integer> distinct, Placement[] placements, ThemeModel model,
            Map<String, Integer> paragraphNumbers, Instant now, Digest.Run run, boolean snippets) {
        List<Input> texts = split.texts();
        List<Input> stances = split.stances();
        List<String> notes = new ArrayList<>();
        int[] campaignOf = new int[texts.size()];
        Arrays.fill(campaignOf, -1);
        for (int c = 0; c < groups.size(); c++) {
            for (int m : groups.get(c)) {
                campaignOf[m] = c;
            }
        }
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
        Map<Integer, ThemeDraft> byIndex = new LinkedHashMap<>();
        for (int t = 0; t < model.themeCount(); t++) {
            byIndex.put(t, new ThemeDraft(t, model.terms(t)));
        }
        int wordless = 0;
        for (int j = 0; j < distinct.size(); j++) {
            Placement placement = placements[j];
            wordless += placement.theme() == SYMBOLS ? 1 : 0;
            byIndex.computeIfAbsent(placement.theme(), t -> new ThemeDraft(t, List.of()))
                    .add(distinct.get(j), placement.closeness());
        }
        List<ThemeDraft> drafts = new ArrayList<>(byIndex.values());
        drafts.removeIf(d -> d.distinct.isEmpty());
        for (ThemeDraft draft : drafts) {
            for (int d : draft.distinct) {
                draft.signatories += campaignOf[d] >= 0 ? groups.get(campaignOf[d]).length : 1;
            }
        }
        drafts.sort((a, b) -> Integer.compare(b.signatories, a.signatories));
        int number = 1;
        for (ThemeDraft draft : drafts) {
            if (draft.index >= 0 && model.id(draft.index) == null) {
                model.id(draft.index, "t" + number++);
            }
        }
        for (int t = 0; t < model.themeCount(); t++) {
            if (model.id(t) == null) {
                model.id(t, "t" + number++);
            }
        }
        Map<Integer, String> themeOfDistinct = new HashMap<>();
        List<Digest.Theme> themeViews = new ArrayList<>();
        List<Digest.Point> points = new ArrayList<>();
        for (ThemeDraft draft : drafts) {
            String id = draft.index == SYMBOLS ? SYMBOLS_THEME : draft.index == NEW ? NEW_THEME : model.id(draft.index);
            String label = draft.index == SYMBOLS ? "Inputs without words (emoji or symbols only)"
                    : draft.index == NEW ? "New inputs not close to any theme (until the next full analysis)"
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
            Set<String> groupsRaising = new HashSet<>();
            for (Voice voice : about) {
                inputs += voice.inputs;
                voice.groups.stream().filter(g -> !Input.UNKNOWN_GROUP.equals(g)).forEach(groupsRaising::add);
            }
            // an organisation once per paragraph, with its latest stance (as on the paragraph's point)
            int support = 0;
            int against = 0;
            int change = 0;
            List<Bridging.Merged> merged = Bridging.merged(about);
            for (Bridging.Merged voice : merged) {
                support += voice.stance() == Input.Stance.SUPPORT ? 1 : 0;
                against += voice.stance() == Input.Stance.AGAINST ? 1 : 0;
                change += voice.stance() == Input.Stance.CHANGE ? 1 : 0;
            }
            heat.add(new Digest.ParagraphHeat(paragraph.getKey(), paragraph.getValue(), inputs, merged.size(), support,
                    against, change, groupsRaising.size()));
            if (!about.isEmpty()) {
                points.add(Bridging.point("paragraph", paragraph.getKey(), "Paragraph " + paragraph.getValue(), about,
                        groupVoices));
            }
        }
        // amendments: each one a point of its own, for it or against it (competing amendments on one
        // paragraph are told apart); the paragraph keeps its point
        Map<String, Input> amendmentInputs = new LinkedHashMap<>();
        for (Input input : texts) {
            if (AmendmentInputs.KIND.equals(input.kind())) {
                amendmentInputs.put(input.id(), input);
            }
        }
        for (Input input : stances) {
            if (AmendmentInputs.KIND.equals(input.kind())) {
                amendmentInputs.put(input.id(), input);
            }
        }
        Map<String, List<Voice>> onAmendment = new LinkedHashMap<>();
        for (Voice voice : voices) {
            for (String amendment : voice.amendments.keySet()) {
                onAmendment.computeIfAbsent(amendment, a -> new ArrayList<>()).add(voice.on(amendment));
            }
        }
        for (var amendment : onAmendment.entrySet()) {
            points.add(Bridging.point("amendment", amendment.getKey(),
                    amendmentLabel(amendmentInputs.get(amendment.getKey()), paragraphNumbers), amendment.getValue(),
                    groupVoices));
        }
        // the whole document: ledger stances on the consultation, turns and comments tied to no paragraph
        List<Voice> onDocument = voices.stream().filter(v -> v.paragraphs.contains(DOCUMENT)).toList();
        if (!onDocument.isEmpty()) {
            points.add(Bridging.point(DOCUMENT, DOCUMENT, "The whole document", onDocument, groupVoices));
        }
        List<Digest.Point> consensus = points.stream().filter(Bridging::isConsensus)
                .sorted((a, b) -> Double.compare(b.score() * raising(b), a.score() * raising(a))).limit(10).toList();
        List<Digest.Point> contested = points.stream().filter(Bridging::isContested).limit(10).toList();

        // members, for the theme and campaign pages
        List<Member> members = new ArrayList<>(texts.size());
        String[] themeOfInput = new String[texts.size()];
        float[] closeness = new float[texts.size()];
        for (int j = 0; j < distinct.size(); j++) {
            int d = distinct.get(j);
            closeness[d] = (float) placements[j].closeness();
            int c = campaignOf[d];
            for (int m : c >= 0 ? groups.get(c) : new int[] {d}) {
                themeOfInput[m] = themeOfDistinct.get(d);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            Input input = texts.get(i);
            members.add(new Member(input.kind(), input.id(), themeOfInput[i],
                    campaignOf[i] >= 0 ? campaigns.get(campaignOf[i]).id() : null,
                    snippets ? Labels.excerpt(input.text(), 200) : null, input.organizationName(), input.at()));
        }

        Set<String> organisations = new HashSet<>();
        Set<String> stakeholderGroups = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (Input input : texts) {
            if (input.organizationId() != null || input.organizationName() != null) {
                organisations.add(input.organizationId() != null ? input.organizationId() : "name:" + input.organizationName());
            }
            if (input.group() != null && !Input.UNKNOWN_GROUP.equals(input.group())) {
                // unidentified transcript speakers are no stakeholder group: listed, never counted
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
        if (wordless > 0) {
            notes.add(wordless + (wordless == 1 ? " input has" : " inputs have")
                    + " no words (only emoji or symbols); they are listed together rather than by topic.");
        }
        if (stakeholderGroups.size() < 2 && !texts.isEmpty()) {
            notes.add("Fewer than two stakeholder groups took part, so no point can show agreement across groups yet.");
        }
        var digest = new Digest(consultationId, now, texts.size(), distinct.size(), organisations.size(),
                stakeholderGroups.size(), countries.size(), campaigns, themeViews, consensus, contested, heat, notes, run);
        return new Assembled(digest, members, closeness);
    }

    /** "Amendment to paragraph 3 by Civil Voice" (the proposer, when an organisation). */
    private static String amendmentLabel(Input amendment, Map<String, Integer> paragraphNumbers) {
        if (amendment == null) {
            return "Amendment";
        }
        Integer number = amendment.paragraphId() == null ? null : paragraphNumbers.get(amendment.paragraphId());
        String label = "Amendment to " + (number != null ? "paragraph " + number
                : amendment.paragraphId() == null ? "the document" : "an earlier paragraph");
        return amendment.organizationName() == null ? label : label + " by " + amendment.organizationName();
    }

    private static long raising(Digest.Point point) {
        return point.groups().stream().filter(g -> g.raised() > 0 && !Input.UNKNOWN_GROUP.equals(g.group())).count();
    }

    private static final class ThemeDraft {
        final int index;
        final List<String> terms;
        final List<Integer> distinct = new ArrayList<>();
        final Map<Integer, Double> closeness = new HashMap<>();
        int signatories;

        ThemeDraft(int index, List<String> terms) {
            this.index = index;
            this.terms = terms;
        }

        void add(int d, double close) {
            distinct.add(d);
            closeness.put(d, close);
        }
    }
}
