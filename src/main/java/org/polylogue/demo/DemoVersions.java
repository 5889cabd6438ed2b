package org.polylogue.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.polylogue.drafting.Drafts;
import org.polylogue.drafting.UploadVersion;
import org.polylogue.shared.security.Actor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Versions 2 and 3 of the demo's open draft, uploaded and published by its secretariat through the
 * drafting facade: edits, a moved paragraph, a split, a new and a removed paragraph in version 2; a
 * merge and further edits in version 3. Not called from {@code DemoContent.seed()}: it is sequenced
 * with the demo amendments when both are merged.
 */
@Component
public class DemoVersions {

    private final Drafts drafts;

    DemoVersions(Drafts drafts) {
        this.drafts = drafts;
    }

    /** Uploads and publishes versions 2 and 3 of the draft of {@code slug}; fails loudly if the draft changed. */
    public void publishVersions(String slug, Actor secretariat) {
        String v1 = text("demo/open-draft.md");
        String v2 = secondVersion(v1);
        String v3 = thirdVersion(v2);
        for (String text : new String[] {v2, v3}) {
            var draft = drafts.upload(slug, UploadVersion.markdown(text), secretariat).orThrow();
            drafts.publish(slug, draft.number(), secretariat).orThrow();
        }
    }

    /** The text of the demo's accepted amendment (see DemoAmendments), carried into version 2. */
    static final String ACCEPTED_DISCLOSURE = "Member States are encouraged to establish coordinated vulnerability "
            + "disclosure policies, to protect researchers who report vulnerabilities in good faith, and to share "
            + "information on remedies with affected users without undue delay.";

    static String secondVersion(String v1) {
        String text = replace(v1, "This zero draft sets out possible elements",
                "This revised draft, which reflects the written and oral inputs received on the zero draft, sets out "
                        + "possible elements");
        text = replace(text, "# Zero draft: Elements", "# Revised draft: Elements");
        // the partly accepted amendment on accreditation (DemoAmendments)
        text = replace(text, "non-discriminatory and predictable, and that accredited stakeholders",
                "non-discriminatory and predictable, that objections to the accreditation of a stakeholder be "
                        + "published with their reasons where the objecting State agrees, and that accredited stakeholders");
        // the accepted amendment on vulnerability disclosure (DemoAmendments) follows the supply-chain paragraph
        String supplyChain = paragraph(text, "The Group recalls that States should take reasonable steps to ensure the "
                + "integrity of the supply chain");
        text = replace(text, supplyChain + "\n\n", supplyChain + "\n\n" + ACCEPTED_DISCLOSURE + "\n\n");
        text = replace(text, "and encourages the mechanism to consider how existing norms, cooperative measures and "
                + "capacity-building can contribute to reducing this threat.", "and encourages the mechanism to "
                        + "consider how existing norms, cooperative measures, law enforcement cooperation and "
                        + "capacity-building can together contribute to reducing this threat.");
        // split: testing the directory becomes a paragraph of its own
        text = replace(text, "points of contact. Member States recommend that the directory be tested regularly",
                "points of contact.\n\nMember States recommend that the directory be tested regularly");
        // new paragraph at the start of the capacity-building section
        text = replace(text, "## Capacity-building\n\n", "## Capacity-building\n\n"
                + "Member States emphasize that capacity-building on ICT security is a shared responsibility, and "
                + "welcome the experience of regional centres of excellence, computer emergency response teams and "
                + "universities in training the next generation of practitioners, including women and young people.\n\n");
        // removed: the paragraph on additional legally binding obligations
        text = remove(text, "Member States take note of proposals regarding the possible development of additional "
                + "legally binding obligations");
        // moved: the proposals for additional norms now open the section on norms
        String norms = paragraph(text, "The Group notes proposals by some States for the elaboration of additional norms");
        text = remove(text, "The Group notes proposals by some States for the elaboration of additional norms");
        return replace(text, "## Rules, norms and principles of responsible State behaviour\n\n",
                "## Rules, norms and principles of responsible State behaviour\n\n" + norms + "\n\n");
    }

    static String thirdVersion(String v2) {
        // merged: the round table and its funding become one paragraph
        String text = replace(v2, "between States at different stages of development.\n\nMember States recall that "
                + "adequate and predictable funding", "between States at different stages of development. Member "
                        + "States recall that adequate and predictable funding");
        text = replace(text, "contribute to a voluntary trust fund", "contribute to a voluntary trust fund administered "
                + "by the Secretariat");
        text = replace(text, "# Revised draft: Elements", "# Second revised draft: Elements");
        return replace(text, "The Group underlines that the permanent mechanism should be action-oriented, inclusive "
                + "and guided by the principle of consensus.", "The Group underlines that the permanent mechanism "
                        + "should be action-oriented, inclusive, transparent and guided by the principle of consensus.");
    }

    private static String replace(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new IllegalStateException("The demo draft no longer contains: " + target);
        }
        return text.replace(target, replacement);
    }

    private static String paragraph(String text, String start) {
        int from = text.indexOf(start);
        if (from < 0) {
            throw new IllegalStateException("The demo draft no longer contains: " + start);
        }
        int to = text.indexOf("\n\n", from);
        return text.substring(from, to < 0 ? text.length() : to).strip();
    }

    private static String remove(String text, String start) {
        return replace(text, paragraph(text, start) + "\n\n", "");
    }

    private static String text(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
