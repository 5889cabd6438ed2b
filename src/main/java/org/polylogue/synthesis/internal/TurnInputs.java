package org.polylogue.synthesis.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.polylogue.meeting.MeetingDocument;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.synthesis.Input;
import org.polylogue.transcript.TranscriptView;
import org.polylogue.transcript.Transcripts;
import org.polylogue.transcript.TurnView;
import org.springframework.stereotype.Component;

/**
 * Transcript turns as inputs (kind "turn"), from the meetings that concern a consultation:
 *
 * <ol>
 *   <li>a meeting of the consultation's process with a document linking a consultation page
 *       ({@code .../consultations/<slug>}) concerns the consultations it links, and only those;
 *   <li>a meeting linking none concerns the consultation when it is the process's only consultation,
 *       or when the meeting started while the consultation was open.
 * </ol>
 *
 * A turn counts with its speaker's organisation (and stakeholder group) where the secretariat linked
 * the speaker label to one; a speaker linked to a person only counts as an individual; an unlinked
 * speaker counts in the group {@link Input#UNKNOWN_GROUP}, never towards consensus. Procedural turns
 * are left out: the chair's (and moderator's, facilitator's) turns, and turns with fewer than
 * {@value #MIN_WORDS} words once courtesies ("thank you, Chair", "I give the floor to ...") are taken
 * out.
 */
@Component
class TurnInputs {

    static final String KIND = "turn";
    static final int MIN_WORDS = 12;

    private static final Pattern CHAIR = Pattern.compile(
            "^(the )?(co-?|vice-?)?(chair|chairperson|chairman|chairwoman|president|moderator|facilitator)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern COURTESY = Pattern.compile("(?i)\\b(thank you( (very|so) much)?|thanks( a lot)?|"
            + "(mr\\.?|madam|madame|dear) (chair|chairperson|president|moderator)|chair|excellenc(y|ies)|"
            + "colleagues|distinguished delegates|ladies and gentlemen|good (morning|afternoon|evening)|"
            + "(i )?(now )?(give|pass|hand|turn) (you )?(the floor|over)( to)?|the floor is (now )?yours|"
            + "over to you|you have the floor|next speaker|if i may|please|sorry( to interrupt)?|"
            + "of course|welcome( back)?( everyone)?)\\b|\\([^)]*\\)");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");

    private final Meetings meetings;
    private final Transcripts transcripts;
    private final Consultations consultations;
    private final Organizations organizations;

    TurnInputs(Meetings meetings, Transcripts transcripts, Consultations consultations, Organizations organizations) {
        this.meetings = meetings;
        this.transcripts = transcripts;
        this.consultations = consultations;
        this.organizations = organizations;
    }

    /** The meetings of the consultation's process that concern it (see the class comment), oldest first. */
    List<MeetingView> concerning(ConsultationView consultation) {
        if (consultation.processId() == null) {
            return List.of();
        }
        List<ConsultationView> ofProcess = consultations.ofProcess(consultation.processId());
        List<MeetingView> result = new ArrayList<>();
        for (MeetingView meeting : meetings.ofProcess(consultation.processId())) {
            List<MeetingDocument> documents = meetings.documents(meeting.id());
            boolean linksAny = ofProcess.stream().anyMatch(c -> links(documents, c.slug()));
            boolean concerns = linksAny ? links(documents, consultation.slug())
                    : ofProcess.size() <= 1 || heldWhileOpen(meeting, consultation);
            if (concerns) {
                result.add(meeting);
            }
        }
        return result;
    }

    List<Input> read(ConsultationView consultation) {
        List<TurnView> turns = new ArrayList<>();
        List<MeetingView> meetingOf = new ArrayList<>();
        for (MeetingView meeting : concerning(consultation)) {
            TranscriptView transcript = transcripts.find(meeting).orElse(null);
            if (transcript == null) {
                continue;
            }
            for (TurnView turn : transcript.turns()) {
                if (!procedural(turn)) {
                    turns.add(turn);
                    meetingOf.add(meeting);
                }
            }
        }
        Set<String> ids = new HashSet<>();
        turns.forEach(t -> {
            if (t.organizationId() != null) {
                ids.add(t.organizationId());
            }
        });
        Map<String, OrganizationView> orgs = organizations.find(ids);
        List<Input> inputs = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            TurnView turn = turns.get(i);
            OrganizationView org = turn.organizationId() == null ? null : orgs.get(turn.organizationId());
            String group = org != null ? org.type().name() : turn.accountId() != null ? null : Input.UNKNOWN_GROUP;
            inputs.add(new Input(KIND, turn.id(), turn.text(), null, org == null ? null : org.id(),
                    org == null ? null : org.name(), group, org == null ? null : InputReader.region(org.country()),
                    org == null ? null : org.country(), meetingOf.get(i).startsAt().plusSeconds(turn.number()), null));
        }
        return inputs;
    }

    /** A chair's turn, or one with fewer than {@value #MIN_WORDS} words besides courtesies. */
    static boolean procedural(TurnView turn) {
        if (turn.speaker() != null && CHAIR.matcher(turn.speaker().strip()).matches()) {
            return true;
        }
        return substantiveWords(turn.text()) < MIN_WORDS;
    }

    static int substantiveWords(String text) {
        if (text == null) {
            return 0;
        }
        String rest = COURTESY.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        int words = 0;
        var matcher = WORD.matcher(rest);
        while (matcher.find()) {
            words++;
        }
        return words;
    }

    /** Whether a document links the consultation's page: {@code /consultations/<slug>} then an end. */
    static boolean links(List<MeetingDocument> documents, String slug) {
        String path = "/consultations/" + slug;
        for (MeetingDocument document : documents) {
            String url = document.url() == null ? "" : document.url();
            for (int at = url.indexOf(path); at >= 0; at = url.indexOf(path, at + 1)) {
                int end = at + path.length();
                if (end == url.length() || "/?#".indexOf(url.charAt(end)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean heldWhileOpen(MeetingView meeting, ConsultationView consultation) {
        return consultation.opensAt() != null && consultation.closesAt() != null
                && !meeting.startsAt().isBefore(consultation.opensAt()) && meeting.startsAt().isBefore(consultation.closesAt());
    }
}
