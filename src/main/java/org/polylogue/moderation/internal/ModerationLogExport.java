package org.polylogue.moderation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.polylogue.account.Accounts;
import org.polylogue.publishing.ExportBatch;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The public moderation log as open data: what the log pages show, reporters never included. */
@Component
class ModerationLogExport implements ExportSource {

    private record Row(String id, String processId, String action, String kind, String itemId, String itemTitle,
            String itemPath, Integer ruleNumber, String ruleTitle, String reason, String actorId, Instant at) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;

    ModerationLogExport(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public String kind() {
        return "moderation_log";
    }

    @Override
    public String description() {
        return "One row per action of the moderators (and per review requested by an author), as in the public "
                + "moderation log.";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<ExportColumn> columns() {
        return List.of(ExportColumn.of("id", "Stable id of the log entry."),
                ExportColumn.of("process_id", "The process whose moderators acted (processes.id); empty for platform moderation."),
                ExportColumn.of("action", "HIDDEN, DISMISSED, REVIEW_REQUESTED, KEPT or RESTORED."),
                ExportColumn.of("kind", "The kind of item: comment, submission, statement..."),
                ExportColumn.of("item_id", "The item's id in the file of its kind (e.g. comments.id)."),
                ExportColumn.of("item_title", "How the log names the item."),
                ExportColumn.of("item_path", "Where the item is shown on the platform (with the notice while hidden)."),
                ExportColumn.of("rule_number", "The number of the published rule applied, or empty."),
                ExportColumn.of("rule_title", "The title of that rule, or empty."),
                ExportColumn.of("reason", "The public reason given."),
                ExportColumn.of("moderator", "The public name of the moderator who acted; empty for an author's review request."),
                ExportColumn.of("at", "When."));
    }

    @Override
    public void forEachRow(ExportScope scope, ExportSink sink) {
        var batch = new ExportBatch<Row>(ExportBatch.SIZE, rows -> {
            var names = accounts.publicNames(rows.stream().map(Row::actorId).filter(Objects::nonNull).distinct()
                    .toList());
            for (Row r : rows) {
                boolean byModerator = r.actorId() != null && !"REVIEW_REQUESTED".equals(r.action());
                sink.row(r.id(), r.processId(), r.action(), r.kind(), r.itemId(), r.itemTitle(), r.itemPath(),
                        r.ruleNumber(), r.ruleTitle(), r.reason(), byModerator ? names.get(r.actorId()) : null, r.at());
            }
        });
        jdbc.sql("""
                select l.id, l.process_id, l.action, l.kind, l.item_id, l.item_title, l.item_path, r.number,
                       r.title, l.reason, l.actor_id, l.at
                from moderation_log l left join moderation_rule r on r.id = l.rule_id
                where ? or l.process_id = ? order by l.id""")
                .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                .query((RowCallbackHandler) rs -> batch.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant())));
        batch.flush();
    }
}
