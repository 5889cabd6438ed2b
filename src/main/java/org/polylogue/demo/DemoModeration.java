package org.polylogue.demo;

import org.polylogue.account.Accounts;
import org.polylogue.account.RegisterAccount;
import org.polylogue.contribution.Comments;
import org.polylogue.contribution.SubmitComment;
import org.polylogue.moderation.HideItem;
import org.polylogue.moderation.Moderation;
import org.polylogue.moderation.ModerationRule;
import org.polylogue.moderation.PublishRule;
import org.polylogue.moderation.ReportItem;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * The demo process's published moderation rules and one entry of its moderation log: an advert
 * posted as a comment, reported by a representative and hidden by the moderator under the rule
 * against advertising, so the consultation page shows the notice in its place.
 */
@Component
class DemoModeration {

    private final Moderation moderation;
    private final Comments comments;
    private final Accounts accounts;

    DemoModeration(Moderation moderation, Comments comments, Accounts accounts) {
        this.moderation = moderation;
        this.comments = comments;
        this.accounts = accounts;
    }

    void seed(Actor secretariat, Actor reporter) {
        var scope = moderation.scope(DemoContent.PROCESS).orElseThrow();
        moderation.publishRule(scope, new PublishRule("Respect other participants",
                "Criticise positions, not people: no insults, threats or harassment of anyone taking part."),
                secretariat).orThrow();
        ModerationRule spam = moderation.publishRule(scope, new PublishRule("No advertising or spam",
                "Comments are about the draft. Adverts, unrelated links and the same text posted again and again are "
                        + "hidden."), secretariat).orThrow();
        moderation.publishRule(scope, new PublishRule("No personal data of others",
                "Do not publish private addresses, phone numbers or other personal data of anyone."), secretariat)
                .orThrow();
        moderation.publishRule(scope, new PublishRule("Stay on the record",
                "Do not impersonate another person, organisation or member state."), secretariat).orThrow();

        var account = accounts.register(new RegisterAccount("passer-by@demo.polylogue.localhost",
                DemoContent.PASSWORD, "Cheap Certificates Ltd")).orThrow();
        accounts.confirmEmailForDemo(account.id());
        var advertiser = new Actor(account.id(), account.displayName(), false);
        var advert = comments.submit(DemoContent.OPEN_CONSULTATION, new SubmitComment(null,
                "Get your ISO 27001 certificate in 24 hours, no audit needed! Best prices, order now.", null),
                advertiser).orThrow();
        moderation.report(new ReportItem("comment", advert.id(), "An advert, not a comment on the draft."), reporter)
                .orThrow();
        var moderatorAccount = accounts.findByEmail(DemoContent.MODERATOR).orElseThrow();
        var moderator = new Actor(moderatorAccount.id(), moderatorAccount.displayName(), false);
        moderation.hide("comment", advert.id(), new HideItem(spam.id(),
                "An advertisement for certification services, unrelated to the draft."), moderator).orThrow();
    }
}
