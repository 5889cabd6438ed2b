package org.polylogue.drafting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.shared.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DocumentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insertDocument(String id, Instant now) {
        jdbc.sql("insert into drafting_document (id, created_at) values (:id, :now)")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Stores a version; paragraphs get new stable ids (alignment with earlier versions comes later). */
    public void insertVersion(String documentId, int number, String format, String source,
            List<MarkdownDraftParser.ParsedBlock> blocks, Instant now) {
        String versionId = Ids.next();
        jdbc.sql("""
                insert into drafting_version (id, document_id, number, source_format, source_text, created_at)
                values (:id, :document, :number, :format, :source, :now)""")
                .param("id", versionId).param("document", documentId).param("number", number).param("format", format)
                .param("source", source).param("now", Timestamp.from(now)).update();
        int position = 0;
        int paragraphNumber = 0;
        List<Object[]> rows = new java.util.ArrayList<>();
        List<Object[]> paragraphs = new java.util.ArrayList<>();
        for (var block : blocks) {
            position++;
            if (block.kind() == Block.Kind.PARAGRAPH) {
                paragraphNumber++;
                String paragraphId = Ids.next();
                paragraphs.add(new Object[] {paragraphId, documentId});
                rows.add(new Object[] {versionId, position, block.kind().name(), 0, paragraphId, paragraphNumber, block.text()});
            } else {
                rows.add(new Object[] {versionId, position, block.kind().name(), block.level(), null, null, block.text()});
            }
        }
        template.batchUpdate("insert into drafting_paragraph (id, document_id) values (?, ?)", paragraphs);
        template.batchUpdate("""
                insert into drafting_block (version_id, position, kind, level, paragraph_id, number, text)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public Optional<DocumentVersion> latestVersion(String documentId) {
        return jdbc.sql("select max(number) from drafting_version where document_id = :document")
                .param("document", documentId).query(Integer.class).optional()
                .flatMap(number -> version(documentId, number));
    }

    public Optional<DocumentVersion> version(String documentId, int number) {
        var blocks = jdbc.sql("""
                select b.kind, b.level, b.paragraph_id, b.number, b.text from drafting_block b
                join drafting_version v on v.id = b.version_id
                where v.document_id = :document and v.number = :number order by b.position""")
                .param("document", documentId).param("number", number)
                .query((rs, n) -> new Block(Block.Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5)))
                .list();
        return blocks.isEmpty() ? Optional.empty() : Optional.of(new DocumentVersion(documentId, number, blocks));
    }
}
