package org.polylogue.notification.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import org.polylogue.notification.Mail;
import org.polylogue.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Delivers mail by SMTP, or stores it in the development mailbox when no SMTP is configured. */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JavaMailSenderImpl smtp;
    private final String from;
    private final boolean mailboxPublic;

    MailDelivery(JdbcClient jdbc, Clock clock, @Value("${polylogue.smtp-url:}") String smtpUrl,
            @Value("${polylogue.mail-from:Polylogue <no-reply@polylogue.localhost>}") String from,
            @Value("${polylogue.demo:}") String demo, @Value("${polylogue.db.url:}") String externalDatabase) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.smtp = StringUtils.hasText(smtpUrl) ? sender(URI.create(smtpUrl)) : null;
        this.from = from;
        // like demo content: open on a local installation with the embedded database, otherwise
        // only to administrators and to requests from this machine
        this.mailboxPublic = StringUtils.hasText(demo) ? Boolean.parseBoolean(demo) : !StringUtils.hasText(externalDatabase);
        if (smtp == null && !mailboxPublic) {
            log.warn("No SMTP server configured (POLYLOGUE_SMTP_URL): mails are kept in the dev mailbox, "
                    + "readable by administrators and from this machine only. People will receive no mail.");
        }
    }

    /** Whether this request may read the dev mailbox: it exists (no SMTP) and is open, local or asked by an administrator. */
    public boolean mailboxReadableBy(jakarta.servlet.http.HttpServletRequest request,
            org.polylogue.shared.security.Actor actor) {
        if (smtp != null) {
            return false;
        }
        if (mailboxPublic || (actor != null && actor.administrator())) {
            return true;
        }
        try {
            return java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public boolean devMailboxEnabled() {
        return smtp == null;
    }

    public void deliver(Mail mail) {
        if (smtp == null) {
            String id = Ids.next();
            jdbc.sql("""
                    insert into notification_dev_mail (id, recipient, subject, body, sent_at)
                    values (:id, :to, :subject, :body, :sentAt)""")
                    .param("id", id).param("to", mail.to()).param("subject", mail.subject())
                    .param("body", mail.text()).param("sentAt", java.sql.Timestamp.from(Instant.now(clock))).update();
            int number = 0;
            for (var attachment : mail.attachments()) {
                jdbc.sql("""
                        insert into notification_dev_mail_attachment (mail_id, number, filename, content_type, content)
                        values (:id, :number, :filename, :type, :content)""")
                        .param("id", id).param("number", ++number).param("filename", attachment.filename())
                        .param("type", attachment.contentType()).param("content", attachment.content()).update();
            }
            return;
        }
        try {
            if (mail.attachments().isEmpty()) {
                var message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.text());
                smtp.send(message);
            } else {
                smtp.send(mimeMessage(mail));
            }
        } catch (MailException | jakarta.mail.MessagingException e) {
            log.error("Mail to {} could not be sent: {}", mail.to(), e.getMessage());
        }
    }

    /** A multipart message: the text, then each attachment with its own content type. */
    jakarta.mail.internet.MimeMessage mimeMessage(Mail mail) throws jakarta.mail.MessagingException {
        var message = smtp.createMimeMessage();
        var helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text());
        for (var attachment : mail.attachments()) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        return message;
    }

    static JavaMailSenderImpl sender(URI uri) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(uri.getHost());
        boolean implicitTls = "smtps".equals(uri.getScheme());
        sender.setPort(uri.getPort() > 0 ? uri.getPort() : implicitTls ? 465 : 25);
        sender.setDefaultEncoding("UTF-8");
        var properties = new Properties();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            sender.setUsername(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
            if (parts.length > 1) {
                sender.setPassword(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
            properties.put("mail.smtp.auth", "true");
        }
        if (implicitTls) {
            sender.setProtocol("smtps");
        } else {
            properties.put("mail.smtp.starttls.enable", "true");
        }
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
