package org.polylogue.notification;

import org.polylogue.notification.internal.MailDelivery;
import org.springframework.stereotype.Service;

/** Sends mail: through SMTP when {@code POLYLOGUE_SMTP_URL} is set, else into the dev mailbox. */
@Service
public class Mailer {

    private final MailDelivery delivery;

    Mailer(MailDelivery delivery) {
        this.delivery = delivery;
    }

    /** Sends the mail; a failure of SMTP is logged, never thrown. */
    public void send(Mail mail) {
        delivery.deliver(mail);
    }

    /** Whether mails go to the development mailbox (no SMTP configured). */
    public boolean devMailboxEnabled() {
        return delivery.devMailboxEnabled();
    }
}
