package org.polylogue.synthesis.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polylogue.amendment.AmendmentKind;
import org.polylogue.amendment.AmendmentView;
import org.polylogue.amendment.Amendments;
import org.polylogue.process.ConsultationView;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Result;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.synthesis.Input;
import org.springframework.stereotype.Component;

/**
 * Amendments as inputs. An amendment is a text (its rationale, then the proposed paragraph) by its
 * proposer on the amended paragraph, with a stance on that paragraph's current wording: a
 * replacement or an insertion after it wants it changed ({@link Input.Stance#CHANGE}), a deletion is
 * against it ({@link Input.Stance#AGAINST}); neither is support of the text as it stands. Each
 * organisation supporting the amendment is an input of kind "support" with the same stance on the
 * same paragraph, so that agreement with the amendment across stakeholder groups shows on that
 * paragraph. Amendments hidden by the moderators, and their supports, never enter.
 */
@Component
class AmendmentInputs {

    static final String KIND = "amendment";
    static final String SUPPORT = "support";

    private final Amendments amendments;
    private final Organizations organizations;

    AmendmentInputs(Amendments amendments, Organizations organizations) {
        this.amendments = amendments;
        this.organizations = organizations;
    }

    /** The consultation's amendments that are not hidden, oldest first. */
    List<AmendmentView> visible(ConsultationView consultation) {
        List<AmendmentView> visible = new ArrayList<>();
        for (int page = 0;; page++) {
            var list = amendments.list(consultation.slug(), null, new PageRequest(page, PageRequest.MAX_SIZE), null);
            if (!(list instanceof Result.Ok<Paged<AmendmentView>> ok)) {
                break;
            }
            ok.value().items().stream().filter(a -> !a.isHidden()).forEach(visible::add);
            if (!ok.value().hasNext()) {
                break;
            }
        }
        return visible;
    }

    /** What an amendment of this kind says of its paragraph's current wording. */
    static Input.Stance stance(AmendmentKind kind) {
        return kind == AmendmentKind.DELETE ? Input.Stance.AGAINST : Input.Stance.CHANGE;
    }

    List<Input> inputs(List<AmendmentView> visible) {
        Set<String> ids = new HashSet<>();
        for (AmendmentView a : visible) {
            if (a.organization() != null) {
                ids.add(a.organization().id());
            }
            a.supports().supporters().forEach(s -> ids.add(s.organizationId()));
        }
        Map<String, OrganizationView> orgs = organizations.find(ids);
        List<Input> inputs = new ArrayList<>();
        for (AmendmentView a : visible) {
            Input.Stance stance = stance(a.kind());
            String text = join(a.rationale(), a.text());
            String orgId = a.organization() == null ? null : a.organization().id();
            OrganizationView org = orgId == null ? null : orgs.get(orgId);
            inputs.add(new Input(KIND, a.id(), text, a.paragraphId(), orgId,
                    org != null ? org.name() : a.organization() == null ? null : a.organization().name(),
                    org != null ? org.type().name() : a.organization() == null ? null : a.organization().stakeholderGroup(),
                    org == null ? null : InputReader.region(org.country()), org == null ? null : org.country(),
                    a.createdAt(), stance, a.id(), Input.Stance.SUPPORT));
            for (var supporter : a.supports().supporters()) {
                OrganizationView s = orgs.get(supporter.organizationId());
                inputs.add(new Input(SUPPORT, a.id() + ":" + supporter.organizationId(), null, a.paragraphId(),
                        supporter.organizationId(), s != null ? s.name() : supporter.name(),
                        s != null ? s.type().name() : supporter.stakeholderGroup(),
                        s == null ? null : InputReader.region(s.country()), s == null ? null : s.country(),
                        supporter.supportedAt(), stance, a.id(), Input.Stance.SUPPORT));
            }
        }
        return inputs;
    }

    private static String join(String rationale, String text) {
        String r = rationale == null ? "" : rationale.strip();
        String t = text == null ? "" : text.strip();
        return r.isEmpty() ? t : t.isEmpty() ? r : r + "\n\n" + t;
    }
}
