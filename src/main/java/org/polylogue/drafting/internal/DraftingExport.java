package org.polylogue.drafting.internal;

import java.util.List;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The drafting module's part of the open data: every version of every draft, and its blocks. */
@Configuration(proxyBeanMethods = false)
class DraftingExport {

    @Bean
    ExportSource versionsExport(JdbcClient jdbc) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "versions";
            }

            @Override
            public String description() {
                return "One row per version of a draft document, with its full source text.";
            }

            @Override
            public int order() {
                return 30;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the version."),
                        ExportColumn.of("document_id", "The draft document (consultations.document_id)."),
                        ExportColumn.of("number", "The version number, 1 for the first, in the order published."),
                        ExportColumn.of("source_format", "The format of source_text, e.g. markdown."),
                        ExportColumn.of("source_text", "The whole text of the version as published."),
                        ExportColumn.of("created_at", "When the version was published."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                jdbc.sql("""
                        select id, document_id, number, source_format, source_text, created_at from drafting_version
                        where ? or document_id = any(?) order by document_id, number""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.documentIdArray())
                        .query((RowCallbackHandler) rs -> sink.row(rs.getString(1), rs.getString(2), rs.getInt(3),
                                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
            }
        };
    }

    @Bean
    ExportSource paragraphsExport(JdbcClient jdbc) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "paragraphs";
            }

            @Override
            public String description() {
                return "One row per block (heading or paragraph) of each version, in reading order. A paragraph "
                        + "keeps its paragraph_id across versions; its number and text are those of that version.";
            }

            @Override
            public int order() {
                return 40;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("version_id", "The version (versions.id); with position, the row's id."),
                        ExportColumn.of("position", "Place of the block in the version, from 0."),
                        ExportColumn.of("kind", "HEADING or PARAGRAPH (as stored)."),
                        ExportColumn.of("level", "Heading level (1 for the top); 0 for paragraphs."),
                        ExportColumn.of("paragraph_id", "Stable id of the paragraph across versions; empty for headings."),
                        ExportColumn.of("number", "The paragraph's number in this version; empty for headings."),
                        ExportColumn.of("text", "The text of the block in this version."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                jdbc.sql("""
                        select b.version_id, b.position, b.kind, b.level, b.paragraph_id, b.number, b.text
                        from drafting_block b join drafting_version v on v.id = b.version_id
                        where ? or v.document_id = any(?) order by b.version_id, b.position""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.documentIdArray())
                        .query((RowCallbackHandler) rs -> sink.row(rs.getString(1), rs.getInt(2), rs.getString(3),
                                rs.getInt(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7)));
            }
        };
    }
}
