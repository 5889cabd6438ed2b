package org.polylogue.drafting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.ChangeKind;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.drafting.VersionStatus;
import org.polylogue.drafting.VersionSummary;
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

    /** A block to store: a heading, or a paragraph with its id and how it came from the previous version. */
    public record StoredBlock(Block.Kind kind, int level, String text, String paragraphId, ChangeKind change,
            String previousParagraphId) {}

    /** A block as stored, with its alignment columns. */
    public record BlockRow(Block block, ChangeKind change, String previousParagraphId) {}

    /** A version's row. */
    public record VersionRow(String id, String documentId, int number, VersionStatus status, String format,
            Instant createdAt, Instant publishedAt) {}

    public void insertDocument(String id, Instant now) {
        jdbc.sql("insert into drafting_document (id, created_at) values (:id, :now)")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Stores version 1, published at once; every paragraph gets a new stable id. */
    public void insertVersion(String documentId, int number, String format, String source,
            List<MarkdownDraftParser.ParsedBlock> blocks, Instant now) {
        List<StoredBlock> stored = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (var block : blocks) {
            if (block.kind() == Block.Kind.PARAGRAPH) {
                ids.add(Ids.next());
                stored.add(new StoredBlock(block.kind(), 0, block.text(), ids.getLast(), null, null));
            } else {
                stored.add(new StoredBlock(block.kind(), block.level(), block.text(), null, null, null));
            }
        }
        insertParagraphs(documentId, ids);
        insertVersion(Ids.next(), documentId, number, format, source, VersionStatus.PUBLISHED, null, stored, now);
    }

    /** New paragraph identities of the document. */
    public void insertParagraphs(String documentId, List<String> ids) {
        template.batchUpdate("insert into drafting_paragraph (id, document_id) values (?, ?)",
                ids.stream().map(id -> new Object[] {id, documentId}).toList());
    }

    /** A new paragraph identity of the document. */
    public String newParagraph(String documentId) {
        String id = Ids.next();
        jdbc.sql("insert into drafting_paragraph (id, document_id) values (:id, :document)")
                .param("id", id).param("document", documentId).update();
        return id;
    }

    public void insertVersion(String versionId, String documentId, int number, String format, String source,
            VersionStatus status, String uploadedBy, List<StoredBlock> blocks, Instant now) {
        jdbc.sql("""
                insert into drafting_version (id, document_id, number, source_format, source_text, created_at,
                    status, published_at, uploaded_by)
                values (:id, :document, :number, :format, :source, :now, :status, :published, :by)""")
                .param("id", versionId).param("document", documentId).param("number", number).param("format", format)
                .param("source", source).param("now", Timestamp.from(now)).param("status", status.name())
                .param("published", status == VersionStatus.PUBLISHED ? Timestamp.from(now) : null)
                .param("by", uploadedBy).update();
        int position = 0;
        int paragraphNumber = 0;
        List<Object[]> rows = new ArrayList<>();
        for (var block : blocks) {
            position++;
            if (block.kind() == Block.Kind.PARAGRAPH) {
                paragraphNumber++;
                rows.add(new Object[] {versionId, position, block.kind().name(), 0, block.paragraphId(),
                    paragraphNumber, block.text(), block.change() == null ? null : block.change().name(),
                    block.previousParagraphId()});
            } else {
                rows.add(new Object[] {versionId, position, block.kind().name(), block.level(), null, null,
                    block.text(), null, null});
            }
        }
        template.batchUpdate("""
                insert into drafting_block (version_id, position, kind, level, paragraph_id, number, text, change,
                    previous_paragraph_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public void insertMerge(String versionId, String paragraphId, String mergedParagraphId) {
        jdbc.sql("""
                insert into drafting_merge (version_id, paragraph_id, merged_paragraph_id)
                values (:version, :paragraph, :merged)""")
                .param("version", versionId).param("paragraph", paragraphId).param("merged", mergedParagraphId)
                .update();
    }

    public void deleteMergesInto(String versionId, String paragraphId) {
        jdbc.sql("delete from drafting_merge where version_id = :version and paragraph_id = :paragraph")
                .param("version", versionId).param("paragraph", paragraphId).update();
    }

    /** Merges of a version: paragraph id kept, merged paragraph ids, in pairs. */
    public List<String[]> merges(String versionId) {
        return jdbc.sql("select paragraph_id, merged_paragraph_id from drafting_merge where version_id = :version")
                .param("version", versionId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    public void updateParagraph(String versionId, int number, String paragraphId, ChangeKind change,
            String previousParagraphId) {
        jdbc.sql("""
                update drafting_block set paragraph_id = :paragraph, change = :change, previous_paragraph_id = :previous
                where version_id = :version and number = :number""")
                .param("paragraph", paragraphId).param("change", change.name()).param("previous", previousParagraphId)
                .param("version", versionId).param("number", number).update();
    }

    public boolean publish(String versionId, Instant now) {
        return jdbc.sql("""
                update drafting_version set status = 'PUBLISHED', published_at = :now
                where id = :id and status = 'DRAFT'""")
                .param("now", Timestamp.from(now)).param("id", versionId).update() == 1;
    }

    /** Removes a draft version and what only it refers to. */
    public void deleteDraft(String versionId) {
        jdbc.sql("delete from drafting_merge where version_id = :id").param("id", versionId).update();
        jdbc.sql("delete from drafting_block where version_id = :id").param("id", versionId).update();
        jdbc.sql("delete from drafting_version where id = :id and status = 'DRAFT'").param("id", versionId).update();
    }

    public int nextNumber(String documentId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from drafting_version where document_id = :document")
                .param("document", documentId).query(Integer.class).single();
    }

    public Optional<VersionRow> versionRow(String documentId, int number) {
        return jdbc.sql("""
                select id, document_id, number, status, source_format, created_at, published_at
                from drafting_version where document_id = :document and number = :number""")
                .param("document", documentId).param("number", number).query(DocumentRepository::versionRow)
                .optional();
    }

    public Optional<VersionRow> draft(String documentId) {
        return jdbc.sql("""
                select id, document_id, number, status, source_format, created_at, published_at
                from drafting_version where document_id = :document and status = 'DRAFT'""")
                .param("document", documentId).query(DocumentRepository::versionRow).optional();
    }

    private static VersionRow versionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new VersionRow(rs.getString("id"), rs.getString("document_id"), rs.getInt("number"),
                VersionStatus.valueOf(rs.getString("status")), rs.getString("source_format"),
                rs.getTimestamp("created_at").toInstant(), published == null ? null : published.toInstant());
    }

    /** Every version of a document, newest first; drafts only when asked for. */
    public List<VersionSummary> versions(String documentId, boolean withDrafts) {
        return jdbc.sql("""
                select v.number, v.status, v.source_format, v.created_at, v.published_at,
                    (select count(*) from drafting_block b where b.version_id = v.id and b.kind = 'PARAGRAPH') paragraphs
                from drafting_version v where v.document_id = :document and (:drafts or v.status = 'PUBLISHED')
                order by v.number desc""")
                .param("document", documentId).param("drafts", withDrafts)
                .query((rs, n) -> {
                    Timestamp published = rs.getTimestamp("published_at");
                    return new VersionSummary(rs.getInt("number"), VersionStatus.valueOf(rs.getString("status")),
                            rs.getString("source_format"), rs.getTimestamp("created_at").toInstant(),
                            published == null ? null : published.toInstant(), rs.getInt("paragraphs"));
                }).list();
    }

    /** The newest published version. */
    public Optional<DocumentVersion> latestVersion(String documentId) {
        return jdbc.sql("""
                select max(number) from drafting_version where document_id = :document and status = 'PUBLISHED'""")
                .param("document", documentId).query(Integer.class).optional()
                .flatMap(number -> version(documentId, number));
    }

    /** A published version. */
    public Optional<DocumentVersion> version(String documentId, int number) {
        var blocks = blockRows(documentId, number, false);
        return blocks.isEmpty() ? Optional.empty()
                : Optional.of(new DocumentVersion(documentId, number, blocks.stream().map(BlockRow::block).toList()));
    }

    /** The blocks of a version with their alignment; a draft's only when {@code withDraft}. */
    public List<BlockRow> blockRows(String documentId, int number, boolean withDraft) {
        return jdbc.sql("""
                select b.kind, b.level, b.paragraph_id, b.number, b.text, b.change, b.previous_paragraph_id
                from drafting_block b join drafting_version v on v.id = b.version_id
                where v.document_id = :document and v.number = :number and (:draft or v.status = 'PUBLISHED')
                order by b.position""")
                .param("document", documentId).param("number", number).param("draft", withDraft)
                .query((rs, n) -> new BlockRow(new Block(Block.Kind.valueOf(rs.getString(1)), rs.getInt(2),
                        rs.getString(3), rs.getInt(4), rs.getString(5)),
                        rs.getString(6) == null ? null : ChangeKind.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    /** The paragraph in the newest published version that has it. */
    public Optional<Block> latestBlock(String documentId, String paragraphId) {
        return jdbc.sql("""
                select b.kind, b.level, b.paragraph_id, b.number, b.text from drafting_block b
                join drafting_version v on v.id = b.version_id
                where v.document_id = :document and v.status = 'PUBLISHED' and b.paragraph_id = :paragraph
                order by v.number desc limit 1""")
                .param("document", documentId).param("paragraph", paragraphId)
                .query((rs, n) -> new Block(Block.Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5))).optional();
    }

    /** Paragraphs of published versions missing from the newest one, each as it last read. */
    public List<Block> removedParagraphs(String documentId) {
        return jdbc.sql("""
                with published as (
                    select id, number from drafting_version where document_id = :document and status = 'PUBLISHED'),
                current as (select id from published order by number desc limit 1),
                last as (
                    select distinct on (b.paragraph_id) b.kind, b.level, b.paragraph_id, b.number, b.text, p.number version
                    from drafting_block b join published p on p.id = b.version_id
                    where b.kind = 'PARAGRAPH'
                      and b.paragraph_id not in (select paragraph_id from drafting_block
                          where version_id = (select id from current) and paragraph_id is not null)
                    order by b.paragraph_id, p.number desc)
                select * from last order by version, number""")
                .param("document", documentId)
                .query((rs, n) -> new Block(Block.Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5))).list();
    }

    /** The document a paragraph belongs to. */
    public Optional<String> documentOf(String paragraphId) {
        return jdbc.sql("select document_id from drafting_paragraph where id = :id").param("id", paragraphId)
                .query(String.class).optional();
    }

    /** Every document with at least one published version, for a full reindex. */
    public List<String> documents() {
        return jdbc.sql("select distinct document_id from drafting_version where status = 'PUBLISHED'")
                .query(String.class).list();
    }
}
