package org.polylogue.synthesis.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.process.ConsultationView;
import org.polylogue.synthesis.Member;
import org.polylogue.transcript.Transcripts;
import org.springframework.stereotype.Component;

/** Where each source of a theme or campaign is read, and its kind in words. */
@Component
public class SourceLinks {

    private final Transcripts transcripts;

    SourceLinks(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    /** Links by {@code kind:id}; sources that cannot be found (a turn of a replaced transcript) have none. */
    public Map<String, String> links(ConsultationView consultation, List<Member> members) {
        Map<String, String> links = new HashMap<>();
        String base = "/consultations/" + consultation.slug();
        for (Member member : members) {
            String key = member.kind() + ":" + member.id();
            switch (member.kind()) {
                case "comment" -> links.put(key, base + "/comments/" + member.id());
                case "submission" -> links.put(key, "/submissions/" + member.id());
                case AmendmentInputs.KIND -> links.put(key, base + "/amendments/" + member.id());
                case TurnInputs.KIND -> transcripts.findTurn(member.id()).ifPresent(t -> links.put(key, t.anchor()));
                default -> { }
            }
        }
        return links;
    }

    /** "Comment", "Written submission", "Amendment", "Transcript turn". */
    public static String label(String kind) {
        return switch (kind) {
            case "comment" -> "Comment";
            case "submission" -> "Written submission";
            case AmendmentInputs.KIND -> "Amendment";
            case TurnInputs.KIND -> "Transcript turn";
            default -> kind;
        };
    }
}
