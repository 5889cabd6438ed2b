package org.polylogue.transcript.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.MeetingView;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.transcript.SpeakerEntry.Suggestion;
import org.springframework.stereotype.Component;

/**
 * Suggests who a speaker label stands for: organisations whose name shares the label's significant
 * words ("KENYA" → "Ministry of Foreign Affairs of Kenya"), their members whose public name matches the
 * name the moderator called, and the meeting's registered participants whose names match.
 */
@Component
public class SpeakerSuggestions {

    private static final Set<String> GENERIC = Set.of("of", "the", "for", "and", "on", "in", "ministry", "foreign",
            "affairs", "delegation", "delegate", "permanent", "mission", "representative", "ambassador", "excellency",
            "speaker", "dr", "ms", "mr", "mrs", "prof", "professor", "h.e", "he", "de", "la", "le", "el");
    private static final double THRESHOLD = 0.5;
    private static final int MAX = 6;

    private final Organizations organizations;
    private final Accounts accounts;
    private final RegisteredParticipantsHook participants;

    SpeakerSuggestions(Organizations organizations, Accounts accounts, RegisteredParticipantsHook participants) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.participants = participants;
    }

    public List<Suggestion> suggest(MeetingView meeting, String label, List<String> introducedAs) {
        List<String> names = new ArrayList<>();
        names.add(label);
        names.addAll(introducedAs);
        Map<String, OrganizationView> found = new LinkedHashMap<>();
        for (String name : names) {
            for (String word : significant(name)) {
                if (word.length() >= 3) {
                    organizations.search(word, 10).forEach(o -> found.putIfAbsent(o.id(), o));
                }
            }
        }
        Map<String, Suggestion> suggestions = new LinkedHashMap<>();
        List<OrganizationView> ranked = found.values().stream()
                .filter(o -> best(names, o.name()) >= THRESHOLD)
                .sorted(Comparator.comparingDouble((OrganizationView o) -> -best(names, o.name()))).limit(3).toList();
        for (OrganizationView o : ranked) {
            double score = best(names, o.name());
            suggestions.put("org:" + o.id(), new Suggestion(null, null, o.id(), o.name(),
                    "name similar to the label", score));
            for (var member : organizations.members(o.id())) {
                double personScore = best(names, member.displayName());
                if (personScore >= THRESHOLD) {
                    suggestions.put(member.accountId() + ":" + o.id(), new Suggestion(member.accountId(),
                            member.displayName(), o.id(), o.name(), "a person of " + o.name() + " with a similar name",
                            score + personScore));
                }
            }
        }
        var registered = participants.of(meeting);
        if (!registered.isEmpty()) {
            var publicNames = accounts.publicNames(registered.stream().map(RegisteredParticipantsHook.Participant::accountId)
                    .filter(java.util.Objects::nonNull).toList());
            var organizationsOf = organizations.find(registered.stream()
                    .map(RegisteredParticipantsHook.Participant::organizationId).filter(java.util.Objects::nonNull).toList());
            for (var participant : registered) {
                String person = participant.accountId() == null ? null : publicNames.get(participant.accountId());
                var organization = participant.organizationId() == null ? null
                        : organizationsOf.get(participant.organizationId());
                double score = Math.max(person == null ? 0 : best(names, person),
                        organization == null ? 0 : best(names, organization.name()));
                if (score >= THRESHOLD) {
                    suggestions.put("registered:" + participant.accountId() + ":" + participant.organizationId(),
                            new Suggestion(participant.accountId(), person, organization == null ? null
                                    : organization.id(), organization == null ? null : organization.name(),
                                    "registered participant", score + 1));
                }
            }
        }
        return suggestions.values().stream().sorted(Comparator.comparingDouble(s -> -s.score())).limit(MAX).toList();
    }

    /** The best similarity of any of the names to {@code candidate}. */
    static double best(List<String> names, String candidate) {
        return names.stream().mapToDouble(n -> similarity(n, candidate)).max().orElse(0);
    }

    /**
     * How alike two names are, from 0 to 1: the share of the shorter name's significant words found in
     * the other (so "KENYA" and "Ministry of Foreign Affairs of Kenya" are alike).
     */
    static double similarity(String a, String b) {
        Set<String> left = significant(a);
        Set<String> right = significant(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        long shared = left.stream().filter(right::contains).count();
        return (double) shared / Math.min(left.size(), right.size());
    }

    static Set<String> significant(String name) {
        Set<String> words = new LinkedHashSet<>();
        if (name == null) {
            return words;
        }
        for (String word : TranscriptText.normalize(name).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}.]+")) {
            String w = word.replaceAll("^\\.+|\\.+$", "");
            if (!w.isEmpty() && !GENERIC.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }
}
