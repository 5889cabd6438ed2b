package org.polylogue.drafting.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.ChangeKind;
import org.polylogue.drafting.VersionDetail;
import org.polylogue.drafting.VersionDiff;
import org.polylogue.drafting.VersionStatus;

/** The JSON shapes of versions and diffs. */
final class VersionJson {

    private VersionJson() {}

    record Version(int number, VersionStatus status, String format, Instant createdAt, Instant publishedAt,
            List<Section> blocks, List<Paragraph> paragraphs, List<Removed> removed) {

        static Version of(VersionDetail detail) {
            return new Version(detail.number(), detail.status(), detail.format(), detail.createdAt(),
                    detail.publishedAt(),
                    detail.entries().stream().map(e -> new Section(e.block().isHeading() ? "heading" : "paragraph",
                            e.block().isHeading() ? e.block().level() : null, e.block().paragraphId(),
                            e.block().isHeading() ? null : e.block().number(), e.block().text())).toList(),
                    detail.paragraphs().stream().map(Paragraph::of).toList(),
                    detail.removed().stream().map(b -> new Removed(b.paragraphId(), b.number(), b.text())).toList());
        }
    }

    /** Every block in reading order, headings included. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Section(String kind, Integer level, String id, Integer number, String text) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Paragraph(String id, int number, String text, ChangeKind change, String previousId, Integer previousNumber,
            List<String> mergedIds) {

        static Paragraph of(VersionDetail.Entry entry) {
            Block previous = entry.previous();
            return new Paragraph(entry.block().paragraphId(), entry.block().number(), entry.block().text(),
                    entry.change(), previous == null ? null : previous.paragraphId(),
                    previous == null ? null : previous.number(),
                    entry.merged().isEmpty() ? null : entry.merged().stream().map(Block::paragraphId).toList());
        }
    }

    /** A paragraph of the previous version that is gone. */
    record Removed(String id, int number, String text) {}

    record Diff(int from, int to, List<Row> rows) {
        static Diff of(VersionDiff diff) {
            return new Diff(diff.from(), diff.to(), diff.rows().stream().map(Row::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String kind, ChangeKind change, String id, Integer fromNumber, Integer toNumber, String fromText,
            String toText, String note, List<VersionDiff.Segment> segments) {
        static Row of(VersionDiff.Row row) {
            if (row.isHeading()) {
                return new Row("heading", null, null, null, null, null, row.after().text(), null, null);
            }
            Block before = row.before();
            Block after = row.after();
            return new Row("paragraph", row.change(), after != null ? after.paragraphId() : before.paragraphId(),
                    before == null ? null : before.number(), after == null ? null : after.number(),
                    before == null ? null : before.text(), after == null ? null : after.text(), row.note(),
                    row.segments());
        }
    }
}
