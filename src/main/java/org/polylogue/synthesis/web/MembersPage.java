package org.polylogue.synthesis.web;

import java.util.Map;
import org.polylogue.process.ConsultationView;
import org.polylogue.shared.Paged;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Member;
import org.polylogue.synthesis.internal.SourceLinks;

/**
 * A theme or a campaign with every one of its sources, a page at a time.
 *
 * @param links where each source on this page is read, by {@code kind:id}
 */
public record MembersPage(ConsultationView consultation, Digest.Theme theme, Digest.Campaign campaign,
        Paged<Member> members, Map<String, String> links) {

    public String link(Member member) {
        return links.get(member.kind() + ":" + member.id());
    }

    public String label(Member member) {
        return SourceLinks.label(member.kind());
    }

    public String self() {
        return "/consultations/" + consultation.slug() + "/digest/" + (theme != null ? "themes/" + theme.id()
                : "campaigns/" + campaign.id());
    }
}
