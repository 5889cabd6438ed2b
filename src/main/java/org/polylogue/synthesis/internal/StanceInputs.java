package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polylogue.amendment.AmendmentView;
import org.polylogue.position.ItemKind;
import org.polylogue.position.Position;
import org.polylogue.position.Positions;
import org.polylogue.position.RecordedAs;
import org.polylogue.position.StanceView;
import org.polylogue.process.ConsultationView;
import org.polylogue.synthesis.Input;
import org.springframework.stereotype.Component;

/**
 * Current position-ledger stances on the consultation, its paragraphs and its (visible) amendments,
 * as stance inputs of kind "position":
 *
 * <ul>
 *   <li>on a paragraph or the consultation: supports and conditional support are {@code SUPPORT},
 *       opposes is {@code AGAINST}, wants an amendment is {@code CHANGE}; neutral is left out;
 *   <li>on an amendment: supporting it takes the amendment's own stance on its paragraph (as a
 *       support does), opposing it stands by the paragraph's current wording ({@code SUPPORT}),
 *       wanting it amended is {@code CHANGE}; neutral is left out.
 * </ul>
 *
 * Stances the ledger recorded by itself from a co-signature or an amendment support are left out:
 * those are read from their own source (statement signatures, {@link AmendmentInputs}) and would
 * otherwise count twice. The ledger keeps one current stance per actor and item; that the same
 * organisation is not counted
 * twice on a point (say, a paragraph stance and a support of an amendment to it) is {@link Bridging}'s
 * work.
 */
@Component
class StanceInputs {

    static final String KIND = "position";

    /** Stances the ledger copies from events whose sources synthesis reads itself. */
    static final java.util.Set<String> MIRRORED = java.util.Set.of(RecordedAs.CO_SIGNATURE.code(),
            RecordedAs.AMENDMENT_SUPPORT.code());

    private final Positions positions;

    StanceInputs(Positions positions) {
        this.positions = positions;
    }

    List<Input> read(ConsultationView consultation, Map<String, AmendmentView> visibleAmendments) {
        if (consultation.processSlug() == null) {
            return List.of();
        }
        List<StanceView> ledger = positions.ledger(consultation.processSlug()).orElse(List.of());
        List<Input> inputs = new ArrayList<>();
        for (StanceView stance : ledger) {
            if (!stance.current() || !consultation.id().equals(stance.item().consultationId())
                    || MIRRORED.contains(stance.recordedBy())) {
                continue;
            }
            ItemKind kind = ItemKind.parse(stance.item().kind());
            String paragraphId;
            Input.Stance mapped;
            String amendmentId = null;
            Input.Stance aboutAmendment = null;
            if (kind == ItemKind.PARAGRAPH || kind == ItemKind.CONSULTATION) {
                paragraphId = kind == ItemKind.PARAGRAPH ? stance.item().id() : null;
                mapped = onWording(stance.position());
            } else if (kind == ItemKind.AMENDMENT) {
                AmendmentView amendment = visibleAmendments.get(stance.item().id());
                if (amendment == null) {
                    continue;
                }
                paragraphId = amendment.paragraphId();
                mapped = onAmendment(stance.position(), AmendmentInputs.stance(amendment.kind()));
                amendmentId = amendment.id();
                aboutAmendment = ofAmendment(stance.position());
            } else {
                continue;
            }
            if (mapped == null) {
                continue;
            }
            var actor = stance.actor();
            boolean organization = actor.organization();
            inputs.add(new Input(KIND, stance.id(), null, paragraphId, organization ? actor.id() : null,
                    organization ? actor.name() : null, organization ? actor.stakeholderGroup() : null,
                    organization ? InputReader.region(actor.country()) : null, organization ? actor.country() : null,
                    at(stance), mapped, amendmentId, aboutAmendment));
        }
        return inputs;
    }

    static Input.Stance onWording(Position position) {
        return switch (position) {
            case SUPPORTS, CONDITIONAL -> Input.Stance.SUPPORT;
            case OPPOSES -> Input.Stance.AGAINST;
            case WANTS_AMENDMENT -> Input.Stance.CHANGE;
            case NEUTRAL -> null;
        };
    }

    static Input.Stance onAmendment(Position position, Input.Stance amendment) {
        return switch (position) {
            case SUPPORTS, CONDITIONAL -> amendment;
            case OPPOSES -> Input.Stance.SUPPORT;
            case WANTS_AMENDMENT -> Input.Stance.CHANGE;
            case NEUTRAL -> null;
        };
    }

    /** What a ledger stance on an amendment says of the amendment itself (for its own point). */
    static Input.Stance ofAmendment(Position position) {
        return switch (position) {
            case SUPPORTS, CONDITIONAL -> Input.Stance.SUPPORT;
            case OPPOSES -> Input.Stance.AGAINST;
            case WANTS_AMENDMENT -> Input.Stance.CHANGE;
            case NEUTRAL -> null;
        };
    }

    /** When it was stated: the day it was stated, at the time it was recorded when that is the same day. */
    private static Instant at(StanceView stance) {
        if (stance.date() == null) {
            return stance.recordedAt();
        }
        Instant day = stance.date().atStartOfDay(ZoneOffset.UTC).toInstant();
        return stance.recordedAt() != null && stance.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                .equals(stance.date()) ? stance.recordedAt() : day;
    }
}
