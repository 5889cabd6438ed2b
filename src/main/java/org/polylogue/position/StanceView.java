package org.polylogue.position;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One stance of the ledger as pages, the API and the exports show it.
 *
 * @param current whether it is the actor's latest stance on the item (later ones supersede it)
 * @param recordedBy who put it in the ledger ({@link RecordedAs} code); {@code recordedByLabel} in words
 */
public record StanceView(String id, String processId, String processSlug, ActorRef actor, ItemRef item,
        Position position, String positionLabel, String summary, LocalDate date, Instant recordedAt,
        String recordedBy, String recordedByLabel, List<EvidenceView> evidence, boolean current) {

    /** Who took the stance: {@code kind} organization (with its groups) or person (their public name). */
    public record ActorRef(String kind, String id, String name, String stakeholderGroup, String regionalGroup,
            String country, boolean verified, String href) {

        @JsonIgnore
        public String key() {
            return kind + ":" + id;
        }

        @JsonIgnore
        public boolean organization() {
            return "organization".equals(kind);
        }
    }

    /** What it is about; {@code consultationId} for paragraphs, amendments and consultations. */
    public record ItemRef(String kind, String id, String consultationId, String label, String href) {

        @JsonIgnore
        public String key() {
            return kind + ":" + (consultationId == null ? "" : consultationId) + ":" + id;
        }
    }

    /** {@code href} is where it is read: a path of the platform, or the external https address. */
    public record EvidenceView(String kind, String id, String label, String href) {

        @JsonIgnore
        public boolean external() {
            return "link".equals(kind);
        }
    }

    @JsonIgnore
    public EvidenceView firstEvidence() {
        return evidence.isEmpty() ? null : evidence.getFirst();
    }
}
