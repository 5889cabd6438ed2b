package org.polylogue.drafting.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.drafting.DraftOwner;
import org.polylogue.drafting.DraftOwners;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Paragraphs of the current published version of each consultation's draft, for search: linked
 * to the consultation page at the paragraph's anchor. Drafts and removed paragraphs are not found.
 */
@Component
class ParagraphSearchSource implements SearchSource {

    private final DocumentRepository repository;
    private final ObjectProvider<DraftOwners> owners;

    ParagraphSearchSource(DocumentRepository repository, ObjectProvider<DraftOwners> owners) {
        this.repository = repository;
        this.owners = owners;
    }

    @Override
    public String kind() {
        return VersionCommands.PARAGRAPH_KIND;
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return repository.documentOf(id).flatMap(documentId -> {
            var owner = owners.getObject().byDocument(documentId);
            var version = repository.latestVersion(documentId);
            if (owner.isEmpty() || version.isEmpty()) {
                return Optional.empty();
            }
            return Optional.ofNullable(version.get().paragraphsById().get(id))
                    .map(paragraph -> document(owner.get(), version.get(), paragraph));
        });
    }

    @Override
    public void forEachDocument(Consumer<SearchDocument> sink) {
        for (String documentId : repository.documents()) {
            var owner = owners.getObject().byDocument(documentId);
            var version = repository.latestVersion(documentId);
            if (owner.isEmpty() || version.isEmpty()) {
                continue;
            }
            version.get().paragraphs().forEach(p -> sink.accept(document(owner.get(), version.get(), p)));
        }
    }

    private SearchDocument document(DraftOwner owner, DocumentVersion version, Block paragraph) {
        var published = repository.versionRow(version.documentId(), version.number())
                .map(DocumentRepository.VersionRow::publishedAt).orElse(null);
        return new SearchDocument(kind(), paragraph.paragraphId(), owner.title() + ", paragraph " + paragraph.number(),
                paragraph.text(), "/consultations/" + owner.slug() + "#p-" + paragraph.paragraphId(), owner.processId(),
                null, null, null, null, published, null);
    }
}
