package org.polylogue.synthesis.web;

import org.polylogue.process.ConsultationView;
import org.polylogue.shared.Paged;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Member;

/** A theme or a campaign with every one of its sources, a page at a time. */
public record MembersPage(ConsultationView consultation, Digest.Theme theme, Digest.Campaign campaign,
        Paged<Member> members) {

    public String link(Member member) {
        return switch (member.kind()) {
            case "comment" -> "/consultations/" + consultation.slug() + "/comments/" + member.id();
            case "submission" -> "/submissions/" + member.id();
            default -> null;
        };
    }

    public String self() {
        return "/consultations/" + consultation.slug() + "/digest/" + (theme != null ? "themes/" + theme.id()
                : "campaigns/" + campaign.id());
    }
}
