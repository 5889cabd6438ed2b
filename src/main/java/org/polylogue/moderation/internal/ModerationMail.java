package org.polylogue.moderation.internal;

import org.polylogue.notification.Mail;
import org.polylogue.notification.Mailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Tells authors what moderators decided, once the decision is committed. */
@Component
public class ModerationMail {

    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    ModerationMail(Mailer mailer, ApplicationEventPublisher events, @Value("${polylogue.public-url}") String publicUrl) {
        this.mailer = mailer;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public void hidden(String to, String name, String kind, String itemId, String title, String path, String rule,
            String reason, String scopeTitle) {
        events.publishEvent(new MailReady(new Mail(to, "Your " + kind + " was hidden by the moderators", """
                Hello %s,

                The moderators of %s hid your %s "%s":
                %s%s

                Rule: %s
                Reason: %s

                Your text is not deleted: the page shows a notice with this rule and reason in its place.
                If you think this is wrong, you can ask for a review once; another moderator will look at it:
                %s/moderation/%s/%s/review-request

                The moderation log of the process is public.
                """.formatted(name, scopeTitle, kind, title, publicUrl, path, rule, reason, publicUrl, kind, itemId))));
    }

    public void reviewed(String to, String name, String kind, String title, String path, boolean restored,
            String reason) {
        events.publishEvent(new MailReady(new Mail(to, "The review of your " + kind, """
                Hello %s,

                The moderators reviewed the hiding of your %s "%s" and %s.
                Reason: %s

                %s%s
                """.formatted(name, kind, title, restored ? "show it again" : "keep it hidden", reason, publicUrl,
                path))));
    }

    record MailReady(Mail mail) {}

    @TransactionalEventListener(fallbackExecution = true)
    void sendAfterCommit(MailReady ready) {
        mailer.send(ready.mail());
    }
}
