package org.polylogue.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MailDeliveryTest {

    @Test
    void anSmtpUrlGivesHostPortAndDecodedCredentials() {
        var sender = MailDelivery.sender(URI.create("smtp://mailer%40example.org:p%3Ass%2Fword@smtp.example.org:2525"));
        assertThat(sender.getHost()).isEqualTo("smtp.example.org");
        assertThat(sender.getPort()).isEqualTo(2525);
        assertThat(sender.getUsername()).isEqualTo("mailer@example.org");
        assertThat(sender.getPassword()).isEqualTo("p:ss/word");
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true");
    }

    @Test
    void withoutCredentialsThereIsNoAuthenticationAndPort25() {
        var sender = MailDelivery.sender(URI.create("smtp://relay.internal"));
        assertThat(sender.getPort()).isEqualTo(25);
        assertThat(sender.getUsername()).isNull();
        assertThat(sender.getJavaMailProperties()).doesNotContainKey("mail.smtp.auth");
    }

    @Test
    void smtpsUsesImplicitTlsOnItsOwnPort() {
        var sender = MailDelivery.sender(URI.create("smtps://user:pass@smtp.example.org"));
        assertThat(sender.getProtocol()).isEqualTo("smtps");
        assertThat(sender.getPort()).isEqualTo(465);
        assertThat(MailDelivery.sender(URI.create("smtps://user:pass@smtp.example.org:2465")).getPort()).isEqualTo(2465);
    }

    @Test
    void theDevMailboxIsOpenOnLocalDemosElseOnlyToAdministratorsAndThisMachine() {
        var remote = new org.springframework.mock.web.MockHttpServletRequest();
        remote.setRemoteAddr("203.0.113.9");
        var local = new org.springframework.mock.web.MockHttpServletRequest();
        local.setRemoteAddr("127.0.0.1");
        var person = new org.polylogue.shared.security.Actor("a", "Person", false);
        var administrator = new org.polylogue.shared.security.Actor("b", "Admin", true);
        var clock = java.time.Clock.systemUTC();

        var localDemo = new MailDelivery(null, clock, "", "x", "", "");
        assertThat(localDemo.mailboxReadableBy(remote, null)).isTrue();

        var production = new MailDelivery(null, clock, "", "x", "", "jdbc:postgresql://db/polylogue");
        assertThat(production.mailboxReadableBy(remote, null)).isFalse();
        assertThat(production.mailboxReadableBy(remote, person)).isFalse();
        assertThat(production.mailboxReadableBy(remote, administrator)).isTrue();
        assertThat(production.mailboxReadableBy(local, null)).isTrue();

        var withSmtp = new MailDelivery(null, clock, "smtp://relay.internal", "x", "true", "");
        assertThat(withSmtp.mailboxReadableBy(local, administrator)).as("absent when SMTP is set").isFalse();
    }

    @Test
    void attachmentsGoOutAsAMultipartMessage() throws Exception {
        var delivery = new MailDelivery(null, java.time.Clock.systemUTC(), "smtp://relay.internal",
                "Polylogue <no-reply@example.org>", "", "");
        var mail = new org.polylogue.notification.Mail("someone@example.org", "You are registered", "See you there.",
                java.util.List.of(org.polylogue.notification.Mail.Attachment.text("meeting.ics",
                        "text/calendar; charset=UTF-8; method=PUBLISH", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")));
        var message = delivery.mimeMessage(mail);
        message.saveChanges();
        var multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        var attachment = multipart.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("meeting.ics");
        assertThat(attachment.getContentType()).startsWith("text/calendar");
        assertThat(new String(attachment.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("BEGIN:VCALENDAR");
    }
}
