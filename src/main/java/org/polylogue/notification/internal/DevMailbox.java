package org.polylogue.notification.internal;

import java.time.Instant;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mails kept while no SMTP server is configured, newest first. */
@Component
public class DevMailbox {

    public record StoredMail(String id, String to, String subject, String text, Instant sentAt) {}

    private final JdbcClient jdbc;

    DevMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paged<StoredMail> list(PageRequest request) {
        var items = jdbc.sql("""
                select id, recipient, subject, body, sent_at from notification_dev_mail
                order by sent_at desc, id desc limit :limit offset :offset""")
                .param("limit", request.size()).param("offset", request.offset())
                .query((rs, n) -> new StoredMail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        long total = jdbc.sql("select count(*) from notification_dev_mail").query(Long.class).single();
        return new Paged<>(items, request.page(), request.size(), total);
    }
}
