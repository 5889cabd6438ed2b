package org.polylogue.amendment.internal;

import java.util.List;
import org.polylogue.notification.Mail;
import org.polylogue.notification.Mailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** One mail per person when dispositions are published, listing their inputs; sent once committed. */
@Component
public class DispositionMail {

    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    DispositionMail(Mailer mailer, ApplicationEventPublisher events, @Value("${polylogue.public-url}") String publicUrl) {
        this.mailer = mailer;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** One input of the person and what the secretariat decided. */
    public record Line(String what, String decision, String reason, String path) {}

    /** Queues the mail to one person; it leaves only if the publication commits. */
    public void published(String to, String name, String consultationTitle, String consultationSlug, List<Line> lines) {
        var text = new StringBuilder();
        text.append("Hello ").append(name).append(",\n\n");
        text.append("The secretariat published what it did with the inputs to \"").append(consultationTitle)
                .append("\". Yours:\n");
        for (Line line : lines) {
            text.append("\n- ").append(line.what()).append("\n  ").append(line.decision());
            if (line.reason() != null && !line.reason().isBlank()) {
                text.append(": ").append(line.reason());
            }
            text.append("\n  ").append(publicUrl).append(line.path()).append('\n');
        }
        text.append("\nEvery input and its disposition (\"you said, we did\"):\n").append(publicUrl)
                .append("/consultations/").append(consultationSlug).append("/trail\n");
        events.publishEvent(new MailReady(new Mail(to, "What became of your input to " + consultationTitle,
                text.toString())));
    }

    record MailReady(Mail mail) {}

    @TransactionalEventListener(fallbackExecution = true)
    void sendAfterCommit(MailReady ready) {
        mailer.send(ready.mail());
    }
}
