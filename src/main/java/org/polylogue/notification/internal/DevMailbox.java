package org.polylogue.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mails kept while no SMTP server is configured, newest first. */
@Component
public class DevMailbox {

    public record StoredMail(String id, String to, String subject, String text, Instant sentAt,
            List<StoredAttachment> attachments) {}

    /** An attachment as the dev mailbox shows it: text attachments (calendars) in full. */
    public record StoredAttachment(String filename, String contentType, String text) {}

    private final JdbcClient jdbc;

    DevMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paged<StoredMail> list(PageRequest request) {
        List<StoredMail> items = jdbc.sql("""
                select id, recipient, subject, body, sent_at from notification_dev_mail
                order by sent_at desc, id desc limit :limit offset :offset""")
                .param("limit", request.size()).param("offset", request.offset())
                .query((rs, n) -> new StoredMail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), List.of()))
                .list();
        if (!items.isEmpty()) {
            Map<String, List<StoredAttachment>> attachments = new HashMap<>();
            jdbc.sql("""
                    select mail_id, filename, content_type, content from notification_dev_mail_attachment
                    where mail_id in (:ids) order by mail_id, number""")
                    .param("ids", items.stream().map(StoredMail::id).toList())
                    .query(rs -> {
                        attachments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StoredAttachment(
                                rs.getString(2), rs.getString(3), new String(rs.getBytes(4), StandardCharsets.UTF_8)));
                    });
            items = items.stream().map(m -> new StoredMail(m.id(), m.to(), m.subject(), m.text(), m.sentAt(),
                    attachments.getOrDefault(m.id(), List.of()))).toList();
        }
        long total = jdbc.sql("select count(*) from notification_dev_mail").query(Long.class).single();
        return new Paged<>(items, request.page(), request.size(), total);
    }
}
